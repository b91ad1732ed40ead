import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";
import { PgliteAdapterFactory, PostgresAdapterFactory, pgliteExtensions } from "./db-adapters.server";
import { replicaRouting, withReadReplicas } from "./db-replicas.server";
import { env } from "./env.server";
import { startPgliteThread } from "./pglite-thread.server";

/**
 * The database layer. `DATABASE_URL` picks the engine:
 *   ""            → embedded PGlite in `<DATA_DIR>/pglite`
 *   "memory://"   → in-memory PGlite (gone when the process ends)
 *   "file:<dir>"  → PGlite in <dir>
 *   "postgres://" → PostgreSQL through @prisma/adapter-pg
 */

export type DatabaseKind = "pglite" | "postgres";

export type Database = {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Disconnects Prisma and closes PGlite / the pg pool. Idempotent. */
  close(): Promise<void>;
  /** The embedded instance, for kind "pglite" (e.g. to `dumpDataDir`). */
  pglite?: PGlite;
};

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** Where the embedded database lives when DATABASE_URL is empty. */
export function embeddedDataDir(dataDir: string = env().DATA_DIR): string {
  return path.resolve(dataDir, "pglite");
}

/** Resolves a DATABASE_URL to a PGlite data dir ("memory://" for in-memory) or a PostgreSQL URL. */
export function resolveDatabaseUrl(url: string, opts: { dataDir?: string } = {}): DatabaseTarget {
  if (url === "") return { kind: "pglite", dataDir: embeddedDataDir(opts.dataDir) };
  if (url === "memory://" || url.startsWith("memory://")) return { kind: "pglite", dataDir: "memory://" };
  if (url.startsWith("file:")) return { kind: "pglite", dataDir: path.resolve(url.slice("file:".length)) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new Error(`Unsupported DATABASE_URL "${url}": use "", memory://, file:<dir> or postgres://…`);
}

/**
 * Opens a PGlite instance with the extensions the schema needs. `dataDir` is a directory or "memory://".
 * `loadDataDir` starts it from a dump (see `PGlite#dumpDataDir`). Close it when done: an open instance keeps the
 * process alive.
 */
export function openPglite(dataDir = "memory://", opts: { loadDataDir?: Blob | File } = {}): PGlite {
  // PGlite creates only the last folder of the path; a fresh checkout has no ./data yet
  if (dataDir !== "memory://" && !dataDir.includes("://"))
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  return new PGlite({
    dataDir: dataDir === "memory://" ? undefined : dataDir,
    extensions: pgliteExtensions,
    loadDataDir: opts.loadDataDir,
  });
}

/** A migration-aware driver adapter factory for a URL, for the schema engine. The caller closes `pglite` if set. */
export function openAdapterFactory(
  url: string,
  opts: { dataDir?: string } = {},
): { factory: SqlMigrationAwareDriverAdapterFactory; kind: DatabaseKind; pglite?: PGlite; close(): Promise<void> } {
  const target = resolveDatabaseUrl(url, opts);
  if (target.kind === "postgres") {
    return { factory: new PostgresAdapterFactory(target.url), kind: "postgres", close: async () => {} };
  }
  const pglite = openPglite(target.dataDir);
  return {
    factory: new PgliteAdapterFactory(pglite),
    kind: "pglite",
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Wraps an open PGlite instance (e.g. loaded from a dump) into a Database that owns it. */
export function databaseFromPglite(pglite: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PgliteAdapterFactory(pglite, { closeOnDispose: true }) });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "pglite",
    pglite,
    close() {
      closing ??= (async () => {
        await prisma.$disconnect().catch(() => {});
        if (!pglite.closed) await pglite.close();
      })();
      return closing;
    },
  };
}

/** PGlite on a worker thread, reached through the pg adapter (one connection: PGlite has one session). */
function databaseOnThread(dataDir: string): Database {
  if (dataDir !== "memory://") mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const thread = startPgliteThread(dataDir);
  const prisma = new PrismaClient({ adapter: new PostgresAdapterFactory(thread.poolConfig()) });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "pglite",
    close() {
      closing ??= (async () => {
        await prisma.$disconnect().catch(() => {});
        await thread.close();
      })();
      return closing;
    },
  };
}

/**
 * Opens a database for a DATABASE_URL (default: this process's). Synchronous; connects on first query.
 * `thread`: run an embedded PGlite on its own worker thread (what the server does, see `pglite-thread.server.ts`);
 * otherwise PGlite runs in this thread and `Database.pglite` is the instance.
 */
export function openDatabase(
  url: string = env().DATABASE_URL,
  opts: { dataDir?: string; thread?: boolean; replicaUrls?: string[] } = {},
): Database {
  const target = resolveDatabaseUrl(url, opts);
  if (target.kind === "pglite" && opts.thread) return databaseOnThread(target.dataDir);
  if (target.kind === "pglite") return databaseFromPglite(openPglite(target.dataDir));
  if (opts.replicaUrls?.length) return databaseWithReplicas(target.url, opts.replicaUrls);
  const prisma = new PrismaClient({ adapter: new PostgresAdapterFactory(target.url) });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "postgres",
    close() {
      closing ??= prisma.$disconnect();
      return closing;
    },
  };
}

/** PostgreSQL with streaming replicas for the reads of requests (DATABASE_REPLICA_URLS; see db-replicas.server.ts). */
function databaseWithReplicas(url: string, replicaUrls: string[]): Database {
  const primary = new PrismaClient({ adapter: new PostgresAdapterFactory(url) });
  const replicas = replicaUrls.map((u) => new PrismaClient({ adapter: new PostgresAdapterFactory(u) }));
  const prisma = withReadReplicas(primary, replicas);
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "postgres",
    close() {
      closing ??= Promise.all([primary, ...replicas].map((c) => c.$disconnect().catch(() => {}))).then(() => {});
      return closing;
    },
  };
}

/** DATABASE_REPLICA_URLS as a list (comma-separated; empty → none). */
export function replicaUrlsFromEnv(value: string | undefined = env().DATABASE_REPLICA_URLS): string[] {
  return (value ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
}

// ─── Process-wide database ─────────────────────────────────────────────────

const GLOBAL_KEY = Symbol.for("snabmost.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Database };
// Kept on globalThis so Remix/Vite dev reloads of this module reuse the open connection.
const holder = globalThis as GlobalWithDb;

/** The process's Database, opened lazily from `env().DATABASE_URL`. */
export function getDatabase(): Database {
  holder[GLOBAL_KEY] ??= openDatabase(env().DATABASE_URL, {
    thread: env().PGLITE_THREAD,
    replicaUrls: replicaUrlsFromEnv(),
  });
  return holder[GLOBAL_KEY];
}

/** The process's PrismaClient. */
export function getPrisma(): PrismaClient {
  return getDatabase().prisma;
}

/** Replaces the process's database (the test harness uses it). Does not close the previous one. */
export function useDatabase(db: Database | undefined): void {
  holder[GLOBAL_KEY] = db;
}

/** Closes the process's database (graceful shutdown). The next `getPrisma()` opens a new one. */
export async function closeDatabase(): Promise<void> {
  const db = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  await db?.close();
}

// ─── Health ────────────────────────────────────────────────────────────────

/**
 * For /healthz "replicas" (when DATABASE_REPLICA_URLS is set): reads each replica answered, reads that fell back to the
 * primary, and whether a replica is being skipped after a connection failure. Always ok: reads work on the primary.
 */
export async function replicaHealth(prisma: PrismaClient = getPrisma()) {
  const routing = replicaRouting(prisma);
  const now = Date.now();
  return {
    ok: true,
    primaryReads: routing?.primaryReads ?? 0,
    replicas: (routing?.replicas ?? []).map((r) => ({
      reads: r.reads,
      fallbacks: r.fallbacks,
      up: r.downUntil <= now,
      ...(r.lastError ? { lastError: r.lastError } : {}),
    })),
  };
}

/** The migrations folder of the project; resolved from the working directory so the built server finds it too. */
export function migrationsDir(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

/** Names of migration folders on disk (sorted), e.g. `20250101000000_init`. */
export function listMigrationFolders(dir: string = migrationsDir()): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /^\d+_/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export type DatabaseHealth = { ok: boolean; latencyMs: number; pendingMigrations?: number; error?: string };

/** For /healthz: a round trip plus the number of migrations on disk not applied to the database. */
export async function checkDatabase(prisma: PrismaClient = getPrisma()): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const [{ exists }] = await prisma.$queryRawUnsafe<{ exists: boolean }[]>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
    );
    const applied = exists
      ? await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
      : [];
    const appliedNames = new Set(applied.map((row) => row.migration_name));
    const pendingMigrations = listMigrationFolders().filter((name) => !appliedNames.has(name)).length;
    return {
      ok: pendingMigrations === 0,
      latencyMs,
      pendingMigrations,
      ...(pendingMigrations > 0 ? { error: `${pendingMigrations} migration(s) not applied` } : {}),
    };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
