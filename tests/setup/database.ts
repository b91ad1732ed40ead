import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, databaseFromPglite, openDatabase, openPglite } from "../../app/utils/db.server";

/**
 * The integration database of this run (prepared by global-setup.ts): "pglite" or "postgres".
 * Use `integrationDatabaseKind() === "postgres"` to skip tests that need a server.
 */
export function integrationDatabaseKind(): "pglite" | "postgres" {
  return inject("integrationDatabase").kind;
}

/** The PostgreSQL URL of TEST_DATABASE_URL's server (undefined when running on PGlite). */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

let dump: Blob | undefined;

/** Deletes all rows of every app table (everything but _prisma_migrations). */
export async function truncateAllTables(db: Database): Promise<void> {
  const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(", ");
  await db.prisma.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}

/**
 * A migrated, empty database. On PGlite: a new in-memory copy of the migrated dump (≈1 s), independent of others.
 * On PostgreSQL: a connection to the run's database, with all app tables truncated. Close it when done.
 */
export async function freshDatabase(): Promise<Database> {
  const target = inject("integrationDatabase");
  if (target.kind === "postgres") {
    const db = openDatabase(target.url);
    await truncateAllTables(db);
    return db;
  }
  dump ??= new Blob([readFileSync(target.dumpPath)]);
  const pglite = openPglite("memory://", { loadDataDir: dump });
  await pglite.waitReady;
  return databaseFromPglite(pglite);
}
