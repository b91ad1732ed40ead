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

/**
 * What an anonymous public page's response may be told: a response that sets a cookie is somebody's own (never public),
 * an error or redirect keeps what the route said, a 200 is public.
 */
export function publicPagePolicy(response: { status: number; setsCookie: boolean }): "private" | "public" | "as-is" {
  if (response.setsCookie) return "private";
  return response.status === 200 ? "public" : "as-is";
}

/** A page path whose anonymous rendering is the same for everyone: catalog, category, product, supplier. */
export function isPublicPagePath(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname);
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return /(?:^|;\s*)sm_session=/.test(cookieHeader ?? "");
}

/** Weak ETag of a rendered page, ignoring the per-request values (nonce, request id) it contains. */
export function pageEtag(body: Buffer, perRequest: (string | undefined)[]): string {
  const needles = perRequest.filter((v): v is string => !!v).map((v) => Buffer.from(v));
  const hash = crypto.createHash("sha1");
  let from = 0;
  for (;;) {
    // the next occurrence of any per-request value: hash what comes before it, skip it
    let at = -1;
    let length = 0;
    for (const needle of needles) {
      const i = body.indexOf(needle, from);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        length = needle.length;
      }
    }
    if (at < 0) break;
    hash.update(body.subarray(from, at));
    from = at + length;
  }
  hash.update(body.subarray(from));
  return `W/"${hash.digest("base64url")}"`;
}

/** True when an If-None-Match header lists the ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
