/**
 * Fault shapes of the Meilisearch adapter that a real server cannot be made to produce on demand (timeouts, failed
 * tasks, 5xx), through MSW; and the document shape. Everything else runs against the real server
 * (meilisearch-engine.test.ts, meilisearch-process.test.ts).
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type MeiliDocument, MeiliSearchEngine } from "~/modules/search/meili-engine.server";
import { useSearchEngine } from "~/modules/search/search.server";
import type { SearchDocumentInput } from "~/modules/search/search.types";
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

  it("a 5xx from the server is an error with the server's message (the page shows its error state, the outbox retries)", async () => {
    use();
    server.use(
      http.post(`${HOST}/indexes/products/search`, () =>
        HttpResponse.json(
          { message: "internal failure", code: "internal", type: "internal", link: "" },
          { status: 503 },
        ),
      ),
      http.get(`${HOST}/health`, () => HttpResponse.json({ message: "down" }, { status: 503 })),
    );
    await expect(engine().search({ q: "насос", filters: {}, sort: "relevance", page: 1, perPage: 10 })).rejects.toThrow(
      /internal failure/,
    );
    await expect(engine().health()).rejects.toThrow();
  });

  it("a request that hangs is abandoned after the request timeout", async () => {
    use();
    server.use(http.post(`${HOST}/indexes/products/search`, () => new Promise<never>(() => {})));
    const started = Date.now();
    await expect(
      engine({ requestTimeoutMs: 300 }).search({ q: "насос", filters: {}, sort: "relevance", page: 1, perPage: 10 }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
