import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDatabase, getDatabase, getPrisma, openDatabase, resolveDatabaseUrl } from "~/utils/db.server";
import { integrationDatabaseKind } from "../../setup/database";

describe("openDatabase picks the adapter from DATABASE_URL", () => {
  it('"" opens PGlite in <dataDir>/pglite', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "snabmost-db-"));
    const db = openDatabase("", { dataDir });
    try {
      expect(db.kind).toBe("pglite");
      expect(db.pglite?.dataDir).toBe(path.join(dataDir, "pglite"));
      expect(await db.prisma.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("memory:// opens an in-memory PGlite with pg_trgm available", async () => {
    const db = openDatabase("memory://");
    try {
      expect(db.kind).toBe("pglite");
      expect(db.pglite).toBeDefined();
      await db.prisma.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      const [row] = await db.prisma.$queryRawUnsafe<{ s: number }[]>("SELECT similarity('насос', 'насосы') AS s");
      expect(row.s).toBeGreaterThan(0.3);
    } finally {
      await db.close();
    }
  });

  it("file:<dir> opens PGlite in that directory", () => {
    expect(resolveDatabaseUrl("file:/tmp/some-dir")).toEqual({ kind: "pglite", dataDir: "/tmp/some-dir" });
  });

  it("postgres:// uses the pg adapter (no PGlite) without connecting eagerly", async () => {
    const db = openDatabase("postgres://nobody@127.0.0.1:1/none");
    expect(db.kind).toBe("postgres");
    expect(db.pglite).toBeUndefined();
    await db.close();
    expect(resolveDatabaseUrl("postgresql://u@h/db")).toEqual({ kind: "postgres", url: "postgresql://u@h/db" });
  });

  it("rejects other URLs", () => {
    expect(() => resolveDatabaseUrl("mysql://x")).toThrow(/Unsupported DATABASE_URL/);
  });

  it("the harness database is migrated and is what getPrisma() returns", async () => {
    expect(getDatabase().kind).toBe(integrationDatabaseKind());
    const health = await checkDatabase(getPrisma());
    expect(health).toMatchObject({ ok: true, pendingMigrations: 0 });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("checkDatabase reports an unreachable database", async () => {
    const db = openDatabase("postgres://nobody@127.0.0.1:1/none");
    try {
      const health = await checkDatabase(db.prisma);
      expect(health.ok).toBe(false);
      expect(health.error).toBeTruthy();
    } finally {
      await db.close();
    }
  });
});
