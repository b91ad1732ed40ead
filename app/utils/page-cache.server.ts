/**
 * HTTP caching of public pages (scripts/serve.ts). Anonymous GETs of the catalog, a category, a product and a supplier
 * page may be stored by a CDN or reverse proxy for a short while and revalidated with a weak ETag; everything else keeps
 * what the route says, and signed-in requests are `private, no-store` (the session middleware in serve.ts).
 *
 * The rendered HTML carries two per-request values: the CSP nonce and the request id (root loader data). The ETag is
 * a hash of the body with those two removed, so an unchanged page revalidates to 304. A 304 carries no
 * Content-Security-Policy header: a browser would merge a fresh nonce into the stored response and block the stored
 * page's scripts (RFC 9111 §4.3.4 updates stored headers from a 304).
 */
import crypto from "node:crypto";

/** Seconds a shared cache may serve a stored public page, and serve it stale while it revalidates. */
export const PUBLIC_PAGE_CACHE = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
export const PRIVATE_NO_STORE = "private, no-store";

const PUBLIC_PAGE = /^(?:\/en)?\/(?:catalog(?:\/[^/]+)?|products\/[^/]+|suppliers\/[^/]+)\/?$/;

/** A page path whose anonymous rendering is the same for everyone: catalog, category, product, supplier. */
export function isPublicPagePath(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname);
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return /(?:^|;\s*)sm_session=/.test(cookieHeader ?? "");
}

/** Weak ETag of a rendered page, ignoring the per-request values (nonce, request id) it contains. */
export function pageEtag(body: Buffer, perRequest: (string | undefined)[]): string {
  let text = body.toString("utf8");
  for (const value of perRequest) if (value) text = text.split(value).join("");
  return `W/"${crypto.createHash("sha1").update(text).digest("base64url")}"`;
}

/** True when an If-None-Match header lists the ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
