import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * patches/@remix-run+router+1.23.3.patch (applied by `patch-package` at postinstall, ADR 0025) keeps the ranked route
 * branches per routes array, the compiled path RegExps and the matches per pathname, in the CommonJS build the server
 * loads. Matching must give exactly what it gave before, for a tree matched many times and for a second, different
 * tree; each caller gets matches of its own. patches/react-router-dom+6.30.4.patch converts a routes array to data
 * routes once, so that the React render matches against the same array on every request.
 */
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");
type Route = { id: string; path?: string; index?: boolean; children?: Route[] };

function app(extra: Route[] = []): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        {
          id: "lang",
          path: ":lang?",
          children: [
            { id: "home", index: true },
            { id: "catalog", path: "catalog" },
            { id: "product", path: "products/:slug" },
            {
              id: "rfq",
              path: "buyer/rfqs/:id",
              children: [
                { id: "rfq-index", index: true },
                { id: "compare", path: "compare" },
              ],
            },
            ...extra,
          ],
        },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

function ids(routes: Route[], path: string) {
  return router.matchRoutes(routes as never, path)?.map((m) => [m.route.id, m.params]) ?? null;
}

describe("route matching with the cached branches", () => {
  it("is the patched build (postinstall ran patch-package)", () => {
    const file = require.resolve("@remix-run/router");
    expect(require("node:fs").readFileSync(file, "utf8")).toContain("SnabMost patch");
  });

  it("matches the same routes, with the same params, every time", () => {
    const routes = app();
    for (let i = 0; i < 3; i++) {
      expect(ids(routes, "/catalog")?.at(-1)).toEqual(["catalog", {}]);
      expect(ids(routes, "/en/catalog")?.at(-1)).toEqual(["catalog", { lang: "en" }]);
      expect(ids(routes, "/ru/products/transformator-tmg-1000")?.at(-1)).toEqual([
        "product",
        { lang: "ru", slug: "transformator-tmg-1000" },
      ]);
      expect(ids(routes, "/buyer/rfqs/42/compare")?.map(([id]) => id)).toEqual(["root", "lang", "rfq", "compare"]);
      expect(ids(routes, "/en/no/such/page")?.at(-1)?.[0]).toBe("splat");
    }
  });

  it("a second tree is matched against its own routes, not the first tree's cache", () => {
    const first = app();
    expect(ids(first, "/en/orders/7")?.at(-1)?.[0]).toBe("splat");
    const second = app([{ id: "order", path: "orders/:id" }]);
    expect(ids(second, "/en/orders/7")?.at(-1)).toEqual(["order", { lang: "en", id: "7" }]);
    // the returned route objects are the caller's own
    expect(router.matchRoutes(second as never, "/en/orders/7")?.at(-1)?.route).toBe(
      second[0].children?.[0].children?.[4],
    );
  });

  it("gives each caller its own match objects: changing one answer does not change the next", () => {
    const routes = app();
    const first = router.matchRoutes(routes as never, "/ru/products/kabel-vvg");
    const product = first?.at(-1);
    if (!product) throw new Error("no match");
    (product.params as Record<string, string>).slug = "changed";
    (product as { pathname: string }).pathname = "/changed";
    first?.pop();
    const again = router.matchRoutes(routes as never, "/ru/products/kabel-vvg");
    expect(again?.map((m) => m.route.id)).toEqual(["root", "lang", "product"]);
    expect(again?.at(-1)).toMatchObject({
      pathname: "/ru/products/kabel-vvg",
      params: { lang: "ru", slug: "kabel-vvg" },
    });
  });
});

describe("the static router of the React render", () => {
  const { createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");
  const context = { matches: [], basename: "/" } as never;

  it("converts the same routes array to the same data routes (so matching it hits the caches)", () => {
    const routes = app() as never;
    const first = createStaticRouter(routes, context);
    const second = createStaticRouter(routes, context);
    expect(second.routes).toBe(first.routes);
    expect(createStaticRouter(app() as never, context).routes).not.toBe(first.routes);
    expect(first.routes[0]?.children?.[0]?.children?.map((r) => r.id)).toEqual(["home", "catalog", "product", "rfq"]);
  });
});
