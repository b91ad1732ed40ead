import { HEADER_SYNONYMS, normalizeHeader } from "~/utils/spreadsheet-cells";
import type { AttributeDef } from "../attributes";

export { normalizeHeader };

/** Product fields an import column can map to (besides `spec:<code>`). */
export const IMPORT_FIELDS = [
  "sku",
  "title",
  "category",
  "manufacturer",
  "description",
  "price",
  "vatRate",
  "unit",
  "minOrderQty",
  "leadTimeDays",
  "stockStatus",
  "status",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A column's target: "field:<name>", "spec:<code>" or "" (ignored). */
export type ColumnTarget = `field:${ImportField}` | `spec:${string}` | "";

export interface ImportMapping {
  columns: ColumnTarget[];
  /** category for rows without a category column/value */
  defaultCategoryId?: string | null;
}

const SYNONYMS: Record<ImportField, string[]> = {
  sku: HEADER_SYNONYMS.sku,
  title: HEADER_SYNONYMS.title,
  category: ["категория", "раздел", "группа", "category", "category slug"],
  manufacturer: [
    "производитель",
    "изготовитель",
    "бренд",
    "марка",
    "завод изготовитель",
    "manufacturer",
    "brand",
    "maker",
    "vendor",
  ],
  description: ["описание", "description", "характеристика", "комментарий"],
  price: [
    "цена",
    "цена без ндс",
    "цена руб",
    "стоимость",
    "цена за ед",
    "price",
    "net price",
    "price net",
    "unit price",
  ],
  vatRate: ["ндс", "ставка ндс", "vat", "vat rate"],
  unit: HEADER_SYNONYMS.unit,
  minOrderQty: [
    "мин заказ",
    "минимальный заказ",
    "минимальная партия",
    "min order",
    "moq",
    "minimum order",
    "min order qty",
  ],
  leadTimeDays: [
    "срок поставки",
    "срок поставки дней",
    "срок",
    "срок изготовления",
    "lead time",
    "lead time days",
    "delivery time",
  ],
  stockStatus: ["наличие", "остаток", "склад", "stock", "availability", "stock status", "in stock"],
  status: ["статус", "status", "публикация"],
};

/**
 * Suggests a target for every header: an explicit `[code]` of a spec attribute, a known field name in Russian or
 * English, or an attribute's Russian/English name or code. Each target is used at most once.
 */
export function suggestMapping(headers: string[], attributes: readonly AttributeDef[]): ColumnTarget[] {
  const used = new Set<string>();
  const byCode = new Map(attributes.map((a) => [a.code.toLowerCase(), a]));
  const byName = new Map<string, AttributeDef>();
  for (const a of attributes) {
    for (const name of [a.nameRu, a.nameEn, a.code]) {
      const key = normalizeHeader(name);
      if (!byName.has(key)) byName.set(key, a);
    }
  }
  const fieldBySynonym = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) for (const s of SYNONYMS[field]) fieldBySynonym.set(normalizeHeader(s), field);

  return headers.map((header): ColumnTarget => {
    const take = (target: ColumnTarget): ColumnTarget => {
      if (target === "" || used.has(target)) return "";
      used.add(target);
      return target;
    };
    const explicit = /\[([a-z][a-z0-9_]*)\]/i.exec(header);
    if (explicit && byCode.has(explicit[1].toLowerCase()))
      return take(`spec:${byCode.get(explicit[1].toLowerCase())?.code}`);
    const key = normalizeHeader(header);
    if (key === "") return "";
    const field = fieldBySynonym.get(key);
    if (field) return take(`field:${field}`);
    const attr = byName.get(key);
    if (attr) return take(`spec:${attr.code}`);
    // a header that starts with a known field word, e.g. «Цена без НДС за шт»
    for (const [synonym, f] of fieldBySynonym) {
      if (synonym.length >= 4 && key.startsWith(`${synonym} `) && !used.has(`field:${f}`)) return take(`field:${f}`);
    }
    return "";
  });
}

/** Attribute definitions deduplicated by code (first wins), for mapping across categories. */
export function uniqueAttributes(lists: Iterable<readonly AttributeDef[]>): AttributeDef[] {
  const seen = new Map<string, AttributeDef>();
  for (const list of lists) for (const a of list) if (!seen.has(a.code)) seen.set(a.code, a);
  return [...seen.values()];
}

/** Fields every row needs a column for (the category unless a default category is chosen). */
export function requiredFields(defaultCategory: boolean): ImportField[] {
  return defaultCategory ? ["sku", "title"] : ["sku", "title", "category"];
}

/** The target a row error points at (its mapped column). */
export function errorTarget(field: string): ColumnTarget {
  return (field.startsWith("spec:") ? field : `field:${field}`) as ColumnTarget;
}

/** A column index → its spreadsheet letter: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Where a row error is and what it is about, readably: the characteristic's name in the language instead of its code
 * («Охлаждение», not «cooling»), the column as a letter with its header («C «Охлаждение, тип»»).
 */
export function importErrorParts(
  e: { field: string; column?: number },
  ctx: { attributes: readonly { code: string; nameRu: string; nameEn: string }[]; headers: readonly string[] },
  lang: "ru" | "en",
): { spec: string | null; column: string | null } {
  const code = e.field.startsWith("spec:") ? e.field.slice(5) : null;
  const attr = code ? ctx.attributes.find((a) => a.code === code) : undefined;
  const spec = code ? (attr ? (lang === "en" ? attr.nameEn : attr.nameRu) : code) : null;
  const header = e.column !== undefined ? ctx.headers[e.column] : undefined;
  const column = e.column !== undefined ? `${columnLetter(e.column)}${header ? ` «${header}»` : ""}` : null;
  return { spec, column };
}

/**
 * One row error as the supplier reads it (page list, error report), through the `catalog` translations:
 * «Строка 12, столбец I «Охлаждение»: Охлаждение: обязательная характеристика не заполнена». `withRow: false` leaves
 * the row out (the report has it in its own column).
 */
export function describeImportError(
  t: (key: string, values?: Record<string, unknown>) => string,
  e: { row: number; field: string; code: string; column?: number },
  ctx: { attributes: readonly { code: string; nameRu: string; nameEn: string }[]; headers: readonly string[] },
  lang: "ru" | "en",
  opts: { withRow: boolean } = { withRow: true },
): string {
  const { spec, column } = importErrorParts(e, ctx, lang);
  const values = {
    row: e.row,
    column,
    name: spec ?? t(`import.fields.${e.field}`),
    error: t(`import.errors.${e.code}`),
    interpolation: { escapeValue: false },
  };
  if (opts.withRow) return t(column ? "import.errorLine" : "import.errorLineNoColumn", values);
  return t(column ? "import.errorCell" : "import.errorCellNoColumn", values);
}
