import { ForwardingSearchEngine } from "./forwarding-engine.server";
import type { ReindexOptions, SearchDocumentInput, SearchEngine, SearchQuery, SearchResult } from "./search.types";
import { searchAll } from "./search.types";

const searchKey = (query: SearchQuery) => `s:${JSON.stringify(query)}`;

/**
 * A small result cache in front of an engine: identical searches within `ttlMs` share one result, and concurrent
 * identical searches share one engine call (single flight). Any write through this engine clears it; writes by
 * another process (a separate `npm run worker`) show up after at most `ttlMs`. ttlMs = 0 turns it off.
 */
export class CachedSearchEngine extends ForwardingSearchEngine {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    readonly inner: SearchEngine,
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 500,
  ) {
    super();
  }

  get name() {
    return this.inner.name;
  }

  private isFresh(key: string, now: number): boolean {
    const hit = this.entries.get(key);
    return hit !== undefined && now - hit.at < this.ttlMs;
  }

  private cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      this.entries.delete(key); // LRU: move to the end
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear() {
    this.entries.clear();
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.cached(searchKey(query), () => this.inner.search(query));
  }

  /** Each search cached on its own; those not cached go to the inner engine together (one request where it can). */
  searchMany(queries: SearchQuery[]): Promise<SearchResult[]> {
    if (!this.inner.searchMany) return Promise.all(queries.map((q) => this.search(q)));
    if (this.ttlMs <= 0) return this.inner.searchMany(queries);
    const keys = queries.map(searchKey);
    const now = Date.now();
    const missing = queries.flatMap((_, i) => (this.isFresh(keys[i], now) ? [] : [i]));
    if (missing.length > 0) {
      const batch = searchAll(
        this.inner,
        missing.map((i) => queries[i]),
      );
      missing.forEach((i, j) => {
        this.cached(keys[i], () => batch.then((results) => results[j]));
      });
    }
    return Promise.all(queries.map((q, i) => this.cached(keys[i], () => this.inner.search(q))));
  }

  suggest(q: string, limit: number) {
    return this.cached(`g:${limit}:${q}`, () => this.inner.suggest(q, limit));
  }

  protected read<T>(run: (e: SearchEngine) => Promise<T>): Promise<T> {
    return run(this.inner);
  }

  /** Any write (settings, documents, deletions) clears the cache, also when it fails half-way. */
  protected async write(run: (e: SearchEngine) => Promise<void>): Promise<void> {
    try {
      await run(this.inner);
    } finally {
      this.clear();
    }
  }

  async reindexAll(
    batches: AsyncIterable<SearchDocumentInput[]>,
    options?: ReindexOptions,
  ): Promise<{ indexed: number }> {
    try {
      return await this.inner.reindexAll(batches, options);
    } finally {
      this.clear();
    }
  }

  health() {
    return this.inner.health();
  }
}
