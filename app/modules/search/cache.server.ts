import type {
  EngineHealth,
  ReindexOptions,
  SearchDocumentInput,
  SearchEngine,
  SearchQuery,
  SearchResult,
  SuggestResult,
} from "./search.types";

/**
 * A small result cache in front of an engine: identical searches within `ttlMs` share one result, and concurrent
 * identical searches share one engine call (single flight). Any write through this engine clears it; writes by
 * another process (a separate `npm run worker`) show up after at most `ttlMs`. ttlMs = 0 turns it off.
 */
export class CachedSearchEngine implements SearchEngine {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    readonly inner: SearchEngine,
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 500,
  ) {}

  get name() {
    return this.inner.name;
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
    return this.cached(`s:${JSON.stringify(query)}`, () => this.inner.search(query));
  }

  suggest(q: string, limit: number): Promise<SuggestResult> {
    return this.cached(`g:${limit}:${q}`, () => this.inner.suggest(q, limit));
  }

  async applySettings(): Promise<void> {
    await this.inner.applySettings();
  }

  async index(docs: SearchDocumentInput[]): Promise<void> {
    try {
      await this.inner.index(docs);
    } finally {
      this.clear();
    }
  }

  async delete(ids: string[]): Promise<void> {
    try {
      await this.inner.delete(ids);
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

  health(): Promise<EngineHealth> {
    return this.inner.health();
  }
}
