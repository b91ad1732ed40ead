import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  confirmQuoteSheet,
  exportQuoteSheetXlsx,
  getQuoteForSupplier,
  previewQuoteSheet,
  QuoteValidationError,
  renderQuotePdf,
} from "~/modules/quotes/quotes.server";
import { toMoscowDateTimeInput } from "~/modules/rfq/rfq.schema";
import { publishRfq, saveDraft } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { createProduct } from "../../fixtures/factories";
import { pdfText } from "../../helpers/pdf-text";
import { createMarket, DAY, draft, withTempDataDir } from "../rfq/helpers";

withTempDataDir();
let m: Awaited<ReturnType<typeof createMarket>>;
let rfqId: string;
let items: { id: string; position: number; quantity: { toString(): string } }[];

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const asFile = (buf: ArrayBuffer | Buffer, name = "кп.xlsx") =>
  new File([new Uint8Array(buf as ArrayBuffer)], name, { type: XLSX_TYPE });

/** A 12-line RFQ to suppliers A and B; line 1 is A's own catalog product at 1 500,00 ₽, line 12 allows analogues. */
beforeAll(async () => {
  m = await createMarket();
  const own = await createProduct({
    supplierId: m.a.organization.id,
    categoryId: m.category.id,
    title: "КТП-630",
    priceKopecks: 1_500_00n,
  });
  const lines = Array.from({ length: 12 }, (_, i) => ({
    productId: i === 0 ? own.id : i === 1 ? m.pB.id : undefined,
    name: i === 4 ? '=HYPERLINK("http://evil")' : `Позиция ${i + 1}`,
    quantity: String(10 + i),
  }));
  const { id } = await saveDraft(
    m.buyer.actor,
    null,
    draft(lines, { deadline: toMoscowDateTimeInput(new Date(Date.now() + 7 * DAY)) }),
  );
  rfqId = id;
  const prisma = getPrisma();
  items = await prisma.rfqItem.findMany({ where: { rfqId }, orderBy: { position: "asc" } });
  await prisma.rfqItem.update({ where: { id: items[11].id }, data: { analoguesAllowed: true, notes: "IP54, 0,4 кВ" } });
  await publishRfq(m.buyer.actor, rfqId);
});

async function sheetOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe("quote workbook (XLSX round-trip)", () => {
  it("has the RFQ header, locked and open columns, a rate list, hidden ids and neutralised text", async () => {
    const wb = await sheetOf(await exportQuoteSheetXlsx(m.a.actor, rfqId));
    const head = wb.getWorksheet("Запрос");
    const headText = head?.getSheetValues().flat().join(" | ") ?? "";
    expect(headText).toContain("Севгорэнерго");
    expect(headText).toContain("(МСК)");
    expect(headText).toContain("г. Севастополь, ул. Промышленная, д. 1");
    expect(headText).toContain("Отсрочка платежа 30 дней");
    const ws = wb.getWorksheet("Позиции");
    if (!ws) throw new Error("no lines sheet");
    expect(ws.getRow(1).getCell(7).value).toBe("Цена за ед. без НДС, ₽");
    // 12 lines, requested quantities prefilled as numbers, unit with its ОКЕИ code
    expect(ws.getRow(13).getCell(2).value).toBe("Позиция 12");
    expect(ws.getRow(13).getCell(3).value).toBe(21);
    expect(ws.getRow(13).getCell(6).value).toBe(21);
    expect(ws.getRow(2).getCell(4).value).toBe("шт (796)");
    expect(ws.getRow(13).getCell(5).value).toBe("IP54, 0,4 кВ");
    // line 1 is the supplier's own product: its catalog price is offered
    expect(ws.getRow(2).getCell(7).value).toBe(1500);
    expect(ws.getRow(3).getCell(7).value).toBeNull();
    // formula injection: a buyer's name starting with "=" stays text
    expect(ws.getRow(6).getCell(2).value).toBe('\'=HYPERLINK("http://evil")');
    // locked vs open, hidden id, a protected sheet, НДС as a list of the supplier's rates (ОСН today: 22 %, 10 %, 0 %)
    expect(ws.getRow(2).getCell(2).protection?.locked).not.toBe(false);
    expect(ws.getRow(2).getCell(7).protection?.locked).toBe(false);
    expect(ws.getColumn(12).hidden).toBe(true);
    expect(ws.getRow(2).getCell(12).value).toBe(items[0].id);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const dv = ws.getRow(2).getCell(8).dataValidation;
    expect(dv?.type).toBe("list");
    expect(String(dv?.formulae?.[0])).toContain("НДС 22 %");
    expect(String(dv?.formulae?.[0])).not.toContain("20 %");
  });

  it("a 12-line sheet filled in Excel becomes the draft quote exactly as the sheet says", async () => {
    const wb = await sheetOf(await exportQuoteSheetXlsx(m.a.actor, rfqId));
    const ws = wb.getWorksheet("Позиции");
    if (!ws) throw new Error("no lines sheet");
    const expected: Record<string, { price: bigint; qty: string; vat: string; lead: number | null }> = {};
    for (let i = 0; i < 12; i++) {
      const row = ws.getRow(2 + i);
      if (i === 7) continue; // line 8: not offered (no price)
      const price = 1000 + i * 111.11; // typed as numbers, as Excel stores them
      row.getCell(7).value = i === 3 ? "2 345,67" : Math.round(price * 100) / 100; // one typed as Russian text
      if (i === 2) row.getCell(6).value = 5; // a partial quantity
      row.getCell(8).value = i === 5 ? "НДС 10 %" : i === 6 ? "Без НДС" : "НДС 22 %";
      row.getCell(9).value = 14 + i;
      expected[items[i].id] = {
        price: i === 3 ? 2_345_67n : BigInt(Math.round(price * 100)),
        qty: i === 2 ? "5" : String(10 + i),
        vat: i === 5 ? "VAT10" : i === 6 ? "NO_VAT" : "VAT22",
        lead: 14 + i,
      };
    }
    ws.getRow(13).getCell(10).value = "=cmd|' /C calc'!A0"; // an analogue model that looks like a formula (text)
    const upload = asFile(await wb.xlsx.writeBuffer());

    const preview = await previewQuoteSheet(m.a.actor, rfqId, upload);
    expect(preview.issues).toEqual([]);
    expect(preview.offered).toBe(11);
    expect(preview.rows.find((r) => r.rfqItemId === items[7].id)?.line).toBeNull();
    // nothing is saved before the supplier confirms
    expect(await getPrisma().quote.count({ where: { rfqId, supplierOrgId: m.a.organization.id } })).toBe(0);

    await confirmQuoteSheet(m.a.actor, rfqId, JSON.stringify(preview.lines));
    const quote = await getPrisma().quote.findUniqueOrThrow({
      where: { rfqId_supplierOrgId: { rfqId, supplierOrgId: m.a.organization.id } },
      include: { versions: { include: { lines: true } } },
    });
    expect(quote.status).toBe("DRAFT");
    expect(quote.versions.map((v) => v.version)).toEqual([0]);
    const saved = Object.fromEntries(
      quote.versions[0].lines.map((l) => [
        l.rfqItemId,
        { price: l.unitPriceKopecks, qty: l.quantity.toString(), vat: l.vatRate as string, lead: l.leadTimeDays },
      ]),
    );
    expect(saved).toEqual(expected);
    expect(quote.versions[0].lines.find((l) => l.rfqItemId === items[11].id)?.analogueModel).toBe("=cmd|' /C calc'!A0");
    // the reopened form shows Russian numbers, never "2345.67"
    const panel = await getQuoteForSupplier(m.a.actor, rfqId);
    expect(panel.defaults.lines[3].unitPrice).toBe("2 345,67");
    // and the next export neutralises the stored text again
    const again = (await sheetOf(await exportQuoteSheetXlsx(m.a.actor, rfqId))).getWorksheet("Позиции");
    expect(again?.getRow(13).getCell(10).value).toBe("'=cmd|' /C calc'!A0");
    expect(again?.getRow(5).getCell(7).value).toBe(2345.67);
  });

  it("the submitted version downloads as a КП PDF on the supplier's requisites", async () => {
    const { saveQuote } = await import("~/modules/quotes/quotes.server");
    const panel = await getQuoteForSupplier(m.a.actor, rfqId);
    const until = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const form = {
      ...panel.defaults,
      deliveryCost: "1 000",
      deliveryBasis: "BUYER_WAREHOUSE",
      validUntil: until,
      removeFileIds: [],
    } as unknown as Parameters<typeof saveQuote>[2];
    await saveQuote(m.a.actor, rfqId, form, { mode: "submit" });
    await expect(renderQuotePdf(m.a.actor, rfqId, 2)).rejects.toMatchObject({ status: 404 });
    await expect(renderQuotePdf(m.b.actor, rfqId, 1)).rejects.toMatchObject({ status: 404 });
    const { pdf, name } = await renderQuotePdf(m.a.actor, rfqId, 1);
    expect(name).toMatch(/^КП-\d+-v1\.pdf$/);
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    const org = await getPrisma().organization.findUniqueOrThrow({ where: { id: m.a.organization.id } });
    expect(text).toContain(org.legalName);
    expect(text).toContain(`ИНН ${org.inn}`);
    expect(text).toContain("Коммерческое предложение");
    expect(text).toContain("шт (796)");
    expect(text).toContain("2 345,67");
    expect(text).toContain("В т. ч. НДС 10");
    expect(text).toContain("Предложение действительно до");
  });

  it("reports bad cells per row and column and refuses what is not an XLSX", async () => {
    const wb = await sheetOf(await exportQuoteSheetXlsx(m.b.actor, rfqId));
    const ws = wb.getWorksheet("Позиции");
    if (!ws) throw new Error("no lines sheet");
    ws.getRow(2).getCell(7).value = "12,345"; // three decimals
    ws.getRow(3).getCell(7).value = 100;
    ws.getRow(3).getCell(8).value = "НДС 20 %"; // no longer in force
    ws.getRow(4).getCell(7).value = 100;
    ws.getRow(4).getCell(6).value = 999; // more than requested
    ws.getRow(5).getCell(7).value = { formula: "A1*2" } as ExcelJS.CellFormulaValue; // no cached value
    ws.getRow(6).getCell(7).value = { formula: "100+5", result: 105 } as ExcelJS.CellFormulaValue;
    const preview = await previewQuoteSheet(m.b.actor, rfqId, asFile(await wb.xlsx.writeBuffer()));
    expect(preview.issues).toEqual([
      { row: 2, column: "Цена за ед. без НДС, ₽", message: "errors.price" },
      { row: 3, column: "НДС", message: "errors.vatNotAllowed" },
      { row: 4, column: "Предлагаемое кол-во", message: "errors.quantityTooLarge" },
      { row: 5, column: "Цена за ед. без НДС, ₽", message: "sheet.errors.formula" },
    ]);
    expect(preview.rows[4].line?.unitPrice).toBe("105");

    await expect(
      previewQuoteSheet(m.b.actor, rfqId, new File([new TextEncoder().encode("a;b\n1;2")], "кп.xlsx")),
    ).rejects.toMatchObject({ fieldErrors: { file: ["sheet.errors.notXlsx"] } });
  });

  it("re-validates the confirmed lines and keeps uninvited suppliers out", async () => {
    const tampered = JSON.stringify([{ rfqItemId: items[0].id, unitPrice: "100", quantity: "9999", vatRate: "VAT22" }]);
    await expect(confirmQuoteSheet(m.b.actor, rfqId, tampered)).rejects.toBeInstanceOf(QuoteValidationError);
    await expect(
      confirmQuoteSheet(m.b.actor, rfqId, JSON.stringify([{ rfqItemId: items[0].id, vatRate: "VAT22", x: 1 }])),
    ).rejects.toMatchObject({ formErrors: ["sheet.errors.payload"] });
    await expect(exportQuoteSheetXlsx(m.d.actor, rfqId)).rejects.toMatchObject({ status: 404 });
    await expect(exportQuoteSheetXlsx(m.buyer.actor, rfqId)).rejects.toThrow();
  });
});
