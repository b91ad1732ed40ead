import type { FacetValue, SearchFacets } from "./search.types";

/**
 * Facet counting for the embedded engine. The search SQL packs the facet columns of every candidate into one string
 * (fields \x1f, rows \x1e, spec pairs \x1d): one JS pass over it is several times cheaper than a GROUP BY per facet
 * (and unnesting spec arrays) inside WASM PostgreSQL.
 *
 * Row fields: sector, categoryId, supplierId, verified (1/0), stockStatus, priceKopecks, leadTimeDays, spec pairs.
 */
/** Facet counts over the candidates packed by the search SQL (fields \x1f, rows \x1e, spec pairs \x1d). */
export function countFacets(packed: string | null, specCodes: string[]): SearchFacets {
  const sector = new Map<string, number>();
  const category = new Map<string, number>();
  const supplier = new Map<string, number>();
  const specs = new Map<string, Map<string, number>>(specCodes.map((c) => [c, new Map()]));
  const pairs = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let verified = 0;
  let inStock = 0;
  let price: { min: number; max: number } | null = null;
  let leadTime: { min: number; max: number } | null = null;
  const range = (r: { min: number; max: number } | null, v: string) => {
    if (v === "") return r;
    const n = Number(v);
    return r === null ? { min: n, max: n } : { min: Math.min(r.min, n), max: Math.max(r.max, n) };
  };
  for (const row of packed ? packed.split("\x1e") : []) {
    const f = row.split("\x1f");
    add(sector, f[0]);
    add(category, f[1]);
    add(supplier, f[2]);
    if (f[3] === "1") verified++;
    if (f[4] === "IN_STOCK") inStock++;
    price = range(price, f[5]);
    leadTime = range(leadTime, f[6]);
    if (specCodes.length && f[7]) for (const pair of f[7].split("\x1d")) add(pairs, pair);
  }
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
    price,
    leadTime,
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
