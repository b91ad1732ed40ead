import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { searchSlot } from "~/modules/search/candidates";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import type { SearchDocumentInput, SearchQuery } from "~/modules/search/search.types";
import { getPrisma } from "~/utils/db.server";
import { searchContract } from "./contract";

searchContract("PostgreSQL", async () => new PostgresSearchEngine());

// Runs after the contract above, on the documents it indexed (three transformers, one boiler, one pipe…).
describe("PostgreSQL engine: bounded candidates", () => {
  const query = (q: string): SearchQuery => ({ q, filters: {}, facets: {}, sort: "relevance", page: 1, perPage: 20 });

  it("past the ranking bound, the total and the facets are still counted exactly within the exact budget", async () => {
    const ranked2 = new PostgresSearchEngine(undefined, { candidates: 2 });
    const r = await ranked2.search(query("трансформатор"));
    expect(r).toMatchObject({ total: 3, totalIsEstimate: false, facetsFromSample: false });
    expect(r.facets?.sector.reduce((n, v) => n + v.count, 0)).toBe(3);
    expect(r.facets?.supplier.reduce((n, v) => n + v.count, 0)).toBe(3);
    // every product stays reachable page by page: a relevance page past the bound widens the candidates
    const pages = await Promise.all(
      [1, 2, 3].map((page) => ranked2.search({ ...query("трансформатор"), page, perPage: 1 })),
    );
    expect(new Set(pages.flatMap((p) => p.hits.map((h) => h.id))).size).toBe(3);
  });

  it("past the exact budget, the total is a lower bound and the facets say they were counted on a sample", async () => {
    const small = new PostgresSearchEngine(undefined, { candidates: 2, exact: 2 });
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

function syntheticDoc(id: string, title: string): SearchDocumentInput {
  return {
    id,
    card: {
      slug: id,
      title,
      sku: `GZ-${id}`,
      manufacturer: null,
      categoryId: "synthetic",
      categorySlug: "synthetic",
      categoryNameRu: "Гидрозатворы",
      categoryNameEn: "Water seals",
      supplierId: "synthetic-supplier",
      supplierSlug: "synthetic-supplier",
      supplierName: "Поставщик",
      verified: false,
      rating: null,
      ratingCount: 0,
      priceKopecks: 100_00,
      vatRate: "VAT20",
      unit: "pcs",
      stockStatus: "IN_STOCK",
      leadTimeDays: 7,
      keySpecs: [],
    },
    sector: "MUNICIPAL",
    categoryPath: ["synthetic"],
    categoryText: "Гидрозатворы",
    description: "",
    specText: "",
    specFacets: {},
    updatedAt: new Date("2026-11-01T00:00:00Z"),
  };
}

describe("PostgreSQL engine: partitions", () => {
  const ids = Array.from({ length: 64 }, (_, i) => `gz-${i}`);
  const inSlot = (slot: number) => ids.filter((id) => searchSlot(id) === slot);
  const query = (q: string, perPage = 100): SearchQuery => ({
    q,
    filters: {},
    facets: {},
    sort: "relevance",
    page: 1,
    perPage,
  });

  it("keeps each product and its card in the partition of its id, and an update stays there", async () => {
    const engine = new PostgresSearchEngine();
    await engine.index(ids.map((id) => syntheticDoc(id, `Гидрозатвор ${id}`)));
    await engine.index([syntheticDoc(ids[0], "Гидрозатвор обновлённый")]);
    const rows = await getPrisma().$queryRaw<{ productId: string; part: string; cards: bigint }[]>`
      SELECT d."productId", d.tableoid::regclass::text AS part,
             (SELECT count(*) FROM search_card c WHERE c."productId" = d."productId" AND c.slot = d.slot) AS cards
        FROM search_document d WHERE d."productId" LIKE 'gz-%'`;
    expect(rows).toHaveLength(ids.length);
    for (const r of rows) {
      expect(r.part).toBe(`search_document_s${searchSlot(r.productId)}`);
      expect(Number(r.cards)).toBe(1);
    }
    expect(new Set(rows.map((r) => r.part)).size).toBe(3);
    expect((await engine.search(query("обновлённый"))).hits.map((h) => h.id)).toEqual([ids[0]]);
  });

  it("a broad query takes its candidates from the partitions in order, the smallest first", async () => {
    const first = inSlot(0);
    expect(first.length).toBeGreaterThanOrEqual(2);
    const bounded = new PostgresSearchEngine(undefined, { candidates: first.length, exact: first.length });
    const r = await bounded.search(query("гидрозатвор"));
    expect(r.totalIsEstimate).toBe(true);
    expect(r.hits.map((h) => h.id).sort()).toEqual([...first].sort());

    const upToSecond = new PostgresSearchEngine(undefined, {
      candidates: first.length + inSlot(1).length,
      exact: first.length + inSlot(1).length,
    });
    const r2 = await upToSecond.search(query("гидрозатвор"));
    expect(r2.hits.every((h) => searchSlot(h.id) < 2)).toBe(true);

    const all = await new PostgresSearchEngine().search(query("гидрозатвор"));
    expect(all).toMatchObject({ total: ids.length, totalIsEstimate: false });
  });

  it("deleting a product removes its card with it", async () => {
    const engine = new PostgresSearchEngine();
    await engine.delete(ids);
    const [left] = await getPrisma().$queryRaw<{ docs: bigint; cards: bigint }[]>`
      SELECT (SELECT count(*) FROM search_document WHERE "productId" LIKE 'gz-%') AS docs,
             (SELECT count(*) FROM search_card WHERE "productId" LIKE 'gz-%') AS cards`;
    expect({ docs: Number(left.docs), cards: Number(left.cards) }).toEqual({ docs: 0, cards: 0 });
  });
});
