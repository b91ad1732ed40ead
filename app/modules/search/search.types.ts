import type { Sector, StockStatus, VatRate } from "~/generated/prisma/enums";
import type { HighlightSegment } from "./text";

/** What a result card shows; stored with the document by both engines. */
export interface SearchCard {
  slug: string;
  title: string;
  sku: string;
  manufacturer: string | null;
  categoryId: string;
  categorySlug: string;
  categoryNameRu: string;
  categoryNameEn: string;
  supplierId: string;
  supplierSlug: string;
  supplierName: string;
  verified: boolean;
  rating: number | null;
  ratingCount: number;
  /** net price in kopecks (a JS number: < 2^53); null = «цена по запросу» */
  priceKopecks: number | null;
  vatRate: VatRate;
  unit: string;
  stockStatus: StockStatus;
  leadTimeDays: number | null;
  keySpecs: { code: string; nameRu: string; nameEn: string; value: string; unit: string | null }[];
  /**
   * the main photo's file (the first photo by position), null without photos; absent in a document indexed before
   * cards carried it (the catalog page then looks it up)
   */
  photoFileId?: string | null;
}

/** A product as the search engines index it (built by the sync from the catalog; engine-neutral). */
export interface SearchDocumentInput {
  id: string;
  card: SearchCard;
  sector: Sector;
  /** the category and its ancestors */
  categoryPath: string[];
  /** «Электросетевое хозяйство › Силовые трансформаторы» (ru and en) */
  categoryText: string;
  description: string;
  /** «Мощность 1000 кВА; Напряжение ВН 10 кВ; …» */
  specText: string;
  /** filterable spec values as strings, keyed by attribute code */
  specFacets: Record<string, string>;
  updatedAt: Date;
}

export const SORTS = ["relevance", "price_asc", "price_desc", "lead_asc", "updated_desc"] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchFilters {
  sectors?: Sector[];
  /** matches the category and its descendants; several = any of them */
  categoryIds?: string[];
  supplierIds?: string[];
  verifiedOnly?: boolean;
  inStockOnly?: boolean;
  /** kopecks, inclusive */
  priceMin?: number;
  priceMax?: number;
  leadTimeMax?: number;
  /** attribute code → accepted values (any of) */
  specs?: Record<string, string[]>;
  /** numeric attribute code → inclusive range of its value (either end may be left open) */
  specRanges?: Record<string, { min?: number; max?: number }>;
}

export interface SearchQuery {
  q: string;
  filters: SearchFilters;
  /** compute facet counts; `specCodes` = spec attributes to count (those of the chosen category) */
  facets?: { specCodes?: string[] } | false;
  sort: SearchSort;
  /** 1-based */
  page: number;
  perPage: number;
  /** treat the last word as a prefix (as you type); default true */
  prefixLast?: boolean;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchFacets {
  sector: FacetValue[];
  category: FacetValue[];
  supplier: FacetValue[];
  verified: number;
  inStock: number;
  specs: Record<string, FacetValue[]>;
  price: { min: number; max: number } | null;
  leadTime: { min: number; max: number } | null;
}

export interface SearchHit {
  id: string;
  card: SearchCard;
  highlight: { title: HighlightSegment[]; sku: HighlightSegment[] };
}

/**
 * A result card as a catalog page shows it, in the page's language: the page's loader data per hit. What the card does
 * not show (ids of the category and supplier, the other language's names, the rating count) stays on the server, and a
 * highlight that marks nothing is left out (the card shows the plain text): the page serialises this once more for
 * hydration (docs/performance.md «Session 10»).
 */
export interface CardView
  extends Pick<
    SearchCard,
    | "slug"
    | "title"
    | "sku"
    | "manufacturer"
    | "categorySlug"
    | "supplierSlug"
    | "supplierName"
    | "verified"
    | "rating"
    | "priceKopecks"
    | "vatRate"
    | "unit"
    | "stockStatus"
    | "leadTimeDays"
  > {
  id: string;
  /** the key specs as the card shows them, in the page's language: «Номинальная мощность: 2000 кВА · Напряжение ВН: 6 кВ» */
  keySpecs: string;
  highlight: { title: HighlightSegment[]; sku: HighlightSegment[] };
  photoFileId: string | null;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** true when `total` is a lower bound (the engine stopped counting) */
  totalIsEstimate: boolean;
  page: number;
  perPage: number;
  facets: SearchFacets | null;
  /**
   * true when the facet counts cover only the first matches the engine looked at (the embedded engine counts its
   * bounded candidates; Meilisearch counts every match)
   */
  facetsFromSample: boolean;
  /** «Возможно, вы имели в виду …»: a corrected query that finds something, when this one found nothing */
  correction: string | null;
}

export interface EngineHealth {
  ok: boolean;
  engine: "postgres" | "meilisearch";
  documents?: number;
  error?: string;
  [key: string]: unknown;
}

/** The contract both engines satisfy (tests/integration/search/contract.ts). */
export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Creates/updates index settings (idempotent); called before documents are written. */
  applySettings(): Promise<void>;
  /** Adds or replaces documents by id. */
  index(docs: SearchDocumentInput[]): Promise<void>;
  /** Removes documents by id (unknown ids are ignored). */
  delete(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * Several independent searches at once, results in the same order, each exactly what `search` returns. Optional: an
   * engine that can send them as one request (Meilisearch multi-search) implements it; see `searchAll`.
   */
  searchMany?(queries: SearchQuery[]): Promise<SearchResult[]>;
  /** As-you-type suggestions: a few products, and the categories and suppliers with most matches. */
  suggest(q: string, limit: number): Promise<SuggestResult>;
  /** Rebuilds everything from `batches` without a window of missing results. */
  reindexAll(batches: AsyncIterable<SearchDocumentInput[]>, options?: ReindexOptions): Promise<{ indexed: number }>;
  health(): Promise<EngineHealth>;
}

/** Several searches through `searchMany` when the engine has it (one request), else one `search` each, concurrently. */
export function searchAll(engine: SearchEngine, queries: SearchQuery[]): Promise<SearchResult[]> {
  if (engine.searchMany && queries.length > 1) return engine.searchMany(queries);
  return Promise.all(queries.map((q) => engine.search(q)));
}

/** How far a full reindex is: documents handed to the engine, documents it has indexed. */
export interface ReindexProgress {
  sent: number;
  indexed: number;
}

export interface ReindexOptions {
  onProgress?: (progress: ReindexProgress) => void;
}

export interface SuggestResult {
  products: SearchHit[];
  categories: FacetValue[];
  suppliers: FacetValue[];
}

/** Largest page × perPage a client can reach (both engines). */
export const MAX_TOTAL_HITS = 1000;
