/**
 * The embedded engine's pre-aggregated browse counts (search_facet_count, kept by triggers on search_document): on a
 * generated catalog, a category browse — plain, «verified suppliers», «in stock» or both — answers from them exactly
 * what counting the rows gives, and what the engine's own exact counting of the matching rows gives — before and after
 * products are unpublished, edited, moved and their stock changed, and suppliers suspended, verified and unverified,
 * synced through the search outbox handler.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Sector } from "~/generated/prisma/enums";
import type { OutboxEventRow } from "~/modules/outbox/outbox.server";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { handleSearchEvents, onSearchIndexWrite, reindexAll, useSearchEngine } from "~/modules/search/search.server";
import type { FacetValue, SearchFacets, SearchQuery } from "~/modules/search/search.types";
import { getPrisma } from "~/utils/db.server";
import { seedBulkProducts, seedCatalog } from "../../../prisma/seed/catalog";

// two candidates and an exact budget of two: exact counts of a whole category can only come from the aggregate
const engine = new PostgresSearchEngine(undefined, { candidates: 2, exact: 2 });
// the budget path with a budget above the catalog: counts every matching row (reached with a filter that keeps all)
const counting = new PostgresSearchEngine(undefined, { candidates: 2, exact: 1_000_000 });
const ALL_SECTORS = Object.values(Sector);

/** The catalog's flag filters: «Проверенные поставщики» (verified=1) and «В наличии» (stock=1), every combination. */
interface Flags {
  verified?: boolean;
  stock?: boolean;
}
const FLAG_COMBINATIONS: Flags[] = [{}, { verified: true }, { stock: true }, { verified: true, stock: true }];
const flagName = (f: Flags) => [f.verified && "verified", f.stock && "stock"].filter(Boolean).join("+") || "none";

let eventId = 0n;
function event(topic: string, payload: Record<string, string>): OutboxEventRow {
  eventId += 1n;
  return { id: eventId, topic, aggregateId: Object.values(payload)[0], payload, attempts: 1, createdAt: new Date() };
}

interface Scope {
  id: string;
  slug: string;
  specCodes: string[];
  /** the category and its descendants */
  ids: string[];
}
let scopes: Scope[] = [];

beforeAll(async () => {
  const prisma = getPrisma();
  useSearchEngine(engine);
  await seedCatalog(prisma, { products: 0 });
  await seedBulkProducts(prisma, { count: 600, seed: 7 });
  await reindexAll(prisma);
  const categories = await prisma.category.findMany({
    select: {
      id: true,
      slug: true,
      parentId: true,
      attributes: { where: { filterable: true }, select: { code: true } },
    },
  });
  const descendants = (id: string): string[] => [
    id,
    ...categories.filter((c) => c.parentId === id).flatMap((c) => descendants(c.id)),
  ];
  scopes = categories.map((c) => ({
    id: c.id,
    slug: c.slug,
    specCodes: c.attributes.map((a) => a.code),
    ids: descendants(c.id),
  }));
}, 120_000);

const browse = (categoryId: string | undefined, specCodes: string[], flags: Flags = {}): SearchQuery => ({
  q: "",
  filters: {
    categoryIds: categoryId ? [categoryId] : undefined,
    verifiedOnly: flags.verified || undefined,
    inStockOnly: flags.stock || undefined,
  },
  facets: { specCodes },
  sort: "updated_desc",
  page: 1,
  perPage: 20,
});

/**
 * Counts of one scope by direct COUNT over the catalog tables (published products of unsuspended suppliers; with the
 * flags: of verified suppliers, in stock).
 */
async function countedDirectly(scope: Scope | undefined, flags: Flags = {}) {
  const prisma = getPrisma();
  const where = {
    status: "PUBLISHED" as const,
    supplier: { suspendedAt: null, ...(flags.verified ? { verifiedAt: { not: null } } : {}) },
    ...(flags.stock ? { stockStatus: "IN_STOCK" as const } : {}),
    ...(scope ? { categoryId: { in: scope.ids } } : {}),
  };
  const products = await prisma.product.findMany({
    where,
    select: {
      categoryId: true,
      supplierId: true,
      stockStatus: true,
      priceKopecks: true,
      leadTimeDays: true,
      specs: true,
      supplier: { select: { verifiedAt: true } },
      category: { select: { sector: true } },
    },
  });
  const tally = (values: string[]): FacetValue[] => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
  };
  const specs: Record<string, FacetValue[]> = {};
  for (const code of scope?.specCodes ?? []) {
    const values = products.flatMap((p) => {
      const v = (p.specs as Record<string, unknown> | null)?.[code];
      return v === undefined || v === null || v === "" ? [] : [String(v)];
    });
    if (values.length) specs[code] = tally(values);
  }
  return {
    total: products.length,
    sector: tally(products.map((p) => p.category.sector)),
    category: tally(products.map((p) => p.categoryId)),
    supplier: tally(products.map((p) => p.supplierId)),
    verified: products.filter((p) => p.supplier.verifiedAt !== null).length,
    inStock: products.filter((p) => p.stockStatus === "IN_STOCK").length,
    specs,
    price: rangeOf(products.flatMap((p) => (p.priceKopecks === null ? [] : [Number(p.priceKopecks)]))),
    leadTime: rangeOf(products.flatMap((p) => (p.leadTimeDays === null ? [] : [p.leadTimeDays]))),
  };
}

const rangeOf = (values: number[]) => (values.length ? { min: Math.min(...values), max: Math.max(...values) } : null);

const byValue = (list: FacetValue[]) => [...list].sort((a, b) => a.value.localeCompare(b.value));
function comparable(facets: SearchFacets) {
  return {
    sector: byValue(facets.sector),
    category: byValue(facets.category),
    supplier: byValue(facets.supplier),
    verified: facets.verified,
    inStock: facets.inStock,
    specs: Object.fromEntries(Object.entries(facets.specs).map(([code, values]) => [code, byValue(values)])),
    price: facets.price,
    leadTime: facets.leadTime,
  };
}

async function expectBrowseCountsExact() {
  // the whole catalog, then every category (a parent counts its children's products), with each flag combination
  for (const scope of [undefined, ...scopes]) {
    for (const flags of FLAG_COMBINATIONS) {
      const name = `${scope?.slug ?? "all"} (${flagName(flags)})`;
      const query = browse(scope?.id, scope?.specCodes ?? [], flags);
      const r = await engine.search(query);
      const { total, ...expected } = await countedDirectly(scope, flags);
      expect({ name, total: r.total, ...comparable(r.facets as SearchFacets) }).toEqual({ name, total, ...expected });
      expect(r).toMatchObject({ totalIsEstimate: false, facetsFromSample: false });
      // the same counts as the engine's exact counting of the matching rows (a sector filter keeping every sector
      // takes the query off the aggregate), so both paths show the same numbers, the flag facets included
      const rows = await counting.search({ ...query, filters: { ...query.filters, sectors: ALL_SECTORS } });
      expect(rows).toMatchObject({ totalIsEstimate: false, facetsFromSample: false });
      expect({ name, total: r.total, ...comparable(r.facets as SearchFacets) }).toEqual({
        name,
        total: rows.total,
        ...comparable(rows.facets as SearchFacets),
      });
    }
  }
}

describe("PostgreSQL engine: browse counts from the aggregate", () => {
  it("equal direct counts of the catalog after a full index build", async () => {
    expect(scopes.length).toBeGreaterThan(10);
    await expectBrowseCountsExact();
    // a filter the aggregate does not hold (price): the bounded engine's counts are a sample again
    const filtered = await engine.search({
      ...browse(undefined, []),
      filters: { inStockOnly: true, priceMin: 1 },
    });
    expect(filtered).toMatchObject({ totalIsEstimate: true, facetsFromSample: true });
  });

  it("stay exact after products are unpublished, edited and moved, and a supplier is suspended", async () => {
    const prisma = getPrisma();
    const sample = await prisma.product.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { id: "asc" },
      take: 40,
      select: { id: true, categoryId: true, specs: true, supplierId: true },
    });
    const [toUnpublish, toEdit, toMove] = [sample.slice(0, 10), sample.slice(10, 25), sample.slice(25, 40)];
    await prisma.product.updateMany({ where: { id: { in: toUnpublish.map((p) => p.id) } }, data: { status: "DRAFT" } });
    for (const p of toEdit) {
      const specs = { ...(p.specs as Record<string, unknown>) };
      const [code] = Object.keys(specs);
      if (code) specs[code] = typeof specs[code] === "number" ? (specs[code] as number) * 2 : "другое";
      await prisma.product.update({ where: { id: p.id }, data: { specs: specs as object, stockStatus: "IN_STOCK" } });
    }
    const target = scopes.find((s) => s.ids.length === 1 && !toMove.some((p) => p.categoryId === s.id));
    await prisma.product.updateMany({
      where: { id: { in: toMove.map((p) => p.id) } },
      data: { categoryId: target?.id },
    });
    const supplier = await prisma.organization.findFirstOrThrow({
      where: { kind: "SUPPLIER", products: { some: { status: "PUBLISHED" } } },
    });
    await prisma.organization.update({ where: { id: supplier.id }, data: { suspendedAt: new Date() } });

    await handleSearchEvents([
      ...sample.map((p) => event("search.product", { productId: p.id })),
      event("search.supplier", { organizationId: supplier.id }),
    ]);
    await expectBrowseCountsExact();

    // published again: counted again
    await prisma.product.updateMany({
      where: { id: { in: toUnpublish.map((p) => p.id) } },
      data: { status: "PUBLISHED" },
    });
    await handleSearchEvents(toUnpublish.map((p) => event("search.product", { productId: p.id })));
    await expectBrowseCountsExact();
  });

  it("tell the page cache after every index write, a failed one too", async () => {
    const prisma = getPrisma();
    const product = await prisma.product.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
    let told = 0;
    const unsubscribe = onSearchIndexWrite(() => {
      told += 1;
    });
    try {
      await handleSearchEvents([event("search.product", { productId: product.id })]);
      expect(told).toBe(1);
      const broken = new PostgresSearchEngine();
      broken.index = () => Promise.reject(new Error("index down"));
      await expect(
        handleSearchEvents([event("search.product", { productId: product.id })], prisma, broken),
      ).rejects.toThrow("index down");
      expect(told).toBe(2);
    } finally {
      unsubscribe();
    }
    await handleSearchEvents([event("search.product", { productId: product.id })]);
    expect(told).toBe(2);
  });

  it("stay exact when suppliers are verified and unverified and products' stock changes", async () => {
    const prisma = getPrisma();
    const withProducts = {
      kind: "SUPPLIER" as const,
      suspendedAt: null,
      products: { some: { status: "PUBLISHED" as const } },
    };
    const wasVerified = await prisma.organization.findFirstOrThrow({
      where: { ...withProducts, verifiedAt: { not: null } },
      orderBy: { id: "asc" },
    });
    const wasUnverified = await prisma.organization.findFirstOrThrow({
      where: { ...withProducts, verifiedAt: null },
      orderBy: { id: "asc" },
    });
    const stock = await prisma.product.findMany({
      where: { status: "PUBLISHED", supplier: { suspendedAt: null } },
      orderBy: { id: "desc" },
      take: 30,
      select: { id: true, stockStatus: true },
    });
    const before = await engine.search(browse(undefined, [], { verified: true, stock: true }));

    await prisma.organization.update({ where: { id: wasVerified.id }, data: { verifiedAt: null } });
    await prisma.organization.update({ where: { id: wasUnverified.id }, data: { verifiedAt: new Date() } });
    for (const p of stock) {
      await prisma.product.update({
        where: { id: p.id },
        data: { stockStatus: p.stockStatus === "IN_STOCK" ? "TO_ORDER" : "IN_STOCK" },
      });
    }
    await handleSearchEvents([
      event("search.supplier", { organizationId: wasVerified.id }),
      event("search.supplier", { organizationId: wasUnverified.id }),
      ...stock.map((p) => event("search.product", { productId: p.id })),
    ]);

    // the changes moved products between the buckets (the numbers a stale aggregate would show are not the new ones)
    const after = await engine.search(browse(undefined, [], { verified: true, stock: true }));
    const { total } = await countedDirectly(undefined, { verified: true, stock: true });
    expect(before.total).not.toBe(total);
    expect(after.total).toBe(total);
    await expectBrowseCountsExact();
  });
});
