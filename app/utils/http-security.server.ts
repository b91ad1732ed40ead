/**
 * HTTP security policy shared by the production and development servers (scripts/serve.ts).
 * Pure functions, so they are unit-tested without a server.
 */

import type { IncomingMessage, ServerResponse } from "node:http";

/** A directive value helmet computes per response (the nonce), or a fixed one. */
type PerResponse = (req: IncomingMessage, res: ServerResponse) => string;
type DirectiveValue = string | PerResponse;

/**
 * The CSP directives. `nonce` is the request's nonce, or a function of the response that returns it: the server builds
 * the helmet middleware once with the function instead of once per request.
 */
export function contentSecurityPolicy(
  nonce: string | PerResponse,
  opts: { dev?: boolean; https?: boolean; extraConnect?: string[] } = {},
) {
  const nonceSource: DirectiveValue =
    typeof nonce === "string" ? `'nonce-${nonce}'` : (req, res) => `'nonce-${nonce(req, res)}'`;
  const scriptSrc: DirectiveValue[] = ["'self'", nonceSource, "'strict-dynamic'"];
  if (opts.dev) scriptSrc.push("'unsafe-eval'");
  const connect = ["'self'", ...(opts.extraConnect ?? [])];
  if (opts.dev) connect.push("ws:", "wss:");
  return {
    "default-src": ["'self'"],
    "base-uri": ["'self'"],
    "script-src": scriptSrc,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": connect,
    "form-action": ["'self'", "https://checkout.stripe.com", "https://connect.stripe.com"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "upgrade-insecure-requests": opts.https && !opts.dev ? [] : null,
  } as Record<string, DirectiveValue[] | null>;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths that receive server-to-server POSTs with their own authentication (signatures). */
const ORIGIN_EXEMPT = [/^\/webhooks\//];

/**
 * Cross-site request check for every non-GET request (on top of SameSite=Lax cookies): a request whose Origin is
 * another site, or that the browser marks `Sec-Fetch-Site: cross-site`, is refused. Requests without Origin from
 * non-browser clients pass; they carry no ambient browser cookies.
 */
export function isCrossSiteMutation(input: {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  allowedOrigins?: string[];
  /** The scheme the request arrived with ("http" | "https"); an Origin with another scheme is another site. */
  protocol?: string;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (ORIGIN_EXEMPT.some((re) => re.test(input.path))) return false;
  if (input.origin) {
    if (input.origin === "null") return true;
    if (input.allowedOrigins?.includes(input.origin)) return false;
    try {
      const origin = new URL(input.origin);
      if (input.protocol && origin.protocol !== `${input.protocol}:`) return true;
      return origin.host !== input.host;
    } catch {
      return true;
    }
  }
  return input.secFetchSite === "cross-site";
}

/** Paths whose actions read something other than HTML form bodies (JSON APIs, signed webhooks, 1C exchange uploads). */
const NON_FORM_PATHS = [/^\/api\//, /^\/webhooks\//, /^\/exchange\/1c$/];

/**
 * Page actions only read HTML form bodies (`request.formData()`), which throws on anything else — a JSON or
 * boundary-less multipart POST would surface as a 500. Such requests are refused with 415 before they reach Remix.
 * Bodiless mutations (no Content-Type) pass.
 */
export function isUnsupportedFormBody(input: {
  method: string;
  path: string;
  contentType: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (NON_FORM_PATHS.some((re) => re.test(input.path))) return false;
  const type = input.contentType?.trim().toLowerCase();
  if (!type) return false;
  if (type.startsWith("application/x-www-form-urlencoded")) return false;
  if (type.startsWith("multipart/form-data")) return !/;\s*boundary=("?)[^";]{1,70}\1\s*(;|$)/.test(type);
  return true;
}

/** The errors `request.formData()` and Remix's multipart parser throw on a malformed body (the client's fault). */
export function isMalformedFormBodyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /Failed to parse body as FormData|malformed content-disposition|MultipartParseError|Unexpected end of (form|multipart)/i.test(
    `${error.name}: ${error.message}`,
  );
}

/**
 * Wraps a route action so that a malformed form body (a multipart body that does not match its boundary, broken part
 * headers) is answered 400 instead of surfacing as a 500. scripts/serve.ts applies it to every route of the build.
 */
export function withFormBodyGuard<Args extends unknown[], R>(action: (...args: Args) => R | Promise<R>) {
  return async (...args: Args): Promise<R> => {
    try {
      return await action(...args);
    } catch (error) {
      if (isMalformedFormBodyError(error)) throw new Response("Bad Request", { status: 400 });
      throw error;
    }
  };
}

/** Browser features the app never uses, switched off for every page (and for anything a page might embed). */
export const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), " +
  "payment=(), usb=()";

/**
 * A URL with the secrets it may carry replaced, for logs: `token`/`code` query parameters (password reset, e-mail
 * verification) and the invitation token in `/invite/<token>`.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  return url
    .replace(/(\/invite\/)[^/?#]+/, "$1[redacted]")
    .replace(/([?&](?:token|code|session_id)=)[^&#]*/gi, "$1[redacted]");
}

/** A path whose percent-encoding is broken (`/products/%`): the client's fault, answered 400 before routing. */
export function hasBadPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * The proxies whose X-Forwarded-* headers are believed (Express "trust proxy"): loopback by default, or the explicit
 * list in TRUST_PROXY (addresses, subnets or the names loopback, linklocal, uniquelocal). The old `TRUST_PROXY=true`
 * (any hop — a client could then choose its own IP for the rate limits) means the private networks.
 */
export function trustedProxies(value: string | undefined): { list: string[]; legacyTrue: boolean } {
  const v = value?.trim() ?? "";
  if (v === "" || v === "false") return { list: ["loopback"], legacyTrue: false };
  if (v === "true") return { list: ["loopback", "linklocal", "uniquelocal"], legacyTrue: true };
  return {
    list: v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    legacyTrue: false,
  };
}
