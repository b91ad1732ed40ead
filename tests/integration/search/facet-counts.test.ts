/**
 * The embedded engine's pre-aggregated browse counts (search_facet_count, kept by triggers on search_document): on a
 * generated catalog, a category browse answers from them exactly what counting the rows gives — before and after
 * products are unpublished, edited and a supplier suspended, synced through the search outbox handler.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { OutboxEventRow } from "~/modules/outbox/outbox.server";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { handleSearchEvents, reindexAll, useSearchEngine } from "~/modules/search/search.server";
import type { FacetValue, SearchFacets, SearchQuery } from "~/modules/search/search.types";
import { getPrisma } from "~/utils/db.server";
import { seedBulkProducts, seedCatalog } from "../../../prisma/seed/catalog";

// two candidates and an exact budget of two: exact counts of a whole category can only come from the aggregate
const engine = new PostgresSearchEngine(undefined, { candidates: 2, exact: 2 });

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

const browse = (categoryId: string | undefined, specCodes: string[]): SearchQuery => ({
  q: "",
  filters: { categoryIds: categoryId ? [categoryId] : undefined },
  facets: { specCodes },
  sort: "updated_desc",
  page: 1,
  perPage: 20,
});

/** Counts of one scope by direct COUNT over the catalog tables (published products of unsuspended suppliers). */
async function countedDirectly(scope: Scope | undefined) {
  const prisma = getPrisma();
  const where = {
    status: "PUBLISHED" as const,
    supplier: { suspendedAt: null },
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
  // the whole catalog, then every category (a parent counts its children's products)
  for (const scope of [undefined, ...scopes]) {
    const r = await engine.search(browse(scope?.id, scope?.specCodes ?? []));
    const { total, ...expected } = await countedDirectly(scope);
    expect({ scope: scope?.slug ?? "all", total: r.total, ...comparable(r.facets as SearchFacets) }).toEqual({
      scope: scope?.slug ?? "all",
      total,
      ...expected,
    });
    expect(r).toMatchObject({ totalIsEstimate: false, facetsFromSample: false });
  }
}

describe("PostgreSQL engine: browse counts from the aggregate", () => {
  it("equal direct counts of the catalog after a full index build", async () => {
    expect(scopes.length).toBeGreaterThan(10);
    await expectBrowseCountsExact();
    // a filter the aggregate does not hold: the bounded engine's counts are a sample again
    const filtered = await engine.search({
      ...browse(scopes[0].id, []),
      filters: { categoryIds: [scopes[0].id], inStockOnly: true },
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
});
