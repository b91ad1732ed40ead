/** Request shapes of the Meilisearch adapter, against a fake server through MSW (no real Meilisearch needed). */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type MeiliDocument, MeiliSearchEngine } from "~/modules/search/meili-engine.server";
import { handleSearchEvents, useSearchEngine } from "~/modules/search/search.server";
import type { SearchDocumentInput } from "~/modules/search/search.types";
import { createCategory, createOrganization, createProduct } from "../../fixtures/factories";
import { fakeMeilisearch } from "../../mocks/meilisearch";

const HOST = "http://meili.test:7700";
const MASTER = "master-key-never-in-browser";
let meili = fakeMeilisearch(HOST);
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  useSearchEngine(undefined);
});
afterAll(() => server.close());

function use(options: Parameters<typeof fakeMeilisearch>[1] = {}) {
  meili = fakeMeilisearch(HOST, options);
  server.use(...meili.handlers);
  return meili;
}

const engine = (extra: Partial<ConstructorParameters<typeof MeiliSearchEngine>[0]> = {}) =>
  new MeiliSearchEngine({ host: HOST, apiKey: MASTER, index: "products", taskTimeoutMs: 2_000, ...extra });

function doc(over: Partial<SearchDocumentInput["card"]> = {}): SearchDocumentInput {
  return {
    id: "p1",
    card: {
      slug: "tmg-1000",
      title: "Трансформатор масляный ТМГ-1000/10/0,4 (ёмкостный)",
      sku: "ТМГ-1000/10/0,4",
      manufacturer: "Завод",
      categoryId: "c1",
      categorySlug: "transformers",
      categoryNameRu: "Силовые трансформаторы",
      categoryNameEn: "Power transformers",
      supplierId: "s1",
      supplierSlug: "s1",
      supplierName: "Поставщик",
      verified: true,
      rating: 4.5,
      ratingCount: 2,
      priceKopecks: 1_450_000_00,
      vatRate: "VAT20",
      unit: "pcs",
      stockStatus: "IN_STOCK",
      leadTimeDays: 14,
      keySpecs: [],
      ...over,
    },
    sector: "GRID",
    categoryPath: ["root", "c1"],
    categoryText: "Электросетевое хозяйство › Силовые трансформаторы",
    description: "Описание",
    specText: "Мощность 1000 кВА",
    specFacets: { power: "1000" },
    updatedAt: new Date("2026-11-01T00:00:00Z"),
  };
}

describe("Meilisearch adapter", () => {
  it("applies settings: searchable attributes in priority order, no typos on codes, tokens, synonyms, maxTotalHits", async () => {
    const m = use();
    await engine().applySettings();
    expect(m.calls()).toEqual(["POST /indexes", "PATCH /indexes/products/settings"]);
    const settings = m.requests.find((r) => r.method === "PATCH")?.body as Record<string, unknown>;
    expect(settings.searchableAttributes).toEqual([
      "codes",
      "sku",
      "title",
      "manufacturer",
      "categoryText",
      "stems",
      "specText",
      "description",
    ]);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        "sector",
        "categoryPath",
        "supplierId",
        "verified",
        "inStock",
        "price",
        "leadTimeDays",
        "specs",
      ]),
    );
    expect(settings.sortableAttributes).toEqual(["price", "leadTimeDays", "updatedAt"]);
    expect(settings.typoTolerance).toMatchObject({ disableOnAttributes: ["codes", "sku"] });
    expect(settings.nonSeparatorTokens).toEqual(expect.arrayContaining(["/", "-"]));
    expect((settings.synonyms as Record<string, string[]>).tmg).toContain("тмг");
    expect((settings.synonyms as Record<string, string[]>).тмг).toContain("tmg");
    expect(settings.pagination).toEqual({ maxTotalHits: 1000 });
    // every task is awaited, and the admin key goes only to the server
    expect(m.requests.filter((r) => r.path.startsWith("/tasks/")).length).toBeGreaterThanOrEqual(2);
    expect(m.requests.every((r) => r.authorization === `Bearer ${MASTER}`)).toBe(true);
  });

  it("writes documents with code keys, Russian stems and ё folded; omits a missing price", async () => {
    const m = use();
    await engine().index([doc(), { ...doc({ priceKopecks: null }), id: "p2" }]);
    const docs = m.requests.find((r) => r.path.startsWith("/indexes/products/documents"))?.body as MeiliDocument[];
    expect(docs[0].codes.split(" ")).toEqual(expect.arrayContaining(["tmg10001004", "tmg", "tmg1000", "1000", "04"]));
    expect(docs[0].stems.split(" ")).toEqual(expect.arrayContaining(["трансформатор", "маслян", "емкостн"]));
    expect(docs[0].title).toBe("Трансформатор масляный ТМГ-1000/10/0,4 (емкостный)");
    expect(docs[0].price).toBe(1_450_000_00);
    expect(docs[0].specs).toEqual({ power: "1000" });
    expect(docs[1]).not.toHaveProperty("price");
  });

  it("the sync applies settings before the first documents", async () => {
    const m = use();
    useSearchEngine(engine());
    const supplier = await createOrganization({ verified: true });
    const category = await createCategory();
    const product = await createProduct({ supplierId: supplier.id, categoryId: category.id, title: "Котёл КВ-ГМ" });
    await handleSearchEvents([
      {
        id: 1n,
        topic: "search.product",
        aggregateId: product.id,
        payload: { productId: product.id },
        attempts: 1,
        createdAt: new Date(),
      },
    ]);
    expect(m.calls()).toEqual([
      "POST /indexes",
      "PATCH /indexes/products/settings",
      "POST /indexes/products/documents",
    ]);
  });

  it("searches with a normalised query, escaped filters, facets, sort and page", async () => {
    const m = use({
      searchResponse: {
        totalHits: 1,
        hits: [{ id: "p1", card: doc().card }],
        facetDistribution: { sector: { GRID: 1 }, verified: { true: 1 }, "specs.power": { "1000": 1, "630": 2 } },
        facetStats: { price: { min: 100, max: 200 } },
      },
    });
    const result = await engine().search({
      q: "Трансформаторы ТМГ-1000",
      filters: {
        supplierIds: ['x" OR verified = false OR supplierId = "y', "back\\slash"],
        categoryIds: ["c1"],
        verifiedOnly: true,
        priceMax: 200_000_00,
        specs: { power: ["1000"] },
      },
      facets: { specCodes: ["power"] },
      sort: "price_asc",
      page: 2,
      perPage: 10,
    });
    const body = m.requests.find((r) => r.path === "/indexes/products/search")?.body as Record<string, unknown>;
    expect(body.q).toBe("трансформатор tmg1000");
    expect(body.filter).toEqual([
      'categoryPath IN ["c1"]',
      'supplierId IN ["x\\" OR verified = false OR supplierId = \\"y", "back\\\\slash"]',
      "verified = true",
      "price <= 20000000",
      'specs.power IN ["1000"]',
    ]);
    expect(body.sort).toEqual(["price:asc"]);
    expect(body.page).toBe(2);
    expect(body.hitsPerPage).toBe(10);
    expect(body.facets).toEqual(expect.arrayContaining(["sector", "categoryId", "supplierId", "specs.power"]));
    expect(result.total).toBe(1);
    expect(result.facets?.specs.power).toEqual([
      { value: "630", count: 2 },
      { value: "1000", count: 1 },
    ]);
    expect(result.facets?.verified).toBe(1);
    expect(result.facets?.price).toEqual({ min: 100, max: 200 });
    expect(result.hits[0].highlight.title.filter((s) => s.match).map((s) => s.text)).toEqual([
      "Трансформатор",
      "ТМГ-1000/10/0,4",
    ]);
  });

  it("refuses a spec attribute name that could inject a filter", async () => {
    use();
    await expect(
      engine().search({
        q: "",
        filters: { specs: { "power = 1 OR x": ["1"] } },
        sort: "relevance",
        page: 1,
        perPage: 10,
      }),
    ).rejects.toThrow(/invalid spec attribute/);
  });

  it("reindexes without downtime: new index → settings → documents → swap → drop", async () => {
    const m = use();
    async function* batches() {
      yield [doc()];
      yield [{ ...doc(), id: "p2" }];
    }
    const { indexed } = await engine().reindexAll(batches());
    expect(indexed).toBe(2);
    const calls = m.calls();
    const tmp = (m.requests[0].body as { uid: string }).uid;
    expect(tmp).toMatch(/^products_/);
    expect(calls).toEqual([
      "POST /indexes",
      `PATCH /indexes/${tmp}/settings`,
      `POST /indexes/${tmp}/documents`,
      `POST /indexes/${tmp}/documents`,
      "POST /indexes",
      "POST /swap-indexes",
      `DELETE /indexes/${tmp}`,
    ]);
    expect(m.requests.find((r) => r.path === "/swap-indexes")?.body).toEqual([
      { indexes: ["products", tmp], rename: false },
    ]);
  });

  it("gives up waiting for a task after the explicit timeout", async () => {
    use({ taskStatus: "processing" });
    const started = Date.now();
    await expect(engine({ taskTimeoutMs: 300 }).index([doc()])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a failed task is an error (the outbox retries the batch)", async () => {
    use({ taskStatus: "failed" });
    await expect(engine().index([doc()])).rejects.toThrow(/add documents failed/);
  });

  it("hands out a search-only key, never the master key", async () => {
    const m = use();
    const key = await engine().searchOnlyKey();
    expect(key).not.toBe(MASTER);
    const created = m.requests.find((r) => r.method === "POST" && r.path === "/keys")?.body;
    expect(created).toMatchObject({ actions: ["search"], indexes: ["products"], expiresAt: null });
    expect(await engine({ searchKey: "configured" }).searchOnlyKey()).toBe("configured");
  });

  it("reports health from /health and the index stats", async () => {
    use();
    expect(await engine().health()).toMatchObject({ ok: true, engine: "meilisearch", documents: 42 });
  });
});
