import type { FacetValue, SearchFacets } from "./search.types";

/**
 * Candidates of the embedded engine. Each index row stores its narrow columns packed once (`packCandidate`, the
 * `packed` column); the search SQL appends the text rank (and the spec pairs when spec facets are asked) and joins every
 * candidate (at most `candidates` matches) into one string — fields \x1f, rows \x1e, spec pairs \x1d. Everything after
 * the match happens here: the relevance page (sort by rank), the total and the facet counts. One pass in JS is several
 * times cheaper than a materialised CTE, a window sort and a GROUP BY per facet inside WASM PostgreSQL, and with PGlite
 * on its own thread it runs beside the next query's SQL instead of in front of it.
 */

/** Field positions in a packed candidate row: the stored part, then what the search SQL appends. */
const CANDIDATE_FIELDS = [
  "productId",
  "sector",
  "categoryId",
  "supplierId",
  "verified",
  "stockStatus",
  "priceKopecks",
  "leadTimeDays",
  // appended per search by the SQL in pg-engine.server.ts
  "rank",
  "specs",
] as const;
const F = Object.fromEntries(CANDIDATE_FIELDS.map((name, i) => [name, i])) as Record<
  (typeof CANDIDATE_FIELDS)[number],
  number
>;

/**
 * The partition of a product in `search_document` (LIST partitions 0, 1, 2 ≈ 1/16, 3/16, 12/16 of the products), from
 * a 32-bit FNV-1a hash of its id (with murmur3's final mix): stable, uniform and independent of the data. A search reads the partitions in this
 * order and stops at its candidate bound, so the GIN indexes of the later partitions are never read by a broad query —
 * the bitmap of the matches, which PostgreSQL builds whole before reading a row, then costs ~1/16 of all the matches.
 * Changing the function moves products between partitions: run `npm run search:reindex` (it drops the rows it did not
 * rewrite, so no product stays behind in its old partition).
 */
export function searchSlot(productId: string): 0 | 1 | 2 {
  let h = 0x811c9dc5;
  for (let i = 0; i < productId.length; i++) {
    h ^= productId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV's low bits follow the last characters closely (ids differing only there would cluster): mix them (murmur3)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  const bucket = h & 15;
  return bucket === 0 ? 0 : bucket < 4 ? 1 : 2;
}

/** The stored part of a candidate row (the `packed` column of `search_document`). */
export function packCandidate(c: {
  productId: string;
  sector: string;
  categoryId: string;
  supplierId: string;
  verified: boolean;
  stockStatus: string;
  priceKopecks: number | bigint | null;
  leadTimeDays: number | null;
}): string {
  return [
    c.productId,
    c.sector,
    c.categoryId,
    c.supplierId,
    c.verified ? "1" : "0",
    c.stockStatus,
    c.priceKopecks ?? "",
    c.leadTimeDays ?? "",
  ].join("\x1f");
}

/** The packed string → rows of fields. */
export function unpackCandidates(packed: string | null): string[][] {
  if (!packed) return [];
  const rows = packed.split("\x1e");
  const out = new Array<string[]>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i].split("\x1f");
  return out;
}

/** Relevance boost for products of verified suppliers (× the text rank). */
const VERIFIED_BOOST = 1.15;

/**
 * The ids of one relevance page: text rank × the verified boost, descending, then product id (the same order on every
 * call, so pages neither overlap nor skip).
 */
export function rankPage(rows: string[][], offset: number, limit: number): string[] {
  if (limit <= 0 || offset >= rows.length) return [];
  const before = (a: Ranked, b: Ranked) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const wanted = Math.min(rows.length, offset + limit);
  const ranked = (r: string[]): Ranked => ({
    id: r[F.productId],
    rank: Number(r[F.rank]) * (r[F.verified] === "1" ? VERIFIED_BOOST : 1),
  });
  if (wanted > 200) {
    return rows
      .map(ranked)
      .sort(before)
      .slice(offset, wanted)
      .map((r) => r.id);
  }
  // the first pages (the usual case) keep only the best `wanted` in a small sorted array instead of sorting all
  const top: Ranked[] = [];
  for (const r of rows) {
    const item = ranked(r);
    if (top.length === wanted && before(item, top[wanted - 1]) >= 0) continue;
    let i = top.length === wanted ? wanted - 1 : top.length;
    while (i > 0 && before(item, top[i - 1]) < 0) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = item;
  }
  return top.slice(offset, wanted).map((r) => r.id);
}

interface Ranked {
  id: string;
  rank: number;
}

/** A counter per value: one hash look-up per row (`get` then mutate), not two (`get` then `set`). */
type Counts = Map<string, { n: number }>;
function increment(m: Counts, k: string, by = 1) {
  const c = m.get(k);
  if (c) c.n += by;
  else m.set(k, { n: by });
}

class Range {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(v: string) {
    if (v === "") return;
    const n = +v;
    if (n < this.min) this.min = n;
    if (n > this.max) this.max = n;
  }
  value(): { min: number; max: number } | null {
    return this.min <= this.max ? { min: this.min, max: this.max } : null;
  }
}

/** Facet counts over the candidates; `specCodes` = spec attributes to count (those of the chosen category). */
export function countFacets(rows: string[][], specCodes: string[]): SearchFacets {
  const sector: Counts = new Map();
  const category: Counts = new Map();
  const supplier: Counts = new Map();
  const specStrings: Counts = new Map();
  const price = new Range();
  const leadTime = new Range();
  let verified = 0;
  let inStock = 0;
  const countSpecs = specCodes.length > 0;
  for (const f of rows) {
    increment(sector, f[F.sector]);
    increment(category, f[F.categoryId]);
    increment(supplier, f[F.supplierId]);
    if (f[F.verified] === "1") verified++;
    if (f[F.stockStatus] === "IN_STOCK") inStock++;
    price.add(f[F.priceKopecks]);
    leadTime.add(f[F.leadTimeDays]);
    // products of one model share their whole spec string: count the strings, split each distinct one once
    if (countSpecs && f[F.specs]) increment(specStrings, f[F.specs]);
  }
  const pairs: Counts = new Map();
  for (const [text, c] of specStrings) {
    for (const pair of text.split("\x1d")) increment(pairs, pair, c.n);
  }
  const specs = new Map<string, FacetValue[]>(specCodes.map((c) => [c, []]));
  for (const [pair, c] of pairs) {
    const eq = pair.indexOf("=");
    specs.get(pair.slice(0, eq))?.push({ value: pair.slice(eq + 1), count: c.n });
  }
  const list = (m: Counts) => [...m].map(([value, c]) => ({ value, count: c.n }));
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
    if (values.length === 0) continue;
    facets.specs[code] = values.sort(bySpecValue);
  }
  return facets;
}

/** Facet values, most products first (then by value). */
export const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value);

/** Spec facet values in value order: numbers ascending, words alphabetically. */
export function bySpecValue(a: FacetValue, b: FacetValue): number {
  const na = Number(a.value);
  const nb = Number(b.value);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.value.localeCompare(b.value, "ru");
}

/** Spec values as stored and filtered: "code=value", without the control characters the facet packing uses. */
export function specPair(code: string, value: string): string {
  let clean = "";
  for (const ch of value) clean += ch >= "\x1c" && ch <= "\x1f" ? " " : ch;
  return `${code}=${clean}`;
}
