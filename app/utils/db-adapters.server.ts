import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Driver adapter factories with the known bugs of pglite-prisma-adapter 0.7.2 and @prisma/adapter-pg 7.10.0 fixed.
 * Both are used by the app (PrismaClient) and by the schema engine (migrations). See docs/decisions/0002 and 0003.
 */

/** PostgreSQL extensions every PGlite instance (main and shadow) loads. Keep in sync with the init migration. */
export const pgliteExtensions = { pg_trgm };

/** Internal hook of both adapters that turns a driver error into a DriverAdapterError (always throws). */
type WithOnError = { onError(error: unknown): never };

// ─── PGlite ────────────────────────────────────────────────────────────────

/**
 * Fixes on a pglite-prisma-adapter connection:
 * - `executeScript` is not awaited upstream, so a failing migration script was reported as success (and recorded as
 *   applied). Here it is awaited and its error converted.
 * - `dispose` never closed PGlite, so the process hung. Here it closes the client when `closeOnDispose` is set.
 */
function fixPgliteAdapter(adapter: SqlDriverAdapter, client: PGlite, closeOnDispose: boolean): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      (adapter as unknown as WithOnError).onError(error);
    }
  };
  adapter.dispose = async () => {
    if (closeOnDispose && !client.closed) await client.close();
  };
  return adapter;
}

export type PgliteFactoryOptions = {
  /** Close the PGlite instance when Prisma disposes the adapter (set when the factory owns the instance). */
  closeOnDispose?: boolean;
};

/**
 * A migration-aware factory for an existing PGlite instance. The shadow database (used by the schema engine for
 * `diff` from migrations) is a fresh in-memory PGlite with the same extensions, closed on dispose.
 */
export class PgliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly inner: PrismaPGlite;

  constructor(
    private readonly client: PGlite,
    private readonly options: PgliteFactoryOptions = {},
  ) {
    this.inner = new PrismaPGlite(client);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return fixPgliteAdapter(await this.inner.connect(), this.client, this.options.closeOnDispose ?? false);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create({ dataDir: "memory://", extensions: pgliteExtensions });
    return fixPgliteAdapter(await new PrismaPGlite(shadow).connect(), shadow, true);
  }
}

// ─── PostgreSQL ────────────────────────────────────────────────────────────

/** PostgreSQL's internal single-byte `"char"` type (pg_catalog columns such as `pg_class.relkind`). */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Splits a postgres:// URL into pg connection fields. adapter-pg copies its config for the shadow database with
 * another `database`, which a `connectionString` would silently override (the shadow then IS the main database).
 */
export function pgConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  const params = u.searchParams;
  const config: pg.PoolConfig = {
    host: params.get("host") ?? (decodeURIComponent(u.hostname) || "localhost"),
    port: u.port ? Number(u.port) : Number(params.get("port") ?? 5432),
    user: decodeURIComponent(u.username) || params.get("user") || undefined,
    password: u.password ? decodeURIComponent(u.password) : (params.get("password") ?? undefined),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
  };
  const sslmode = params.get("sslmode");
  if (sslmode === "require" || sslmode === "prefer") config.ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full" || params.get("ssl") === "true") config.ssl = true;
  const appName = params.get("application_name");
  if (appName) config.application_name = appName;
  const poolMax = params.get("connection_limit");
  if (poolMax) config.max = Number(poolMax);
  return config;
}

type PerformIO = (query: SqlQuery) => Promise<pg.QueryResult>;

/** Reads `"char"` (OID 18) columns as text: adapter-pg 7.10.0 throws "Unsupported column type char" otherwise. */
function mapCharToText(queryable: object) {
  const target = queryable as { performIO: PerformIO };
  const original = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await original(query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
}

/**
 * Fixes on an adapter-pg connection:
 * - `"char"` columns (schema introspection) are read as text;
 * - `executeScript` sends the whole script as one simple-protocol query (what Prisma's native engine does): upstream
 *   splits on every `;`, which breaks function bodies and string literals and applies a failing script half-way.
 */
function fixPgAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  mapCharToText(adapter);
  const pool = (adapter as unknown as { client: pg.Pool }).client;
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as WithOnError).onError(error);
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx: Transaction = await startTransaction(isolationLevel);
    mapCharToText(tx);
    return tx;
  };
  return adapter;
}

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A migration-aware factory for PostgreSQL. The shadow database is created on the same server from explicit
 * connection fields, and on dispose its pool is closed BEFORE it is dropped (upstream drops first, which fails while
 * the pool still holds connections, and leaks the admin pool).
 */
export class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly config: pg.PoolConfig;
  private readonly inner: PrismaPg;

  constructor(urlOrConfig: string | pg.PoolConfig) {
    this.config = typeof urlOrConfig === "string" ? pgConfigFromUrl(urlOrConfig) : urlOrConfig;
    this.inner = new PrismaPg(this.config);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return fixPgAdapter(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client(this.config);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } finally {
      await admin.end();
    }
    const shadow = new PrismaPg({ ...this.config, database });
    const adapter = fixPgAdapter(await shadow.connect());
    const disposePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await disposePool();
      const cleaner = new pg.Client(this.config);
      await cleaner.connect();
      try {
        await cleaner.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
      } finally {
        await cleaner.end();
      }
    };
    return adapter;
  }
}
