import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "~/utils/db.server";

// The server runs embedded PGlite on a worker thread and talks to it through the pg driver (PGLITE_THREAD, default
// on). These check what the app relies on through that bridge: types, transactions, errors, concurrency, durability.
describe("PGlite on a worker thread", () => {
  let dir: string;
  let db: Database;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "snabmost-thread-"));
    db = openDatabase(`file:${path.join(dir, "db")}`, { thread: true });
    await db.prisma.$executeRawUnsafe(
      "CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, tags text[], data jsonb)",
    );
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns PostgreSQL types as the app expects them", async () => {
    const [row] = await db.prisma.$queryRaw<
      { n: number; big: bigint; arr: string[]; j: unknown; t: Date; ru: string }[]
    >`SELECT 2 AS n, 10::bigint AS big, ARRAY['а','b'] AS arr, '{"x":[1]}'::jsonb AS j,
             '2026-11-25 10:00:00'::timestamp AS t, ${"Трансформатор ёмкостный"}::text AS ru`;
    expect(row).toEqual({
      n: 2,
      big: 10n,
      arr: ["а", "b"],
      j: { x: [1] },
      t: new Date("2026-11-25T10:00:00Z"),
      ru: "Трансформатор ёмкостный",
    });
  });

  it("commits and rolls back interactive transactions", async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO item (id, name) VALUES (1, 'committed')`;
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO item (id, name) VALUES (2, 'rolled back')`;
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const rows = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM item ORDER BY id`;
    expect(rows.map((r) => r.id)).toEqual([1]);
  });

  it("reports constraint violations with their SQLSTATE and stays usable", async () => {
    await expect(db.prisma.$executeRaw`INSERT INTO item (id, name) VALUES (1, 'duplicate')`).rejects.toMatchObject({
      meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", originalCode: "23505" } } },
    });
    await expect(db.prisma.$executeRaw`SELECT * FROM no_such_table`).rejects.toThrow(/no_such_table/);
    const [row] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM item`;
    expect(row.n).toBe(1n);
  });

  it("serves many concurrent queries and a large payload in order", async () => {
    const big = "я".repeat(300_000); // ~600 KB: more than one message chunk on the way in and out
    await db.prisma
      .$executeRaw`INSERT INTO item (id, name, data) VALUES (3, ${big}, ${JSON.stringify({ big })}::jsonb)`;
    const results = await Promise.all(
      Array.from(
        { length: 40 },
        (_, i) => db.prisma.$queryRaw<{ i: number; len: number }[]>`
        SELECT ${i}::int AS i, length(name) AS len FROM item WHERE id = 3`,
      ),
    );
    expect(results.map((r) => r[0].i)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(results.every((r) => r[0].len === 300_000)).toBe(true);
    const [back] = await db.prisma.$queryRaw<{ name: string }[]>`SELECT name FROM item WHERE id = 3`;
    expect(back.name).toBe(big);
  });

  it("keeps what was written after the thread is closed and the database reopened in-process", async () => {
    await db.close();
    const again = openDatabase(`file:${path.join(dir, "db")}`);
    try {
      const rows = await again.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM item ORDER BY id`;
      expect(rows.map((r) => r.id)).toEqual([1, 3]);
    } finally {
      await again.close();
    }
    db = openDatabase(`file:${path.join(dir, "db")}`, { thread: true });
  }, 60_000);

  it("a process that uses a thread database and closes it exits by itself", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const code = `
      import { openDatabase } from "./app/utils/db.server.ts";
      const db = openDatabase("memory://", { thread: true });
      await db.prisma.$queryRawUnsafe("SELECT 1");
      await db.close();
      console.log("closed");
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(child.stdout.trim()).toBe("closed");
    expect(child.status).toBe(0);
  });
});
