/**
 * The HTTP server: Express around the Remix request handler. Production serves the built app (`npm run build`);
 * development (`npm run dev`) runs Vite in middleware mode with HMR.
 * Per request: a request id (X-Request-Id), a CSP nonce, security headers, a cross-site check on mutations,
 * structured access logs. SIGTERM/SIGINT shut down gracefully: stop accepting, finish requests, stop the worker,
 * close the database.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import path from "node:path";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { readRouteForRequest, readYourWritesCookie, runWithReadRoute } from "../app/utils/db-replicas.server";
import { parseEnv } from "../app/utils/env.server";
import {
  contentSecurityPolicy,
  hasBadPercentEncoding,
  isCrossSiteMutation,
  isUnsupportedFormBody,
  PERMISSIONS_POLICY,
  redactUrl,
  trustedProxies,
  withFormBodyGuard,
} from "../app/utils/http-security.server";
import {
  etagMatches,
  hasSessionCookie,
  isPublicPagePath,
  joinPerRequest,
  PER_RESPONSE_HEADERS,
  PRIVATE_NO_STORE,
  PUBLIC_PAGE_CACHE,
  pageEtag,
  publicPagePolicy,
  RenderedPageCache,
  splitPerRequest,
} from "../app/utils/page-cache.server";
import { largestBodyLimit, TOO_LARGE_BODY, withRequestLimits } from "../app/utils/request-limits.server";
import { planProcesses, runPrimary, runsBackground } from "./lib/cluster";

const dev = process.env.NODE_ENV !== "production";

let config: ReturnType<typeof parseEnv>;
try {
  config = parseEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Every core: a primary forks WEB_CONCURRENCY workers, each of which runs the rest of this file (scripts/lib/cluster.ts).
const plan = planProcesses({ WEB_CONCURRENCY: process.env.WEB_CONCURRENCY, DATABASE_URL: config.DATABASE_URL, dev });
if (plan.reason && cluster.isPrimary) console.log(`СнабМост: ${plan.reason}`);
if (cluster.isPrimary && plan.processes > 1) {
  const log = (msg: string, extra: Record<string, unknown> = {}) =>
    console.log(JSON.stringify({ level: 30, time: Date.now(), app: "snabmost", role: "primary", ...extra, msg }));
  await runPrimary(plan.processes, log);
  log("bye");
  process.exit(0);
}

interface EntryExtras {
  logger: import("pino").Logger;
  wireApp(): void;
  startBackground(): Promise<void>;
  stopBackground(): Promise<void>;
  closeDatabase(): Promise<void>;
  warmUp(): Promise<void>;
  forgetHeaderCounts(cookieHeader: string | undefined): void;
  onSearchIndexWrite(listener: () => void): () => void;
}

const viteDevServer = dev
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

async function loadBuild(): Promise<ServerBuild> {
  if (viteDevServer) return (await viteDevServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
  // @ts-expect-error — exists after `npm run build`
  return (await import("../build/server/index.js")) as ServerBuild;
}

/**
 * Every route action answers 400, not 500, to a malformed form body (see withFormBodyGuard), and gets its body only
 * within the route's size limit and with sane form field names (request-limits.server.ts).
 */
function guardActions(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    const guarded = action && withFormBodyGuard(withRequestLimits(id, () => config.UPLOAD_MAX_BYTES, action));
    routes[id] = guarded ? { ...route, module: { ...route.module, action: guarded } } : route;
  }
  return { ...build, routes };
}

function wired(build: ServerBuild): ServerBuild {
  (build.entry.module as unknown as EntryExtras).wireApp();
  return build;
}

const initialBuild = guardActions(await loadBuild());
const entry = initialBuild.entry.module as unknown as EntryExtras;
const logger = entry.logger;

/** HSTS and upgrade-insecure-requests only make sense when the public origin is HTTPS (not for the local demo). */
const httpsOrigin = config.APP_ORIGIN?.startsWith("https://") ?? false;

const app = express();
app.disable("x-powered-by");
const proxies = trustedProxies(process.env.TRUST_PROXY);
app.set("trust proxy", proxies.list);
if (proxies.legacyTrue)
  logger.warn({ trusted: proxies.list }, "TRUST_PROXY=true: trusting private networks only; list your proxy addresses");
if (!dev && !config.APP_ORIGIN)
  logger.warn(
    { fallback: `http://${config.HOST}:${config.PORT}` },
    "APP_ORIGIN is not set: links in mails, canonical URLs and the sitemap use the configured HOST and PORT; set APP_ORIGIN to the public https origin",
  );

app.use((req, res, next) => {
  const incoming = req.get("x-request-id");
  const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  res.locals.requestId = id;
  res.locals.requestIdGenerated = id !== incoming;
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader("X-Request-Id", id);
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  next();
});

// Broken percent-encoding in the path (`/products/%`) and the retired `?_data=` protocol: the client's fault, 400.
app.use((req, res, next) => {
  if (hasBadPercentEncoding(req.path) || Object.hasOwn(req.query, "_data")) {
    res.status(400).json({ error: { code: "bad_request", message: "Bad request URL" } });
    return;
  }
  next();
});

app.use(
  pinoHttp({
    logger,
    genReqId: (_req, res) => (res as express.Response).locals.requestId,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url?.startsWith("/assets/") ?? false },
  }),
);

// Built once; the CSP nonce is read per response (helmet calls the function for each request).
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy((_req, res) => (res as express.Response).locals.cspNonce as string, {
        dev,
        https: httpsOrigin,
      }),
    },
    strictTransportSecurity: httpsOrigin && !dev ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: "deny" },
  }),
);

app.use((req, res, next) => {
  const crossSite = isCrossSiteMutation({
    method: req.method,
    path: req.path,
    host: req.get("host"),
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    protocol: req.protocol,
    allowedOrigins: config.APP_ORIGIN ? [new URL(config.APP_ORIGIN).origin] : [],
  });
  if (crossSite) {
    logger.warn(
      { requestId: res.locals.requestId, path: req.path, origin: req.get("origin") },
      "cross-site request refused",
    );
    res.status(403).json({ error: { code: "cross_site_request", message: "Cross-site request refused" } });
    return;
  }
  next();
});

app.use((req, res, next) => {
  if (isUnsupportedFormBody({ method: req.method, path: req.path, contentType: req.get("content-type") })) {
    res.status(415).json({ error: { code: "unsupported_media_type", message: "Send an HTML form body" } });
    return;
  }
  next();
});

// A body larger than any route accepts is refused before anything reads it (the route's own limit applies later).
// A response sent before its request body was read to the end (a refused upload) closes the connection: Node would
// otherwise read and discard the rest of the body, however large. A 429 always says when to come back.
app.use((req, res, next) => {
  res.on("finish", () => {
    if (req.complete) return;
    // stop reading, send FIN after the response, drop the connection a few seconds later: the reset that dropping
    // sends makes the client's kernel discard whatever it has not read yet, the 413 included, and a busy client may
    // take over a second to read it (seen in CI at load 10)
    req.socket.pause();
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 5_000).unref();
  });
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: unknown[]) {
    if ((args[0] === 429 || this.statusCode === 429) && !this.getHeader("retry-after"))
      this.setHeader("Retry-After", "60");
    return (writeHead as (...a: unknown[]) => express.Response).apply(this, args);
  } as typeof res.writeHead;
  const length = Number(req.get("content-length") ?? "0");
  if (length > largestBodyLimit({ path: req.path, contentType: req.get("content-type") }, config.UPLOAD_MAX_BYTES)) {
    res.status(413).set("Connection", "close").json(TOO_LARGE_BODY);
    return;
  }
  next();
});

// Fast settings (ADR 0025): on a 111 KB catalog page gzip level 3 costs 0.41 ms of CPU against 0.93 ms at the default 6
// for 15.3 KB instead of 13.3 KB; brotli quality 2 costs 0.41 ms against 0.81 ms at the package's default 4 for 13.9 KB.
app.use(compression({ level: 3, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 2 } } }));

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static(path.resolve("build/client/assets"), { immutable: true, maxAge: "1y" }));
}
// Every static file has an extension: pages and the API (/catalog, /api/v1/search) skip two file-system look-ups
// (≈ 0.15 ms a request, measured under load).
const files = express.Router();
if (!viteDevServer) files.use(express.static(path.resolve("build/client"), { maxAge: "1h" }));
files.use(express.static(path.resolve("public"), { maxAge: "1h" }));
app.use((req, res, next) => (path.extname(req.path) ? files(req, res, next) : next()));

// Anonymous catalog, category, product and supplier pages: a shared cache may keep them briefly (s-maxage) and
// revalidate with a weak ETag of the rendered body; a repeat with a matching If-None-Match gets 304 and no body. A
// response that sets a cookie is never public (app/utils/page-cache.server.ts). Within PAGE_CACHE_TTL_MS this process
// answers a repeat itself from the rendered page, with the request's own nonce and request id (X-Cache: HIT).
const pageCache = new RenderedPageCache(dev ? 0 : config.PAGE_CACHE_TTL_MS);
entry.onSearchIndexWrite(() => pageCache.clear());

/** Sends a public page: ETag, shared-cache headers, 304 when the client has it. */
function sendPublicPage(
  req: express.Request,
  res: express.Response,
  end: (chunk?: unknown) => express.Response,
  body: Buffer,
  etag: string,
) {
  res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", PUBLIC_PAGE_CACHE);
  res.setHeader("Vary", "Cookie");
  if (etagMatches(req.get("if-none-match"), etag)) {
    res.statusCode = 304;
    // a browser merges a 304's headers into its stored page: a fresh nonce would block the stored page's scripts
    res.removeHeader("Content-Security-Policy");
    res.removeHeader("Content-Type");
    res.removeHeader("Content-Length");
    return end();
  }
  return end(body);
}

app.use((req, res, next) => {
  if (req.method !== "GET" || !isPublicPagePath(req.path) || hasSessionCookie(req.get("cookie"))) return next();
  const perRequest = [res.locals.cspNonce as string, res.locals.requestId as string];
  const key = RenderedPageCache.key(req.originalUrl);
  const found = RenderedPageCache.wantsFresh(req.get("cache-control"))
    ? { state: "miss" as const }
    : pageCache.lookup(key);
  if (found.state !== "miss") {
    res.setHeader("X-Cache", found.state === "hit" ? "HIT" : "STALE");
    for (const [name, value] of found.page.headers) res.setHeader(name, value);
    const end = res.end.bind(res) as (chunk?: unknown) => express.Response;
    return sendPublicPage(req, res, end, joinPerRequest(found.page.template, perRequest), found.page.etag);
  }
  if (pageCache.enabled) res.setHeader("X-Cache", "MISS");
  // only a request id this server generated is cut out of a stored page (a client's own id could be any page text)
  const storable = pageCache.enabled && res.locals.requestIdGenerated === true;
  const generation = pageCache.generation;
  if (pageCache.enabled) res.on("close", () => pageCache.abandon(key)); // no-op once stored
  const routeHeaders = new Set(res.getHeaderNames());
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown) => express.Response;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array),
    );
  };
  res.write = ((chunk: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    return true;
  }) as typeof res.write;
  // the whole page is sent at once: no per-chunk gzip flushes (compression's res.flush)
  (res as unknown as { flush(): void }).flush = () => {};
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    res.write = write as typeof res.write;
    res.end = end as typeof res.end;
    const body = Buffer.concat(chunks);
    const policy = publicPagePolicy({ status: res.statusCode, setsCookie: res.hasHeader("set-cookie") });
    if (policy === "private") res.setHeader("Cache-Control", PRIVATE_NO_STORE);
    if (policy !== "public") {
      pageCache.abandon(key);
      return end(body);
    }
    const template = splitPerRequest(body, perRequest);
    const etag = pageEtag(template);
    if (storable) {
      // what the route set (Content-Type, Link…), not what the middlewares before this one set for every response
      const headers = res
        .getHeaderNames()
        .filter((name) => !routeHeaders.has(name) && !PER_RESPONSE_HEADERS.has(name))
        .map((name) => [name, res.getHeader(name)] as [string, string | number | string[]]);
      pageCache.store(key, { template, etag, headers, storedAt: Date.now() }, generation);
    } else pageCache.abandon(key);
    return sendPublicPage(req, res, end, body, etag);
  }) as typeof res.end;
  next();
});

// Any write this process carries out may change what an anonymous page shows (a refused one changed nothing).
app.use((req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD")
    res.on("finish", () => {
      if (res.statusCode < 400) pageCache.clear();
    });
  next();
});

// A session's own write (a form post, an API call) shows in its next page's header counts at once.
app.use((req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD" && hasSessionCookie(req.get("cookie")))
    res.on("finish", () => entry.forgetHeaderCounts(req.get("cookie")));
  next();
});

// Signed-in pages and data responses are never stored by a browser or a shared cache (whatever the route says).
// Image variants (/images/<fileId>/…) are immutable bytes; their route says private or public itself (ADR 0028).
app.use((req, res, next) => {
  if (req.path.endsWith(".data") || (hasSessionCookie(req.get("cookie")) && !req.path.startsWith("/images/"))) {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => (name.toLowerCase() === "cache-control" ? res : setHeader(name, value));
    setHeader("Cache-Control", "private, no-store");
  }
  next();
});

// Read replicas (DATABASE_REPLICA_URLS): reads of a GET go to a replica unless this client wrote within the sticky
// window; a mutation reads the primary and marks the client (read-your-writes; app/utils/db-replicas.server.ts).
if (config.DATABASE_REPLICA_URLS) {
  app.use((req, res, next) => {
    const route = readRouteForRequest(req.method, req.get("cookie"));
    if (req.method !== "GET" && req.method !== "HEAD")
      res.append("Set-Cookie", readYourWritesCookie(config.DATABASE_REPLICA_STICKY_MS, Date.now(), httpsOrigin));
    runWithReadRoute(route, next);
  });
}

app.all(
  "*",
  createRequestHandler({
    // in development a changed module is evaluated afresh with empty registries: wire it again (a no-op otherwise)
    build: viteDevServer ? async () => guardActions(wired(await loadBuild())) : initialBuild,
    mode: dev ? "development" : "production",
    getLoadContext: (req, res) => ({
      requestId: res.locals.requestId as string,
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // a client error raised by Express itself (bad URL encoding, an aborted body): no stack, no error level
    logger.info({ status, requestId: res.locals.requestId }, "bad request");
    if (!res.headersSent) res.status(status).json({ error: { code: "bad_request", message: "Bad request" } });
    return;
  }
  logger.error({ err, requestId: res.locals.requestId }, "request failed");
  if (!res.headersSent)
    res.status(500).json({ error: { code: "internal", message: "Internal error", requestId: res.locals.requestId } });
});

await entry.warmUp();
// with several web processes only one of them (worker #1) runs the outbox consumers and the periodic jobs
const background = config.WORKER_IN_PROCESS && runsBackground();
if (background) await entry.startBackground();

const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info(
    { port, host: config.HOST, mode: dev ? "development" : "production", pid: process.pid, background },
    "server listening",
  );
  if (cluster.isPrimary || runsBackground()) console.log(`СнабМост: http://localhost:${port}`);
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  server.closeIdleConnections?.();
  await entry.stopBackground().catch((err) => logger.error({ err }, "stopping background failed"));
  await viteDevServer?.close();
  await entry.closeDatabase().catch((err) => logger.error({ err }, "closing database failed"));
  logger.info("bye");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
