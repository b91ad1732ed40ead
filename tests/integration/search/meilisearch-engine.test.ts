/**
 * The search contract and the Meilisearch-specific behaviour against a real Meilisearch: the bundled binary started
 * once per run by tests/setup/meilisearch.ts (or MEILI_HOST). Each file uses its own index names on the shared server.
 */
import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { MeiliSearchEngine, meiliSettings } from "~/modules/search/meili-engine.server";
import type { SearchDocumentInput, SearchQuery } from "~/modules/search/search.types";
import { searchContract } from "./contract";

const meili = inject("meilisearch");
// a Meilisearch task on a busy 2-core machine can take seconds (measured up to 8 s for a 2-document addition at load
// average 19; tens of ms when idle); the sync tests wait for several
vi.setConfig({ testTimeout: 120_000 });

if ("skipped" in meili) {
  describe.skip(`search contract: Meilisearch (${meili.skipped})`, () => {
    it("needs a Meilisearch server", () => {});
  });
} else {
  const { host, apiKey } = meili;
  const uid = (name: string) => `t_${name}_${randomBytes(4).toString("hex")}`;
  const engines: MeiliSearchEngine[] = [];
  const make = (index = uid("contract")) => {
    const e = new MeiliSearchEngine({ host, apiKey, index, taskTimeoutMs: 60_000 });
    engines.push(e);
    return e;
  };
  afterAll(async () => {
    const client = new Meilisearch({ host, apiKey });
    const { results } = await client.getIndexes({ limit: 1000 });
    const mine = new Set(engines.map((e) => (e as unknown as { options: { index: string } }).options.index));
    for (const i of results) if ([...mine].some((m) => i.uid.startsWith(m))) await client.deleteIndex(i.uid);
  });

  searchContract(`Meilisearch (real server ${host})`, async () => {
    const e = make();
    await e.applySettings();
    return e;
  });

  const query = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
    q,
    filters: {},
    facets: false,
    sort: "relevance",
    page: 1,
    perPage: 20,
    ...extra,
  });

  function doc(id: string, title: string, over: Partial<SearchDocumentInput> = {}): SearchDocumentInput {
    return {
      id,
      card: {
        slug: id,
        title,
        sku: `SKU-${id}`,
        manufacturer: null,
        categoryId: "c1",
        categorySlug: "c1",
        categoryNameRu: "Силовые трансформаторы",
        categoryNameEn: "Power transformers",
        supplierId: "s1",
        supplierSlug: "s1",
        supplierName: "Поставщик",
        verified: true,
        rating: null,
        ratingCount: 0,
        priceKopecks: 100_00,
        vatRate: "VAT20",
        unit: "pcs",
        stockStatus: "IN_STOCK",
        leadTimeDays: 7,
        keySpecs: [],
      },
      sector: "GRID",
      categoryPath: ["c1"],
      categoryText: "Силовые трансформаторы",
      description: "",
      specText: "",
      specFacets: {},
      updatedAt: new Date("2026-11-01T00:00:00Z"),
      ...over,
    };
  }

  describe("Meilisearch engine on the real server", () => {
    let e: MeiliSearchEngine;
    beforeAll(async () => {
      e = make(uid("real"));
      await e.applySettings();
      await e.index([
        doc("ktp", "Подстанция КТП-630/10/0,4 киоскового типа"),
        doc("itp", "Блочный пункт ИТП для жилого дома", { categoryText: "Тепловые пункты" }),
        doc("pump", "Насос сетевой центробежный СЭ-500-70", { categoryText: "Насосы сетевые" }),
        doc("yo", "Ёмкость стальная 25 м3"),
      ]);
    });

    it("the server holds the settings we sent: searchable order, no typos on codes, synonyms, maxTotalHits", async () => {
      const s = await e.client.index((e as unknown as { options: { index: string } }).options.index).getSettings();
      const want = meiliSettings();
      expect(s.searchableAttributes).toEqual(want.searchableAttributes);
      expect(s.typoTolerance?.disableOnAttributes).toEqual(["codes", "sku"]);
      expect(s.pagination?.maxTotalHits).toBe(1000);
      expect(s.synonyms?.ктп).toEqual(expect.arrayContaining(["ktp"]));
      // the indexing-cost settings (ADR 0015, session 9)
      expect(s.proximityPrecision).toBe("byAttribute");
      expect(s.facetSearch).toBe(false);
    });

    it("facet search is off on the index (the app never uses it); facet counts still come with every search", async () => {
      const index = e.client.index((e as unknown as { options: { index: string } }).options.index);
      await expect(index.searchForFacetValues({ facetName: "sector", facetQuery: "G" })).rejects.toMatchObject({
        cause: { code: "facet_search_disabled" },
      });
      const withFacets = await e.search(query("насос", { facets: {} }));
      expect(withFacets.facets?.sector).toEqual([{ value: "GRID", count: 1 }]);
    });

    it("proximity by attribute: query words together in the title rank above the same words split across fields", async () => {
      const p = make(uid("proximity"));
      await p.applySettings();
      await p.index([
        doc("split", "Насос центробежный КМ-80", { description: "Сетевой режим не поддерживается." }),
        doc("together", "Насос сетевой СЭ-800-55"),
      ]);
      expect((await p.search(query("насос сетевой"))).hits.map((h) => h.id)).toEqual(["together", "split"]);
    });

    it("typo rules: a word of 5+ letters with one typo matches; a code with one wrong digit does not", async () => {
      expect((await e.search(query("центробежнй насос"))).hits.map((h) => h.id)).toEqual(["pump"]);
      expect((await e.search(query("СЭ-500-71"))).hits.map((h) => h.id)).toEqual([]);
    });

    it("folds ё on both sides", async () => {
      expect((await e.search(query("емкость"))).hits.map((h) => h.id)).toEqual(["yo"]);
      expect((await e.search(query("ёмкость"))).hits.map((h) => h.id)).toEqual(["yo"]);
    });

    it("a full reindex swaps indexes with no window of missing results", async () => {
      const live = (e as unknown as { options: { index: string } }).options.index;
      let stop = false;
      let searches = 0;
      let misses = 0;
      const watcher = (async () => {
        while (!stop) {
          const r = await e.search(query("насос"));
          searches++;
          if (r.hits.length === 0) misses++;
        }
      })();
      async function* batches() {
        yield [doc("pump", "Насос сетевой центробежный СЭ-500-70 (новый)", { categoryText: "Насосы сетевые" })];
        await new Promise((r) => setTimeout(r, 200));
        yield [doc("pump2", "Насос сетевой СЭ-800-55")];
      }
      const { indexed } = await e.reindexAll(batches());
      stop = true;
      await watcher;
      expect(indexed).toBe(2);
      expect(searches).toBeGreaterThan(3);
      expect(misses).toBe(0);
      const after = await e.search(query("насос"));
      expect(after.hits.map((h) => h.id).sort()).toEqual(["pump", "pump2"]);
      expect(after.hits.find((h) => h.id === "pump")?.card.title).toMatch(/новый/);
      expect((await e.search(query("ктп"))).hits).toEqual([]); // the old documents went with the old index
      const { results } = await e.client.getIndexes({ limit: 1000 });
      expect(results.filter((i) => i.uid.startsWith(`${live}_`))).toEqual([]); // the temporary index was dropped
    });

    it("a full reindex goes in fixed batches with progress, and a re-run drops what an interrupted one left", async () => {
      const index = uid("bulk");
      const bulk = new MeiliSearchEngine({ host, apiKey, index, taskTimeoutMs: 60_000, bulkBatch: 3 });
      engines.push(bulk);
      // an interrupted rebuild: its half-built index stays behind, the live index does not exist yet
      await bulk.client.tasks.waitForTask(await bulk.client.createIndex(`${index}_zzzzzz1`), { timeout: 60_000 });
      async function* batches() {
        yield Array.from({ length: 5 }, (_, i) => doc(`b${i}`, `Задвижка стальная ${i}`));
        yield Array.from({ length: 3 }, (_, i) => doc(`c${i}`, `Задвижка чугунная ${i}`));
      }
      const progress: { sent: number; indexed: number }[] = [];
      const { indexed } = await bulk.reindexAll(batches(), { onProgress: (p) => progress.push(p) });
      expect(indexed).toBe(8);
      // 5 + 3 documents as batches of 3, 3 and 2: each sent, then each indexed
      expect(progress.map((p) => p.sent).filter((n, i, a) => a.indexOf(n) === i)).toEqual([3, 6, 8]);
      expect(progress.at(-1)).toEqual({ sent: 8, indexed: 8 });
      const tasks = await bulk.client.tasks.getTasks({ types: ["documentAdditionOrUpdate"], limit: 1000 });
      const additions = tasks.results.filter((t) => t.indexUid?.startsWith(`${index}_`) && t.status === "succeeded");
      expect(additions.map((t) => t.details?.receivedDocuments).sort()).toEqual([2, 3, 3]);
      const { results } = await bulk.client.getIndexes({ limit: 1000 });
      expect(results.map((i) => i.uid).filter((u) => u.startsWith(index))).toEqual([index]);
      expect((await bulk.search(query("задвижка", { perPage: 20 }))).total).toBe(8);
    });

    it("hands out a search-only key that can search but not write", async () => {
      const key = await e.searchOnlyKey();
      expect(key).not.toBe(apiKey);
      const live = (e as unknown as { options: { index: string } }).options.index;
      const client = new Meilisearch({ host, apiKey: key });
      expect((await client.index(live).search("насос")).hits.length).toBeGreaterThan(0);
      await expect(client.index(live).addDocuments([{ id: "x" }])).rejects.toThrow();
    });

    it("reports health with the document count", async () => {
      expect(await e.health()).toMatchObject({ ok: true, engine: "meilisearch", documents: 2 });
    });
  });
}
