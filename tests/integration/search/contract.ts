/**
 * The search contract: every engine must pass these (PostgreSQL always; Meilisearch when MEILI_HOST is set).
 * Data goes through the real sync path: catalog rows → outbox-style events → handleSearchEvents → engine.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OutboxEventRow } from "~/modules/outbox/outbox.server";
import { parseSearchParams } from "~/modules/search/search.schema";
import {
  handleSearchEvents,
  searchApiResponse,
  searchCatalog,
  suggest,
  useSearchEngine,
} from "~/modules/search/search.server";
import type { SearchEngine, SearchQuery, SearchResult } from "~/modules/search/search.types";
import { findSubstitutes } from "~/modules/search/substitutes";
import { getPrisma } from "~/utils/db.server";
import { createCategory, createOrganization, createProduct } from "../../fixtures/factories";

const realFetch = globalThis.fetch;
let eventId = 0n;
function event(topic: string, payload: Record<string, string>): OutboxEventRow {
  eventId += 1n;
  return { id: eventId, topic, aggregateId: Object.values(payload)[0], payload, attempts: 1, createdAt: new Date() };
}

export interface ContractFixture {
  engine: SearchEngine;
  ids: Record<string, string>;
  orgs: Record<string, string>;
  cats: Record<string, string>;
}

async function seed(): Promise<Omit<ContractFixture, "engine">> {
  const prisma = getPrisma();
  const grid = await createCategory({ sector: "GRID", slug: `grid-${Date.now()}`, nameRu: "Электросетевое хозяйство" });
  const transformers = await createCategory({ sector: "GRID", nameRu: "Силовые трансформаторы" });
  await prisma.category.update({ where: { id: transformers.id }, data: { parentId: grid.id } });
  await prisma.categoryAttribute.createMany({
    data: [
      {
        categoryId: transformers.id,
        code: "power",
        nameRu: "Мощность",
        nameEn: "Power",
        type: "NUMBER",
        unit: "кВА",
        filterable: true,
        position: 1,
      },
      {
        categoryId: transformers.id,
        code: "cooling",
        nameRu: "Охлаждение",
        nameEn: "Cooling",
        type: "ENUM",
        options: [
          { value: "oil", ru: "масляное", en: "oil" },
          { value: "dry", ru: "сухое", en: "dry" },
        ],
        filterable: true,
        position: 2,
      },
    ],
  });
  const heat = await createCategory({ sector: "HEAT_POWER", nameRu: "Котлы водогрейные" });
  const pipes = await createCategory({ sector: "HEAT_POWER", nameRu: "Трубы и арматура" });

  const verified = await createOrganization({ name: "Невский трансформаторный завод", verified: true });
  const plain = await createOrganization({ name: "Балтэнергомаш" });
  const suspended = await createOrganization({ name: "Сомнительная фирма", verified: true });

  const make = async (
    key: string,
    data: {
      supplierId: string;
      categoryId: string;
      title: string;
      sku: string;
      price?: bigint | null;
      stock?: "IN_STOCK" | "TO_ORDER";
      lead?: number;
      specs?: Record<string, unknown>;
      description?: string;
      manufacturer?: string;
      status?: "PUBLISHED" | "DRAFT";
    },
  ) => {
    const p = await createProduct({
      supplierId: data.supplierId,
      categoryId: data.categoryId,
      title: data.title,
      sku: data.sku,
      priceKopecks: data.price === undefined ? 100_000_00n : data.price,
      status: data.status,
    });
    await prisma.product.update({
      where: { id: p.id },
      data: {
        stockStatus: data.stock ?? "TO_ORDER",
        leadTimeDays: data.lead ?? 30,
        specs: (data.specs ?? {}) as object,
        description: data.description ?? null,
        manufacturer: data.manufacturer ?? null,
      },
    });
    return [key, p.id] as const;
  };
  const entries = await Promise.all([
    make("tmg1000", {
      supplierId: verified.id,
      categoryId: transformers.id,
      title: "Трансформатор масляный ТМГ-1000/10/0,4 У1",
      sku: "ТМГ-1000/10/0,4",
      price: 1_450_000_00n,
      stock: "IN_STOCK",
      lead: 14,
      specs: { power: 1000, cooling: "oil" },
      manufacturer: "Невский трансформаторный завод",
      description: "Герметичный трансформатор для сетей 10 кВ",
    }),
    make("tmg630", {
      supplierId: plain.id,
      categoryId: transformers.id,
      title: "Трансформатор масляный ТМГ-630/10/0,4",
      sku: "ТМГ-630/10/0,4",
      price: 980_000_00n,
      stock: "TO_ORDER",
      lead: 45,
      specs: { power: 630, cooling: "oil" },
    }),
    make("tsl", {
      supplierId: plain.id,
      categoryId: transformers.id,
      title: "Трансформатор сухой ТСЛ-400/10",
      sku: "ТСЛ-400/10/0,4",
      price: null,
      stock: "IN_STOCK",
      lead: 60,
      specs: { power: 400, cooling: "dry" },
    }),
    make("boiler", {
      supplierId: verified.id,
      categoryId: heat.id,
      title: "Котёл водогрейный КВ-ГМ-1,0-115",
      sku: "KV-GM-1.0",
      price: 2_300_000_00n,
      stock: "TO_ORDER",
      lead: 90,
      description: "Котел на газе и мазуте",
    }),
    make("pipe", {
      supplierId: plain.id,
      categoryId: pipes.id,
      title: "Труба нержавеющая 57×3 сталь 12Х18Н10Т",
      sku: "TR-57-3-12X18H10T",
      price: 1_200_00n,
      stock: "IN_STOCK",
      lead: 5,
    }),
    make("hidden", {
      supplierId: suspended.id,
      categoryId: transformers.id,
      title: "Трансформатор масляный ТМГ-1000 от сомнительной фирмы",
      sku: "SUS-1",
      stock: "IN_STOCK",
    }),
    make("draft", {
      supplierId: verified.id,
      categoryId: transformers.id,
      title: "Трансформатор масляный ТМГ-2500 черновик",
      sku: "DRAFT-1",
      status: "DRAFT",
    }),
  ]);
  const ids = Object.fromEntries(entries);
  // the suspended supplier's products were indexed while it was active; suspension must hide them
  await handleSearchEvents(Object.values(ids).map((productId) => event("search.product", { productId })));
  await prisma.organization.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });
  await handleSearchEvents([event("search.supplier", { organizationId: suspended.id })]);
  return {
    ids,
    orgs: { verified: verified.id, plain: plain.id, suspended: suspended.id },
    cats: { grid: grid.id, transformers: transformers.id, heat: heat.id, pipes: pipes.id },
  };
}

export function searchContract(
  name: string,
  makeEngine: () => Promise<SearchEngine>,
  opts: { cleanup?: () => Promise<void> } = {},
) {
  describe(`search contract: ${name}`, () => {
    let f: ContractFixture;
    const search = (q: string, extra: Partial<SearchQuery> = {}): Promise<SearchResult> =>
      f.engine.search({ q, filters: {}, facets: {}, sort: "relevance", page: 1, perPage: 20, ...extra });
    const ids = (r: SearchResult) => r.hits.map((h) => h.id);

    beforeAll(async () => {
      const engine = await makeEngine();
      useSearchEngine(engine);
      f = { engine, ...(await seed()) };
    });
    afterAll(async () => {
      useSearchEngine(undefined);
      await opts.cleanup?.();
    });

    it("matches Russian word forms", async () => {
      const r = await search("трансформаторы масляные");
      expect(ids(r)).toContain(f.ids.tmg1000);
      expect(ids(r)).toContain(f.ids.tmg630);
      expect(ids(r)).not.toContain(f.ids.tsl); // «сухой», not «масляный»
      expect(ids(await search("водогрейного котла"))).toEqual([f.ids.boiler]);
    });

    it("tolerates typos", async () => {
      expect(ids(await search("трансформатр масляный"))).toContain(f.ids.tmg1000);
      expect(ids(await search("нержавеюшая труба"))).toContain(f.ids.pipe);
    });

    it("finds model codes, whole and in part", async () => {
      expect(ids(await search("ТМГ-1000/10/0,4"))[0]).toBe(f.ids.tmg1000);
      const partial = ids(await search("ТМГ-1000"));
      expect(partial).toContain(f.ids.tmg1000);
      expect(partial).not.toContain(f.ids.tmg630);
      expect(ids(await search("12Х18Н10Т"))).toEqual([f.ids.pipe]);
      expect(ids(await search("ТМГ 630"))).toEqual([f.ids.tmg630]);
    });

    it("treats Latin and Cyrillic look-alikes as one", async () => {
      expect(ids(await search("TMG-1000"))).toContain(f.ids.tmg1000);
      expect(ids(await search("12X18H10T"))).toEqual([f.ids.pipe]); // Latin X, H, T
      expect(ids(await search("КВ-ГМ-1.0"))).toEqual([f.ids.boiler]); // SKU typed in Latin, queried in Cyrillic
    });

    it("folds ё and е", async () => {
      expect(ids(await search("котел"))).toEqual([f.ids.boiler]);
      expect(ids(await search("котёл водогрейный"))).toEqual([f.ids.boiler]);
    });

    it("finds trade abbreviations by their full names; a hyphenated compound as its words; units optional", async () => {
      expect(ids(await search("трансформатор масляный герметичный"))).toEqual(
        expect.arrayContaining([f.ids.tmg1000, f.ids.tmg630]),
      );
      expect(ids(await search("котел водогрейный газомазутный"))).toEqual([f.ids.boiler]);
      expect(ids(await search("водогрейный-котел"))).toEqual([f.ids.boiler]);
      expect(ids(await search("трансформатор на 1000 кВА"))).toContain(f.ids.tmg1000);
    });

    it("offers substitutes after a few exact hits: same category, nearest parameters first", async () => {
      const query: SearchQuery = { q: "ТСЛ-400", filters: {}, facets: false, sort: "relevance", page: 1, perPage: 20 };
      const found = await f.engine.search(query);
      expect(ids(found)).toEqual([f.ids.tsl]);
      const substitutes = await findSubstitutes(f.engine, query, found);
      expect(substitutes.map((h) => h.id)).toEqual([f.ids.tmg630, f.ids.tmg1000]); // 630 kVA is nearer to 400
      expect(await findSubstitutes(f.engine, { ...query, page: 2 }, found)).toEqual([]);
    });

    it("counts facets over the matches", async () => {
      const r = await search("трансформатор", { facets: { specCodes: ["power", "cooling"] } });
      expect(r.total).toBe(3);
      const facets = r.facets;
      expect(facets).not.toBeNull();
      if (!facets) return;
      expect(facets.sector).toEqual([{ value: "GRID", count: 3 }]);
      expect(facets.supplier).toEqual(
        expect.arrayContaining([
          { value: f.orgs.plain, count: 2 },
          { value: f.orgs.verified, count: 1 },
        ]),
      );
      expect(facets.verified).toBe(1);
      expect(facets.inStock).toBe(2);
      expect(facets.specs.cooling).toEqual(
        expect.arrayContaining([
          { value: "oil", count: 2 },
          { value: "dry", count: 1 },
        ]),
      );
      expect(facets.specs.power.map((v) => v.value)).toEqual(["400", "630", "1000"]);
      expect(facets.price).toEqual({ min: 980_000_00, max: 1_450_000_00 });
      expect(facets.leadTime).toEqual({ min: 14, max: 60 });
    });

    it("filters: category tree, supplier, verified, stock, ranges, specs, sector", async () => {
      const all = { facets: false as const };
      expect(ids(await search("", { ...all, filters: { categoryIds: [f.cats.grid] } })).sort()).toEqual(
        [f.ids.tmg1000, f.ids.tmg630, f.ids.tsl].sort(),
      );
      expect(ids(await search("трансформатор", { filters: { verifiedOnly: true } }))).toEqual([f.ids.tmg1000]);
      expect(ids(await search("трансформатор", { filters: { inStockOnly: true } })).sort()).toEqual(
        [f.ids.tmg1000, f.ids.tsl].sort(),
      );
      expect(ids(await search("", { filters: { priceMin: 1_000_000_00, priceMax: 2_000_000_00 } }))).toEqual([
        f.ids.tmg1000,
      ]);
      expect(ids(await search("", { filters: { leadTimeMax: 10 } }))).toEqual([f.ids.pipe]);
      expect(ids(await search("", { filters: { specs: { cooling: ["dry"] } } }))).toEqual([f.ids.tsl]);
      expect(ids(await search("", { filters: { specs: { power: ["630", "1000"] } } })).sort()).toEqual(
        [f.ids.tmg1000, f.ids.tmg630].sort(),
      );
      expect(ids(await search("", { filters: { sectors: ["HEAT_POWER"] } })).sort()).toEqual(
        [f.ids.boiler, f.ids.pipe].sort(),
      );
      expect(ids(await search("", { filters: { supplierIds: [f.orgs.verified] } })).sort()).toEqual(
        [f.ids.tmg1000, f.ids.boiler].sort(),
      );
      // a value that tries to break out of the filter string matches nothing, and nothing breaks
      expect(
        ids(await search("", { filters: { supplierIds: ['x" OR verified = false OR supplierId = "y'] } })),
      ).toEqual([]);
    });

    it("sorts by price, lead time and date; prices on request last", async () => {
      const asc = ids(await search("трансформатор", { sort: "price_asc" }));
      expect(asc).toEqual([f.ids.tmg630, f.ids.tmg1000, f.ids.tsl]);
      const desc = ids(await search("трансформатор", { sort: "price_desc" }));
      expect(desc).toEqual([f.ids.tmg1000, f.ids.tmg630, f.ids.tsl]);
      expect(ids(await search("", { sort: "lead_asc" }))[0]).toBe(f.ids.pipe);
    });

    it("paginates", async () => {
      const p1 = await search("", { sort: "price_asc", perPage: 2, page: 1 });
      const p2 = await search("", { sort: "price_asc", perPage: 2, page: 2 });
      const p3 = await search("", { sort: "price_asc", perPage: 2, page: 3 });
      expect(p1.total).toBe(5);
      expect(p1.hits).toHaveLength(2);
      expect(p3.hits).toHaveLength(1);
      const seen = new Set([...ids(p1), ...ids(p2), ...ids(p3)]);
      expect(seen.size).toBe(5);
    });

    it("highlights the matched words", async () => {
      const r = await search("трансформаторы ТМГ-1000");
      const title = r.hits.find((h) => h.id === f.ids.tmg1000)?.highlight.title ?? [];
      expect(title.filter((s) => s.match).map((s) => s.text)).toEqual(["Трансформатор", "ТМГ-1000/10/0,4"]);
    });

    it("suggests products, categories and suppliers as you type", async () => {
      const s = await f.engine.suggest("трансф", 5);
      expect(s.products.map((p) => p.id)).toContain(f.ids.tmg1000);
      expect(s.categories.map((c) => c.value)).toContain(f.cats.transformers);
      expect(s.suppliers.map((c) => c.value)).toEqual(expect.arrayContaining([f.orgs.plain, f.orgs.verified]));
    });

    it("numbers are whole tokens: «100» does not find 1000, «630» finds 630", async () => {
      expect(ids(await search("630"))).toContain(f.ids.tmg630);
      expect(ids(await search("100"))).not.toContain(f.ids.tmg1000);
      expect(ids(await search("трансформатор 100"))).toEqual([]);
      expect(ids(await search("трансформатор 1000"))).toEqual([f.ids.tmg1000]);
    });

    const slugs = async () => {
      const prisma = getPrisma();
      const cats = await prisma.category.findMany({ where: { id: { in: Object.values(f.cats) } } });
      const orgs = await prisma.organization.findMany({ where: { id: { in: Object.values(f.orgs) } } });
      const cat = (id: string) => cats.find((c) => c.id === id)?.slug as string;
      const org = (id: string) => orgs.find((o) => o.id === id)?.slug as string;
      return { cat, org };
    };
    const params = (p: Record<string, string | string[]>) => {
      const u = new URLSearchParams();
      for (const [k, v] of Object.entries(p)) for (const x of [v].flat()) u.append(k, x);
      const parsed = parseSearchParams(u);
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      return parsed.data;
    };

    it("browse totals and facet counts are exact", async () => {
      const s = await searchCatalog(params({}));
      expect(s.result).toMatchObject({ total: 5, totalIsEstimate: false, facetsFromSample: false });
      expect(s.facets?.sectors.reduce((n, v) => n + v.count, 0)).toBe(5);
      const { cat } = await slugs();
      const grid = await searchCatalog(params({}), { categorySlug: cat(f.cats.grid) });
      expect(grid.result).toMatchObject({ total: 3, totalIsEstimate: false });
      expect(grid.pages).toBe(1);
    });

    it("facets are disjunctive: a group's counts ignore its own selection, other groups' selections apply", async () => {
      const { cat, org } = await slugs();
      const s = await searchCatalog(params({ "spec.power": "630" }), { categorySlug: cat(f.cats.transformers) });
      expect(s.result.total).toBe(1);
      const power = s.facets?.specs.find((x) => x.code === "power")?.values ?? [];
      expect(power.map((v) => [v.value, v.count, v.selected])).toEqual([
        ["400", 1, false],
        ["630", 1, true],
        ["1000", 1, false],
      ]);
      // the other groups are counted with the power selection applied
      expect(s.facets?.suppliers.map((x) => [x.id, x.count])).toEqual([[f.orgs.plain, 1]]);

      const two = await searchCatalog(params({ "spec.power": ["630", "1000"], supplier: org(f.orgs.plain) }), {
        categorySlug: cat(f.cats.transformers),
      });
      expect(two.result.hits.map((h) => h.id)).toEqual([f.ids.tmg630]);
      expect(
        two.facets?.suppliers
          .map((x) => [x.id, x.count, x.selected])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual(
        [
          [f.orgs.plain, 1, true],
          [f.orgs.verified, 1, false],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      const power2 = two.facets?.specs.find((x) => x.code === "power")?.values ?? [];
      expect(power2.map((v) => [v.value, v.count])).toEqual([
        ["400", 1],
        ["630", 1],
      ]);

      const sectors = await searchCatalog(params({ sector: "HEAT_POWER" }));
      expect(sectors.result.total).toBe(2);
      expect(sectors.facets?.sectors.map((x) => [x.value, x.count, x.selected]).sort()).toEqual([
        ["GRID", 3, false],
        ["HEAT_POWER", 2, true],
      ]);
    });

    it("a text search with a chosen category: the main and the disjunctive search in one request, same counts as two searches", async () => {
      const { cat } = await slugs();
      const requests: string[] = [];
      // every HTTP request this process sends to the (real) server, counted on its way out
      const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (/\/search$|\/multi-search$/.test(new URL(url).pathname)) requests.push(new URL(url).pathname);
        return realFetch(input, init);
      });
      let s: Awaited<ReturnType<typeof searchCatalog>>;
      try {
        s = await searchCatalog(params({ q: "трансформатор", category: cat(f.cats.transformers), sort: "price_asc" }));
      } finally {
        fetchSpy.mockRestore();
      }
      // Meilisearch: one multi-search request (before: one /search per query); the embedded engine sends none
      expect(requests).toEqual(f.engine.name === "meilisearch" ? ["/multi-search"] : []);

      // what the former path got from two separate searches: the main one, and one without the chosen category
      const main: SearchQuery = {
        q: "трансформатор",
        filters: { categoryIds: [f.cats.transformers], specs: {}, specRanges: {} },
        facets: { specCodes: ["power", "cooling"] },
        sort: "price_asc",
        page: 1,
        perPage: s.result.perPage,
      };
      const alone = await f.engine.search(main);
      const withoutCategory = await f.engine.search({
        ...main,
        filters: { ...main.filters, categoryIds: undefined },
        facets: { specCodes: [] },
        perPage: 1,
      });
      expect(ids(s.result)).toEqual(ids(alone));
      expect(s.result.total).toBe(alone.total);
      expect(s.result.facets).toEqual({ ...alone.facets, category: withoutCategory.facets?.category });
      expect(s.facets?.categories.find((c) => c.id === f.cats.transformers)).toMatchObject({
        count: 3,
        selected: true,
      });
    });

    it("numeric specs filter by a from–to range (spec.<code>.min / .max, typed in the page's number format)", async () => {
      const { cat } = await slugs();
      const page = { categorySlug: cat(f.cats.transformers) };
      const found = async (p: Record<string, string>) =>
        (await searchCatalog(params(p), page)).result.hits.map((h) => h.id).sort();
      expect(await found({ "spec.power.min": "500" })).toEqual([f.ids.tmg1000, f.ids.tmg630].sort());
      expect(await found({ "spec.power.max": "630" })).toEqual([f.ids.tmg630, f.ids.tsl].sort());
      // as the formatted inputs send them: «1 000» with a (narrow) no-break space, a decimal comma
      expect(await found({ "spec.power.min": "630,0", "spec.power.max": "1\u202f000" })).toEqual(
        [f.ids.tmg1000, f.ids.tmg630].sort(),
      );
      expect(await found({ "spec.power.min": "401", "spec.power.max": "999" })).toEqual([f.ids.tmg630]);
      // a range on an attribute that is not a number is ignored, like an unknown attribute
      expect(await found({ "spec.cooling.min": "1" })).toHaveLength(3);

      const s = await searchCatalog(params({ "spec.power.min": "500", "spec.power.max": "700" }), page);
      const power = s.facets?.specs.find((x) => x.code === "power");
      // the range's own bounds and values are those without it (disjunctive); other groups apply it
      expect(power).toMatchObject({
        numeric: true,
        range: { min: 400, max: 1000 },
        selectedRange: { min: 500, max: 700 },
      });
      expect(s.facets?.suppliers.map((x) => [x.id, x.count])).toEqual([[f.orgs.plain, 1]]);
      expect(s.facets?.specs.find((x) => x.code === "cooling")).toMatchObject({ numeric: false, range: null });

      // the engine filter directly: both ends inclusive; a code without numeric values matches nothing
      const direct = await search("", { facets: false, filters: { specRanges: { power: { min: 400, max: 630 } } } });
      expect(ids(direct).sort()).toEqual([f.ids.tmg630, f.ids.tsl].sort());
      expect(ids(await search("", { facets: false, filters: { specRanges: { cooling: { min: 0 } } } }))).toEqual([]);

      // bad input names the parameter
      const bad = parseSearchParams(new URLSearchParams({ "spec.power.min": "много", "spec.power.max": "1" }));
      expect(bad).toMatchObject({ success: false, issues: [{ path: "spec.power.min" }] });
      const reversed = parseSearchParams(new URLSearchParams({ "spec.power.min": "900", "spec.power.max": "500" }));
      expect(reversed).toMatchObject({ success: false, issues: [{ path: "spec.power.min" }] });
    });

    it("a query typed in the wrong keyboard layout is searched retyped, in search and in suggestions", async () => {
      const s = await searchCatalog(params({ q: "nhfycajhvfnjh" }));
      expect(s.layoutQuery).toBe("трансформатор");
      expect(s.result.total).toBe(3);
      const api = await searchApiResponse(params({ q: "nhfycajhvfnjh" }));
      expect(api).toMatchObject({ layoutQuery: "трансформатор", total: 3 });
      const g = await suggest("rjn");
      expect(g.products.map((p) => p.id)).toContain(f.ids.boiler);
      // a query that finds something as typed is left alone
      expect((await searchCatalog(params({ q: "трансформатор" }))).layoutQuery).toBeNull();
    });

    it("never shows drafts or suspended suppliers' products", async () => {
      const r = await search("трансформатор");
      expect(ids(r)).not.toContain(f.ids.hidden);
      expect(ids(r)).not.toContain(f.ids.draft);
      expect(ids(await search("сомнительной"))).toEqual([]);
    });

    it("removes deleted and archived products; brings a reinstated supplier back", async () => {
      const prisma = getPrisma();
      await prisma.product.update({ where: { id: f.ids.tmg630 }, data: { status: "ARCHIVED" } });
      await handleSearchEvents([event("search.product", { productId: f.ids.tmg630 })]);
      expect(ids(await search("ТМГ-630"))).toEqual([]);

      await prisma.product.delete({ where: { id: f.ids.pipe } });
      await handleSearchEvents([event("search.product", { productId: f.ids.pipe })]);
      expect(ids(await search("12Х18Н10Т"))).toEqual([]);

      await prisma.organization.update({ where: { id: f.orgs.suspended }, data: { suspendedAt: null } });
      await handleSearchEvents([event("search.supplier", { organizationId: f.orgs.suspended })]);
      expect(ids(await search("сомнительной"))).toEqual([f.ids.hidden]);
    });
  });
}
