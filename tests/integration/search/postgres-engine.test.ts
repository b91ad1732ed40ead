import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import type { SearchQuery } from "~/modules/search/search.types";
import { getPrisma } from "~/utils/db.server";
import { searchContract } from "./contract";

searchContract("PostgreSQL", async () => new PostgresSearchEngine());

// Runs after the contract above, on the documents it indexed (three transformers, one boiler, one pipe…).
describe("PostgreSQL engine: bounded candidates", () => {
  const query = (q: string): SearchQuery => ({ q, filters: {}, facets: {}, sort: "relevance", page: 1, perPage: 20 });

  it("past the bound, the total is a lower bound and the facets say they were counted on a sample", async () => {
    const small = new PostgresSearchEngine(undefined, { candidates: 2 });
    const broad = await small.search(query("трансформатор"));
    expect(broad.total).toBe(2);
    expect(broad.totalIsEstimate).toBe(true);
    expect(broad.facetsFromSample).toBe(true);
    expect(broad.facets?.sector.reduce((n, v) => n + v.count, 0)).toBe(2);

    const narrow = await small.search(query("котёл"));
    expect(narrow.total).toBe(1);
    expect(narrow.totalIsEstimate).toBe(false);
    expect(narrow.facetsFromSample).toBe(false);

    const unbounded = await new PostgresSearchEngine().search(query("трансформатор"));
    expect(unbounded).toMatchObject({ total: 3, totalIsEstimate: false, facetsFromSample: false });
  });
});

describe("PostgreSQL engine: stored candidate fields", () => {
  it("the migration that added `packed` fills existing rows exactly as the engine writes new ones", async () => {
    const dir = readdirSync("prisma/migrations").find((d) => d.endsWith("_search_packed_candidate"));
    const sql = readFileSync(`prisma/migrations/${dir}/migration.sql`, "utf8");
    const update = sql.slice(sql.indexOf("UPDATE")).replace(/;\s*$/, "");
    const prisma = getPrisma();
    const before = await prisma.$queryRaw<{ productId: string; packed: string }[]>`
      SELECT "productId", packed FROM search_document ORDER BY "productId"`;
    expect(before.length).toBeGreaterThan(3);
    expect(before.some((r) => r.packed.split("\x1f")[6] === "")).toBe(true); // a product without a price is among them
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE search_document SET packed = ''`);
      await tx.$executeRawUnsafe(update);
      const after = await tx.$queryRaw<{ productId: string; packed: string }[]>`
        SELECT "productId", packed FROM search_document ORDER BY "productId"`;
      expect(after).toEqual(before);
    });
  });
});
