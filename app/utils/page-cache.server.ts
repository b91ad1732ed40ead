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

/**
 * A rendered page cut at its per-request values: `segments[i]` is followed by `perRequest[slots[i]]` (the last segment by
 * nothing). Joining the segments with another request's values gives the page as it would render for that request.
 * The segments are copies: a body can be a view into a larger buffer (app/utils/page-collector.server.ts), which a
 * stored page must not keep alive.
 */
export interface PageTemplate {
  segments: Buffer[];
  slots: number[];
}

export function splitPerRequest(body: Buffer, perRequest: (string | undefined)[]): PageTemplate {
  const needles = perRequest.map((v) => (v ? Buffer.from(v) : null));
  const segments: Buffer[] = [];
  const slots: number[] = [];
  let from = 0;
  for (;;) {
    // the next occurrence of any per-request value
    let at = -1;
    let slot = -1;
    needles.forEach((needle, i) => {
      if (!needle) return;
      const found = body.indexOf(needle, from);
      if (found >= 0 && (at < 0 || found < at)) {
        at = found;
        slot = i;
      }
    });
    if (at < 0) break;
    segments.push(Buffer.from(body.subarray(from, at)));
    slots.push(slot);
    from = at + (needles[slot] as Buffer).length;
  }
  segments.push(Buffer.from(body.subarray(from)));
  return { segments, slots };
}

/** The page of a template for one request: its own nonce, request id… in the slots. */
export function joinPerRequest(template: PageTemplate, perRequest: string[]): Buffer {
  const parts: Buffer[] = [];
  template.segments.forEach((segment, i) => {
    parts.push(segment);
    if (i < template.slots.length) parts.push(Buffer.from(perRequest[template.slots[i]] ?? ""));
  });
  return Buffer.concat(parts);
}

/** Weak ETag of a rendered page, ignoring the per-request values (nonce, request id) it contains. */
export function pageEtag(body: Buffer | PageTemplate, perRequest: (string | undefined)[] = []): string {
  const template = Buffer.isBuffer(body) ? splitPerRequest(body, perRequest) : body;
  const hash = crypto.createHash("sha1");
  for (const segment of template.segments) hash.update(segment);
  return `W/"${hash.digest("base64url")}"`;
}

/** Headers that belong to one response, never replayed from a stored page. */
export const PER_RESPONSE_HEADERS = new Set([
  "cache-control",
  "content-length",
  "content-security-policy",
  "date",
  "etag",
  "set-cookie",
  "vary",
  "x-cache",
  "x-request-id",
]);

/** A rendered public page kept for anonymous repeats: the template, its ETag and the headers its route set. */
export interface StoredPage {
  template: PageTemplate;
  etag: string;
  headers: [string, string | number | string[]][];
  storedAt: number;
  bytes: number;
}

export type PageLookup =
  | { state: "hit"; page: StoredPage }
  /** stale, but another request is rendering it again: serve this one meanwhile */
  | { state: "stale"; page: StoredPage }
  /** render it; then `store` or `abandon` */
  | { state: "miss" };

/**
 * Rendered anonymous public pages kept in the process for `ttlMs` (a micro-cache, what a caching proxy in front would
 * do; ADR 0025): anonymous requests for the same URL within the TTL get the stored page with their own
 * nonce and request id, without running loaders or React. Bounded by bytes (least recently used go first). When an
 * entry expires, one request renders it again while the others get the expired page for at most `ttlMs` more (stale
 * while revalidate). `clear()` forgets everything: called on every write this process serves and every search index
 * write, so a change shows on the next anonymous page; writes by another process show within `ttlMs`.
 */
export class RenderedPageCache {
  /** A client asking for a fresh copy (`Cache-Control: no-cache`, a browser's hard reload) gets a new render. */
  static wantsFresh(cacheControl: string | undefined): boolean {
    return /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(cacheControl ?? "");
  }

  private readonly entries = new Map<string, StoredPage>();
  private readonly rendering = new Set<string>();
  private bytes = 0;
  /** Counts `clear()`s: a render that began before one may hold data from before the write, and is not stored. */
  private clears = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /**
   * An anonymous page depends on its URL only: the only cookie a render reads is the session's, and a request with one
   * never comes here. (The response still says `Vary: Cookie` to shared caches, which cannot know that.)
   */
  static key(url: string): string {
    return url;
  }

  lookup(key: string, now = Date.now()): PageLookup {
    if (!this.enabled) return { state: "miss" };
    const page = this.entries.get(key);
    if (page) {
      const age = now - page.storedAt;
      if (age < this.ttlMs) {
        this.entries.delete(key); // most recently used last
        this.entries.set(key, page);
        return { state: "hit", page };
      }
      if (this.rendering.has(key) && age < 2 * this.ttlMs) return { state: "stale", page };
    }
    this.rendering.add(key);
    return { state: "miss" };
  }

  /** Where the cache is now: a render passes what it got at its start to `store`. */
  get generation(): number {
    return this.clears;
  }

  store(key: string, page: Omit<StoredPage, "bytes">, renderedSince = this.clears): void {
    this.rendering.delete(key);
    if (!this.enabled || renderedSince !== this.clears) return;
    const bytes = page.template.segments.reduce((n, s) => n + s.length, 0);
    if (bytes > this.maxBytes / 8) return;
    this.forget(key);
    this.entries.set(key, { ...page, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** The render started by a miss did not give a storable page (an error, a redirect, a cookie). */
  abandon(key: string): void {
    this.rendering.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.clears += 1;
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** True when an If-None-Match header lists the ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
