import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * patches/@remix-run+router+1.23.3.patch (applied by `patch-package` at postinstall, ADR 0025) keeps the ranked route
 * branches per routes array and the compiled path RegExps, in the CommonJS build the server loads. Matching must give
 * exactly what it gave before, for a tree matched many times and for a second, different tree.
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
});
