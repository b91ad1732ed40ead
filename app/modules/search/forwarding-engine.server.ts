import type {
  EngineHealth,
  ReindexOptions,
  SearchDocumentInput,
  SearchEngine,
  SearchQuery,
  SearchResult,
  SuggestResult,
} from "./search.types";
import { searchAll } from "./search.types";

/**
 * An engine in front of other engines — the result cache (cache.server.ts), the bundled server that may be restarting
 * (engine-config.server.ts), several Meilisearch nodes (meili-nodes.server.ts). Searches go through `read`, index
 * writes through `write`; a subclass says how (and overrides what it does differently).
 */
export abstract class ForwardingSearchEngine<E extends SearchEngine = SearchEngine> implements SearchEngine {
  abstract readonly name: SearchEngine["name"];
  /** Runs a search on the engine that should answer it. */
  protected abstract read<T>(run: (engine: E) => Promise<T>): Promise<T>;
  /** Runs a write (settings, documents, deletions) on the engine(s) it goes to. */
  protected abstract write(run: (engine: E) => Promise<void>): Promise<void>;
  abstract reindexAll(
    batches: AsyncIterable<SearchDocumentInput[]>,
    options?: ReindexOptions,
  ): Promise<{ indexed: number }>;
  abstract health(): Promise<EngineHealth>;

  search(query: SearchQuery): Promise<SearchResult> {
    return this.read((e) => e.search(query));
  }

  searchMany(queries: SearchQuery[]): Promise<SearchResult[]> {
    return this.read((e) => searchAll(e, queries));
  }

  suggest(q: string, limit: number): Promise<SuggestResult> {
    return this.read((e) => e.suggest(q, limit));
  }

  applySettings(): Promise<void> {
    return this.write((e) => e.applySettings());
  }

  index(docs: SearchDocumentInput[]): Promise<void> {
    return this.write((e) => e.index(docs));
  }

  delete(ids: string[]): Promise<void> {
    return this.write((e) => e.delete(ids));
  }
}

/** A request that did not reach the server or got no answer (`timeouts`: a request timeout counts too). */
export function isUnreachable(error: unknown, { timeouts }: { timeouts: boolean }): boolean {
  const text = `${error instanceof Error ? `${error.name} ${error.message} ${String(error.cause ?? "")}` : error}`;
  if (timeouts && /MeiliSearchTimeOutError|timed? ?out/i.test(text)) return true;
  return /ECONNREFUSED|ECONNRESET|fetch failed|socket|MeiliSearchRequestError|other side closed/i.test(text);
}
