import { ForwardingSearchEngine, isUnreachable } from "./forwarding-engine.server";
import { MeiliSearchEngine } from "./meili-engine.server";
import type { EngineHealth, ReindexOptions, SearchDocumentInput } from "./search.types";

/**
 * Several Meilisearch nodes (MEILI_HOSTS). Meilisearch Community Edition has no replication, so every node is fed by
 * the outbox on its own: the "search" consumer copies each search event into one outbox topic per node
 * (`searchnode-<host>.<event>`, see `searchOutboxConsumers` in search.server.ts), and each node's consumer indexes only
 * that node, with its own retries and backoff — a node that is down collects its events and catches up when it is
 * back, without holding the others up. Searches go to the first node that answers (config order: list the nearest
 * first); a node that fails to answer is skipped for a few seconds. docs/decisions/0022.
 */

/** MEILI_HOSTS as a list of URLs (comma-separated; empty → none). */
export function parseMeiliHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim().replace(/\/+$/, ""))
    .filter(Boolean);
}

/** The outbox consumer (topic prefix) of a node: stable per host, no dots (the prefix ends at the first dot). */
export function nodeConsumer(host: string): string {
  return `searchnode-${host
    .replace(/^https?:\/\//, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase()}`;
}

export class MeiliNode {
  readonly consumer: string;
  readonly engine: MeiliSearchEngine;
  /** skipped for searches until (epoch ms) */
  downUntil = 0;
  private settings: Promise<void> | undefined;

  constructor(
    readonly host: string,
    apiKey: string,
    index: string,
    searchKey?: string,
  ) {
    this.consumer = nodeConsumer(host);
    this.engine = new MeiliSearchEngine({ host, apiKey, index, searchKey, requestTimeoutMs: 3_000 });
  }

  /** The node's engine with the index settings applied (once per process; again after a failure). */
  async ready(): Promise<MeiliSearchEngine> {
    this.settings ??= this.engine.applySettings().catch((error) => {
      this.settings = undefined;
      throw error;
    });
    await this.settings;
    return this.engine;
  }

  /** After a restart the node may have lost its settings with its data: apply them again before the next write. */
  forgetSettings(): void {
    this.settings = undefined;
  }
}

export class MeiliNodesEngine extends ForwardingSearchEngine<MeiliSearchEngine> {
  readonly name = "meilisearch" as const;
  readonly nodes: MeiliNode[];
  private readonly retryAfterMs: number;

  constructor(hosts: string[], options: { apiKey: string; index: string; searchKey?: string; retryAfterMs?: number }) {
    super();
    this.retryAfterMs = options.retryAfterMs ?? 5_000;
    if (hosts.length === 0) throw new Error("MEILI_HOSTS: no node");
    this.nodes = hosts.map((h) => new MeiliNode(h, options.apiKey, options.index, options.searchKey));
  }

  /** Nodes in the order searches try them: the ones not marked down first (config order), then the rest. */
  private searchOrder(now = Date.now()): MeiliNode[] {
    const up = this.nodes.filter((n) => n.downUntil <= now);
    return [...up, ...this.nodes.filter((n) => n.downUntil > now)];
  }

  /** The first node that answers (a node that does not, or times out, is skipped for `retryAfterMs`). */
  protected async read<T>(run: (e: MeiliSearchEngine) => Promise<T>): Promise<T> {
    let last: unknown;
    for (const node of this.searchOrder()) {
      try {
        const result = await run(node.engine);
        node.downUntil = 0;
        return result;
      } catch (error) {
        if (!isUnreachable(error, { timeouts: true })) throw error;
        node.downUntil = Date.now() + this.retryAfterMs;
        last = error;
      }
    }
    throw last;
  }

  /** Settings on every node that answers; fails only when none does (a node that is down gets them when it is back). */
  async applySettings(): Promise<void> {
    const results = await Promise.allSettled(this.nodes.map((n) => n.ready()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed && results.every((r) => r.status === "rejected")) throw failed.reason;
  }

  /** Direct writes go to every node (the outbox path writes per node instead; this is for scripts and tests). */
  protected async write(run: (e: MeiliSearchEngine) => Promise<void>): Promise<void> {
    for (const n of this.nodes) await run(await n.ready());
  }

  /** Rebuilds every node from the same batches (held in memory; `npm run search:reindex`). */
  async reindexAll(
    batches: AsyncIterable<SearchDocumentInput[]>,
    options?: ReindexOptions,
  ): Promise<{ indexed: number }> {
    const all: SearchDocumentInput[][] = [];
    for await (const batch of batches) all.push(batch);
    let indexed = 0;
    for (const n of this.nodes) {
      const engine = await n.ready();
      ({ indexed } = await engine.reindexAll(
        (async function* () {
          yield* all;
        })(),
        options,
      ));
    }
    return { indexed };
  }

  /** ok while at least one node answers; every node's state under `nodes`. */
  async health(): Promise<EngineHealth> {
    const nodes = await Promise.all(
      this.nodes.map(async (n) => {
        try {
          return { host: n.host, ...(await n.engine.health()) };
        } catch (error) {
          return {
            host: n.host,
            ok: false,
            engine: "meilisearch" as const,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
    const first = nodes.find((n) => n.ok);
    return {
      ok: Boolean(first),
      engine: "meilisearch",
      documents: first?.documents,
      nodes,
      ...(first ? {} : { error: "no Meilisearch node answers" }),
    };
  }
}
