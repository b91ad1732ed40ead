import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Read replicas (DATABASE_REPLICA_URLS): read-only queries of a request go to a streaming replica, everything else to
 * the primary. The same routing as Prisma's `@prisma/extension-read-replicas` (a query extension on the primary client
 * that sends model reads outside transactions to a second client), plus what that extension lacks (docs/decisions/0022):
 *
 * - **Only requests opt in.** A query reads from a replica only inside `runWithReadRoute({ replicaAllowed: true })`,
 *   which the HTTP server sets for GET/HEAD requests. The outbox worker, jobs and scripts always read the primary (the
 *   search consumer must index what was just written, not a lagging copy).
 * - **Read-your-writes.** A mutation (any non-GET request) and a request that carries the `sm_rw` cookie (set by every
 *   mutation, valid `DATABASE_REPLICA_STICKY_MS`) read the primary; so does the rest of a request after its first
 *   write. A user never sees a page without what they just saved, whatever the replica lag.
 * - **Fallback.** A replica that cannot be reached is skipped for a few seconds and the query runs on the primary.
 * - **Raw reads too.** `$queryRaw`/`$queryRawUnsafe` whose SQL is a plain SELECT/WITH (no FOR UPDATE, no data-changing
 *   statement) may go to a replica, so the embedded search engine's reads scale out as well.
 */

export interface ReadRoute {
  /** may reads of this unit of work go to a replica */
  replicaAllowed: boolean;
  /** set when the unit of work wrote (then the rest of it reads the primary) */
  wrote?: boolean;
}

const STORAGE_KEY = Symbol.for("snabmost.readRoute");
type GlobalWithStorage = typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<ReadRoute> };
// On globalThis: the HTTP server (scripts/serve.ts) and the server build each bundle this module.
const holder = globalThis as GlobalWithStorage;
holder[STORAGE_KEY] ??= new AsyncLocalStorage<ReadRoute>();
const storage: AsyncLocalStorage<ReadRoute> = holder[STORAGE_KEY];

export function runWithReadRoute<T>(route: ReadRoute, fn: () => T): T {
  return storage.run(route, fn);
}

export function currentReadRoute(): ReadRoute | undefined {
  return storage.getStore();
}

/** The cookie that keeps a client on the primary for a while after it wrote (value: epoch ms until then). */
export const READ_YOUR_WRITES_COOKIE = "sm_rw";

/** The route of an HTTP request: replicas for safe methods unless the client wrote within the sticky window. */
export function readRouteForRequest(method: string, cookieHeader: string | undefined, now = Date.now()): ReadRoute {
  if (method !== "GET" && method !== "HEAD") return { replicaAllowed: false };
  const match = cookieHeader?.match(/(?:^|;\s*)sm_rw=(\d{1,15})(?:;|$)/);
  if (match && Number(match[1]) > now) return { replicaAllowed: false };
  return { replicaAllowed: true };
}

/** The Set-Cookie value after a write: the primary for `stickyMs`. */
export function readYourWritesCookie(stickyMs: number, now = Date.now(), secure = false): string {
  const seconds = Math.max(1, Math.ceil(stickyMs / 1000));
  return `${READ_YOUR_WRITES_COOKIE}=${now + stickyMs}; Max-Age=${seconds}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Model operations that only read (the list of @prisma/extension-read-replicas). */
const READ_OPERATIONS = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "groupBy",
  "aggregate",
  "count",
]);
const RAW_QUERY_OPERATIONS = new Set(["$queryRaw", "$queryRawUnsafe"]);

/** The SQL text of a raw query's arguments (tagged template, Prisma.Sql or the unsafe string form). */
export function rawSqlText(args: unknown): string | undefined {
  if (typeof args === "string") return args;
  if (Array.isArray(args)) {
    const first = args[0];
    if (typeof first === "string") return first;
    if (Array.isArray(first)) return first.join("?");
    return rawSqlText(first);
  }
  if (args && typeof args === "object") {
    const sql = args as { strings?: unknown; sql?: unknown };
    if (Array.isArray(sql.strings)) return sql.strings.join("?");
    if (typeof sql.sql === "string") return sql.sql;
  }
  return undefined;
}

/** A statement a hot standby can run and that changes nothing: SELECT/WITH without writes or row locks. */
export function isReadOnlySql(sql: string | undefined): boolean {
  if (!sql) return false;
  const text = sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
  if (!/^\s*\(?\s*(SELECT|WITH)\b/i.test(text)) return false;
  if (/\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|nextval|setval|pg_advisory\w*|set_config)\b/i.test(text)) return false;
  if (/\bFOR\s+(UPDATE|NO\s+KEY\s+UPDATE|SHARE|KEY\s+SHARE)\b/i.test(text)) return false;
  if (/\bINTO\b/i.test(text)) return false; // SELECT … INTO creates a table
  return true;
}

/** Whether an error means the replica could not be reached (not a bad query). */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  const text = `${String(e?.code ?? "")} ${String(e?.message ?? error)} ${String((e?.cause as { message?: unknown })?.message ?? e?.cause ?? "")}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connect|terminating connection|the database system is (starting|shutting|in recovery)|57P0[0-3]|08\d\d\d|P1001|P1017|DatabaseNotReachable|ConnectionClosed/i.test(
    text,
  );
}

export interface ReplicaState {
  index: number;
  /** reads this replica answered */
  reads: number;
  /** reads that failed over to the primary */
  fallbacks: number;
  /** skipped until (epoch ms), after a connection failure */
  downUntil: number;
  lastError?: string;
}

export interface ReplicaRouting {
  replicas: ReplicaState[];
  /** reads of units of work that allowed replicas but ran on the primary (read-your-writes, replica down) */
  primaryReads: number;
}

const routings = new WeakMap<object, ReplicaRouting>();

/** The counters of a client made by `withReadReplicas` (undefined for a plain client). */
export function replicaRouting(client: unknown): ReplicaRouting | undefined {
  return client && typeof client === "object" ? routings.get(client) : undefined;
}

type QueryParams = {
  model?: string;
  operation: string;
  args: unknown;
  query: (args: unknown) => Promise<unknown>;
  __internalParams?: { transaction?: unknown };
};

function runOn(client: PrismaClient, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const target = client as unknown as Record<string, unknown>;
  if (model) {
    const delegate = target[model.charAt(0).toLowerCase() + model.slice(1)] as Record<
      string,
      (a: unknown) => Promise<unknown>
    >;
    return delegate[operation](args);
  }
  const fn = target[operation] as (...a: unknown[]) => Promise<unknown>;
  if (operation === "$queryRawUnsafe" && Array.isArray(args)) return fn.apply(client, args);
  return fn.call(client, args);
}

/**
 * The primary client, extended to send reads to `replicas` (round robin) as described above. `retryAfterMs`: how long a
 * replica that failed to connect is skipped.
 */
export function withReadReplicas(
  primary: PrismaClient,
  replicas: PrismaClient[],
  opts: { retryAfterMs?: number; onFallback?: (replica: number, error: unknown) => void } = {},
): PrismaClient {
  const retryAfterMs = opts.retryAfterMs ?? 5_000;
  const routing: ReplicaRouting = {
    replicas: replicas.map((_, index) => ({ index, reads: 0, fallbacks: 0, downUntil: 0 })),
    primaryReads: 0,
  };
  let next = 0;
  const pick = (now: number): number => {
    for (let i = 0; i < replicas.length; i++) {
      const index = (next + i) % replicas.length;
      if (routing.replicas[index].downUntil <= now) {
        next = index + 1;
        return index;
      }
    }
    return -1;
  };
  const extended = primary.$extends({
    query: {
      async $allOperations(params) {
        const { model, operation, args, query, __internalParams } = params as unknown as QueryParams;
        const route = storage.getStore();
        const read =
          READ_OPERATIONS.has(operation) || (RAW_QUERY_OPERATIONS.has(operation) && isReadOnlySql(rawSqlText(args)));
        if (!read) {
          if (route) {
            route.wrote = true;
            route.replicaAllowed = false;
          }
          return query(args);
        }
        if (__internalParams?.transaction || !route?.replicaAllowed) {
          if (route) routing.primaryReads++;
          return query(args);
        }
        const index = pick(Date.now());
        if (index < 0) {
          routing.primaryReads++;
          return query(args);
        }
        const state = routing.replicas[index];
        try {
          const result = await runOn(replicas[index], model, operation, args);
          state.reads++;
          return result;
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
          state.fallbacks++;
          state.downUntil = Date.now() + retryAfterMs;
          state.lastError = error instanceof Error ? error.message.slice(0, 200) : String(error);
          opts.onFallback?.(index, error);
          routing.primaryReads++;
          return query(args);
        }
      },
    },
  });
  routings.set(extended, routing);
  return extended as unknown as PrismaClient;
}
