import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { InvoiceData } from "./invoice";

/**
 * Draws a счёт на оплату as PDF (A4) with DejaVu Sans (from the `dejavu-fonts-ttf` package; covers Cyrillic).
 * Fonts are read once from node_modules; nothing is fetched at runtime.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
export function loadFonts() {
  if (!fonts) {
    const dir = require.resolve("dejavu-fonts-ttf/package.json").replace(/package\.json$/, "ttf/");
    fonts = { regular: readFileSync(`${dir}DejaVuSans.ttf`), bold: readFileSync(`${dir}DejaVuSans-Bold.ttf`) };
  }
  return fonts;
}

export async function renderInvoicePdf(d: InvoiceData): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: d.title, Author: "СнабМост" } });
  doc.registerFont("r", regular);
  doc.registerFont("b", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = 40;
  const width = doc.page.width - 80;
  const s = d.supplier;

  // Bank block
  doc.font("b").fontSize(9).text("Банк получателя", left, 40);
  doc.font("r").text(s.bankName ?? "—");
  doc.text(`БИК ${s.bik ?? "—"}    Корр. счёт ${s.correspondentAccount ?? "—"}`);
  doc.text(`Расчётный счёт ${s.settlementAccount ?? "—"}`);
  doc.text(`Получатель: ${s.legalName}, ИНН ${s.inn}${s.kpp ? `, КПП ${s.kpp}` : ""}`);
  doc
    .moveTo(left, doc.y + 4)
    .lineTo(left + width, doc.y + 4)
    .stroke();

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
    { key: "n", title: "№", w: 22, align: "left" },
    { key: "name", title: "Товары (работы, услуги)", w: 170, align: "left" },
    { key: "quantity", title: "Кол-во", w: 45, align: "right" },
    { key: "unit", title: "Ед.", w: 30, align: "left" },
    { key: "price", title: "Цена без НДС", w: 65, align: "right" },
    { key: "vatRate", title: "НДС", w: 40, align: "right" },
    { key: "vat", title: "Сумма НДС", w: 58, align: "right" },
    { key: "total", title: "Сумма с НДС", w: width - 430, align: "right" },
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
  const totals = [
    ["Итого без НДС:", d.totalNet],
    [`${d.vatLabel}:`, d.vatLabel === "Без НДС" ? "—" : d.totalVat],
    ["Всего к оплате:", d.total],
  ];
  for (const [label, value] of totals) {
    doc.font("b").fontSize(9).text(`${label} ${value}`, left, doc.y, { width, align: "right" });
  }
  doc.moveDown(0.8);
  doc.font("r").fontSize(9).text(d.summary, left, doc.y, { width });
  doc.font("b").text(d.totalInWords, left, doc.y, { width });
  if (d.paymentTerms) {
    doc.moveDown(0.5);
    doc.font("r").text(`Условия оплаты: ${d.paymentTerms}`, left, doc.y, { width });
  }
  doc.moveDown(0.5);
  doc.font("r").fontSize(8).text("Оплата данного счёта означает согласие с условиями поставки товара.", left);

  doc.moveDown(2.5);
  const y = doc.y;
  doc.font("r").fontSize(9);
  doc.text("Руководитель ____________________ /____________/", left, y);
  doc.text("Бухгалтер ____________________ /____________/", left + width / 2 + 10, y);
  doc.end();
  return done;
}
