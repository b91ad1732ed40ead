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

/** lowercase, ё→е, without units after a comma or in parentheses/brackets, punctuation → spaces. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\[[^\]]*\]|\([^)]*\)/g, " ")
    .replace(/,.*$/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Header names shared by every import (catalog, RFQ спецификация): product code, name, unit. */
export const HEADER_SYNONYMS = {
  sku: [
    "sku",
    "артикул",
    "код",
    "код товара",
    "модель",
    "код модели",
    "model",
    "model code",
    "article",
    "part number",
    "partnumber",
    "арт",
  ],
  title: ["наименование", "название", "наименование товара", "товар", "title", "name", "product", "product name"],
  unit: ["ед", "ед изм", "единица", "единица измерения", "unit", "uom", "океи"],
};

/**
 * The column of each header by synonyms (normalised with `normalizeHeader`): an exact synonym first, else a header
 * that starts with a synonym of 4+ letters (e.g. «Количество, шт» or «Наименование продукции»). Each target is used
 * at most once; "" = not mapped.
 */
export function mapHeadersBySynonyms<F extends string>(headers: string[], synonyms: Record<F, string[]>): (F | "")[] {
  const bySynonym = new Map<string, F>();
  for (const [field, list] of Object.entries(synonyms) as [F, string[]][])
    for (const s of list) bySynonym.set(normalizeHeader(s), field);
  const used = new Set<F>();
  const take = (f: F | undefined): F | "" => {
    if (!f || used.has(f)) return "";
    used.add(f);
    return f;
  };
  const keys = headers.map(normalizeHeader);
  const out: (F | "")[] = keys.map((key) => (key === "" ? "" : take(bySynonym.get(key))));
  keys.forEach((key, i) => {
    if (out[i] !== "" || key === "") return;
    for (const [synonym, f] of bySynonym) {
      if (synonym.length >= 4 && key.startsWith(`${synonym} `) && !used.has(f)) {
        out[i] = take(f);
        return;
      }
    }
  });
  return out;
}
