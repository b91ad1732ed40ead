import type { ProductStatus, StockStatus, VatRate } from "~/generated/prisma/enums";
import type { VatRateCode } from "~/modules/money/money";
import { parseRublesToKopecks } from "~/modules/money/money";
import { parseUnit, type UnitCode } from "~/modules/money/units";
import { isVatRateInForce, parseVatRate } from "~/modules/money/vat";
import { type Cell, cellText } from "~/utils/spreadsheet-cells";
import type { AttributeDef, Specs } from "../attributes";
import { parseDecimal, parseSpecValue } from "../specs";
import type { ColumnTarget, ImportField } from "./mapping";

export interface ImportCategory {
  id: string;
  slug: string;
  nameRu: string;
  nameEn: string;
  attributes: AttributeDef[];
}

export interface RowContext {
  /** leaf categories by lowercased slug, Russian and English name */
  categories: Map<string, ImportCategory>;
  defaultCategory: ImportCategory | null;
  /**
   * The rates the supplier's tax regime allows today and the default for a row without a rate — the same as the
   * product form (money.server supplierVatOptions).
   */
  vat: { rates: readonly VatRateCode[]; defaultRate: VatRateCode };
}

export interface ImportRow {
  sku: string;
  title: string;
  categoryId: string;
  manufacturer: string | null;
  description: string | null;
  specs: Specs;
  priceKopecks: bigint | null;
  vatRate: VatRate;
  unit: UnitCode;
  /** normalised decimal string with up to 3 fraction digits */
  minOrderQty: string;
  leadTimeDays: number | null;
  stockStatus: StockStatus;
  /** only when a status column is mapped */
  status?: ProductStatus;
}

/** One problem of a row: the field (or `spec:<code>`) and an i18n key of the `catalog` namespace (`import.errors.*`). */
export interface RowError {
  row: number;
  field: string;
  code: string;
  /** 0-based index of the sheet column the value came from (absent: the field has no column) */
  column?: number;
}

const STOCK: Record<string, StockStatus> = {
  "в наличии": "IN_STOCK",
  есть: "IN_STOCK",
  "на складе": "IN_STOCK",
  "in stock": "IN_STOCK",
  in_stock: "IN_STOCK",
  да: "IN_STOCK",
  yes: "IN_STOCK",
  "под заказ": "TO_ORDER",
  заказ: "TO_ORDER",
  "to order": "TO_ORDER",
  to_order: "TO_ORDER",
  "on order": "TO_ORDER",
  "нет в наличии": "OUT_OF_STOCK",
  нет: "OUT_OF_STOCK",
  "out of stock": "OUT_OF_STOCK",
  out_of_stock: "OUT_OF_STOCK",
  no: "OUT_OF_STOCK",
};
const STATUS: Record<string, ProductStatus> = {
  опубликован: "PUBLISHED",
  опубликовано: "PUBLISHED",
  published: "PUBLISHED",
  активен: "PUBLISHED",
  да: "PUBLISHED",
  черновик: "DRAFT",
  draft: "DRAFT",
  нет: "DRAFT",
  архив: "ARCHIVED",
  "в архиве": "ARCHIVED",
  archived: "ARCHIVED",
};

/** «18», «18 %», «НДС 18%», «0,18»: the rate before 2019, named apart from a typo. */
const OUTDATED_VAT = /^\s*(ндс|vat)?\s*(18|0[.,]18)\s*%?\s*$/i;

const key = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").replace(/\.$/, "").trim();

/** Validates and normalises one data row. */
export function validateImportRow(
  cells: Cell[],
  rowNumber: number,
  columns: readonly ColumnTarget[],
  ctx: RowContext,
): { row?: ImportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: string, code: string) => errors.push({ row: rowNumber, field, code });
  const fields = new Map<ImportField, string>();
  const specRaw = new Map<string, Cell>();
  columns.forEach((target, i) => {
    if (target.startsWith("field:")) fields.set(target.slice(6) as ImportField, cellText(cells[i]));
    else if (target.startsWith("spec:")) specRaw.set(target.slice(5), cells[i] ?? null);
  });
  const get = (f: ImportField) => fields.get(f) ?? "";

  const sku = get("sku");
  if (!sku) fail("sku", "required");
  else if (sku.length > 100) fail("sku", "tooLong");
  const title = get("title");
  if (!title) fail("title", "required");
  else if (title.length > 300) fail("title", "tooLong");

  let category = ctx.defaultCategory;
  const categoryText = get("category");
  if (categoryText) {
    category = ctx.categories.get(key(categoryText)) ?? null;
    if (!category) fail("category", "category");
  } else if (!category) fail("category", "required");

  let priceKopecks: bigint | null = null;
  const priceText = get("price");
  if (priceText && !/^(по запросу|договорная|on request|-|—)$/i.test(priceText)) {
    const cell = cells[columns.indexOf("field:price")];
    const parsed = typeof cell === "number" ? BigInt(Math.round(cell * 100)) : parseRublesToKopecks(priceText);
    if (parsed === null || parsed < 0n) fail("price", "price");
    else if (parsed > 10n ** 15n) fail("price", "price");
    else priceKopecks = parsed;
  }

  let vatRate: VatRate = ctx.vat.defaultRate;
  const vatText = get("vatRate");
  if (vatText) {
    const v = parseVatRate(vatText);
    // 18 % (until 2018) and 20 % (until 31.12.2025) are rates of the past: a new price carries today's rate
    if (!v) fail("vatRate", OUTDATED_VAT.test(vatText) ? "vatOutdated" : "vat");
    else if (!isVatRateInForce(v)) fail("vatRate", "vatOutdated");
    else if (!ctx.vat.rates.includes(v)) fail("vatRate", "vatNotAllowed");
    else vatRate = v;
  }

  let unit: UnitCode = "pcs";
  const unitText = get("unit");
  if (unitText) {
    const u = parseUnit(unitText);
    if (!u) fail("unit", "unit");
    else unit = u;
  }

  let minOrderQty = "1";
  const moq = get("minOrderQty");
  if (moq) {
    const n = parseDecimal(moq);
    if (!Number.isFinite(n) || n <= 0 || n >= 1e11) fail("minOrderQty", "positive");
    else minOrderQty = String(Math.round(n * 1000) / 1000);
  }

  let leadTimeDays: number | null = null;
  const lead = get("leadTimeDays").replace(/\s*(дн(ей|я|\.)?|д\.|days?)$/i, "");
  if (lead) {
    const n = parseDecimal(lead);
    if (!Number.isInteger(n) || n < 0 || n > 3650) fail("leadTimeDays", "leadTime");
    else leadTimeDays = n;
  }

  let stockStatus: StockStatus = "TO_ORDER";
  const stockText = get("stockStatus");
  if (stockText) {
    const s =
      STOCK[key(stockText)] ??
      (["IN_STOCK", "TO_ORDER", "OUT_OF_STOCK"].includes(stockText) ? (stockText as StockStatus) : undefined);
    if (!s) fail("stockStatus", "stock");
    else stockStatus = s;
  }

  let status: ProductStatus | undefined;
  if (columns.includes("field:status")) {
    const statusText = get("status");
    if (statusText) {
      status =
        STATUS[key(statusText)] ??
        (["DRAFT", "PUBLISHED", "ARCHIVED"].includes(statusText) ? (statusText as ProductStatus) : undefined);
      if (!status) fail("status", "status");
    }
  }

  const manufacturer = get("manufacturer") || null;
  if (manufacturer && manufacturer.length > 200) fail("manufacturer", "tooLong");
  const description = get("description") || null;
  if (description && description.length > 10_000) fail("description", "tooLong");

  const specs: Specs = {};
  if (category) {
    const attrs = new Map(category.attributes.map((a) => [a.code, a]));
    for (const [code, raw] of specRaw) {
      const attr = attrs.get(code);
      const text = cellText(raw);
      if (!attr) {
        if (text !== "") fail(`spec:${code}`, "specNotInCategory");
        continue;
      }
      const { value, error } = parseSpecValue(attr, typeof raw === "number" ? raw : text);
      if (error) fail(`spec:${code}`, error.replace("spec.", "spec_"));
      else if (value !== undefined) specs[code] = value;
    }
    for (const attr of category.attributes) {
      if (attr.required && !(attr.code in specs) && !errors.some((e) => e.field === `spec:${attr.code}`))
        fail(`spec:${attr.code}`, "spec_required");
    }
  }

  if (errors.length > 0 || !category) return { errors };
  return {
    errors,
    row: {
      sku,
      title,
      categoryId: category.id,
      manufacturer,
      description,
      specs,
      priceKopecks,
      vatRate,
      unit,
      minOrderQty,
      leadTimeDays,
      stockStatus,
      ...(status ? { status } : {}),
    },
  };
}

/** Category lookup keys: slug, Russian and English names (lowercased). */
/** The category a cell names (slug, Russian or English name), as rows resolve it. */
export function findCategory(index: Map<string, ImportCategory>, text: string): ImportCategory | null {
  return index.get(key(text)) ?? null;
}

export function buildCategoryIndex(categories: ImportCategory[]): Map<string, ImportCategory> {
  const map = new Map<string, ImportCategory>();
  for (const c of categories) {
    for (const k of [c.slug, c.nameRu, c.nameEn]) {
      const kk = key(k);
      if (!map.has(kk)) map.set(kk, c);
    }
  }
  return map;
}
