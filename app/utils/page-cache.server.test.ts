import { describe, expect, it } from "vitest";
import { etagMatches, hasSessionCookie, isPublicPagePath, pageEtag, publicPagePolicy } from "./page-cache.server";

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
