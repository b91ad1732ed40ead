/** /api/v1/search and the catalog page loader: parameters, slugs, labelled facets, errors. */
import { beforeAll, describe, expect, it } from "vitest";
import { PostgresSearchEngine } from "~/modules/search/pg-engine.server";
import { handleSearchEvents, loadCatalogPage, useSearchEngine } from "~/modules/search/search.server";
import { loader as apiLoader } from "~/routes/api.v1.search";
import { getPrisma } from "~/utils/db.server";
import { createCategory, createOrganization, createProduct } from "../../fixtures/factories";

let supplierSlug = "";
let categorySlug = "";

beforeAll(async () => {
  useSearchEngine(new PostgresSearchEngine());
  const supplier = await createOrganization({ name: "Северный кабельный завод", verified: true });
  supplierSlug = supplier.slug;
  const category = await createCategory({ nameRu: "Кабель и провод" });
  categorySlug = category.slug;
  await getPrisma().categoryAttribute.create({
    data: {
      categoryId: category.id,
      code: "cores",
      nameRu: "Число жил",
      nameEn: "Cores",
      type: "NUMBER",
      filterable: true,
    },
  });
  await getPrisma().categoryAttribute.create({
    data: {
      categoryId: category.id,
      code: "voltage",
      nameRu: "Напряжение",
      nameEn: "Voltage",
      type: "NUMBER",
      unit: "kV",
    },
  });
  const ids: string[] = [];
  for (const [title, cores] of [
    ["Кабель силовой АПвБбШв 4×240-1", 4],
    ["Кабель силовой АПвБбШв 3×95-1", 3],
  ] as const) {
    const p = await createProduct({
      supplierId: supplier.id,
      categoryId: category.id,
      title,
      sku: title.split(" ").slice(2).join(" "),
    });
    await getPrisma().product.update({ where: { id: p.id }, data: { specs: { cores, voltage: 1 } } });
    ids.push(p.id);
  }
  await handleSearchEvents(
    ids.map((productId, i) => ({
      id: BigInt(i + 1),
      topic: "search.product",
      aggregateId: productId,
      payload: { productId },
      attempts: 1,
      createdAt: new Date(),
    })),
  );
});

const call = async (qs: string) => {
  const response = (await apiLoader({
    request: new Request(`http://x/api/v1/search?${qs}`),
    params: {},
    context: { requestId: "test", cspNonce: "nonce", clientIp: "127.0.0.1" },
  })) as Response;
  return { status: response.status, body: await response.json() };
};

describe("GET /api/v1/search", () => {
  it("returns hits with prices net and gross, and facets labelled by slug and name", async () => {
    const { status, body } = await call(`q=${encodeURIComponent("кабели силовые")}&category=${categorySlug}`);
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.hits[0].price).toMatchObject({ currency: "RUB", netKopecks: 100_000_00, grossKopecks: 122_000_00 });
    expect(body.hits[0].supplier).toMatchObject({ slug: supplierSlug, verified: true });
    expect(body.facets.supplier).toEqual([
      { slug: supplierSlug, name: "Северный кабельный завод", verified: true, count: 2, selected: false },
    ]);
    expect(body.facets.specs[0].code).toBe("cores");
    expect(body.facets.specs[0].values.map((v: { value: string }) => v.value)).toEqual(["3", "4"]);
  });

  it("filters by supplier slug and spec value; an unknown slug matches nothing", async () => {
    expect((await call(`supplier=${supplierSlug}&category=${categorySlug}&spec.cores=4`)).body.total).toBe(1);
    expect((await call("supplier=no-such-supplier")).body.total).toBe(0);
  });

  it("answers 400 with issues for bad parameters", async () => {
    const { status, body } = await call("sort=cheap&per_page=1000");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameters");
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["per_page", "sort"]);
  });
});

describe("catalog page loader", () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}${o?.q ? `:${o.q}` : ""}`;
  const ru = { lang: "ru" as const, t };

  it("404s an unknown category and 400s bad parameters", async () => {
    await expect(loadCatalogPage(new Request("http://x/catalog/nope"), ru, "nope")).rejects.toMatchObject({
      status: 404,
    });
    await expect(loadCatalogPage(new Request("http://x/catalog?page=0"), ru)).rejects.toMatchObject({ status: 400 });
  });

  it("gives each card in the page's language, without what the card does not show", async () => {
    const page = await loadCatalogPage(new Request(`http://x/catalog?q=${encodeURIComponent("кабель")}`), ru);
    const card = page.search.result.hits.find((h) => h.title.includes("4×240"));
    expect(card).toMatchObject({ supplierSlug, verified: true, priceKopecks: 100_000_00, photoFileId: null });
    // units the Russian way on a Russian page (ОКЕИ/ГОСТ 8.417), the international way on an English one
    expect(card?.keySpecs).toBe("Число жил: 4 · Напряжение: 1 кВ");
    // the matched words are marked; a text with nothing marked is left to the card's plain text
    expect(card?.highlight.title.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain("кабель");
    expect(card?.highlight.sku).toEqual([]);
    for (const hidden of ["card", "categoryId", "supplierId", "categoryNameRu", "categoryNameEn", "ratingCount"])
      expect(card).not.toHaveProperty(hidden);

    const en = await loadCatalogPage(new Request(`http://x/en/catalog?q=${encodeURIComponent("кабель")}`), {
      lang: "en",
      t,
    });
    expect(en.search.result.hits.find((h) => h.title.includes("4×240"))?.keySpecs).toBe("Cores: 4 · Voltage: 1 kV");
  });

  it("offers a correction when nothing is found", async () => {
    const none = await loadCatalogPage(new Request(`http://x/catalog?q=${encodeURIComponent("кабль шнековый")}`), ru);
    expect(none.search.result.total).toBe(0);
    expect(none.search.result.correction).toBe("кабель");
  });
});
