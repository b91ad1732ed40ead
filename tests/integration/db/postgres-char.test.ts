import pg from "pg";
import { describe, expect, it } from "vitest";
import { PostgresAdapterFactory } from "~/utils/db-adapters.server";
import { diffMigrationsToSchema, readMigrationsList, withEngine } from "../../../scripts/lib/schema-engine";
import { testServerUrl } from "../../setup/database";
import { createTempPostgresDatabase } from "../../setup/postgres";

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)("PostgreSQL adapter fixes (skipped: set TEST_DATABASE_URL=postgres://… to run)", () => {
  it('reads the internal "char" type (OID 18) as text', async () => {
    const adapter = await new PostgresAdapterFactory(serverUrl!).connect();
    try {
      const result = await adapter.queryRaw({
        sql: "SELECT relkind, relname FROM pg_class WHERE relname = 'pg_class'",
        args: [],
        argTypes: [],
      });
      expect(result.rows).toEqual([["r", "pg_class"]]);
      const tx = await adapter.startTransaction();
      const inTx = await tx.queryRaw({ sql: "SELECT 'x'::\"char\" AS c", args: [], argTypes: [] });
      expect(inTx.rows).toEqual([["x"]]);
      await tx.rollback();
    } finally {
      await adapter.dispose();
    }
  });

  it("the schema engine diffs through a PostgreSQL shadow on its own database, dropped afterwards", async () => {
    const temp = await createTempPostgresDatabase(serverUrl!, "snabmost_test_shadow");
    const factory = new PostgresAdapterFactory(temp.url);
    try {
      const migrationsList = readMigrationsList("prisma/migrations");
      const result = await withEngine(
        temp.url,
        undefined,
        (engine) =>
          engine.diff({
            from: { tag: "migrations", ...migrationsList },
            to: { tag: "empty" },
            script: true,
            exitCode: true,
            filters: { externalTables: [], externalEnums: [] },
          }),
        { factory },
      );
      expect(result.stdout).toMatch(/DROP TABLE "public"."award"/);
      // the migrations ran in the shadow, not in the main database
      const client = new pg.Client({ connectionString: temp.url });
      await client.connect();
      try {
        const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        expect(tables.rows).toEqual([]);
        const shadows = await client.query(
          "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
        );
        expect(shadows.rows).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      await temp.drop();
    }
  });
});

it("the drift check itself needs no server (in-memory PGlite shadow)", async () => {
  const { drift } = await diffMigrationsToSchema();
  expect(drift).toBe(false);
});
