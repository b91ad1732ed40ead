import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";
import { deployMigrations } from "../../../scripts/lib/schema-engine";
import { testServerUrl } from "../../setup/database";
import { createTempPostgresDatabase } from "../../setup/postgres";
import { brokenMigrationsDir } from "./migration-fixtures";

const serverUrl = testServerUrl();
const migrationsDir = brokenMigrationsDir();
afterAll(() => rmSync(migrationsDir, { recursive: true, force: true }));

describe.skipIf(!serverUrl)("PostgreSQL (skipped: set TEST_DATABASE_URL=postgres://… to run)", () => {
  it("a failing migration fails, with the real error, and is not recorded as applied", async () => {
    const temp = await createTempPostgresDatabase(serverUrl!, "snabmost_test_migrate");
    const db = openDatabase(temp.url);
    try {
      await expect(deployMigrations(temp.url, { migrationsDir, log: () => {} })).rejects.toThrow(/no_such_table/);
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
        "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name)).toEqual(["20000101000000_good"]);
      // the script is sent as one query (one implicit transaction), not split on ";": nothing half-applied
      const [{ halfWay }] = await db.prisma.$queryRawUnsafe<{ halfWay: string | null }[]>(
        `SELECT to_regclass('"HalfWay"')::text AS "halfWay"`,
      );
      expect(halfWay).toBeNull();
    } finally {
      await db.close();
      await temp.drop();
    }
  });
});
