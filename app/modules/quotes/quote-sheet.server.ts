import ExcelJS from "exceljs";
import type { VatRateCode } from "~/modules/money/money";
import { formatMoscowDateRu, toMoscowDateTimeInput } from "~/modules/money/moscow-time";
import { unitName, unitOkei } from "~/modules/money/units";
import { parseVatRate, vatRateLabel } from "~/modules/money/vat";
import type { RfqItemView } from "~/modules/rfq/rfq.server";
import { neutraliseCell } from "./compare";
import { quoteLineSchema } from "./quotes.schema";

/**
 * The supplier's fill-in workbook (XLSX round-trip, issue #19): sheet «Запрос» (the RFQ header) and sheet «Позиции»
 * (one row per RFQ line). Columns A–E are the buyer's (locked), F–K the supplier's (open), L the hidden line id. The
 * sheet is protected without a password: it guides, the server decides (every uploaded value is validated again).
 * Text is written neutralised against formula injection; an uploaded formula is read as its cached value, a formula
 * without one is refused.
 */

export const HEADER_SHEET = "Запрос";
export const LINES_SHEET = "Позиции";

/** Column titles of the lines sheet: also the column names of upload errors («Строка 5, «Цена за ед.»: …»). */
export const COLUMNS = {
  no: "№",
  name: "Наименование",
  requested: "Запрошено",
  unit: "Ед. изм. (ОКЕИ)",
  spec: "Требования заказчика",
  quantity: "Предлагаемое кол-во",
  unitPrice: "Цена за ед. без НДС, ₽",
  vatRate: "НДС",
  leadTimeDays: "Срок поставки, дней",
  analogueModel: "Аналог (модель)",
  analogueNote: "Примечание",
  id: "id",
} as const;
type ColumnKey = keyof typeof COLUMNS;
const ORDER: ColumnKey[] = Object.keys(COLUMNS) as ColumnKey[];
const col = (key: ColumnKey) => ORDER.indexOf(key) + 1;
const OPEN: ColumnKey[] = ["quantity", "unitPrice", "vatRate", "leadTimeDays", "analogueModel", "analogueNote"];
/** data rows start under the title row */
const FIRST_ROW = 2;

export interface QuoteSheetData {
  rfq: {
    number: number | string;
    title: string;
    buyer: string;
    deadline: Date | null;
    deliveryAddress: string;
    paymentTerms: string | null;
    needBy?: Date | null;
  };
  supplier: string;
  vatRates: VatRateCode[];
  items: RfqItemView[];
  /** prefilled open columns (the working draft / requested quantities / catalog prices), as the form shows them */
  lines: {
    rfqItemId: string;
    unitPrice: string;
    quantity: string;
    vatRate: string;
    leadTimeDays: string;
    analogueModel: string;
    analogueNote: string;
  }[];
}

const txt = (v: string | null | undefined) => (v ? neutraliseCell(v) : "");
/** "1 234,50" → 1234.5 (a number cell Excel can sum); "" → null */
const num = (v: string) => {
  const n = Number(v.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  return v.trim() === "" || !Number.isFinite(n) ? null : n;
};

export async function buildQuoteWorkbook(d: QuoteSheetData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SnabMost";
  const head = wb.addWorksheet(HEADER_SHEET);
  head.columns = [{ width: 32 }, { width: 70 }];
  const deadline = d.rfq.deadline ? toMoscowDateTimeInput(d.rfq.deadline).split("T") : null;
  const rows: [string, string][] = [
    ["Запрос предложений", txt(`№ ${d.rfq.number}: ${d.rfq.title}`)],
    ["Заказчик", txt(d.rfq.buyer)],
    ["Приём предложений до", deadline ? `${formatMoscowDateRu(d.rfq.deadline as Date)} ${deadline[1]} (МСК)` : "—"],
    ["Адрес поставки", txt(d.rfq.deliveryAddress)],
    ["Условия оплаты (запрошено)", txt(d.rfq.paymentTerms) || "—"],
    ["Поставщик", txt(d.supplier)],
    ["Ставки НДС", d.vatRates.map((r) => vatRateLabel(r)).join(", ")],
    [
      "Как заполнить",
      `Заполните на листе «${LINES_SHEET}» столбцы «${COLUMNS.quantity}», «${COLUMNS.unitPrice}», «${COLUMNS.vatRate}», «${COLUMNS.leadTimeDays}» и, если аналоги допускаются, «${COLUMNS.analogueModel}». Строка без цены не предлагается. Загрузите файл на странице запроса.`,
    ],
  ];
  for (const [k, v] of rows) {
    const r = head.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  await head.protect("", { selectLockedCells: true, selectUnlockedCells: true });

  const ws = wb.addWorksheet(LINES_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = ORDER.map((key) => ({
    key,
    width:
      { no: 5, name: 40, requested: 12, unit: 14, spec: 36, analogueModel: 26, analogueNote: 30, id: 10 }[
        key as string
      ] ?? 16,
  }));
  const title = ws.getRow(1);
  ORDER.forEach((key, i) => {
    title.getCell(i + 1).value = COLUMNS[key];
  });
  title.font = { bold: true };
  title.alignment = { wrapText: true, vertical: "top" };
  const rateList = `"${d.vatRates.map((r) => vatRateLabel(r).replace(/\u00a0/g, " ")).join(",")}"`;
  const byItem = new Map(d.lines.map((l) => [l.rfqItemId, l]));
  d.items.forEach((item, i) => {
    const l = byItem.get(item.id);
    const row = ws.getRow(FIRST_ROW + i);
    const okei = unitOkei(item.unit);
    row.values = {
      no: i + 1,
      name: txt(item.name),
      requested: num(item.quantity),
      unit: okei ? `${unitName(item.unit)} (${okei})` : txt(unitName(item.unit)),
      spec: txt(item.notes),
      quantity: l ? num(l.quantity) : null,
      unitPrice: l ? num(l.unitPrice) : null,
      vatRate: l?.vatRate ? vatRateLabel(l.vatRate as VatRateCode).replace(/\u00a0/g, " ") : "",
      leadTimeDays: l ? num(l.leadTimeDays) : null,
      analogueModel: item.analoguesAllowed ? txt(l?.analogueModel) : "аналоги не допускаются",
      analogueNote: item.analoguesAllowed ? txt(l?.analogueNote) : "",
      id: item.id,
    } as unknown as ExcelJS.CellValue[];
    row.getCell(col("spec")).alignment = { wrapText: true, vertical: "top" };
    row.getCell(col("name")).alignment = { wrapText: true, vertical: "top" };
    row.getCell(col("unitPrice")).numFmt = "#,##0.00";
    for (const key of OPEN) {
      if (!item.analoguesAllowed && (key === "analogueModel" || key === "analogueNote")) continue;
      const cell = row.getCell(col(key));
      cell.protection = { locked: false };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7D6" } };
    }
    row.getCell(col("vatRate")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [rateList],
      showErrorMessage: true,
      errorTitle: "НДС",
      error: "Выберите ставку из списка",
    };
    row.getCell(col("quantity")).dataValidation = {
      type: "decimal",
      operator: "greaterThan",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      error: "Количество больше нуля",
    };
    row.getCell(col("unitPrice")).dataValidation = {
      type: "decimal",
      operator: "greaterThan",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      error: "Цена больше нуля",
    };
    row.getCell(col("leadTimeDays")).dataValidation = {
      type: "whole",
      operator: "between",
      allowBlank: true,
      formulae: [0, 9999],
      showErrorMessage: true,
      error: "Целое число дней",
    };
  });
  ws.getColumn(col("id")).hidden = true;
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ─── Reading an uploaded sheet ────────────────────────────────────────────

/** A problem of one cell: row number as Excel shows it, the column title, an i18n key of the quotes namespace. */
export interface SheetIssue {
  row: number;
  column: string;
  message: string;
}

export interface ParsedSheetLine {
  row: number;
  rfqItemId: string;
  unitPrice: string;
  quantity: string;
  vatRate: VatRateCode;
  leadTimeDays: string;
  analogueModel: string;
  analogueNote: string;
}

export class SheetReadError extends Error {
  constructor(readonly code: "unreadable" | "no_lines_sheet" | "too_many_rows") {
    super(`quote sheet ${code}`);
  }
}

type CellText = { text: string } | { formula: true };

/** A cell as text. A formula gives its cached result (Excel saves one); a formula without a result is flagged. */
function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") return { text: numberText(value) };
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (typeof result === "number") return { text: numberText(result) };
      if (typeof result === "string") return { text: result };
      return { formula: true };
    }
    if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
    if ("text" in value) return { text: String((value as { text: unknown }).text) };
    if ("error" in value) return { formula: true };
  }
  return { text: String(value) };
}

/** 1234.5 → "1234.5"; a binary fraction such as 0.1 + 0.2 → "0.3" (at most 3 decimals survive, more stay visible). */
function numberText(n: number): string {
  for (const digits of [0, 1, 2, 3]) {
    const s = n.toFixed(digits);
    if (Math.abs(Number(s) - n) < 1e-9) return s;
  }
  return String(n);
}

/** Undoes the export's neutralising apostrophe («'=x» → «=x» is then stored as plain text, re-neutralised on export). */
const unquote = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

export const MAX_SHEET_ROWS = 1000;

/**
 * Reads the lines sheet of an uploaded workbook against the RFQ's items and the supplier's allowed rates. Every value
 * goes through the quote form's own schema (the one rouble parser, the quantity rules), so the sheet and the web form
 * accept exactly the same input. A row without a unit price is «не предлагается».
 */
export async function readQuoteWorkbook(
  bytes: Uint8Array,
  ctx: {
    items: { id: string; quantity: string; analoguesAllowed: boolean }[];
    vatRates: readonly VatRateCode[];
    defaultRate: VatRateCode;
  },
): Promise<{ lines: ParsedSheetLine[]; issues: SheetIssue[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new SheetReadError("unreadable");
  }
  const ws = wb.getWorksheet(LINES_SHEET) ?? wb.worksheets.find((s) => s.name !== HEADER_SHEET);
  if (!ws) throw new SheetReadError("no_lines_sheet");
  if (ws.rowCount > MAX_SHEET_ROWS) throw new SheetReadError("too_many_rows");
  // columns by title (a supplier may have moved or added columns); the template's positions otherwise
  const titleRow = ws.getRow(1);
  const at = new Map<ColumnKey, number>();
  for (const key of ORDER) {
    let found = 0;
    titleRow.eachCell((cell, c) => {
      if (!found && String(cell.text ?? "").trim() === COLUMNS[key]) found = c;
    });
    at.set(key, found || col(key));
  }
  const items = new Map(ctx.items.map((i) => [i.id, i]));
  const issues: SheetIssue[] = [];
  const lines: ParsedSheetLine[] = [];
  const seen = new Set<string>();
  const issue = (row: number, key: ColumnKey, message: string) => issues.push({ row, column: COLUMNS[key], message });

  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const read = (key: ColumnKey): string | null => {
      const c = cellText(row.getCell(at.get(key) as number).value);
      if ("formula" in c) {
        issue(r, key, "sheet.errors.formula");
        return null;
      }
      return unquote(c.text.trim());
    };
    const id = read("id") ?? "";
    const values = {
      quantity: read("quantity"),
      unitPrice: read("unitPrice"),
      vatRate: read("vatRate"),
      leadTimeDays: read("leadTimeDays"),
      analogueModel: read("analogueModel"),
      analogueNote: read("analogueNote"),
    };
    if (!id) {
      if (Object.values(values).some((v) => v)) issue(r, "id", "sheet.errors.noLineId");
      continue;
    }
    const item = items.get(id);
    if (!item || seen.has(id)) {
      issue(r, "id", "errors.unknownItem");
      continue;
    }
    seen.add(id);
    if (Object.values(values).some((v) => v === null)) continue; // a formula without a value: reported
    const v = values as Record<keyof typeof values, string>;
    if (!v.unitPrice) continue; // not offered
    const rateText = v.vatRate;
    const rate = rateText ? parseVatRate(rateText) : ctx.defaultRate;
    if (!rate) {
      issue(r, "vatRate", "errors.vatRate");
      continue;
    }
    if (!ctx.vatRates.includes(rate)) {
      issue(r, "vatRate", "errors.vatNotAllowed");
      continue;
    }
    const analogueModel = item.analoguesAllowed ? v.analogueModel : "";
    const analogueNote = item.analoguesAllowed ? v.analogueNote : "";
    const parsed = quoteLineSchema.safeParse({
      rfqItemId: id,
      unitPrice: v.unitPrice,
      quantity: v.quantity || undefined,
      vatRate: rate,
      leadTimeDays: v.leadTimeDays || undefined,
      analogueModel: analogueModel || undefined,
      analogueNote: analogueNote || undefined,
    });
    if (!parsed.success) {
      for (const e of parsed.error.issues) issue(r, (e.path[0] as ColumnKey) ?? "unitPrice", e.message);
      continue;
    }
    lines.push({
      row: r,
      rfqItemId: id,
      unitPrice: v.unitPrice,
      quantity: v.quantity,
      vatRate: rate,
      leadTimeDays: v.leadTimeDays,
      analogueModel,
      analogueNote,
    });
  }
  return { lines, issues };
}
