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
  const pool = await poolOf(engine, {
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

/** How long a category's substitute pool is reused (the same few categories serve many narrow searches). */
const POOL_TTL_MS = 10_000;
const POOL_MAX = 200;
const pools = new WeakMap<SearchEngine, Map<string, { at: number; value: Promise<SearchResult> }>>();

/** The pool search, shared for POOL_TTL_MS per engine and query (either engine; a failed search is not kept). */
function poolOf(engine: SearchEngine, query: SearchQuery): Promise<SearchResult> {
  let cache = pools.get(engine);
  if (!cache) {
    cache = new Map();
    pools.set(engine, cache);
  }
  const key = JSON.stringify(query);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < POOL_TTL_MS) return hit.value;
  const value = engine.search(query);
  const entries = cache;
  entries.set(key, { at: now, value });
  value.catch(() => entries.delete(key));
  while (entries.size > POOL_MAX) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return value;
}
