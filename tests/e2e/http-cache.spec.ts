import { type APIRequestContext, expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoOwnerEmail } from "./helpers/auth";

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
  const login = await buyer.post("/login", {
    form: { email: demoOwnerEmail("hersones-energoservis"), password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);
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
