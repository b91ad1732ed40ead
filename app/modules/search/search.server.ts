/**
 * Search module — public surface (routes, scripts and other modules import only this file, `search.schema.ts`, `ui/`).
 *
 * Engines (`engine-config.server.ts`): `SEARCH_ENGINE=postgres` (default) → the embedded PostgreSQL engine
 * (`pg-engine.server.ts`); `MEILI_HOST` → an external Meilisearch (`meili-engine.server.ts`); `SEARCH_ENGINE=meilisearch`
 * without `MEILI_HOST` → the bundled Meilisearch binary as a managed child process (`meili-process.server.ts`).
 * All satisfy `SearchEngine` (tests/integration/search/contract.ts).
 *
 * Sync (outbox consumer "search", registered in `search.consumer.server.ts`). Topics other modules enqueue in the same
 * transaction as their write — `enqueue(tx, { topic, aggregateId, payload })` from ~/modules/outbox/outbox.server:
 *   search.product   { productId }       catalog: any create/update/publish/archive/delete of a product
 *   search.supplier  { organizationId }  accounts/admin: supplier verified, unverified, suspended, reinstated, renamed,
 *                                        rated — reindexes (or hides) all products of that supplier. Helper:
 *                                        `enqueueSupplierReindex(tx, organizationId)` below.
 *   search.category  { categoryId }      catalog admin: category renamed/moved/attributes changed (incl. descendants)
 *   search.reindex   {}                  everything (same as `npm run search:reindex`)
 * Suspended suppliers and non-published products are removed from the engine, so they never appear.
 * While the engine is down, the handler throws, the outbox keeps the events and retries with backoff; /healthz shows
 * the engine state and the search outbox lag under "search".
 */
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Sector } from "~/generated/prisma/enums";
import { mainPhotoFileIds } from "~/modules/catalog/catalog.server";
import type { Lang } from "~/modules/i18n/i18n";
import { localizeUnit } from "~/modules/i18n/units";
import { chargeAmounts } from "~/modules/money/money";
import { enqueue, enqueueMany, type OutboxEventRow, type OutboxHandler } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import {
  type CatalogFacets,
  type CategoryRef,
  categoryCounts,
  disjunctiveFacets,
  labelFacets,
  NO_DISJUNCTIVE_FACETS,
  supplierCounts,
} from "./catalog-facets.server";
import { allDocuments, documentsForProducts } from "./documents.server";
import { createConfiguredEngine, ManagedMeiliEngine } from "./engine-config.server";
import { MeiliNodesEngine } from "./meili-nodes.server";
import { parseSearchParams, type SearchParams } from "./search.schema";
import {
  type CardView,
  MAX_TOTAL_HITS,
  type ReindexOptions,
  type SearchEngine,
  type SearchFacets,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
  searchAll,
} from "./search.types";
import { findSubstitutes } from "./substitutes";
import { type HighlightSegment, nameMatcher, switchLayout } from "./text";

/** The bundled Meilisearch binary, checked (scripts that run their own nodes, e.g. scripts/test-scale.ts). */
export { installMeiliBinary } from "./meili-process.server";
export type { SearchEngine, SearchHit, SearchResult } from "./search.types";

let engine: SearchEngine | undefined;
let settingsApplied: Promise<void> | undefined;

/** The configured engine (one per process): SEARCH_ENGINE / MEILI_HOST, see `engine-config.server.ts`. */
export function getSearchEngine(): SearchEngine {
  engine ??= createConfiguredEngine(env());
  return engine;
}

/** Graceful shutdown: stops the bundled Meilisearch when this process started it (nothing to do otherwise). */
export async function stopSearchEngine(): Promise<void> {
  if (engine instanceof ManagedMeiliEngine) await engine.stop();
}

/** For tests and scripts: use this engine (undefined → back to the configured one). */
export function useSearchEngine(e: SearchEngine | undefined) {
  engine = e;
  settingsApplied = undefined;
}

async function readyEngine(): Promise<SearchEngine> {
  const e = getSearchEngine();
  settingsApplied ??= e.applySettings().catch((error) => {
    settingsApplied = undefined;
    throw error;
  });
  await settingsApplied;
  return e;
}

// ─── sync ──────────────────────────────────────────────────────────────────

const indexWriteListeners = new Set<() => void>();

/**
 * Called after every index write this process makes (an outbox batch, a rebuild), also one that failed half-way: what
 * shows search results elsewhere (the rendered-page cache of scripts/serve.ts) forgets them. Returns the unsubscribe.
 */
export function onSearchIndexWrite(listener: () => void): () => void {
  indexWriteListeners.add(listener);
  return () => indexWriteListeners.delete(listener);
}

function indexWritten(): void {
  for (const listener of indexWriteListeners) listener();
}

type Db = PrismaClient | Prisma.TransactionClient;

/** Accounts/admin: call in the transaction that verifies, suspends or reinstates a supplier. */
export async function enqueueSupplierReindex(db: Db, organizationId: string): Promise<void> {
  await enqueue(db, { topic: "search.supplier", aggregateId: organizationId, payload: { organizationId } });
}

/** Catalog: call in the transaction of any product write (create, update, status change, delete). */
export async function enqueueProductReindex(db: Db, productId: string): Promise<void> {
  await enqueue(db, { topic: "search.product", aggregateId: productId, payload: { productId } });
}

function payloadId(event: OutboxEventRow, key: string): string {
  const p = event.payload as Record<string, unknown> | null;
  const v = p && typeof p === "object" ? p[key] : undefined;
  return typeof v === "string" && v ? v : event.aggregateId;
}

/**
 * The outbox handler: one batch of search.* events → index the visible products, delete the rest. `target`: an engine
 * with its settings applied to write to instead of the process's (one Meilisearch node, see searchOutboxConsumers).
 */
export async function handleSearchEvents(
  events: OutboxEventRow[],
  prisma: PrismaClient = getPrisma(),
  target?: SearchEngine,
): Promise<void> {
  try {
    await writeSearchEvents(events, prisma, target);
  } finally {
    indexWritten();
  }
}

async function writeSearchEvents(events: OutboxEventRow[], prisma: PrismaClient, target?: SearchEngine) {
  const productIds = new Set<string>();
  const organizationIds = new Set<string>();
  const categoryIds = new Set<string>();
  let full = false;
  for (const e of events) {
    switch (e.topic) {
      case "search.product":
        productIds.add(payloadId(e, "productId"));
        break;
      case "search.supplier":
        organizationIds.add(payloadId(e, "organizationId"));
        break;
      case "search.category":
        categoryIds.add(payloadId(e, "categoryId"));
        break;
      case "search.reindex":
        full = true;
        break;
      default:
        logger.warn({ topic: e.topic, id: String(e.id) }, "search: unknown outbox topic ignored");
    }
  }
  invalidateRefData();
  if (full) {
    await reindexAll(prisma, target);
    return;
  }
  const e = target ?? (await readyEngine());
  if (organizationIds.size > 0) {
    const rows = await prisma.product.findMany({
      where: { supplierId: { in: [...organizationIds] } },
      select: { id: true },
    });
    for (const r of rows) productIds.add(r.id);
  }
  if (categoryIds.size > 0) {
    const all = await prisma.category.findMany({ select: { id: true, parentId: true } });
    const wanted = new Set(categoryIds);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of all)
        if (c.parentId && wanted.has(c.parentId) && !wanted.has(c.id)) {
          wanted.add(c.id);
          grew = true;
        }
    }
    const rows = await prisma.product.findMany({ where: { categoryId: { in: [...wanted] } }, select: { id: true } });
    for (const r of rows) productIds.add(r.id);
  }
  const ids = [...productIds];
  for (let i = 0; i < ids.length; i += 1000) {
    const { docs, hidden } = await documentsForProducts(ids.slice(i, i + 1000), prisma);
    await e.index(docs);
    await e.delete(hidden);
  }
}

/** Search events created less than this before a rebuild started are replayed after it (commit-time slack). */
const REPLAY_SLACK_MS = 60_000;

/**
 * Rebuilds the whole index from the catalog (zero downtime in both engines). A Meilisearch rebuild fills a new index
 * while the sync keeps writing to the live one, so afterwards the search events of the rebuild's time (and a minute
 * before it) are replayed into the swapped-in index: nothing written meanwhile is lost, and replaying is idempotent.
 */
export async function reindexAll(
  prisma: PrismaClient = getPrisma(),
  target?: SearchEngine,
  options: ReindexOptions = {},
): Promise<{ indexed: number; engine: string; replayed: number }> {
  const e = target ?? (await readyEngine());
  const [{ started }] = await prisma.$queryRaw<{ started: Date }[]>`SELECT now()::timestamp(3) AS started`;
  const { indexed } = await e.reindexAll(allDocuments(1000, prisma), options).finally(indexWritten);
  const replay = await prisma.$queryRaw<OutboxEventRow[]>`
    SELECT id, topic, "aggregateId", payload, attempts, "createdAt" FROM outbox_event
     WHERE topic LIKE 'search.%' AND topic <> 'search.reindex'
       AND "createdAt" >= ${new Date(started.getTime() - REPLAY_SLACK_MS)}
     ORDER BY id`;
  if (replay.length > 0) await handleSearchEvents(replay, prisma, e);
  logger.info({ indexed, replayed: replay.length, engine: e.name }, "search: full reindex done");
  return { indexed, engine: e.name, replayed: replay.length };
}

/** /healthz "search": engine health plus the search outbox lag. */
export async function searchHealth(prisma: PrismaClient = getPrisma()) {
  const [lagRow] = await prisma.$queryRaw<
    { pending: bigint; failing: bigint; oldest: Date | null; lastError: string | null }[]
  >`
    SELECT count(*) AS pending, count(*) FILTER (WHERE "lastError" IS NOT NULL) AS failing, min("createdAt") AS oldest,
           (array_agg("lastError" ORDER BY id DESC) FILTER (WHERE "lastError" IS NOT NULL))[1] AS "lastError"
      FROM outbox_event WHERE "processedAt" IS NULL AND topic LIKE 'search.%'`;
  const lag = {
    pending: Number(lagRow?.pending ?? 0),
    failing: Number(lagRow?.failing ?? 0),
    oldestPendingSeconds: lagRow?.oldest ? Math.max(0, Math.round((Date.now() - lagRow.oldest.getTime()) / 1000)) : 0,
    lastError: lagRow?.lastError ?? null,
  };
  let engineHealth: Record<string, unknown> & { ok: boolean };
  try {
    engineHealth = await getSearchEngine().health();
  } catch (error) {
    engineHealth = {
      ok: false,
      engine: getSearchEngine().name,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  return { ...engineHealth, ok: engineHealth.ok, lag };
}

// ─── queries ───────────────────────────────────────────────────────────────

export type { CategoryRef, SpecFacet } from "./catalog-facets.server";

export interface CatalogSearch {
  params: SearchParams;
  /** the category of /catalog/<slug> with its ancestors (root first) */
  category: (CategoryRef & { sector: Sector; path: CategoryRef[] }) | null;
  result: SearchResult;
  /** the query retyped in the other keyboard layout, when the typed one found nothing and this one did */
  layoutQuery: string | null;
  /** alternatives after a text search that found only a few products (substitutes.ts); empty otherwise */
  substitutes: SearchHit[];
  pages: number;
  sort: SearchSort;
  facets: CatalogFacets | null;
}

/**
 * Categories (with filterable attributes) and suppliers, for resolving slugs and labelling facets without a query per
 * request. Reloaded after REF_TTL_MS, and at once after a sync batch in this process.
 */
interface RefCategory {
  id: string;
  slug: string;
  nameRu: string;
  nameEn: string;
  sector: Sector;
  parentId: string | null;
  attributes: { code: string; nameRu: string; nameEn: string; unit: string | null; type: string; options: unknown }[];
}
interface RefSupplier {
  id: string;
  slug: string;
  shortName: string;
  verifiedAt: Date | null;
}
interface RefData {
  at: number;
  categoryById: Map<string, RefCategory>;
  categoryBySlug: Map<string, RefCategory>;
  supplierById: Map<string, RefSupplier>;
  supplierBySlug: Map<string, RefSupplier>;
}
const REF_TTL_MS = 30_000;
let refs: Promise<RefData> | undefined;
let refsAt = 0;

function invalidateRefData() {
  refs = undefined;
}

async function loadRefData(): Promise<RefData> {
  const prisma = getPrisma();
  const [categories, suppliers] = await Promise.all([
    prisma.category.findMany({
      select: {
        id: true,
        slug: true,
        nameRu: true,
        nameEn: true,
        sector: true,
        parentId: true,
        attributes: {
          where: { filterable: true },
          orderBy: { position: "asc" },
          select: { code: true, nameRu: true, nameEn: true, unit: true, type: true, options: true },
        },
      },
    }),
    prisma.organization.findMany({
      where: { kind: "SUPPLIER" },
      select: { id: true, slug: true, shortName: true, verifiedAt: true },
    }),
  ]);
  return {
    at: Date.now(),
    categoryById: new Map(categories.map((c) => [c.id, c])),
    categoryBySlug: new Map(categories.map((c) => [c.slug, c])),
    supplierById: new Map(suppliers.map((o) => [o.id, o])),
    supplierBySlug: new Map(suppliers.map((o) => [o.slug, o])),
  };
}

async function refData(): Promise<RefData> {
  if (!refs || Date.now() - refsAt > REF_TTL_MS) {
    refsAt = Date.now();
    const loading = loadRefData();
    refs = loading;
    loading.catch(() => {
      if (refs === loading) refs = undefined;
    });
  }
  return refs;
}

export class CategoryNotFoundError extends DomainError {
  constructor(message = "category not found") {
    super("not_found", message);
  }
}

/** The search behind /catalog, /catalog/<category> and /api/v1/search: resolves slugs, runs the engine, labels facets. */
export async function searchCatalog(
  params: SearchParams,
  opts: { categorySlug?: string; facets?: boolean } = {},
): Promise<CatalogSearch> {
  let ref = await refData();
  const missing =
    (opts.categorySlug && !ref.categoryBySlug.has(opts.categorySlug)) ||
    params.category.some((slug) => !ref.categoryBySlug.has(slug)) ||
    params.supplier.some((slug) => !ref.supplierBySlug.has(slug));
  if (missing && Date.now() - ref.at > 1000) {
    invalidateRefData(); // a category or supplier created since the snapshot
    ref = await refData();
  }
  let category: CatalogSearch["category"] = null;
  if (opts.categorySlug) {
    const c = ref.categoryBySlug.get(opts.categorySlug);
    if (!c) throw new CategoryNotFoundError(`category ${opts.categorySlug} not found`);
    const path: CategoryRef[] = [];
    let parent = c.parentId ? ref.categoryById.get(c.parentId) : undefined;
    for (let i = 0; parent && i < 10; i++) {
      path.unshift({ id: parent.id, slug: parent.slug, nameRu: parent.nameRu, nameEn: parent.nameEn });
      parent = parent.parentId ? ref.categoryById.get(parent.parentId) : undefined;
    }
    category = { id: c.id, slug: c.slug, nameRu: c.nameRu, nameEn: c.nameEn, sector: c.sector, path };
  }
  // unknown slugs match nothing (rather than silently widening the search)
  const NONE = "~none~"; // no id looks like this (and PostgreSQL text cannot hold NUL)
  const pathCategoryIds = category ? [category.id] : [];
  const paramCategoryIds = params.category.map((slug) => ref.categoryBySlug.get(slug)?.id ?? NONE);
  const supplierIds = params.supplier.map((slug) => ref.supplierBySlug.get(slug)?.id ?? NONE);

  // spec facets/filters belong to one category: the page's category or the single chosen one
  const specCategoryId = category?.id ?? (paramCategoryIds.length === 1 ? paramCategoryIds[0] : undefined);
  const attributes = (specCategoryId && ref.categoryById.get(specCategoryId)?.attributes) || [];
  const specFilters: Record<string, string[]> = {};
  for (const [code, values] of Object.entries(params.specs)) {
    if (attributes.some((a) => a.code === code)) specFilters[code] = values;
  }
  const specRanges: NonNullable<SearchFilters["specRanges"]> = {};
  for (const [code, range] of Object.entries(params.specRanges)) {
    const numeric = attributes.some((a) => a.code === code && a.type === "NUMBER");
    if (numeric && (range.min !== undefined || range.max !== undefined)) specRanges[code] = range;
  }

  const sort: SearchSort = params.sort ?? (params.q.trim() ? "relevance" : "updated_desc");
  const wantFacets = opts.facets ?? true;
  const engineQuery: SearchQuery = {
    q: params.q,
    filters: {
      sectors: params.sector.length ? params.sector : undefined,
      // ?category= (any of) narrows a category page; otherwise the page's category
      categoryIds: paramCategoryIds.length ? paramCategoryIds : pathCategoryIds.length ? pathCategoryIds : undefined,
      supplierIds: supplierIds.length ? supplierIds : undefined,
      verifiedOnly: params.verified || undefined,
      inStockOnly: params.stock || undefined,
      priceMin: params.price_min === undefined ? undefined : Math.round(params.price_min * 100),
      priceMax: params.price_max === undefined ? undefined : Math.round(params.price_max * 100),
      leadTimeMax: params.lead_max,
      specs: specFilters,
      specRanges,
    },
    facets: wantFacets ? { specCodes: attributes.map((a) => a.code) } : false,
    sort,
    page: params.page,
    perPage: params.per_page,
  };
  const searchEngine = getSearchEngine();
  const disjunctiveOf = (q: SearchQuery) =>
    wantFacets ? disjunctiveFacets(q, pathCategoryIds) : NO_DISJUNCTIVE_FACETS;
  // the main search and its disjunctive facet searches at once (one Meilisearch multi-search request)
  const searchWithFacets = async (q: SearchQuery): Promise<[SearchResult, (f: SearchFacets) => SearchFacets]> => {
    const disjunctive = disjunctiveOf(q);
    const [main, ...others] = await searchAll(searchEngine, [q, ...disjunctive.queries]);
    return [main, disjunctive.apply(others)];
  };
  let [result, ownGroupsLeftOut] = await searchWithFacets(engineQuery);
  // a query typed in the wrong keyboard layout (`nhfycajhvfnjh`) that finds nothing: search it retyped
  let layoutQuery: string | null = null;
  const switched = result.total === 0 && params.q.trim() ? switchLayout(params.q) : null;
  if (switched) {
    const retyped = await searchEngine.search({ ...engineQuery, q: switched });
    if (retyped.total > 0) {
      result = retyped;
      engineQuery.q = switched;
      layoutQuery = switched;
      const disjunctive = disjunctiveOf(engineQuery);
      ownGroupsLeftOut = disjunctive.apply(await searchAll(searchEngine, disjunctive.queries));
    }
  }
  if (result.facets) result = { ...result, facets: ownGroupsLeftOut(result.facets) };
  const substitutes = await findSubstitutes(searchEngine, engineQuery, result);
  const maxHits = Math.min(result.total, MAX_TOTAL_HITS);
  return {
    params,
    category,
    result,
    layoutQuery,
    substitutes,
    pages: Math.max(1, Math.ceil(maxHits / result.perPage)),
    sort,
    facets: result.facets
      ? labelFacets(result, params, await refData(), attributes, paramCategoryIds, supplierIds)
      : null,
  };
}

export interface Suggestions {
  products: SearchHit[];
  categories: (CategoryRef & { count: number })[];
  suppliers: { slug: string; name: string; verified: boolean; count: number }[];
}

/** Header autocomplete: a few products, the categories and the suppliers with most matches. */
export async function suggest(q: string, limit = 5): Promise<Suggestions> {
  if (q.trim().length < 2) return { products: [], categories: [], suppliers: [] };
  const searchEngine = getSearchEngine();
  let [s, ref] = await Promise.all([searchEngine.suggest(q, limit * 2), refData()]);
  let typed = q;
  const switched = s.products.length === 0 ? switchLayout(q) : null;
  if (switched) {
    const retyped = await searchEngine.suggest(switched, limit * 2);
    if (retyped.products.length > 0) {
      s = retyped;
      typed = switched;
    }
  }
  const match = nameMatcher(typed);
  // names that match what was typed first («котёл» → «Котлы …» before a category that only mentions boilers), then
  // by the number of matches; products: a title that names the thing (not «… без трансформатора») first
  const byName = <T extends { count: number; score: number }>(list: T[]) =>
    list.sort((a, b) => b.score - a.score || b.count - a.count).slice(0, limit);
  return {
    products: s.products
      .map((h, i) => ({ h, i, score: match(h.card.title) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, limit)
      .map((x) => x.h),
    categories: byName(
      categoryCounts(s.categories, ref.categoryById).map((c) => ({
        ...c,
        score: Math.max(match(c.nameRu), match(c.nameEn)),
      })),
    ).map(({ score: _s, ...c }) => c),
    suppliers: byName(supplierCounts(s.suppliers, ref.supplierById).map((o) => ({ ...o, score: match(o.name) }))).map(
      ({ score: _s, id: _id, ...o }) => o,
    ),
  };
}

function apiHit(h: SearchHit) {
  const c = h.card;
  return {
    id: h.id,
    slug: c.slug,
    url: `/products/${c.slug}`,
    title: c.title,
    sku: c.sku,
    manufacturer: c.manufacturer,
    highlight: h.highlight,
    category: { slug: c.categorySlug, nameRu: c.categoryNameRu, nameEn: c.categoryNameEn },
    supplier: { slug: c.supplierSlug, name: c.supplierName, verified: c.verified, rating: c.rating },
    price:
      c.priceKopecks === null
        ? null
        : {
            currency: "RUB",
            netKopecks: c.priceKopecks,
            grossKopecks: Number(chargeAmounts(BigInt(c.priceKopecks), c.vatRate).gross),
            vatRate: c.vatRate,
            unit: c.unit,
          },
    stockStatus: c.stockStatus,
    leadTimeDays: c.leadTimeDays,
    specs: c.keySpecs,
  };
}

/** The JSON body of GET /api/v1/search (documented in docs/api-search.md). */
export async function searchApiResponse(params: SearchParams) {
  const s = await searchCatalog(params);
  return {
    query: params,
    sort: s.sort,
    total: s.result.total,
    totalIsEstimate: s.result.totalIsEstimate,
    page: s.result.page,
    perPage: s.result.perPage,
    pages: s.pages,
    correction: s.result.correction,
    /** the query as searched when the typed one was in the wrong keyboard layout (`nhfycajhvfnjh` → «трансформатор») */
    layoutQuery: s.layoutQuery,
    facetsFromSample: s.result.facetsFromSample,
    hits: s.result.hits.map(apiHit),
    /** alternatives after a text search that found only a few products (same category, nearest parameters) */
    substitutes: s.substitutes.map(apiHit),
    facets: s.facets && {
      sector: s.facets.sectors,
      category: s.facets.categories.map(({ id: _id, ...c }) => c),
      supplier: s.facets.suppliers.map(({ id: _id, ...o }) => o),
      verified: s.facets.verified,
      inStock: s.facets.inStock,
      specs: s.facets.specs,
      priceKopecks: s.facets.price,
      leadTimeDays: s.facets.leadTime,
    },
  };
}

/**
 * At worker start: when the engine holds no documents but the catalog has published products (a fresh database
 * seeded directly, a new Meilisearch server), rebuild the index once.
 */
export async function bootstrapSearchIndex(prisma: PrismaClient = getPrisma()): Promise<void> {
  const nodes = getSearchEngine();
  if (nodes instanceof MeiliNodesEngine) return bootstrapSearchNodes(nodes, prisma);
  const health = await getSearchEngine().health();
  if ((health.documents ?? 0) > 0) return;
  const published = await prisma.product.count({ where: { status: "PUBLISHED", supplier: { suspendedAt: null } } });
  if (published === 0) return;
  logger.info({ published, engine: health.engine }, "search: index empty, rebuilding");
  await reindexAll(prisma);
}

/** The catalog page's search: the cards as the page shows them (`CardView`), the rest as searched. */
export interface CatalogPageSearch extends Omit<CatalogSearch, "result" | "substitutes"> {
  result: Omit<SearchResult, "hits"> & { hits: CardView[] };
  substitutes: CardView[];
}

/** A hit as its card shows it, in the page's language (see `CardView`). */
function cardView(hit: SearchHit, lang: Lang, photoFileId: string | null): CardView {
  const c = hit.card;
  const marked = (segments: HighlightSegment[]) => (segments.some((s) => s.match) ? segments : []);
  return {
    id: hit.id,
    slug: c.slug,
    title: c.title,
    sku: c.sku,
    manufacturer: c.manufacturer,
    categorySlug: c.categorySlug,
    supplierSlug: c.supplierSlug,
    supplierName: c.supplierName,
    verified: c.verified,
    rating: c.rating,
    priceKopecks: c.priceKopecks,
    vatRate: c.vatRate,
    unit: c.unit,
    stockStatus: c.stockStatus,
    leadTimeDays: c.leadTimeDays,
    keySpecs: c.keySpecs
      .map((k) => `${lang === "ru" ? k.nameRu : k.nameEn}: ${k.value}${k.unit ? ` ${localizeUnit(k.unit, lang)}` : ""}`)
      .join(" · "),
    highlight: { title: marked(hit.highlight.title), sku: marked(hit.highlight.sku) },
    photoFileId,
  };
}

/**
 * The loader of /catalog and /catalog/<category>: parses the URL (bad parameters → 400 JSON), searches, adds the cards'
 * photos, titles the page. `page.t` is the route's "search" namespace translator, `page.lang` the page's language.
 */
export async function loadCatalogPage(
  request: Request,
  page: { lang: Lang; t: (key: string, options?: Record<string, unknown>) => string },
  categorySlug?: string,
) {
  const { lang, t } = page;
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.success) {
    throw Response.json(
      { error: { code: "invalid_parameters", message: "Invalid search parameters", issues: parsed.issues } },
      { status: 400 },
    );
  }
  try {
    const found = await searchCatalog(parsed.data, { categorySlug });
    // cards carry their main photo; a document indexed before they did has none and is looked up
    const hits = [...found.result.hits, ...found.substitutes];
    const unknown = hits.filter((h) => h.card.photoFileId === undefined).map((h) => h.id);
    const photos = unknown.length > 0 ? await mainPhotoFileIds(unknown) : new Map<string, string>();
    const view = (h: SearchHit) => cardView(h, lang, h.card.photoFileId ?? photos.get(h.id) ?? null);
    const search: CatalogPageSearch = {
      ...found,
      result: { ...found.result, hits: found.result.hits.map(view) },
      substitutes: found.substitutes.map(view),
    };
    const q = parsed.data.q.trim();
    const name = search.category ? (lang === "en" ? search.category.nameEn : search.category.nameRu) : null;
    return {
      search,
      title: q ? t("titleQuery", { q }) : name ? `${name} — ${t("title")}` : t("title"),
      description: t("description"),
    };
  } catch (error) {
    if (error instanceof CategoryNotFoundError) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

// ─── several Meilisearch nodes (MEILI_HOSTS) ───────────────────────────────

/**
 * The outbox consumers of search for start-up (app/startup.server.ts). One engine: "search" → `handleSearchEvents`.
 * Several Meilisearch nodes: "search" copies each event into one topic per node (`searchnode-<host>.<event>`), and each
 * node's consumer indexes that node only — its own delivery state (attempts, backoff, lag), so a node that is down
 * waits for itself without holding up the others (meili-nodes.server.ts).
 */
export function searchOutboxConsumers(): { consumer: string; handler: OutboxHandler; batchSize: number }[] {
  const e = getSearchEngine();
  if (!(e instanceof MeiliNodesEngine)) {
    return [{ consumer: "search", handler: (events) => handleSearchEvents(events), batchSize: 200 }];
  }
  const fanOut: OutboxHandler = async (events) => {
    const copies = e.nodes.flatMap((node) =>
      events.map((ev) => ({
        topic: `${node.consumer}.${ev.topic.slice(ev.topic.indexOf(".") + 1)}`,
        aggregateId: ev.aggregateId,
        payload: (ev.payload ?? {}) as Prisma.InputJsonValue,
      })),
    );
    await getPrisma().$transaction((tx) => enqueueMany(tx, copies));
  };
  return [
    { consumer: "search", handler: fanOut, batchSize: 500 },
    ...e.nodes.map((node) => ({
      consumer: node.consumer,
      batchSize: 200,
      handler: async (events: OutboxEventRow[]) => {
        const asSearch = events.map((ev) => ({ ...ev, topic: `search.${ev.topic.slice(ev.topic.indexOf(".") + 1)}` }));
        try {
          await handleSearchEvents(asSearch, getPrisma(), await node.ready());
        } catch (error) {
          node.forgetSettings(); // a restarted node may have come back empty: settings again before the retry
          throw error;
        }
      },
    })),
  ];
}

/** At worker start with several nodes: a node that answers with an empty index gets a full rebuild through its queue. */
async function bootstrapSearchNodes(e: MeiliNodesEngine, prisma: PrismaClient): Promise<void> {
  const published = await prisma.product.count({ where: { status: "PUBLISHED", supplier: { suspendedAt: null } } });
  if (published === 0) return;
  for (const node of e.nodes) {
    // a node without the index yet counts as empty; one that does not answer is left to its queue
    const documents = await node.engine.health().then(
      (h) => h.documents ?? 0,
      (error: unknown) => (/index_not_found|not found/i.test(String((error as Error)?.message ?? error)) ? 0 : -1),
    );
    if (documents !== 0) continue;
    logger.info({ node: node.host, published }, "search: node index empty, rebuilding through its outbox queue");
    await enqueue(prisma, { topic: `${node.consumer}.reindex`, aggregateId: "all", payload: {} });
  }
}
