import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "~/modules/accounts/actor";
import { describeImportError } from "~/modules/catalog/catalog.schema";
import {
  buildImportErrorReport,
  buildImportTemplate,
  createImportJob,
  getImportJob,
  validateImportJob,
} from "~/modules/catalog/catalog.server";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, withTempDataDir } from "./helpers";

withTempDataDir();

async function sheet(header: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Прайс");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("import: required columns at the mapping step, readable error texts", () => {
  it("flags the required characteristic and fields no column is mapped to, before any run", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    // no «Мощность» column (required characteristic of the category) and no «Артикул»
    const bytes = await sheet(
      ["Наименование", "Категория", "Охлаждение"],
      [
        ["ТМГ-25", category.slug, "Масляное"],
        ["ТМГ-40", category.slug, "Сухое"],
      ],
    );
    const { id } = await createImportJob(actor, { file: { name: "прайс.xlsx", bytes } });
    const job = await getImportJob(actor, id);
    expect(job.unmapped).toEqual({
      fields: ["sku"],
      specs: [{ code: "power_kva", nameRu: "Мощность", nameEn: "Power", unit: "kVA" }],
    });

    // a default category instead of a category column: the category is no longer required, its characteristics are
    const withDefault = await createImportJob(actor, {
      file: {
        name: "прайс.xlsx",
        bytes: await sheet(["Артикул", "Наименование", "Мощность, кВА"], [["A-1", "ТМГ-25", 25]]),
      },
      defaultCategoryId: category.id,
    });
    const mapped = await getImportJob(actor, withDefault.id);
    expect(mapped.mapping.columns).toEqual(["field:sku", "field:title", "spec:power_kva"]);
    expect(mapped.unmapped).toEqual({ fields: [], specs: [] });
  });

  it("names the characteristic (not its code), the row and the column, in Russian and English", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const bytes = await sheet(
      ["Артикул", "Наименование", "Категория", "Мощность, кВА", "Охлаждение"],
      [
        ["A-1", "ТМГ-25", category.slug, "", "Масляное"],
        ["A-2", "ТМГ-40", category.slug, 40, "Водяное"],
      ],
    );
    const { id } = await createImportJob(actor, { file: { name: "прайс.xlsx", bytes } });
    const job = await getImportJob(actor, id);
    const { errors } = await validateImportJob(actor, id, job.mapping);
    const after = await getImportJob(actor, id);
    const ctx = { attributes: after.attributeNames, headers: after.headers };
    const ru = await getFixedT("ru", "catalog");
    const en = await getFixedT("en", "catalog");
    expect(errors.map((e) => describeImportError(ru, e, ctx, "ru"))).toEqual([
      "Строка 2, столбец D «Мощность, кВА»: Мощность: обязательная характеристика не заполнена",
      "Строка 3, столбец E «Охлаждение»: Охлаждение: значение не из списка",
    ]);
    expect(errors.map((e) => describeImportError(en, e, ctx, "en"))).toEqual([
      "Row 2, column D «Мощность, кВА»: Power: required specification is empty",
      "Row 3, column E «Охлаждение»: Cooling: not one of the options",
    ]);

    // the downloadable report says the same, the row in its own column
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(
      (await buildImportErrorReport(actor, id, (e) => describeImportError(ru, e, ctx, "ru", { withRow: false }), {
        row: "Строка",
        errors: "Ошибки",
      })) as never,
    );
    const ws = report.worksheets[0];
    expect(ws.getRow(2).getCell(1).value).toBe(2);
    expect(String(ws.getRow(2).getCell(2).value)).toContain(
      "Столбец D «Мощность, кВА»: Мощность: обязательная характеристика не заполнена",
    );
  });
});

describe("import template per category", () => {
  it("has the category's characteristics as columns (required marked, units), lists of allowed values and an example row that imports", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    const category = await createTransformerCategory();
    const { body } = await buildImportTemplate(actor, category.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers).toEqual([
      "Артикул *",
      "Наименование *",
      "Категория",
      "Производитель",
      "Цена без НДС, руб.",
      "НДС",
      "Ед. изм.",
      "Срок поставки, дней",
      "Мощность, kVA * [power_kva]",
      "Охлаждение [cooling]",
      "Герметичный [hermetic]",
    ]);
    expect(ws.getCell("J2").dataValidation).toMatchObject({ type: "list", formulae: ['"Масляное,Сухое"'] });
    expect(ws.getCell("K3").dataValidation).toMatchObject({ type: "list", formulae: ['"да,нет"'] });
    expect(ws.getCell("I2").dataValidation).toMatchObject({ type: "decimal" });
    expect(String(ws.getCell("F2").dataValidation?.formulae?.[0])).toContain("22");
    expect(ws.getCell("C2").value).toBe(category.slug);

    // the template comes back mapped column by column and its example row is valid
    const { id } = await createImportJob(actor, { file: { name: "шаблон.xlsx", bytes: new Uint8Array(body) } });
    const job = await getImportJob(actor, id);
    expect(job.mapping.columns).toEqual([
      "field:sku",
      "field:title",
      "field:category",
      "field:manufacturer",
      "field:price",
      "field:vatRate",
      "field:unit",
      "field:leadTimeDays",
      "spec:power_kva",
      "spec:cooling",
      "spec:hermetic",
    ]);
    expect(job.unmapped).toEqual({ fields: [], specs: [] });
    expect(await validateImportJob(actor, id, job.mapping)).toMatchObject({ validRows: 1, errorRows: 0 });
  });

  it("an unknown category is NotFound", async () => {
    const { actor } = await createActor({ kind: "SUPPLIER" });
    await expect(buildImportTemplate(actor, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });
});
