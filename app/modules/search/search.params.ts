/**
 * The catalog's URL parameters as the browser needs them: no zod here, so the catalog page's bundle does not carry the
 * validation library (search.schema.ts validates on the server and re-exports these).
 */
import type { SearchParams } from "./search.schema";

export const SORT_VALUES = ["relevance", "price_asc", "price_desc", "lead_asc", "updated_desc"] as const;
export const DEFAULT_PER_PAGE = 20;

/** The URL query of a parameter set (defaults left out), e.g. for links that change one facet. */
export function searchParamsToQuery(p: Partial<SearchParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  for (const s of p.sector ?? []) out.append("sector", s);
  for (const c of p.category ?? []) out.append("category", c);
  for (const s of p.supplier ?? []) out.append("supplier", s);
  if (p.verified) out.set("verified", "1");
  if (p.stock) out.set("stock", "1");
  if (p.price_min !== undefined) out.set("price_min", String(p.price_min));
  if (p.price_max !== undefined) out.set("price_max", String(p.price_max));
  if (p.lead_max !== undefined) out.set("lead_max", String(p.lead_max));
  for (const [code, values] of Object.entries(p.specs ?? {})) for (const v of values) out.append(`spec.${code}`, v);
  for (const [code, range] of Object.entries(p.specRanges ?? {})) {
    if (range.min !== undefined) out.set(`spec.${code}.min`, String(range.min));
    if (range.max !== undefined) out.set(`spec.${code}.max`, String(range.max));
  }
  if (p.sort) out.set("sort", p.sort);
  if (p.page && p.page > 1) out.set("page", String(p.page));
  if (p.per_page && p.per_page !== DEFAULT_PER_PAGE) out.set("per_page", String(p.per_page));
  return out;
}
