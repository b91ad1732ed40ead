import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** DejaVu Sans regular and bold, read once from the `dejavu-fonts-ttf` package. */
function loadFonts() {
  if (!fonts) {
    const dir = require.resolve("dejavu-fonts-ttf/package.json").replace(/package\.json$/, "ttf/");
    fonts = { regular: readFileSync(`${dir}DejaVuSans.ttf`), bold: readFileSync(`${dir}DejaVuSans-Bold.ttf`) };
  }
  return fonts;
}

/**
 * pdfkit helpers shared by every generated document (УПД, договор, КП): A4, DejaVu Sans from node_modules (covers
 * Cyrillic), nothing fetched at run time. `table` draws bordered rows that break across pages.
 */
export type Doc = InstanceType<typeof PDFDocument>;

export function startPdf(title: string, layout: "portrait" | "landscape" = "portrait", margin = 36) {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: "A4", layout, margin, info: { Title: title, Author: "СнабМост" } });
  doc.registerFont("r", regular);
  doc.registerFont("b", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done, left: margin, width: doc.page.width - 2 * margin };
}

export interface Column {
  key: string;
  title: string;
  w: number;
  align?: "left" | "right" | "center";
}

export function table(doc: Doc, left: number, cols: Column[], rows: Record<string, string>[], fontSize = 7.5) {
  const drawRow = (values: Record<string, string>, font: "r" | "b") => {
    doc.font(font).fontSize(fontSize);
    const top = doc.y;
    let h = 0;
    for (const c of cols) h = Math.max(h, doc.heightOfString(values[c.key] ?? "", { width: c.w - 4 }));
    if (top + h + 6 > doc.page.height - 40) {
      doc.addPage();
      doc.y = 36;
      drawRow(values, font);
      return;
    }
    let x = left;
    for (const c of cols) {
      doc.text(values[c.key] ?? "", x + 2, top + 3, { width: c.w - 4, align: c.align ?? "left" });
      doc.rect(x, top, c.w, h + 6).stroke();
      x += c.w;
    }
    doc.x = left;
    doc.y = top + h + 6;
  };
  drawRow(Object.fromEntries(cols.map((c) => [c.key, c.title])), "b");
  for (const r of rows) drawRow(r, "r");
}
