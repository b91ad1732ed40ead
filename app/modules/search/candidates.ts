import type { FacetValue, SearchFacets } from "./search.types";

/**
 * Candidates of the embedded engine. The search SQL packs the narrow columns of every candidate (at most
 * `candidates` matches) into one string — fields \x1f, rows \x1e, spec pairs \x1d — and everything after the match
 * happens here: the relevance page (sort by rank), the total and the facet counts. One pass in JS is several times
 * cheaper than a materialised CTE, a window sort and a GROUP BY per facet inside WASM PostgreSQL, and with PGlite on
 * its own thread it runs beside the next query's SQL instead of in front of it.
 */

/** Field positions in a packed candidate row (keep in step with the SQL in pg-engine.server.ts). */
export const CANDIDATE_FIELDS = [
  "productId",
  "rank",
  "sector",
  "categoryId",
  "supplierId",
  "verified",
  "stockStatus",
  "priceKopecks",
  "leadTimeDays",
  "specs",
] as const;
const F = Object.fromEntries(CANDIDATE_FIELDS.map((name, i) => [name, i])) as Record<
  (typeof CANDIDATE_FIELDS)[number],
  number
>;

/** The packed string → rows of fields. */
export function unpackCandidates(packed: string | null): string[][] {
  if (!packed) return [];
  const rows = packed.split("\x1e");
  const out = new Array<string[]>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i].split("\x1f");
  return out;
}

/** Relevance boost for products of verified suppliers (× the text rank). */
export const VERIFIED_BOOST = 1.15;

/**
 * The ids of one relevance page: text rank × the verified boost, descending, then product id (the same order on every
 * call, so pages neither overlap nor skip).
 */
export function rankPage(rows: string[][], offset: number, limit: number): string[] {
  if (limit <= 0 || offset >= rows.length) return [];
  const ranked = rows.map((r) => ({
    id: r[F.productId],
    rank: Number(r[F.rank]) * (r[F.verified] === "1" ? VERIFIED_BOOST : 1),
  }));
  ranked.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.slice(offset, offset + limit).map((r) => r.id);
}

function increment(m: Map<string, number>, k: string) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

class Range {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(v: string) {
    if (v === "") return;
    const n = Number(v);
    if (n < this.min) this.min = n;
    if (n > this.max) this.max = n;
  }
  value(): { min: number; max: number } | null {
    return this.min <= this.max ? { min: this.min, max: this.max } : null;
  }
}

/** Facet counts over the candidates; `specCodes` = spec attributes to count (those of the chosen category). */
export function countFacets(rows: string[][], specCodes: string[]): SearchFacets {
  const sector = new Map<string, number>();
  const category = new Map<string, number>();
  const supplier = new Map<string, number>();
  const pairs = new Map<string, number>();
  const price = new Range();
  const leadTime = new Range();
  let verified = 0;
  let inStock = 0;
  for (const f of rows) {
    increment(sector, f[F.sector]);
    increment(category, f[F.categoryId]);
    increment(supplier, f[F.supplierId]);
    if (f[F.verified] === "1") verified++;
    if (f[F.stockStatus] === "IN_STOCK") inStock++;
    price.add(f[F.priceKopecks]);
    leadTime.add(f[F.leadTimeDays]);
    const specs = f[F.specs];
    if (specCodes.length && specs) for (const pair of specs.split("\x1d")) increment(pairs, pair);
  }
  const specs = new Map<string, Map<string, number>>(specCodes.map((c) => [c, new Map()]));
  for (const [pair, count] of pairs) {
    const eq = pair.indexOf("=");
    specs.get(pair.slice(0, eq))?.set(pair.slice(eq + 1), count);
  }
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value);
  const list = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count }));
  const facets: SearchFacets = {
    sector: list(sector).sort(byCount),
    category: list(category).sort(byCount),
    supplier: list(supplier).sort(byCount),
    verified,
    inStock,
    specs: {},
    price: price.value(),
    leadTime: leadTime.value(),
  };
  for (const [code, values] of specs) {
    if (values.size === 0) continue;
    facets.specs[code] = list(values).sort((a, b) => {
      const na = Number(a.value);
      const nb = Number(b.value);
      return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.value.localeCompare(b.value, "ru");
    });
  }
  return facets;
}

/** Spec values as stored and filtered: "code=value", without the control characters the facet packing uses. */
export function specPair(code: string, value: string): string {
  let clean = "";
  for (const ch of value) clean += ch >= "\x1c" && ch <= "\x1f" ? " " : ch;
  return `${code}=${clean}`;
}
