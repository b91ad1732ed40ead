import path from "node:path";
import type { Env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { CachedSearchEngine } from "./cache.server";
import { ForwardingSearchEngine, isUnreachable } from "./forwarding-engine.server";
import { MeiliSearchEngine } from "./meili-engine.server";
import { MeiliNodesEngine, parseMeiliHosts } from "./meili-nodes.server";
import { bundledMeiliUnavailableReason, ManagedMeilisearch } from "./meili-process.server";
import { PostgresSearchEngine } from "./pg-engine.server";
import type { EngineHealth, ReindexOptions, SearchDocumentInput, SearchEngine } from "./search.types";

/**
 * Which engine a process uses (one setting at start):
 *   SEARCH_ENGINE=postgres (default without MEILI_HOST) → the embedded PostgreSQL engine, behind a short result cache;
 *   MEILI_HOST=… (SEARCH_ENGINE unset or meilisearch)   → an external Meilisearch (production: an official build);
 *   SEARCH_ENGINE=meilisearch without MEILI_HOST         → the bundled Meilisearch binary as a managed child process,
 *     data in DATA_DIR/meilisearch; where it cannot run (not linux-x64, package missing) → the embedded engine, with a
 *     warning that says why.
 */
export function createConfiguredEngine(config: Env): SearchEngine {
  const hosts = parseMeiliHosts(config.MEILI_HOSTS);
  // MEILI_HOSTS=a,b,… → several nodes, each fed by the outbox (meili-nodes.server.ts)
  if (hosts.length > 0 && config.SEARCH_ENGINE !== "postgres") {
    return new MeiliNodesEngine(hosts, {
      apiKey: config.MEILI_API_KEY ?? "",
      index: config.MEILI_INDEX,
      searchKey: config.MEILI_SEARCH_KEY,
    });
  }
  const wanted = config.SEARCH_ENGINE ?? (config.MEILI_HOST ? "meilisearch" : "postgres");
  if (wanted === "meilisearch" && config.MEILI_HOST) {
    return new MeiliSearchEngine({
      host: config.MEILI_HOST,
      apiKey: config.MEILI_API_KEY ?? "",
      index: config.MEILI_INDEX,
      searchKey: config.MEILI_SEARCH_KEY,
    });
  }
  if (wanted === "meilisearch") {
    const reason = bundledMeiliUnavailableReason();
    if (!reason) {
      return new ManagedMeiliEngine(
        new ManagedMeilisearch({ dataDir: path.resolve(config.DATA_DIR, "meilisearch"), log: logTo }),
        config.MEILI_INDEX,
      );
    }
    logger.warn({ reason }, `SEARCH_ENGINE=meilisearch: ${reason} — using the embedded search engine instead`);
    console.warn(`СнабМост: ${reason} — using the embedded search engine instead.`);
  }
  return new CachedSearchEngine(new PostgresSearchEngine(), config.SEARCH_CACHE_TTL_MS); // SEARCH_PG_CANDIDATES
}

function logTo(level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) {
  logger[level](details ?? {}, message);
}

/**
 * The Meilisearch engine over the bundled server: starts it on first use (verified binary, free loopback port,
 * generated master key), and when a request finds the server gone (a crash being restarted) waits for it once and
 * retries. Writes that still fail throw, so the outbox keeps the events and catches up after the restart.
 */
export class ManagedMeiliEngine extends ForwardingSearchEngine<MeiliSearchEngine> {
  readonly name = "meilisearch" as const;
  private started: Promise<MeiliSearchEngine> | undefined;

  constructor(
    readonly server: ManagedMeilisearch,
    private readonly indexUid: string,
  ) {
    super();
  }

  /** The inner engine once the server is up (starts it on the first call). */
  engine(): Promise<MeiliSearchEngine> {
    this.started ??= this.server.start().then(
      (s) => new MeiliSearchEngine({ host: s.host, apiKey: s.masterKey, index: this.indexUid }),
      (error) => {
        this.started = undefined;
        throw error;
      },
    );
    return this.started;
  }

  /** Reads and writes alike: a request that finds the server gone waits for the restart once and is sent again. */
  private async call<T>(run: (e: MeiliSearchEngine) => Promise<T>): Promise<T> {
    const e = await this.engine();
    try {
      return await run(e);
    } catch (error) {
      if (!isUnreachable(error, { timeouts: false })) throw error;
      await this.server.ready(15_000);
      return run(e);
    }
  }

  protected read<T>(run: (e: MeiliSearchEngine) => Promise<T>): Promise<T> {
    return this.call(run);
  }

  protected write(run: (e: MeiliSearchEngine) => Promise<void>): Promise<void> {
    return this.call(run);
  }

  reindexAll(batches: AsyncIterable<SearchDocumentInput[]>, options?: ReindexOptions): Promise<{ indexed: number }> {
    return this.engine().then((e) => e.reindexAll(batches, options));
  }

  async health(): Promise<EngineHealth> {
    const status = this.server.status();
    try {
      const e = await this.engine();
      return { ...(await e.health()), bundled: status };
    } catch (error) {
      return {
        ok: false,
        engine: "meilisearch",
        bundled: status,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** Stops the bundled server (graceful shutdown of the app). */
  async stop(): Promise<void> {
    await this.server.stop();
    this.started = undefined;
  }
}
