import { describe, expect, it } from "vitest";
import {
  etagMatches,
  hasSessionCookie,
  isPublicPagePath,
  joinPerRequest,
  pageEtag,
  publicPagePolicy,
  RenderedPageCache,
  splitPerRequest,
} from "./page-cache.server";

describe("public page caching", () => {
  it.each([
    ["/catalog", true],
    ["/en/catalog", true],
    ["/catalog/kabel-i-provod", true],
    ["/products/transformator-tm-100", true],
    ["/en/suppliers/energoservis", true],
    ["/", false],
    ["/rfq/new", false],
    ["/buyer/rfqs", false],
    ["/products/x/edit", false],
    ["/catalog.data", false],
  ])("%s is a public page: %s", (path, expected) => {
    expect(isPublicPagePath(path)).toBe(expected);
  });

  it("never makes a response that sets a cookie public; errors and redirects keep the route's headers", () => {
    expect(publicPagePolicy({ status: 200, setsCookie: false })).toBe("public");
    expect(publicPagePolicy({ status: 200, setsCookie: true })).toBe("private");
    expect(publicPagePolicy({ status: 302, setsCookie: true })).toBe("private");
    expect(publicPagePolicy({ status: 404, setsCookie: false })).toBe("as-is");
    expect(publicPagePolicy({ status: 302, setsCookie: false })).toBe("as-is");
  });

  it("recognises the session cookie among others", () => {
    expect(hasSessionCookie("sm_device=1; sm_session=abc")).toBe(true);
    expect(hasSessionCookie("sm_device=1")).toBe(false);
    expect(hasSessionCookie("x_sm_session=abc")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("gives the same ETag to a page rendered twice with different nonces and request ids", () => {
    const render = (nonce: string, id: string) =>
      Buffer.from(
        `<script nonce="${nonce}">x</script><p>Кабель ВВГ</p><script nonce="${nonce}">{"requestId":"${id}"}</script>`,
      );
    const a = pageEtag(render("nonceAAAA", "req-1111"), ["nonceAAAA", "req-1111"]);
    const b = pageEtag(render("nonceBBBB", "req-2222"), ["nonceBBBB", "req-2222"]);
    expect(a).toBe(b);
    expect(a).toMatch(/^W\/"[\w-]+"$/);
  });

  it("gives a different ETag when the page content changes", () => {
    const a = pageEtag(Buffer.from("<p>12 товаров</p>"), ["n"]);
    const b = pageEtag(Buffer.from("<p>13 товаров</p>"), ["n"]);
    expect(a).not.toBe(b);
  });

  it("matches If-None-Match lists weakly", () => {
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches("*", 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
  });
});

describe("the rendered-page cache", () => {
  const render = (nonce: string, id: string) =>
    Buffer.from(
      `<script nonce="${nonce}">{"requestId":"${id}"}</script><p>Кабель ВВГ ${nonce.length}</p><i nonce="${nonce}">`,
    );
  const stored = (at: number) => {
    const template = splitPerRequest(render("nonceAAAA", "req-1111"), ["nonceAAAA", "req-1111"]);
    return {
      template,
      etag: pageEtag(template),
      headers: [["content-type", "text/html"]] as [string, string][],
      storedAt: at,
    };
  };

  it("gives a later request the page exactly as it would render with its own nonce and request id", () => {
    const template = splitPerRequest(render("nonceAAAA", "req-1111"), ["nonceAAAA", "req-1111"]);
    expect(template.slots).toEqual([0, 1, 0]);
    expect(joinPerRequest(template, ["nonceBBBB", "req-2222"]).toString()).toBe(
      render("nonceBBBB", "req-2222").toString(),
    );
    expect(pageEtag(template)).toBe(pageEtag(render("nonceCCCC", "req-3"), ["nonceCCCC", "req-3"]));
  });

  it("answers repeats within the TTL, renders again after it, and forgets everything on clear", () => {
    const cache = new RenderedPageCache(10_000);
    const key = RenderedPageCache.key("/catalog?q=кабель");
    expect(cache.lookup(key, 0).state).toBe("miss");
    cache.store(key, stored(0));
    expect(cache.lookup(key, 9_999).state).toBe("hit");
    expect(cache.lookup(RenderedPageCache.key("/catalog?q=кабели"), 1).state).toBe("miss");
    // expired: the first request renders it again, the ones meanwhile get the expired page
    expect(cache.lookup(key, 10_000).state).toBe("miss");
    expect(cache.lookup(key, 10_001).state).toBe("stale");
    cache.store(key, stored(10_050));
    expect(cache.lookup(key, 10_060).state).toBe("hit");
    cache.clear();
    expect(cache.lookup(key, 10_070).state).toBe("miss");
  });

  it("does not keep a page whose render began before a write emptied the cache", () => {
    const cache = new RenderedPageCache(10_000);
    expect(cache.lookup("k", 0).state).toBe("miss");
    const began = cache.generation;
    cache.clear(); // a write finished while the page was rendering with the data from before it
    cache.store("k", stored(5), began);
    expect(cache.lookup("k", 6).state).toBe("miss");
    cache.store("k", stored(7), cache.generation);
    expect(cache.lookup("k", 8).state).toBe("hit");
  });

  it("does not serve an expired page when nobody is rendering it again (the render failed)", () => {
    const cache = new RenderedPageCache(1_000);
    cache.store("k", stored(0));
    expect(cache.lookup("k", 1_500).state).toBe("miss");
    cache.abandon("k");
    expect(cache.lookup("k", 1_600).state).toBe("miss");
  });

  it("keeps within its byte bound, dropping the least recently used page", () => {
    const page = stored(0);
    const size = page.template.segments.reduce((n, s) => n + s.length, 0);
    const cache = new RenderedPageCache(10_000, size * 8);
    for (let i = 0; i < 8; i += 1) cache.store(`k${i}`, page);
    expect(cache.lookup("k0", 1).state).toBe("hit"); // k0 used: k1 is now the oldest
    cache.store("k8", page);
    expect(cache.size).toBe(8);
    expect(cache.lookup("k1", 2).state).toBe("miss");
    expect(cache.lookup("k0", 2).state).toBe("hit");
  });

  it("renders afresh for a client that asks for it (a hard reload)", () => {
    expect(RenderedPageCache.wantsFresh("no-cache")).toBe(true);
    expect(RenderedPageCache.wantsFresh("max-age=0, No-Cache")).toBe(true);
    expect(RenderedPageCache.wantsFresh("max-age=0")).toBe(false);
    expect(RenderedPageCache.wantsFresh(undefined)).toBe(false);
  });

  it("is off with a TTL of 0", () => {
    const cache = new RenderedPageCache(0);
    cache.store("k", stored(0));
    expect(cache.lookup("k", 0).state).toBe("miss");
    expect(cache.size).toBe(0);
  });
});
