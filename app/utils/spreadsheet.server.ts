import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { stripControlChars } from "./control-chars";
import { DomainError } from "./domain-error";
import type { Cell } from "./spreadsheet-cells";

export interface Sheet {
  headers: string[];
  /** data rows (after the header row); `rowNumbers[i]` is the 1-based row number in the file */
  rows: Cell[][];
  rowNumbers: number[];
}

export const MAX_IMPORT_ROWS = 10_000;

export class SheetError extends DomainError {
  constructor(readonly code: "no_header" | "too_many_rows" | "unreadable") {
    super("invalid", `sheet ${code}`, { formErrors: [`import.errors.${code}`] });
  }
}

/**
 * The first sheet of an XLSX or a CSV as a header row and the non-empty data rows. `maxRows` (default
 * MAX_IMPORT_ROWS) bounds the data rows: an XLSX is read as a stream and refused as soon as it holds more.
 */
export async function parseSpreadsheet(
  bytes: Uint8Array,
  kind: "xlsx" | "csv",
  opts: { maxRows?: number } = {},
): Promise<Sheet> {
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  return toSheet(kind === "xlsx" ? await readXlsx(bytes, maxRows) : readCsv(bytes), maxRows);
}

/** Rows pasted from a spreadsheet (tab-separated, as Excel copies them; ; and , are recognised too). */
export function parseSpreadsheetText(text: string, opts: { maxRows?: number } = {}): Sheet {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  return toSheet(
    rows.map((r) => r.map((c) => (c === "" ? null : stripControlChars(c)))),
    opts.maxRows ?? MAX_IMPORT_ROWS,
  );
}

function toSheet(table: Cell[][], maxRows: number): Sheet {
  const headerIndex = table.findIndex((row) => row.some((c) => c !== null && String(c).trim() !== ""));
  if (headerIndex < 0) throw new SheetError("no_header");
  const headers = table[headerIndex].map((c) => (c === null ? "" : String(c).trim()));
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const row = table[i];
    if (!row.some((c) => c !== null && String(c).trim() !== "")) continue;
    rows.push(row);
    rowNumbers.push(i + 1);
  }
  if (rows.length > maxRows) throw new SheetError("too_many_rows");
  return { headers, rows, rowNumbers };
}

// ─── XLSX ──────────────────────────────────────────────────────────────────

/** A cell as imported: text without NUL or other control characters (they would end up in product pages). */
function excelCell(value: ExcelJS.CellValue): Cell {
  const cell = rawExcelCell(value);
  return typeof cell === "string" ? stripControlChars(cell) : cell;
}

function rawExcelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result instanceof Date) return result.toISOString().slice(0, 10);
      return typeof result === "string" || typeof result === "number" || typeof result === "boolean" ? result : null;
    }
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return null;
  }
  return String(value);
}

/**
 * Reads the first worksheet as a stream (exceljs WorkbookReader) and stops as soon as it holds more than
 * MAX_IMPORT_ROWS data rows: a 300k-row file is refused after ~10k rows instead of being loaded whole (it tied up the
 * server for 26 s before the limit applied).
 */
async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Cell[][]> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const table: Cell[][] = [];
  let width = 0;
  let filled = 0;
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(excelCell(values[c] as ExcelJS.CellValue));
        width = Math.max(width, cells.length);
        table[row.number - 1] = cells;
        if (cells.some((c) => c !== null && String(c).trim() !== "") && ++filled > maxRows + 1) {
          throw new SheetError("too_many_rows"); // the header row plus maxRows data rows
        }
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError("unreadable");
  } finally {
    input.destroy();
  }
  if (!sawSheet) throw new SheetError("no_header");
  for (let i = 0; i < table.length; i++) {
    table[i] ??= [];
    while (table[i].length < width) table[i].push(null);
  }
  return table;
}

// ─── CSV ───────────────────────────────────────────────────────────────────

/** UTF-8 (with or without BOM), else windows-1251 — the two encodings Russian spreadsheets save CSV in. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/**
 * The delimiter of the header line: the most frequent of ; , TAB outside quotes (papaparse's guess over these three;
 * a single-column file falls back to the comma).
 */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const guessed = Papa.parse<string[]>(firstLine, { delimitersToGuess: [";", ",", "\t"], preview: 1 }).meta.delimiter;
  return guessed && firstLine.includes(guessed) ? guessed : ",";
}

/** RFC 4180 parsing with papaparse (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = result.data;
  // papaparse yields a last empty row for a trailing newline; the hand-written parser never did
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return rows;
}

function readCsv(bytes: Uint8Array): Cell[][] {
  const text = decodeCsv(bytes).replace(/^\uFEFF/, "");
  return parseCsv(text).map((r) => r.map((c) => (c === "" ? null : stripControlChars(c))));
}
