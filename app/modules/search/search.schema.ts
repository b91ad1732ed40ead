import { z } from "zod";
import { parseDecimal } from "~/modules/catalog/catalog.schema";
import { parseRublesToKopecks } from "~/modules/money/money";
import { DEFAULT_PER_PAGE, SORT_VALUES } from "./search.params";
import { MAX_QUERY_LENGTH } from "./text";

// zod-free parts, shared with the browser bundle (the catalog page does not ship zod)
export { DEFAULT_PER_PAGE, SORT_VALUES, searchParamsToQuery } from "./search.params";

/**
 * The search parameters of /catalog and /api/v1/search (one schema, so the page and the API accept the same URLs).
 *   q            text (≤ 200 chars)
 *   sector       HEAT_POWER | HYDRO_POWER | GRID | MUNICIPAL (repeatable)
 *   category     category slug (repeatable; a parent category includes its children)
 *   supplier     supplier slug (repeatable)
 *   verified=1   verified suppliers only          stock=1  in stock only
 *   price_min, price_max   roubles (net)          lead_max  lead time, days
 *   spec.<code>  value of a filterable spec attribute of the category (repeatable = any of)
 *   spec.<code>.min, spec.<code>.max   inclusive range of a numeric spec attribute («0,4», «1 000» as typed)
 *   sort         relevance | price_asc | price_desc | lead_asc | updated_desc
 *   page (1-based, ≤ 50), per_page (1–100; the page always shows 20)
 * Empty values (as sent by a GET form) count as absent; unknown parameters are ignored.
 */

export const SECTOR_VALUES = ["HEAT_POWER", "HYDRO_POWER", "GRID", "MUNICIPAL"] as const;
export const MAX_PAGE = 50;

const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "invalid slug");
const flag = z.enum(["1", "true", "on", "0", "false"]).transform((v) => v === "1" || v === "true" || v === "on");
/** Roubles as typed: «1 500 000», «1500000,50», «1 500 000 ₽» (parsed by the money module). */
const roubles = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const k = parseRublesToKopecks(v);
  return k === null ? v : Number(k) / 100;
}, z.coerce.number().finite().min(0).max(1e12));
/** A decimal as typed: «1 000», «0,4». */
const decimal = z.preprocess(
  (v) => (typeof v === "string" && Number.isFinite(parseDecimal(v)) ? parseDecimal(v) : v),
  z.number().finite().min(-1e12).max(1e12),
);
const SPEC_CODE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const searchParamsSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH).default(""),
    sector: z.array(z.enum(SECTOR_VALUES)).max(4).default([]),
    category: z.array(slug).max(20).default([]),
    supplier: z.array(slug).max(20).default([]),
    verified: flag.optional(),
    stock: flag.optional(),
    price_min: roubles.optional(),
    price_max: roubles.optional(),
    lead_max: z.coerce.number().int().min(0).max(3650).optional(),
    sort: z.enum(SORT_VALUES).optional(),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    per_page: z.coerce.number().int().min(1).max(100).default(DEFAULT_PER_PAGE),
    specs: z
      .record(z.string().regex(SPEC_CODE, "invalid spec attribute code"), z.array(z.string().min(1).max(100)).max(20))
      .default({}),
    specRanges: z
      .record(
        z.string().regex(SPEC_CODE, "invalid spec attribute code"),
        z.object({ min: decimal.optional(), max: decimal.optional() }),
      )
      .default({}),
  })
  .refine((v) => v.price_min === undefined || v.price_max === undefined || v.price_min <= v.price_max, {
    message: "price_min must not exceed price_max",
    path: ["price_min"],
  })
  .superRefine((v, ctx) => {
    for (const [code, r] of Object.entries(v.specRanges)) {
      if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
        ctx.addIssue({ code: "custom", message: "min must not exceed max", path: ["specRanges", code, "min"] });
      }
    }
  });

export type SearchParams = z.infer<typeof searchParamsSchema>;

const MULTI = new Set(["sector", "category", "supplier"]);
const SINGLE = new Set(["q", "verified", "stock", "price_min", "price_max", "lead_max", "sort", "page", "per_page"]);

/** URLSearchParams → the raw object the schema validates (repeatable keys become arrays; `spec.<code>` → specs). */
export function searchParamsToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const specs: Record<string, string[]> = {};
  const specRanges: Record<string, { min?: string; max?: string }> = {};
  for (const [key, rawValue] of params) {
    const value = rawValue.trim();
    if (value === "" && key !== "q") continue;
    if (MULTI.has(key)) {
      const list = (out[key] as string[] | undefined) ?? [];
      list.push(value);
      out[key] = list;
    } else if (SINGLE.has(key)) out[key] ??= key === "q" ? rawValue : value;
    else if (/^spec\..+\.(min|max)$/.test(key)) {
      const end = key.endsWith(".min") ? "min" : "max";
      const code = key.slice(5, -4);
      specRanges[code] ??= {};
      specRanges[code][end] ??= value;
    } else if (key.startsWith("spec.")) {
      const code = key.slice(5);
      specs[code] = [...(specs[code] ?? []), value];
    }
  }
  if (Object.keys(specs).length) out.specs = specs;
  if (Object.keys(specRanges).length) out.specRanges = specRanges;
  return out;
}

export type ParsedSearchParams =
  | { success: true; data: SearchParams }
  | { success: false; issues: { path: string; message: string }[] };

export function parseSearchParams(params: URLSearchParams): ParsedSearchParams {
  const result = searchParamsSchema.safeParse(searchParamsToObject(params));
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((i) => ({
      path:
        i.path[0] === "specs" && i.path.length > 1
          ? `spec.${String(i.path[1])}`
          : i.path[0] === "specRanges" && i.path.length > 1
            ? `spec.${i.path.slice(1).map(String).join(".")}`
            : i.path.join("."),
      message: i.message,
    })),
  };
}
