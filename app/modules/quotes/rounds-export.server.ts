import ExcelJS from "exceljs";
import type { Actor } from "~/modules/accounts/actor";
import { kopecksToDecimalString } from "~/modules/money/money";
import { type Comparison, getComparison } from "./buyer.server";
import { neutraliseCell } from "./compare";

const rub = (kopecks: string | null | undefined) =>
  kopecks == null ? null : Number(kopecksToDecimalString(BigInt(kopecks)));
const txt = (v: string | null | undefined) => (v == null ? "" : neutraliseCell(v));

/**
 * The re-bid protocol (протокол переторжки) as a worksheet: per round its deadline, note and mode, then per supplier
 * whether it took part, the versions before/after, the landed total and the unit price of every line before/after.
 * A sealed round still running shows who was invited, never the new prices (getComparison already hides them).
 */
export function addRoundsSheet(wb: ExcelJS.Workbook, c: Comparison): ExcelJS.Worksheet {
  const ws = wb.addWorksheet("Переторжка");
  ws.addRow([txt(`Протокол переторжки — запрос № ${c.rfq.number}: ${c.rfq.title}`)]).font = { bold: true };
  if (!c.rounds.length) {
    ws.addRow(["Переторжка не проводилась."]);
    return ws;
  }
  const names = new Map(c.items.map((i) => [i.id, `${i.position + 1}. ${i.name}`]));
  for (const r of c.rounds) {
    ws.addRow([]);
    ws.addRow([
      `Переторжка № ${r.number}`,
      `срок ${r.deadline}`,
      r.sealed ? "закрытая" : "открытая",
      r.open ? "идёт" : "завершена",
    ]).font = { bold: true };
    if (r.note) ws.addRow(["Комментарий заказчика", txt(r.note)]);
    if (!r.pricesVisible) ws.addRow(["Закрытая переторжка: цены будут доступны после срока."]);
    ws.addRow(["Поставщик", "Участие", "Версия до", "Версия после", "Итого до", "Итого после", "Подано"]).font = {
      bold: true,
    };
    for (const p of r.participants)
      ws.addRow([
        txt(p.supplierName),
        p.tookPart ? "участвовал" : "не участвовал",
        p.versionBefore,
        p.versionAfter,
        rub(p.landedBefore),
        rub(p.landedAfter),
        p.respondedAt ?? "",
      ]);
    ws.addRow(["Поставщик", "Позиция", "Цена без НДС до", "Цена без НДС после", "Снижение"]).font = { bold: true };
    for (const p of r.participants)
      for (const l of p.lines)
        ws.addRow([
          txt(p.supplierName),
          txt(names.get(l.rfqItemId) ?? l.rfqItemId),
          rub(l.before),
          rub(l.after),
          l.before !== null && l.after !== null ? rub((BigInt(l.before) - BigInt(l.after)).toString()) : null,
        ]);
  }
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 40;
  for (const i of [3, 4, 5, 6]) ws.getColumn(i).width = 16;
  return ws;
}

export async function exportRoundProtocolXlsx(actor: Actor, rfqId: string, now: Date = new Date()): Promise<Buffer> {
  const c = await getComparison(actor, rfqId, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = "SnabMost";
  addRoundsSheet(wb, c);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
