import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import {
  buildImportErrorReport,
  createImportJob,
  exportSupplierCatalog,
  getImportJob,
  listSupplierProducts,
  publishProducts,
  runImportJob,
  validateImportJob,
} from "~/modules/catalog/catalog.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, withTempDataDir } from "./helpers";

withTempDataDir();

/** An XLSX price list with Russian headers; rows listed in `bad` get a broken value. */
async function priceList(
  rows: number,
  opts: {
    bad?: Map<number, "price" | "power" | "sku">;
    categorySlug: string;
    priceShift?: number;
    /** the НДС cell of a row (default «22%») */
    vat?: Map<number, string>;
  },
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Прайс");
  ws.addRow([
    "Артикул",
    "Наименование",
    "Категория",
    "Цена без НДС, руб.",
    "НДС",
    "Ед. изм.",
    "Срок поставки, дней",
    "Мощность, кВА",
    "Охлаждение",
  ]);
  for (let i = 0; i < rows; i++) {
    const bad = opts.bad?.get(i);
    ws.addRow([
      bad === "sku" ? "" : `ТМГ-${i}/10/0,4`,
      `Трансформатор ТМГ-${i}/10/0,4 У1`,
      opts.categorySlug,
      bad === "price" ? "дорого" : 100_000 + i + (opts.priceShift ?? 0),
      opts.vat?.get(i) ?? "22%",
      "шт",
      30,
      bad === "power" ? "много" : 25 + i,
      i % 2 ? "Масляное" : "Сухое",
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function importFile(actor: Parameters<typeof createImportJob>[0], bytes: Uint8Array, name = "прайс.xlsx") {
  const { id } = await createImportJob(actor, { file: { name, bytes } });
  const job = await getImportJob(actor, id);
  const validation = await validateImportJob(actor, id, job.mapping);
  const result = await runImportJob(id);
  return { id, job, validation, result };
}

describe("bulk import", () => {
  it("imports 997 of 1,000 rows, reports the 3 bad ones, and a re-import changes nothing", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const bad = new Map<number, "price" | "power" | "sku">([
      [10, "price"],
      [500, "power"],
      [998, "sku"],
    ]);
    const file = await priceList(1000, { bad, categorySlug: category.slug });
    const first = await importFile(actor, file);
    expect(first.job.mapping.columns).toEqual([
      "field:sku",
      "field:title",
      "field:category",
      "field:price",
      "field:vatRate",
      "field:unit",
      "field:leadTimeDays",
      "spec:power_kva",
      "spec:cooling",
    ]);
    expect(first.validation).toMatchObject({ validRows: 997, errorRows: 3 });
    expect(first.result).toEqual({ created: 997, updated: 0, unchanged: 0, errors: 3 });
    const prisma = getPrisma();
    expect(await prisma.product.count({ where: { supplierId: actor.organizationId ?? "" } })).toBe(997);
    const sample = await prisma.product.findFirstOrThrow({
      where: { supplierId: actor.organizationId ?? "", sku: "ТМГ-7/10/0,4" },
    });
    expect(sample).toMatchObject({
      priceKopecks: 10000700n,
      vatRate: "VAT22",
      unit: "pcs",
      leadTimeDays: 30,
      status: "DRAFT",
    });
    expect(sample.specs).toEqual({ power_kva: 32, cooling: "oil" });
    expect(await prisma.outboxEvent.count({ where: { topic: "search.product" } })).toBe(997);

    const report = new ExcelJS.Workbook();
    await report.xlsx.load(
      (await buildImportErrorReport(actor, first.id, (e) => `${e.field}: ${e.code}`, {
        row: "Строка",
        errors: "Ошибки",
      })) as never,
    );
    const ws = report.worksheets[0];
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(1).value).toBe(12); // data row 10 is file row 12
    expect(String(ws.getRow(2).getCell(2).value)).toContain("price");
    expect(String(ws.getRow(3).getCell(2).value)).toContain("spec:power_kva");
    expect(String(ws.getRow(4).getCell(2).value)).toContain("sku: required");

    const again = await importFile(actor, file);
    expect(again.result).toEqual({ created: 0, updated: 0, unchanged: 997, errors: 3 });
    expect(await prisma.product.count({ where: { supplierId: actor.organizationId ?? "" } })).toBe(997);
    expect(await prisma.outboxEvent.count({ where: { topic: "search.product" } })).toBe(997);

    const changed = await importFile(actor, await priceList(1000, { bad, categorySlug: category.slug, priceShift: 1 }));
    expect(changed.result).toEqual({ created: 0, updated: 997, unchanged: 0, errors: 3 });
    expect(
      (
        await prisma.product.findFirstOrThrow({
          where: { supplierId: actor.organizationId ?? "", sku: "ТМГ-7/10/0,4" },
        })
      ).priceKopecks,
    ).toBe(10000800n);
  });

  it("checks each row's НДС against the supplier's tax regime and today's rates, like the product form", async () => {
    const { actor, organization } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const vat = new Map([
      [0, "22%"],
      [1, "20%"],
      [2, "18%"],
      [3, "5%"],
      [4, "без НДС"],
    ]);
    const osn = await importFile(actor, await priceList(5, { categorySlug: category.slug, vat }));
    expect(osn.validation.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      "3:vatRate:vatOutdated",
      "4:vatRate:vatOutdated",
      "5:vatRate:vatNotAllowed",
    ]);
    expect(osn.result).toMatchObject({ created: 2, errors: 3 });

    // a supplier on УСН без НДС may only import «без НДС»; a row without a rate gets «без НДС»
    await getPrisma().organization.update({ where: { id: organization.id }, data: { taxRegime: "USN_NO_VAT" } });
    const usn = await importFile(
      actor,
      await priceList(5, { categorySlug: category.slug, vat: new Map([[2, ""]]), priceShift: 1 }),
    );
    expect(usn.validation.errors.map((e) => `${e.row}:${e.code}`)).toEqual([
      "2:vatNotAllowed",
      "3:vatNotAllowed",
      "5:vatNotAllowed",
      "6:vatNotAllowed",
    ]);
    const blank = await getPrisma().product.findFirstOrThrow({
      where: { supplierId: organization.id, sku: "ТМГ-2/10/0,4" },
    });
    expect(blank.vatRate).toBe("NO_VAT");
  });

  it("round-trips the XLSX export and keeps jobs private to their supplier", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const stranger = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const first = await importFile(actor, await priceList(20, { categorySlug: category.slug }));
    expect(first.result.created).toBe(20);
    await expect(getImportJob(stranger.actor, first.id)).rejects.toBeInstanceOf(NotFoundError);

    const exported = await exportSupplierCatalog(actor);
    const again = await importFile(actor, new Uint8Array(exported), "export.xlsx");
    expect(again.result).toEqual({ created: 0, updated: 0, unchanged: 20, errors: 0 });
    expect(await getPrisma().product.count({ where: { supplierId: stranger.actor.organizationId ?? "" } })).toBe(0);
  });

  it("reads semicolon CSV in windows-1251 like Excel saves it", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const text = `Артикул;Наименование;Категория;Цена;Мощность\r\nКТП-630;Подстанция КТП-630/10/0,4;${category.slug};"1 500 000,00";630\r\n`;
    const bytes = new Uint8Array(
      [...text].map((ch) => {
        const code = ch.charCodeAt(0);
        if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
        return code;
      }),
    );
    const { result } = await importFile(actor, bytes, "прайс.csv");
    expect(result).toEqual({ created: 1, updated: 0, unchanged: 0, errors: 0 });
    const product = await getPrisma().product.findFirstOrThrow({ where: { supplierId: actor.organizationId ?? "" } });
    expect(product).toMatchObject({ sku: "КТП-630", priceKopecks: 150000000n, specs: { power_kva: 630 } });
  });

  it("finishes a 10,000-row file", { timeout: 120_000 }, async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const started = Date.now();
    const { result } = await importFile(actor, await priceList(10_000, { categorySlug: category.slug }));
    expect(result).toEqual({ created: 10_000, updated: 0, unchanged: 0, errors: 0 });
    const job = await getPrisma().importJob.findFirstOrThrow({ where: { supplierId: actor.organizationId ?? "" } });
    expect(job).toMatchObject({ status: "DONE", processedRows: 10_000, createdCount: 10_000 });
    console.log(`10,000-row import: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

describe("drafts of an import and bulk publish", () => {
  it("marks the products an import created, lists them by import, publishes the valid ones and says why not the rest", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const handMade = await getPrisma().product.create({
      data: {
        supplierId: actor.organizationId ?? "",
        categoryId: category.id,
        slug: `hand-${category.slug}`,
        sku: "РУЧН-1",
        title: "Вручную",
        specs: { power_kva: 40 },
      },
    });
    const { id } = await importFile(actor, await priceList(3, { categorySlug: category.slug }));
    const created = await getPrisma().product.findMany({ where: { importJobId: id }, orderBy: { sku: "asc" } });
    expect(created.map((p) => p.sku)).toEqual(["ТМГ-0/10/0,4", "ТМГ-1/10/0,4", "ТМГ-2/10/0,4"]);
    expect(created.every((p) => p.status === "DRAFT" && p.supplierId === actor.organizationId)).toBe(true);
    expect((await getImportJob(actor, id)).draftsCount).toBe(3);

    const listed = await listSupplierProducts(actor, { page: 1, import: id, status: "DRAFT" });
    expect(listed.items.map((p) => p.sku).sort()).toEqual(created.map((p) => p.sku));
    expect(listed.items.some((p) => p.id === handMade.id)).toBe(false);

    // the category's required «Мощность» is missing on one draft (e.g. cleared since): it must not go public
    const broken = created[1];
    await getPrisma().product.update({ where: { id: broken.id }, data: { specs: { cooling: "oil" } } });
    const result = await publishProducts(
      actor,
      listed.items.map((p) => p.id),
    );
    expect(result.published).toBe(2);
    expect(result.failed).toEqual([
      {
        id: broken.id,
        title: broken.title,
        problems: [
          { key: "spec.required", attribute: { code: "power_kva", nameRu: "Мощность", nameEn: expect.any(String) } },
        ],
      },
    ]);
    const after = await getPrisma().product.findMany({ where: { importJobId: id }, orderBy: { sku: "asc" } });
    expect(after.map((p) => p.status)).toEqual(["PUBLISHED", "DRAFT", "PUBLISHED"]);
    expect((await getImportJob(actor, id)).draftsCount).toBe(1);
  });

  it("another supplier can neither see nor publish your drafts; a buyer is forbidden", async () => {
    const owner = await createActor({ kind: "SUPPLIER" });
    const stranger = await createActor({ kind: "SUPPLIER" });
    const buyer = await createActor({ kind: "BUYER" });
    const category = await createTransformerCategory();
    const { id } = await importFile(owner.actor, await priceList(2, { categorySlug: category.slug }));
    const ids = (await getPrisma().product.findMany({ where: { importJobId: id }, select: { id: true } })).map(
      (p) => p.id,
    );
    expect(ids).toHaveLength(2);

    const foreignList = await listSupplierProducts(stranger.actor, { page: 1, import: id });
    expect(foreignList.total).toBe(0);
    expect(await publishProducts(stranger.actor, ids)).toEqual({ published: 0, failed: [] });
    await expect(publishProducts(buyer.actor, ids)).rejects.toBeInstanceOf(ForbiddenError);
    const statuses = await getPrisma().product.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(statuses.map((p) => p.status)).toEqual(["DRAFT", "DRAFT"]);
  });
});
