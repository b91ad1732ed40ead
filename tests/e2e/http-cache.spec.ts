import { type APIRequestContext, expect, test } from "@playwright/test";
import { demoOwnerEmail, signInRequest } from "./helpers/auth";

/**
 * HTTP caching of pages (scripts/serve.ts, app/utils/page-cache.server.ts): anonymous catalog, category, product and
 * supplier pages may be kept by a shared cache and revalidate with a weak ETag (304); signed-in pages never are.
 */
async function publicPages(request: APIRequestContext): Promise<string[]> {
  const catalog = await (await request.get("/catalog")).text();
  const product = /href="(\/products\/[^"?#]+)"/.exec(catalog)?.[1];
  // a seeded category (prisma/seed/catalog.ts)
  const category = "/catalog/kabel-i-provod";
  expect(product, "a product link on the catalog page").toBeTruthy();
  const productHtml = await (await request.get(product as string)).text();
  const supplier = /href="(\/suppliers\/[^"?#]+)"/.exec(productHtml)?.[1];
  expect(supplier, "a supplier link on the product page").toBeTruthy();
  return [`/catalog?q=${encodeURIComponent("кабель")}`, category, product as string, supplier as string, "/en/catalog"];
}

test("anonymous catalog, category, product and supplier pages are publicly cacheable and revalidate to 304", async ({
  request,
}) => {
  for (const path of await publicPages(request)) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const h = first.headers();
    expect(h["cache-control"], path).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(h["set-cookie"], path).toBeUndefined();
    const etag = h.etag;
    expect(etag, path).toMatch(/^W\/"[\w-]+"$/);

    // a repeat: the page is rendered again (new nonce, new request id) but has not changed
    const repeat = await request.get(path, { headers: { "if-none-match": etag } });
    expect(repeat.status(), path).toBe(304);
    expect((await repeat.body()).length, path).toBe(0);
    expect(repeat.headers().etag, path).toBe(etag);
    // a fresh nonce must not reach the browser's stored copy of the page
    expect(repeat.headers()["content-security-policy"], path).toBeUndefined();

    const stale = await request.get(path, { headers: { "if-none-match": 'W/"something-else"' } });
    expect(stale.status(), path).toBe(200);
    expect((await stale.text()).length, path).toBeGreaterThan(1000);
  }
});

test("signed-in pages are private, no-store, never revalidated from a shared ETag", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const paths = await publicPages(anonymous);
  const etag = (await anonymous.get(paths[2])).headers().etag;
  await anonymous.dispose();

  const buyer = await playwright.request.newContext({ baseURL });
  await signInRequest(buyer, demoOwnerEmail("hersones-energoservis"), baseURL);
  for (const path of paths) {
    const r = await buyer.get(path, { headers: { "if-none-match": etag } });
    expect(r.status(), path).toBe(200);
    expect(r.headers()["cache-control"], path).toBe("private, no-store");
    expect(r.headers().etag, path).toBeUndefined();
  }
  await buyer.dispose();
});

test("a browser revisiting a cached catalog page gets 304 and the page still runs its scripts", async ({ page }) => {
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto("/catalog");
  await page.waitForLoadState("networkidle");
  const revalidation = page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === "/catalog");
  await page.goto("/catalog");
  // the browser kept the page and asked whether it changed (it had not: 304, the stored page is shown)
  expect(await (await revalidation).headerValue("if-none-match")).toMatch(/^W\/"/);
  await page.waitForLoadState("networkidle");
  // hydrated: the client router took over (a link navigation is a client-side data request, not a document load)
  const navigations: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest()) navigations.push(r.url());
  });
  await page.locator('a[href^="/products/"]').first().click();
  await page.waitForURL(/\/products\//);
  expect(navigations).toEqual([]);
  expect(cspErrors).toEqual([]);
});

/** A catalog URL no other test asks for: its rendered page is this test's own. */
const ownCatalogUrl = () =>
  `/catalog?q=${encodeURIComponent("кабель")}&page=1&t=${Date.now()}${Math.random()}`.replace(".", "");

test("an anonymous repeat is answered from the rendered page, with its own nonce and request id", async ({
  request,
}) => {
  const path = ownCatalogUrl();
  const first = await request.get(path);
  expect(first.headers()["x-cache"]).toBe("MISS");
  const firstHtml = await first.text();
  // another test's write between the two requests empties the cache: ask again until a repeat is a hit
  let repeat = await request.get(path);
  for (let i = 0; i < 5 && repeat.headers()["x-cache"] !== "HIT"; i += 1) repeat = await request.get(path);
  expect(repeat.headers()["x-cache"]).toBe("HIT");
  const html = await repeat.text();
  const nonce = /'nonce-([^']+)'/.exec(repeat.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const nonces = [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  expect(html).toContain(repeat.headers()["x-request-id"]);
  expect(html).not.toContain(first.headers()["x-request-id"]);
  // the same page otherwise
  const strip = (s: string) => s.replace(/nonce="[^"]+"/g, "").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "");
  expect(strip(html)).toBe(strip(firstHtml));
  expect(repeat.headers().etag).toBe(first.headers().etag);
  expect(repeat.headers()["content-type"]).toMatch(/^text\/html/);
  // a hard reload asks for a fresh render
  expect((await request.get(path, { headers: { "cache-control": "no-cache" } })).headers()["x-cache"]).toBe("MISS");
});

test("a write served by the app empties the rendered-page cache; a client's own request id is never cut out", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const path = ownCatalogUrl();
  await anonymous.get(path);
  const signIn = await playwright.request.newContext({ baseURL });
  await signInRequest(signIn, demoOwnerEmail("hersones-energoservis"), baseURL);
  expect((await anonymous.get(path)).headers()["x-cache"]).toBe("MISS");
  await signIn.dispose();

  // a request id chosen by the client (it could be any text of the page) renders, but is not stored
  const own = ownCatalogUrl();
  const chosen = await anonymous.get(own, { headers: { "x-request-id": "kabel-i-provod" } });
  expect(chosen.headers()["x-cache"]).toBe("MISS");
  expect((await anonymous.get(own)).headers()["x-cache"]).toBe("MISS");
  await anonymous.dispose();
});
