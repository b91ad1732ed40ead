import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";
import { PgliteAdapterFactory } from "~/utils/db-adapters.server";
import { deployMigrations } from "../../../scripts/lib/schema-engine";
import { brokenMigrationsDir } from "./migration-fixtures";

// pglite-prisma-adapter 0.7.2 does not await executeScript: a failing migration was recorded as applied.
const migrationsDir = brokenMigrationsDir();
afterAll(() => rmSync(migrationsDir, { recursive: true, force: true }));

it("a failing migration on PGlite fails, with the real error, and is not recorded as applied", async () => {
  const db = openDatabase("memory://");
  try {
    const factory = new PgliteAdapterFactory(db.pglite!);
    await expect(deployMigrations("memory://", { migrationsDir, factory, log: () => {} })).rejects.toThrow(
      /no_such_table/,
    );
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    const applied = rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name);
    expect(applied).toEqual(["20000101000000_good"]);
    // the broken script ran in one implicit transaction: nothing of it is left behind
    const [{ halfWay }] = await db.prisma.$queryRawUnsafe<{ halfWay: string | null }[]>(
      `SELECT to_regclass('"HalfWay"')::text AS "halfWay"`,
    );
    expect(halfWay).toBeNull();
    // and deploying again refuses to continue past the failed migration
    await expect(deployMigrations("memory://", { migrationsDir, factory, log: () => {} })).rejects.toThrow(
      /20000102000000_broken/,
    );
  } finally {
    await db.close();
  }
});
