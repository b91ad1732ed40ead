import type { SearchEngine, SearchHit, SearchQuery, SearchResult } from "./search.types";

/** Fewer matches than this on the first page of a text search → show substitutes after them. */
export const SUBSTITUTES_BELOW = 10;

/**
 * Substitutes after the exact hits (both engines): when a text search finds only a few products, the buyer still
 * needs alternatives — the other products of the top hit's category that pass the same filters, nearest parameters
 * first (numeric key specs compared on a log scale: a 630 kVA transformer is next to 400 and 1000, not 2500).
 * Only on page 1 of a relevance-sorted text search; never repeats a hit.
 */
export async function findSubstitutes(
  engine: SearchEngine,
  query: SearchQuery,
  result: SearchResult,
  max = SUBSTITUTES_BELOW,
): Promise<SearchHit[]> {
  const top = result.hits[0];
  if (!top || !query.q.trim() || query.sort !== "relevance" || query.page !== 1) return [];
  if (result.total >= SUBSTITUTES_BELOW) return [];
  const wanted = Math.min(max, SUBSTITUTES_BELOW - result.hits.length);
  if (wanted <= 0) return [];
  const pool = await engine.search({
    q: "",
    filters: { ...query.filters, categoryIds: [top.card.categoryId] },
    facets: false,
    sort: "updated_desc",
    page: 1,
    perPage: 100,
  });
  const seen = new Set(result.hits.map((h) => h.id));
  const reference = numericSpecs(top);
  return pool.hits
    .filter((h) => !seen.has(h.id))
    .map((h, i) => ({ h, i, d: distance(reference, numericSpecs(h)) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, wanted)
    .map((x) => ({ ...x.h, highlight: { title: [{ text: x.h.card.title, match: false }], sku: [] } }));
}

function numericSpecs(hit: SearchHit): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of hit.card.keySpecs) {
    const n = Number(String(s.value).replace(",", "."));
    if (Number.isFinite(n) && n > 0) out.set(s.code, n);
  }
  return out;
}

function distance(a: Map<string, number>, b: Map<string, number>): number {
  let d = 0;
  let shared = 0;
  for (const [code, x] of a) {
    const y = b.get(code);
    if (y === undefined) continue;
    d += Math.abs(Math.log(x / y));
    shared++;
  }
  return shared ? d / shared : Number.POSITIVE_INFINITY;
}
