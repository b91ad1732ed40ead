import ExcelJS from "exceljs";
import type { Actor } from "~/modules/accounts/actor";
import { getComparison } from "./buyer.server";
import { comparisonWorkbook, rub, txt } from "./comparison-sheet";
import { addRoundsSheet } from "./rounds-export.server";

/**
 * The comparison as XLSX. Goes through getComparison, so a sealed RFQ before opening exports participants only, never
 * prices. Text cells are neutralised against formula injection (supplier names, analogue models, comments).
 */
export async function exportComparisonXlsx(actor: Actor, rfqId: string, now: Date = new Date()): Promise<Buffer> {
  return comparisonWorkbook(await getComparison(actor, rfqId, now));
}

/** The award protocol: which line went to which supplier at which price, the reason and the orders created. */
export async function exportAwardProtocolXlsx(actor: Actor, rfqId: string, now: Date = new Date()): Promise<Buffer> {
  const c = await getComparison(actor, rfqId, now);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Протокол выбора");
  ws.addRow([txt(`Протокол выбора поставщика — запрос № ${c.rfq.number}: ${c.rfq.title}`)]).font = { bold: true };
  const award = c.awards.at(-1);
  if (!award) {
    ws.addRow(["Выбор ещё не сделан."]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  ws.addRow(["Дата", award.createdAt]);
  ws.addRow(["Обоснование", txt(award.reason)]);
  ws.addRow([]);
  ws.addRow(["№", "Позиция", "Поставщик", "Версия КП", "Цена без НДС", "Кол-во", "Сумма без НДС", "Сумма с НДС"]).font =
    {
      bold: true,
    };
  const byQuote = new Map(c.offers.map((o) => [o.quoteId, o]));
  for (const item of c.items) {
    const al = award.lines.find((l) => l.rfqItemId === item.id);
    const o = al ? byQuote.get(al.quoteId) : undefined;
    const l = o?.lines[item.id];
    ws.addRow([
      item.position + 1,
      txt(item.name),
      o ? txt(o.supplierName) : "не присуждено",
      al?.quoteVersion ?? null,
      rub(l?.unitPrice),
      l ? Number(l.quantity) : null,
      rub(l?.net),
      rub(l?.gross),
    ]);
  }
  ws.addRow([]);
  ws.addRow(["Заказ", "Поставщик", "Сумма с НДС и доставкой"]).font = { bold: true };
  for (const order of award.orders) ws.addRow([`№ ${order.number}`, txt(order.supplierName), rub(order.total)]);
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 28;
  addRoundsSheet(wb, c);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
