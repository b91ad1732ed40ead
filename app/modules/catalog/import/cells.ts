/** A spreadsheet cell as the importer sees it. */
export type Cell = string | number | boolean | null;

/** Text of a cell, trimmed; an apostrophe our export put before = + - @ is removed again. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 1e6) / 1e6);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const s = cell.trim();
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/**
 * Formula-injection guard for exported spreadsheets: a text cell starting with = + - @ (or tab/CR) gets a leading
 * apostrophe so Excel/LibreOffice show it as text instead of evaluating it.
 */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
