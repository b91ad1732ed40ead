import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { handleRfqFormAction, previewSpecification } from "~/modules/rfq/rfq.server";
import { handleSpecPreview } from "~/modules/rfq/spec-import.server";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { reindexAll, useSearchEngine } from "~/modules/search/search.server";
import { getPrisma } from "~/utils/db.server";
import { createActor, createCategory, createProduct } from "../../fixtures/factories";
import { withTempDataDir } from "./helpers";

withTempDataDir();

let buyer: Awaited<ReturnType<typeof createActor>>;
let a: Awaited<ReturnType<typeof createActor>>;
let b: Awaited<ReturnType<typeof createActor>>;
let tmg: { id: string };
let cable: { id: string };
let breaker: { id: string };

beforeAll(async () => {
  useSearchEngine(new PostgresSearchEngine());
  const category = await createCategory();
  buyer = await createActor({ kind: "BUYER" });
  a = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  b = await createActor({ kind: "SUPPLIER", verified: true, name: "Кабельный завод" });
  tmg = await createProduct({
    supplierId: a.organization.id,
    categoryId: category.id,
    title: "Трансформатор ТМГ-630/10/0,4",
    sku: "ТМГ-630/10-У1",
  });
  cable = await createProduct({
    supplierId: b.organization.id,
    categoryId: category.id,
    title: "Кабель АПвБбШв 4х240",
    sku: "АПвБбШв-4х240",
  });
  breaker = await createProduct({
    supplierId: b.organization.id,
    categoryId: category.id,
    title: "Выключатель вакуумный ВВ/TEL-10",
    sku: "BB-TEL-10-20",
  });
  // an archived product with the same code never matches
  await createProduct({ supplierId: a.organization.id, categoryId: category.id, sku: "OLD-1", status: "ARCHIVED" });
  await reindexAll();
});

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Спецификация");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("RFQ lines from a спецификация", () => {
  it("maps the columns, reads units as people write them, and matches products by code and name", async () => {
    const bytes = await xlsx([
      ["№ п/п", "Наименование продукции", "Артикул", "Кол-во, шт", "Ед. изм.", "Технические требования", "Примечание"],
      [1, "Трансформатор силовой", "ТМГ-630/10-У1", 2, "шт.", "Схема Д/Ун-11", "На ТП-12"],
      [2, "Кабель силовой", "апвббшв 4х240", "1 250,5", "м.п.", null, null],
      [3, "Выключатель вакуумный ВВ/TEL-10", null, 3, "компл.", null, null],
      [4, "Щит учёта", "НЕТ-ТАКОГО", 1, "штук", null, null],
      [5, "Старый товар", "OLD-1", 1, "шт", null, null],
      [6, "Опоры", null, 0, "шт", null, null],
      [7, "Бочки", null, 5, "бочка", null, null],
    ]);
    const preview = await previewSpecification(buyer.actor, { file: { name: "спецификация.xlsx", bytes } });
    expect(preview.columns.map((c) => c.field)).toEqual(["", "name", "code", "quantity", "unit", "specs", "notes"]);
    const [l1, l2, l3, l4, l5, l6, l7] = preview.lines;

    expect(l1).toMatchObject({
      row: 2,
      name: "Трансформатор силовой (ТМГ-630/10-У1)",
      quantity: "2",
      unit: "pcs",
      notes: "Схема Д/Ун-11\nНа ТП-12",
      match: { productId: tmg.id, by: "code" },
      errors: [],
    });
    // normalised code: case, spaces and punctuation do not count; Russian decimal comma
    expect(l2).toMatchObject({ quantity: "1250.5", unit: "m", match: { productId: cable.id, by: "code" } });
    // no code: found by name through the search module, picked because the title is the name
    expect(l3.unit).toBe("set");
    expect(l3.match).toEqual({ productId: breaker.id, by: "name" });
    expect(l3.candidates.map((c) => c.productId)).toContain(breaker.id);
    // unknown code and an archived product's code: no match
    expect(l4.match).toBeNull();
    expect(l5.match).toBeNull();
    expect(l5.candidates.map((c) => c.productId)).not.toContain(expect.anything());
    // per-row errors name the row and the column as the file calls it
    expect(l6.errors).toEqual([{ column: "Кол-во, шт", message: "errors.quantityPositive" }]);
    expect(l7.errors).toEqual([{ column: "Ед. изм.", message: 'spec.errors.unit::{"unit":"бочка"}' }]);
  });

  it("reads rows pasted from Excel (tab-separated), with or without a header row", async () => {
    const withHeader = await previewSpecification(buyer.actor, {
      text: "Наименование\tКол-во\tЕд.\nКабель АПвБбШв 4х240\t10\tкм\n",
    });
    expect(withHeader.lines).toHaveLength(1);
    expect(withHeader.lines[0]).toMatchObject({ row: 2, quantity: "10", unit: "km", match: { productId: cable.id } });

    const noHeader = await previewSpecification(buyer.actor, {
      text: "Щит ЩРС-1\tЩРС-1\t4\tшт\nОпора СВ-110\t\t12\tшт",
    });
    expect(noHeader.lines.map((l) => [l.row, l.name, l.quantity])).toEqual([
      [1, "Щит ЩРС-1", "4"],
      [2, "Опора СВ-110", "12"],
    ]);
  });

  it("refuses what is not a spreadsheet, and more lines than an RFQ holds, with a 422 and a message key", async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const post = (file: File) => {
      const body = new FormData();
      body.set("specFile", file);
      return handleSpecPreview(new Request("http://localhost/rfq/spec-preview", { method: "POST", body }), buyer.actor);
    };
    const bad = await post(new File([Buffer.from(exe)], "spec.xlsx"));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "bad_type", message: "spec.errors.file_bad_type" });

    const rows: (string | number)[][] = [["Наименование", "Количество"]];
    for (let i = 1; i <= 201; i++) rows.push([`Позиция ${i}`, 1]);
    const tooMany = await post(new File([Buffer.from(await xlsx(rows))], "big.xlsx"));
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ code: "too_many_rows", params: { max: 200 } });
  });

  it("adds the ticked lines to the draft in one go; routing then includes the matched products' suppliers", async () => {
    const body = new FormData();
    body.set("intent", "addSpec");
    body.set("deliveryAddress", "г. Севастополь, ул. Промышленная, д. 1");
    const lines = [
      { name: "Трансформатор силовой", productId: tmg.id, quantity: "2", unit: "pcs", notes: "Схема Д/Ун-11" },
      { name: "Кабель силовой", productId: cable.id, quantity: "1250.5", unit: "m", notes: "" },
      { name: "Не добавлять", productId: "", quantity: "1", unit: "pcs", notes: "" },
    ];
    lines.forEach((l, i) => {
      if (i < 2) body.set(`spec[${i}].add`, "on");
      for (const [k, v] of Object.entries(l)) body.set(`spec[${i}].${k}`, v);
    });
    const res = (await handleRfqFormAction(
      new Request("http://localhost/rfq/new", { method: "POST", body }),
      buyer.actor,
      "ru",
      null,
    )) as Response;
    expect(res.status).toBe(302);
    const id = /\/rfq\/([^/]+)\/edit/.exec(res.headers.get("Location") ?? "")?.[1] as string;
    const rfq = await getPrisma().rfq.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { position: "asc" } }, recipients: true },
    });
    expect(rfq.title).toBe("Запрос: Трансформатор силовой и ещё 1 позиция");
    expect(rfq.items.map((i) => [i.name, i.productId, i.quantity.toString(), i.unit])).toEqual([
      ["Трансформатор силовой", tmg.id, "2", "pcs"],
      ["Кабель силовой", cable.id, "1250.5", "m"],
    ]);
    expect(rfq.recipients.map((r) => r.supplierOrgId).sort()).toEqual([a.organization.id, b.organization.id].sort());
  });

  it("only a buyer previews a спецификация", async () => {
    await expect(previewSpecification(a.actor, { text: "Кабель\t1" })).rejects.toThrow();
  });
});
