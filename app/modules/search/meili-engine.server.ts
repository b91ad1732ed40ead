import { type Filter, Meilisearch, type SearchResponse, type Settings } from "meilisearch";
import { MeiliBulkLoader, waitForTaskPatiently } from "./meili-bulk.server";
import type {
  EngineHealth,
  FacetValue,
  ReindexOptions,
  SearchDocumentInput,
  SearchEngine,
  SearchFacets,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchResult,
  SuggestResult,
} from "./search.types";
import { MAX_TOTAL_HITS } from "./search.types";
import { codeLexemes, foldYo, highlight, parseQuery, type QueryTerm, splitNegated, stemText } from "./text";

/**
 * The Meilisearch engine (official client 0.62).
 *
 * Meilisearch does no Russian stemming and knows nothing of model codes, so documents carry two derived fields built
 * by our normaliser (`text.ts`), and queries are rewritten the same way before they are sent:
 *   `codes` — code keys: «ТМГ-1000/10/0,4» → tmg10001004, tmg, tmg1000, 1000, … (typo tolerance off)
 *   `stems` — Snowball stems of title, category, specs («трансформаторы масляные» → «трансформатор масля»)
 * All text is ё→е folded on both sides. Settings are applied (and awaited) before any document is written; every
 * task wait has an explicit timeout. Filter strings are built only from escaped, quoted values and validated
 * attribute names (no filter injection). A full reindex builds a new index and swaps it in (zero downtime).
 * The master/admin key (MEILI_API_KEY) stays on the server; `searchOnlyKey()` gives a key limited to `search` on this
 * index for anything that reaches a browser.
 */

export interface MeiliOptions {
  host: string;
  apiKey: string;
  index: string;
  /** per HTTP request, ms */
  requestTimeoutMs?: number;
  /** per awaited task, ms */
  taskTimeoutMs?: number;
  searchKey?: string;
  /** documents per addDocuments task in a full reindex (default 5,000) */
  bulkBatch?: number;
  /** per document batch task of a full reindex, ms (default 10 min) */
  bulkTaskTimeoutMs?: number;
  /** per document batch upload (HTTP request) of a full reindex, ms (default 2 min) */
  bulkRequestTimeoutMs?: number;
}

export const SEARCHABLE_ATTRIBUTES = [
  "codes",
  "sku",
  "title",
  "manufacturer",
  "categoryText",
  "stems",
  "specText",
  "description",
];

const BASE_FILTERABLE = [
  "sector",
  "categoryPath",
  "categoryId",
  "supplierId",
  "verified",
  "inStock",
  "price",
  "leadTimeDays",
  "specs",
  "specNum",
];

/**
 * What every search with facets counts (facetDistribution; facetStats for price and leadTimeDays): the filterable
 * attributes but the category path (counted by categoryId) and the specs (only the chosen category's, by code).
 */
const COUNTED = BASE_FILTERABLE.filter((a) => !["categoryPath", "specs", "specNum"].includes(a));

/** Trade abbreviations and their Latin spellings (for clients that query Meilisearch without our normaliser). */
const ABBREVIATIONS: [string, string][] = [
  ["тмг", "tmg"],
  ["тм", "tm"],
  ["тсл", "tsl"],
  ["ктп", "ktp"],
  ["бктп", "bktp"],
  ["кру", "kru"],
  ["ксо", "kso"],
  ["опн", "opn"],
  ["рза", "rza"],
  ["итп", "itp"],
  ["бтп", "btp"],
  ["ппу", "ppu"],
  ["кдм", "kdm"],
  ["кнс", "kns"],
  ["м", "m"],
];

export function meiliSettings(): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const [ru, lat] of ABBREVIATIONS) {
    synonyms[ru] = [lat];
    synonyms[lat] = [ru];
  }
  synonyms.ктп.push("комплектная трансформаторная подстанция");
  synonyms.итп.push("индивидуальный тепловой пункт");
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    displayedAttributes: ["id", "card"],
    filterableAttributes: BASE_FILTERABLE,
    sortableAttributes: ["price", "leadTimeDays", "updatedAt"],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ["codes", "sku"],
      disableOnNumbers: true,
    },
    separatorTokens: [";", "|", "•"],
    nonSeparatorTokens: ["/", "-", "×"],
    synonyms,
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: 100 },
    // Indexing cost (ADR 0015, session 9): word-pair distances only as «same attribute or not». Extracting the exact
    // distance of every word pair was ~45 % of the build; relevance on the judged set is unchanged (bench:relevance).
    proximityPrecision: "byAttribute",
    // the app never calls /facet-search (facet values come with every search): no facet-search structures to build
    facetSearch: false,
  };
}

export interface MeiliDocument {
  id: string;
  codes: string;
  sku: string;
  title: string;
  manufacturer: string;
  categoryText: string;
  stems: string;
  specText: string;
  description: string;
  sector: string;
  categoryPath: string[];
  categoryId: string;
  supplierId: string;
  verified: boolean;
  inStock: boolean;
  price?: number;
  leadTimeDays?: number;
  updatedAt: number;
  specs: Record<string, string>;
  /** the numeric spec values as numbers, for range filters (`specNum.power >= 400`) */
  specNum: Record<string, number>;
  card: SearchDocumentInput["card"];
}

export function toMeiliDocument(d: SearchDocumentInput): MeiliDocument {
  // what the title says the product lacks («без трансформатора») is searchable with the description, not the title
  const { named, negated } = splitNegated(d.card.title);
  const doc: MeiliDocument = {
    id: d.id,
    codes: codeLexemes(d.card.sku, d.card.title, d.card.manufacturer).join(" "),
    sku: foldYo(d.card.sku),
    title: foldYo(named),
    manufacturer: foldYo(d.card.manufacturer ?? ""),
    categoryText: foldYo(d.categoryText),
    stems: stemText(`${named} ${d.categoryText} ${d.card.manufacturer ?? ""} ${d.specText}`),
    specText: foldYo(d.specText),
    description: foldYo(`${negated ? `${negated} ${stemText(negated)} ` : ""}${d.description.slice(0, 5000)}`),
    sector: d.sector,
    categoryPath: d.categoryPath,
    categoryId: d.card.categoryId,
    supplierId: d.card.supplierId,
    verified: d.card.verified,
    inStock: d.card.stockStatus === "IN_STOCK",
    updatedAt: d.updatedAt.getTime(),
    specs: d.specFacets,
    specNum: numericSpecs(d.specFacets),
    card: d.card,
  };
  if (d.card.priceKopecks !== null) doc.price = d.card.priceKopecks;
  if (d.card.leadTimeDays !== null) doc.leadTimeDays = d.card.leadTimeDays;
  return doc;
}

/** A quoted Meilisearch filter value: backslashes and double quotes escaped, so a value can never end the string. */
export function quoteFilterValue(value: string | number | boolean): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("filter number must be finite");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const ATTRIBUTE_CODE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Spec values that are plain decimal numbers («400», «0.4»), as numbers. */
export function numericSpecs(specFacets: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, value] of Object.entries(specFacets)) if (NUMERIC.test(value)) out[code] = Number(value);
  return out;
}
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Filter expressions for our filters (AND of ORs), every value quoted. */
export function buildMeiliFilter(filters: SearchFilters): string[] {
  const out: string[] = [];
  const anyOf = (attribute: string, values: string[]) =>
    `${attribute} IN [${values.map((v) => quoteFilterValue(v)).join(", ")}]`;
  if (filters.sectors?.length) out.push(anyOf("sector", filters.sectors));
  if (filters.categoryIds?.length) out.push(anyOf("categoryPath", filters.categoryIds));
  if (filters.supplierIds?.length) out.push(anyOf("supplierId", filters.supplierIds));
  if (filters.verifiedOnly) out.push("verified = true");
  if (filters.inStockOnly) out.push("inStock = true");
  if (filters.priceMin !== undefined) out.push(`price >= ${quoteFilterValue(filters.priceMin)}`);
  if (filters.priceMax !== undefined) out.push(`price <= ${quoteFilterValue(filters.priceMax)}`);
  if (filters.leadTimeMax !== undefined) out.push(`leadTimeDays <= ${quoteFilterValue(filters.leadTimeMax)}`);
  for (const [code, values] of Object.entries(filters.specs ?? {})) {
    if (!ATTRIBUTE_CODE.test(code)) throw new Error(`invalid spec attribute code ${JSON.stringify(code)}`);
    if (values.length) out.push(anyOf(`specs.${code}`, values));
  }
  for (const [code, range] of Object.entries(filters.specRanges ?? {})) {
    if (!ATTRIBUTE_CODE.test(code)) throw new Error(`invalid spec attribute code ${JSON.stringify(code)}`);
    if (range.min !== undefined) out.push(`specNum.${code} >= ${quoteFilterValue(range.min)}`);
    if (range.max !== undefined) out.push(`specNum.${code} <= ${quoteFilterValue(range.max)}`);
  }
  return out;
}

/** The query text Meilisearch gets: codes as code keys, words as Snowball stems, ё→е. */
export function meiliQueryText(terms: QueryTerm[]): string {
  const text = terms
    .map((t) => (t.looksLikeCode ? t.codeKey : t.stems.join(" ")))
    .filter(Boolean)
    .join(" ");
  // Meilisearch matches the last word as a prefix unless the query ends in a space: a number is a whole token
  // («10» must not find 100 or 1000)
  const last = terms.at(-1);
  return last && text && /^\d+$/.test(last.codeKey) ? `${text} ` : text;
}

/** The search request the engine sends for a query (also what `bench:search` sends directly, to compare). */
export function meiliSearchBody(query: SearchQuery) {
  const terms = parseQuery(query.q, { prefixLast: query.prefixLast ?? true });
  const perPage = Math.max(1, Math.min(100, query.perPage));
  const page = Math.max(1, query.page);
  const wantFacets = query.facets !== false;
  const specCodes = ((query.facets ? query.facets.specCodes : undefined) || []).filter((c) => ATTRIBUTE_CODE.test(c));
  const sort = query.sort === "relevance" ? undefined : [SORT[query.sort]];
  return {
    q: meiliQueryText(terms),
    terms,
    specCodes,
    wantFacets,
    filter: buildMeiliFilter(query.filters) as Filter,
    facets: wantFacets ? [...COUNTED, ...specCodes.map((c) => `specs.${c}`)] : undefined,
    sort: sort ?? (query.q.trim() ? undefined : [SORT.updated_desc]),
    page,
    hitsPerPage: perPage,
    attributesToRetrieve: ["id", "card"],
    matchingStrategy: "all" as const,
  };
}

type MeiliSearchBody = ReturnType<typeof meiliSearchBody>;

/** What goes over the wire of a search body (without what only our result mapping needs). */
export function meiliRequest({ terms: _t, specCodes: _s, wantFacets: _w, ...request }: MeiliSearchBody) {
  return request;
}

/** The multi-search request the engine sends for several queries (non-federated: one result per query). */
export function meiliMultiSearchRequest(indexUid: string, bodies: MeiliSearchBody[]) {
  return { queries: bodies.map((body) => ({ indexUid, ...meiliRequest(body) })) };
}

const SORT: Record<Exclude<SearchQuery["sort"], "relevance">, string> = {
  price_asc: "price:asc",
  price_desc: "price:desc",
  lead_asc: "leadTimeDays:asc",
  updated_desc: "updatedAt:desc",
};

export class MeiliSearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  readonly client: Meilisearch;
  private readonly taskTimeoutMs: number;

  constructor(private readonly options: MeiliOptions) {
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 5_000,
      defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 30_000, interval: 50 },
    });
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
  }

  private get wait() {
    return { timeout: this.taskTimeoutMs, interval: 50 };
  }

  private async ensureIndex(uid: string): Promise<void> {
    const task = await this.client.tasks.waitForTask(
      await this.client.createIndex(uid, { primaryKey: "id" }),
      this.wait,
    );
    if (task.status === "failed" && task.error?.code !== "index_already_exists") {
      throw new Error(`meilisearch: create index ${uid} failed: ${task.error?.message}`);
    }
  }

  private async applySettingsTo(uid: string): Promise<void> {
    const task = await this.client.tasks.waitForTask(
      await this.client.index(uid).updateSettings(meiliSettings()),
      this.wait,
    );
    if (task.status !== "succeeded") throw new Error(`meilisearch: settings failed: ${task.error?.message}`);
  }

  async applySettings(): Promise<void> {
    await this.ensureIndex(this.options.index);
    await this.applySettingsTo(this.options.index);
  }

  private async addTo(uid: string, docs: SearchDocumentInput[]): Promise<void> {
    if (docs.length === 0) return;
    const task = await this.client.tasks.waitForTask(
      await this.client.index(uid).addDocuments(docs.map(toMeiliDocument), { primaryKey: "id" }),
      this.wait,
    );
    if (task.status !== "succeeded") throw new Error(`meilisearch: add documents failed: ${task.error?.message}`);
  }

  async index(docs: SearchDocumentInput[]): Promise<void> {
    await this.addTo(this.options.index, docs);
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const task = await this.client.tasks.waitForTask(
      await this.client.index(this.options.index).deleteDocuments(ids),
      this.wait,
    );
    if (task.status !== "succeeded") throw new Error(`meilisearch: delete failed: ${task.error?.message}`);
  }

  /**
   * A full rebuild into a new index, swapped in when complete (zero downtime). Settings go on the new index once,
   * before any document; documents in batches of `bulkBatch` with a bounded number in flight, each task awaited with
   * its own timeout and reported through `onProgress` (meili-bulk.server.ts). Re-runnable: an index left by an
   * interrupted rebuild (`<index>_<suffix>`) is deleted first; the live index is untouched until the swap.
   */
  async reindexAll(
    batches: AsyncIterable<SearchDocumentInput[]>,
    options: ReindexOptions = {},
  ): Promise<{ indexed: number }> {
    const live = this.options.index;
    await this.dropInterruptedBuilds();
    const next = `${live}_${Date.now().toString(36)}`;
    await this.ensureIndex(next);
    let indexed = 0;
    try {
      await this.applySettingsTo(next); // settings first, then documents
      // a 5,000-document body is ~15 MB: its upload gets its own request timeout (the 5 s of searches would cut it off
      // on a loaded machine — what stalled the 100k build before)
      const uploads = new Meilisearch({
        host: this.options.host,
        apiKey: this.options.apiKey,
        timeout: this.options.bulkRequestTimeoutMs ?? 120_000,
      });
      const loader = new MeiliBulkLoader<MeiliDocument>(uploads, next, {
        batchSize: this.options.bulkBatch,
        taskTimeoutMs: this.options.bulkTaskTimeoutMs,
        onProgress: options.onProgress,
      });
      for await (const batch of batches) await loader.add(batch.map(toMeiliDocument));
      indexed = await loader.finish();
      await this.ensureIndex(live);
      const swap = await waitForTaskPatiently(
        this.client,
        (await this.client.swapIndexes([{ indexes: [live, next], rename: false }])).taskUid,
        this.options.bulkTaskTimeoutMs ?? 600_000,
      );
      if (swap.status !== "succeeded") throw new Error(`meilisearch: swap failed: ${swap.error?.message}`);
    } finally {
      // after the swap `next` holds the old documents; on failure it is the half-built one
      await this.client.tasks.waitForTask(await this.client.deleteIndex(next), this.wait).catch(() => undefined);
    }
    return { indexed };
  }

  /** Indexes named `<index>_<base36>`: what a rebuild that was killed or failed before its clean-up left behind. */
  private async dropInterruptedBuilds(): Promise<void> {
    const pattern = new RegExp(`^${this.options.index.replace(/[^A-Za-z0-9_-]/g, "")}_[0-9a-z]{6,}$`);
    const { results } = await this.client.getIndexes({ limit: 1000 });
    for (const index of results) {
      if (!pattern.test(index.uid)) continue;
      await this.client.tasks.waitForTask(await this.client.deleteIndex(index.uid), this.wait);
    }
  }

  async health(): Promise<EngineHealth> {
    const health = await this.client.health();
    const stats = await this.client.index(this.options.index).getStats();
    return {
      ok: health.status === "available",
      engine: "meilisearch",
      documents: stats.numberOfDocuments,
      indexing: stats.isIndexing,
    };
  }

  /** A key that can only search this index (MEILI_SEARCH_KEY, or one found/created on the server). */
  async searchOnlyKey(): Promise<string> {
    if (this.options.searchKey) return this.options.searchKey;
    const keys = await this.client.getKeys({ limit: 100 });
    const existing = keys.results.find(
      (k) => k.actions.length === 1 && k.actions[0] === "search" && k.indexes.includes(this.options.index),
    );
    if (existing) return existing.key;
    const created = await this.client.createKey({
      description: `SnabMost search-only (${this.options.index})`,
      actions: ["search"],
      indexes: [this.options.index],
      expiresAt: null,
    });
    return created.key;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const body = meiliSearchBody(query);
    const { q, ...params } = meiliRequest(body);
    return toSearchResult(await this.client.index(this.options.index).search(q, params), body);
  }

  /**
   * Several searches in one HTTP request (`POST /multi-search`, not federated: one result per query, each exactly what
   * `search` returns): the catalog's main search and its disjunctive facet searches (ADR 0023).
   */
  async searchMany(queries: SearchQuery[]): Promise<SearchResult[]> {
    if (queries.length === 0) return [];
    if (queries.length === 1) return [await this.search(queries[0])];
    const bodies = queries.map(meiliSearchBody);
    const { results } = await this.client.multiSearch(meiliMultiSearchRequest(this.options.index, bodies));
    return results.map((response, i) => toSearchResult(response, bodies[i]));
  }

  async suggest(q: string, limit: number): Promise<SuggestResult> {
    const result = await this.search({ q, filters: {}, facets: {}, sort: "relevance", page: 1, perPage: limit });
    return {
      products: result.hits,
      categories: result.facets?.category.slice(0, limit) ?? [],
      suppliers: result.facets?.supplier.slice(0, limit) ?? [],
    };
  }
}

/** A Meilisearch search response (alone or one of a multi-search) as our result. */
function toSearchResult(response: SearchResponse, body: MeiliSearchBody): SearchResult {
  const { terms, specCodes, wantFacets, page, hitsPerPage: perPage } = body;
  // totalHits stops at maxTotalHits; the facet counts do not: every product has one sector, so their sum is exact
  const sectors = wantFacets ? response.facetDistribution?.sector : undefined;
  const total = sectors ? Object.values(sectors).reduce((a, b) => a + b, 0) : (response.totalHits ?? 0);
  const hits: SearchHit[] = (response.hits as unknown as { id: string; card: SearchHit["card"] }[]).map((h) => ({
    id: h.id,
    card: h.card,
    highlight: { title: highlight(h.card.title, terms), sku: highlight(h.card.sku, terms) },
  }));
  return {
    hits,
    total,
    totalIsEstimate: !sectors && total >= MAX_TOTAL_HITS,
    page,
    perPage,
    facets: wantFacets ? toFacets(response.facetDistribution ?? {}, response.facetStats ?? {}, specCodes) : null,
    facetsFromSample: false,
    correction: null,
  };
}

function toFacets(
  distribution: Record<string, Record<string, number>>,
  stats: Record<string, { min: number; max: number }>,
  specCodes: string[],
): SearchFacets {
  const list = (name: string): FacetValue[] =>
    Object.entries(distribution[name] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const specs: Record<string, FacetValue[]> = {};
  for (const code of specCodes) {
    const values = list(`specs.${code}`);
    if (values.length) {
      specs[code] = values.sort((a, b) => {
        const na = Number(a.value);
        const nb = Number(b.value);
        return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.value.localeCompare(b.value, "ru");
      });
    }
  }
  return {
    sector: list("sector"),
    category: list("categoryId"),
    supplier: list("supplierId"),
    verified: distribution.verified?.true ?? 0,
    inStock: distribution.inStock?.true ?? 0,
    specs,
    price: stats.price ? { min: stats.price.min, max: stats.price.max } : null,
    leadTime: stats.leadTimeDays ? { min: stats.leadTimeDays.min, max: stats.leadTimeDays.max } : null,
  };
}
