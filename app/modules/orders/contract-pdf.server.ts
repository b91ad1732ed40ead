import { bankAccountLine } from "~/modules/accounts/accounts.schema";
import type { ContractData } from "./contract";
import { startPdf, table } from "./pdf.server";
import type { UpdParty } from "./upd";

/** Draws the договор поставки (text from the template) and its Спецификация (Приложение № 1) with both parties' requisites. */
function requisites(p: UpdParty & { ogrn: string }): string {
  return [
    p.legalName,
    `ИНН ${p.inn}${p.kpp ? `, КПП ${p.kpp}` : ""}, ОГРН ${p.ogrn}`,
    `Адрес: ${p.address}`,
    bankAccountLine(p) ?? "",
  ]
    .filter(Boolean)
    .join("\n");
}

export async function renderContractPdf(d: ContractData): Promise<Buffer> {
  const { doc, done, left, width } = startPdf(d.title);
  doc.font("b").fontSize(13).text(d.title, left, 36, { width, align: "center" });
  doc.font("r").fontSize(9);
  doc.text(`г. ${d.city}`, left, doc.y + 6, { continued: false });
  doc.text(d.date, left, doc.y - 11, { width, align: "right" });
  doc.moveDown(0.8);
  doc.text(d.preamble, left, doc.y, { width, align: "justify" });
  doc.moveDown(0.6);
  for (const para of d.body.split(/\n/)) {
    if (!para.trim()) {
      doc.moveDown(0.4);
      continue;
    }
    const heading = /^\d+\.\s+[А-ЯЁ\s]+$/.test(para.trim());
    doc
      .font(heading ? "b" : "r")
      .fontSize(9)
      .text(para, left, doc.y, { width, align: heading ? "left" : "justify" });
  }
  doc.moveDown(0.8);
  doc.font("b").text("7. ПРИЛОЖЕНИЯ", left, doc.y);
  doc.font("r").text("Приложение № 1 — Спецификация.", left, doc.y);
  doc.moveDown(0.6);
  doc.font("b").text("8. АДРЕСА И РЕКВИЗИТЫ СТОРОН", left, doc.y);
  const y = doc.y + 4;
  const half = width / 2 - 6;
  doc.font("b").text("Поставщик", left, y);
  doc.font("r").text(requisites(d.supplier), left, doc.y, { width: half });
  const afterLeft = doc.y;
  doc.font("b").text("Покупатель", left + half + 12, y);
  doc.font("r").text(requisites(d.buyer), left + half + 12, doc.y, { width: half });
  doc.y = Math.max(afterLeft, doc.y) + 16;
  doc.text("____________________ / __________ /", left, doc.y);
  doc.text("____________________ / __________ /", left + half + 12, doc.y - 11);

  doc.addPage();
  doc.font("b").fontSize(11).text(`Приложение № 1 к договору поставки № ${d.number} от ${d.date}`, 36, 36, { width });
  doc.font("b").fontSize(12).text("СПЕЦИФИКАЦИЯ", { width, align: "center" });
  doc.moveDown(0.5);
  table(
    doc,
    left,
    [
      { key: "n", title: "№", w: 20 },
      { key: "name", title: "Наименование товара", w: width - 20 - 30 - 34 - 44 - 56 - 34 - 52 - 58 - 52 },
      { key: "unit", title: "Ед.", w: 30 },
      { key: "okei", title: "ОКЕИ", w: 34, align: "center" },
      { key: "quantity", title: "Кол-во", w: 44, align: "right" },
      { key: "price", title: "Цена без НДС", w: 56, align: "right" },
      { key: "vatRate", title: "НДС", w: 34, align: "center" },
      { key: "vat", title: "Сумма НДС", w: 52, align: "right" },
      { key: "gross", title: "Сумма с НДС", w: 58, align: "right" },
      { key: "shipBy", title: "Срок отгрузки", w: 52, align: "center" },
    ],
    d.spec.map((r) => ({ ...r, n: String(r.n) })),
  );
  doc.moveDown(0.5);
  doc.font("b").fontSize(9);
  doc.text(`Итого без НДС: ${d.totals.net}`, left, doc.y, { width, align: "right" });
  doc.text(`НДС: ${d.totals.vat}`, left, doc.y, { width, align: "right" });
  doc.text(`Всего с НДС: ${d.totals.gross}`, left, doc.y, { width, align: "right" });
  doc.font("r").text(`Сумма прописью: ${d.totals.words}`, left, doc.y, { width });
  doc.moveDown(2);
  const sy = doc.y;
  doc.text("Поставщик ____________________", left, sy);
  doc.text("Покупатель ____________________", left + half + 12, sy);
  doc
    .font("r")
    .fontSize(7)
    .text(`Шаблон договора, версия ${d.templateVersion}`, left, doc.page.height - 50, { width });
  doc.end();
  return done;
}
