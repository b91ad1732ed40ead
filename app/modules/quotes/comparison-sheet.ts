import ExcelJS from "exceljs";
import { kopecksToDecimalString } from "~/modules/money/money";
import type { Comparison } from "./buyer.server";
import { neutraliseCell } from "./compare";

export const rub = (kopecks: string | null | undefined) =>
  kopecks == null ? null : Number(kopecksToDecimalString(BigInt(kopecks)));
export const txt = (v: string | null | undefined) => (v == null ? "" : neutraliseCell(v));
const MONEY_FMT = "#,##0.00";

/**
 * The comparison as an XLSX workbook (pure: builds from getComparison's result). A sealed RFQ before opening lists
 * participants only, never prices. Text cells are neutralised against formula injection.
 */
export async function comparisonWorkbook(c: Comparison): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SnabMost";
  const ws = wb.addWorksheet("Сравнение");
  ws.addRow([txt(`Запрос № ${c.rfq.number}: ${c.rfq.title}`)]).font = { bold: true };
  if (!c.pricesVisible) {
    ws.addRow(["Запрос закрытый (sealed): цены будут доступны после вскрытия в срок приёма предложений."]);
    ws.addRow(["Поставщик", "Версия", "Подано", "Статус"]).font = { bold: true };
    for (const p of c.participants) ws.addRow([txt(p.supplierName), p.version, p.submittedAt ?? "", p.status]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const header = ["№", "Позиция", "Кол-во", "Ед."];
  for (const o of c.offers)
    header.push(
      `${txt(o.supplierName)}: цена без НДС`,
      `${txt(o.supplierName)}: кол-во`,
      `${txt(o.supplierName)}: сумма без НДС`,
      `${txt(o.supplierName)}: сумма с НДС`,
      `${txt(o.supplierName)}: срок, дн.`,
      `${txt(o.supplierName)}: аналог`,
    );
  ws.addRow(header).font = { bold: true };
  for (const item of c.items) {
    const row: (string | number | null)[] = [item.position + 1, txt(item.name), Number(item.quantity), txt(item.unit)];
    for (const o of c.offers) {
      const l = o.lines[item.id];
      if (!l) row.push("нет предложения", null, null, null, null, null);
      else
        row.push(
          rub(l.unitPrice),
          Number(l.quantity),
          rub(l.net),
          rub(l.gross),
          l.leadTimeDays,
          l.analogueModel ? txt(`${l.analogueModel}${l.analogueNote ? ` (${l.analogueNote})` : ""}`) : "",
        );
    }
    ws.addRow(row);
  }
  const totals: [string, (o: (typeof c.offers)[number]) => string | number | null][] = [
    ["Товары без НДС", (o) => rub(o.goodsNet)],
    ["НДС по товарам", (o) => rub(o.goodsVat)],
    ["Товары с НДС", (o) => rub(o.goodsGross)],
    ["Доставка с НДС", (o) => rub(o.deliveryGross)],
    ["Итого с доставкой", (o) => rub(o.landed)],
    ["Предоплата, %", (o) => o.prepaymentPercent],
    ["Оплата, дней после поставки", (o) => o.paymentDaysAfterDelivery],
    ["Действительно до", (o) => `${o.validUntil ?? ""}${o.expired ? " (истекло)" : ""}`],
    ["Условия доставки", (o) => txt(o.deliveryTerms)],
    ["Все позиции", (o) => (o.complete ? "да" : "нет")],
  ];
  for (const [label, f] of totals) {
    const row: (string | number | null)[] = ["", label, null, null];
    for (const o of c.offers) row.push(f(o), null, null, null, null, null);
    ws.addRow(row).font = { bold: label === "Итого с доставкой" };
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 40 : 16;
    if (i >= 4) col.numFmt = MONEY_FMT;
  });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
