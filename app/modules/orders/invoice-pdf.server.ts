import { startPdf } from "~/utils/pdf.server";
import type { InvoiceData } from "./invoice";

/**
 * Draws a счёт на оплату as PDF (A4) with DejaVu Sans (from the `dejavu-fonts-ttf` package; covers Cyrillic).
 * Fonts are read once from node_modules; nothing is fetched at runtime.
 */
export async function renderInvoicePdf(d: InvoiceData): Promise<Buffer> {
  const { doc, done, left, width } = startPdf(d.title, "portrait", 40);
  const s = d.supplier;

  // Bank block: the grid every Russian счёт starts with (банк получателя / БИК / сч. №, получатель / ИНН / КПП / сч. №)
  doc.lineWidth(0.5).fontSize(8);
  const gx = [left, left + 290, left + 340, left + width];
  const cellText = (text: string, x: number, y: number, w: number, font: "r" | "b" = "r") =>
    doc.font(font).text(text, x + 2, y + 2, { width: w - 4, lineBreak: true });
  const gy = 40;
  const rowH = 14;
  // row 1-2: bank name (two rows high) | БИК / Сч. № | values
  doc.rect(gx[0], gy, gx[1] - gx[0], rowH * 2).stroke();
  cellText(s.bankName ?? "—", gx[0], gy, gx[1] - gx[0]);
  doc
    .font("r")
    .fontSize(6)
    .text("Банк получателя", gx[0] + 2, gy + rowH * 2 - 8);
  doc.fontSize(8);
  doc.rect(gx[1], gy, gx[2] - gx[1], rowH).stroke();
  cellText("БИК", gx[1], gy, gx[2] - gx[1]);
  doc.rect(gx[2], gy, gx[3] - gx[2], rowH).stroke();
  cellText(s.bik ?? "—", gx[2], gy, gx[3] - gx[2]);
  doc.rect(gx[1], gy + rowH, gx[2] - gx[1], rowH).stroke();
  cellText("Сч. №", gx[1], gy + rowH, gx[2] - gx[1]);
  doc.rect(gx[2], gy + rowH, gx[3] - gx[2], rowH).stroke();
  cellText(s.correspondentAccount ?? "—", gx[2], gy + rowH, gx[3] - gx[2]);
  // row 3: ИНН | КПП | Сч. № | settlement account (rows 3-5)
  const y3 = gy + rowH * 2;
  const half = (gx[1] - gx[0]) / 2;
  doc.rect(gx[0], y3, half, rowH).stroke();
  cellText(`ИНН ${s.inn}`, gx[0], y3, half);
  doc.rect(gx[0] + half, y3, half, rowH).stroke();
  cellText(`КПП ${s.kpp ?? "—"}`, gx[0] + half, y3, half);
  doc.rect(gx[1], y3, gx[2] - gx[1], rowH * 3).stroke();
  cellText("Сч. №", gx[1], y3, gx[2] - gx[1]);
  doc.rect(gx[2], y3, gx[3] - gx[2], rowH * 3).stroke();
  cellText(s.settlementAccount ?? "—", gx[2], y3, gx[3] - gx[2]);
  doc.rect(gx[0], y3 + rowH, gx[1] - gx[0], rowH * 2).stroke();
  cellText(s.legalName, gx[0], y3 + rowH, gx[1] - gx[0]);
  doc
    .font("r")
    .fontSize(6)
    .text("Получатель", gx[0] + 2, y3 + rowH * 3 - 8);
  doc.fontSize(8);
  doc.x = left;
  doc.y = y3 + rowH * 3 + 6;

  doc.moveDown(1);
  doc.font("b").fontSize(14).text(d.title, left);
  doc.moveDown(0.5);
  doc.font("r").fontSize(9);
  doc.text(`Поставщик: ${s.legalName}, ИНН ${s.inn}${s.kpp ? `, КПП ${s.kpp}` : ""}, ${s.address}`, left, doc.y, {
    width,
  });
  doc.text(
    `Покупатель: ${d.buyer.legalName}, ИНН ${d.buyer.inn}${d.buyer.kpp ? `, КПП ${d.buyer.kpp}` : ""}, ${d.buyer.address}`,
    left,
    doc.y,
    { width },
  );
  doc.text(`Основание: ${d.basis}`, left, doc.y, { width });
  doc.moveDown(0.8);

  // Table
  const cols = [
    { key: "n", title: "№", w: 20, align: "left" },
    { key: "name", title: "Товары (работы, услуги)", w: 150, align: "left" },
    { key: "quantity", title: "Кол-во", w: 40, align: "right" },
    { key: "unit", title: "Ед.", w: 34, align: "left" },
    { key: "price", title: "Цена без НДС", w: 55, align: "right" },
    { key: "net", title: "Сумма без НДС", w: 60, align: "right" },
    { key: "vatRate", title: "Ставка НДС", w: 42, align: "right" },
    { key: "vat", title: "Сумма НДС", w: 52, align: "right" },
    { key: "total", title: "Сумма с НДС", w: width - 453, align: "right" },
  ] as const;
  const drawRow = (values: Record<string, string>, font: "r" | "b") => {
    doc.font(font).fontSize(8);
    const top = doc.y;
    let x = left;
    let h = 0;
    for (const c of cols) {
      const text = values[c.key] ?? "";
      h = Math.max(h, doc.heightOfString(text, { width: c.w - 4 }));
    }
    if (top + h + 6 > doc.page.height - 60) {
      doc.addPage();
      return drawRow(values, font);
    }
    for (const c of cols) {
      doc.text(values[c.key] ?? "", x + 2, top + 3, { width: c.w - 4, align: c.align });
      doc.rect(x, top, c.w, h + 6).stroke();
      x += c.w;
    }
    doc.x = left;
    doc.y = top + h + 6;
  };
  drawRow(Object.fromEntries(cols.map((c) => [c.key, c.title])), "b");
  for (const r of d.rows) drawRow({ ...r, n: String(r.n) }, "r");

  doc.moveDown(0.5);
  const totals: [string, string][] = [
    ["Итого:", d.total],
    ...d.vatLines.map((v): [string, string] => [`${v.label}:`, v.amount]),
    ["Всего к оплате:", d.toPay],
  ];
  for (const [label, value] of totals) {
    doc.font("b").fontSize(9).text(`${label} ${value}`, left, doc.y, { width, align: "right" });
  }
  doc.moveDown(0.8);
  doc.font("r").fontSize(9).text(d.summary, left, doc.y, { width });
  doc.font("b").text(d.totalInWords, left, doc.y, { width });
  doc.moveDown(0.5);
  doc.font("r").text(`Назначение платежа: ${d.purpose}`, left, doc.y, { width });
  if (d.paymentTerms) doc.text(`Условия оплаты: ${d.paymentTerms}`, left, doc.y, { width });
  doc.font("b").text(`Счёт действителен до ${d.validUntil}`, left, doc.y, { width });
  doc.moveDown(0.3);
  doc.font("r").fontSize(8).text("Оплата данного счёта означает согласие с условиями поставки товара.", left);
  doc
    .moveTo(left, doc.y + 4)
    .lineTo(left + width, doc.y + 4)
    .stroke();

  doc.moveDown(2);
  const y = doc.y;
  doc.font("r").fontSize(9);
  doc.text(`Руководитель ______________ ${d.director || "/____________/"}`, left, y, { width: width / 2 });
  doc.text(`Бухгалтер ______________ ${d.accountant || "/____________/"}`, left + width / 2 + 10, y, {
    width: width / 2 - 10,
  });
  doc.end();
  return done;
}
