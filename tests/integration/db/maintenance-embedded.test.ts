import { expect, it } from "vitest";
import { getDatabase, getPrisma } from "~/utils/db.server";
import { analyzeEmbeddedDatabase, checkpointIfDue } from "~/utils/db-maintenance.server";
import { createCategory, createOrganization, createProduct } from "../../fixtures/factories";

async function plannedRows(table: string): Promise<number> {
  const [row] = await getPrisma().$queryRawUnsafe<{ n: number }[]>(
    `SELECT reltuples::float8 AS n FROM pg_class WHERE relname = '${table}'`,
  );
  return row.n;
}

it("gives the planner statistics for tables that grew (embedded PGlite has no autovacuum); a server is left to its own", async () => {
  const supplier = await createOrganization({ name: "Завод статистики" });
  const category = await createCategory({ sector: "GRID", nameRu: "Опоры" });
  for (let i = 0; i < 30; i++) await createProduct({ supplierId: supplier.id, categoryId: category.id });
  await getPrisma().$executeRawUnsafe("ANALYZE product"); // a known starting point on either kind
  const before = await plannedRows("product");
  for (let i = 0; i < 20; i++) await createProduct({ supplierId: supplier.id, categoryId: category.id });
  const rows = await getPrisma().product.count();

  const ran = await analyzeEmbeddedDatabase();
  if (getDatabase().kind === "pglite") {
    expect(ran).toBe(true);
    expect(await plannedRows("product")).toBe(rows);
  } else {
    // on a server (the shared test database) the statistics stay autovacuum's business
    expect(ran).toBe(false);
    expect(await plannedRows("product")).toBe(before);
  }
});

async function redoPoint(): Promise<string> {
  const [row] = await getPrisma().$queryRaw<
    { redo: string }[]
  >`SELECT redo_lsn::text AS redo FROM pg_control_checkpoint()`;
  return row.redo;
}

it("checkpoints the embedded database once enough WAL waits (a single-user backend never does); a server is left to its checkpointer", async () => {
  const db = getDatabase();
  const start = await checkpointIfDue(db, { walBytes: 0 });
  if (db.kind !== "pglite") {
    expect(start).toBeNull();
    return;
  }
  expect(start?.checkpointed).toBe(true);
  const redo = await redoPoint();

  const threshold = 256 * 1024;
  const idle = await checkpointIfDue(db, { walBytes: threshold });
  expect(idle?.checkpointed).toBe(false);
  expect(idle?.walBytes).toBeLessThan(threshold);
  expect(await redoPoint()).toBe(redo);

  await getPrisma().$executeRawUnsafe(
    "CREATE TABLE wal_probe AS SELECT g AS id, repeat('x', 500) AS filler FROM generate_series(1, 1000) g",
  );
  const due = await checkpointIfDue(db, { walBytes: threshold });
  expect(due?.checkpointed).toBe(true);
  expect(due?.walBytes).toBeGreaterThanOrEqual(threshold);
  expect(await redoPoint()).not.toBe(redo);
  expect((await checkpointIfDue(db, { walBytes: threshold }))?.checkpointed).toBe(false);
});
