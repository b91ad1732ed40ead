/**
 * Search benchmark: `npm run bench:search -- --products 100000 [--iterations 100] [--skip-http] [--skip-raw]
 * [--engines postgres,meilisearch] [--shapes browse,code] [--reindex]`.
 * Seeds (or reuses) a catalog in ./data/bench/pglite-<N> (or DATABASE_URL), builds the search index when it is not
 * complete, then prints p50/p95/p99 per query shape at 1 and 8 concurrent clients — as the raw engine call and through
 * the HTTP API of the built app (`npm run build` first; started here on a free port with the same database).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ManagedMeiliEngine } from "../app/modules/search/engine-config.server";
import { meiliRequest, meiliSearchBody } from "../app/modules/search/meili-engine.server";
import { bundledMeiliUnavailableReason, ManagedMeilisearch } from "../app/modules/search/meili-process.server";
import { PostgresSearchEngine } from "../app/modules/search/pg-engine.server";
import { parseSearchParams } from "../app/modules/search/search.schema";
import { reindexAll, searchApiResponse, useSearchEngine } from "../app/modules/search/search.server";
import type { SearchEngine, SearchQuery } from "../app/modules/search/search.types";
import { openDatabase, useDatabase } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { hasBaseCatalog, seedBulkProducts, seedCatalog } from "../prisma/seed/catalog";
import { freePort, waitForHealthy } from "./lib/app-process";
import { deployMigrations } from "./lib/schema-engine";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const products = Number((arg("products") ?? "5000").replace(/[_\s]/g, ""));
const iterations = Number(arg("iterations") ?? 30);
const skipHttp = process.argv.includes("--skip-http");
const skipRaw = process.argv.includes("--skip-raw");
const concurrencies = (arg("concurrency") ?? "1,8").split(",").map(Number);
const url = process.env.DATABASE_URL || `file:${path.resolve("data/bench", `pglite-${products}`)}`;
if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice(5)), { recursive: true });

interface Shape {
  name: string;
  params: Record<string, string>;
}
const SHAPES: Shape[] = [
  { name: "rare term", params: { q: "дымосос" } },
  { name: "common term", params: { q: "оборудование" } },
  { name: "two terms + category", params: { q: "насос сетевой", category: "nasosy-setevye" } },
  { name: "category browse", params: { category: "kabel-i-provod" } },
  { name: "facets (browse, 3 filters)", params: { category: "kabel-i-provod", verified: "1", stock: "1" } },
  { name: "typo", params: { q: "трансформатр масляный" } },
  { name: "code", params: { q: "КВ-Г-0,5-95" } },
];

// `--shapes browse,code`: only the shapes whose name contains one of these words (a short run)
const shapeFilter = arg("shapes")?.split(",");
const shapes = shapeFilter ? SHAPES.filter((s) => shapeFilter.some((w) => s.name.includes(w))) : SHAPES;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(concurrency: number, total: number, run: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(); // warm-up
  const times: number[] = [];
  let left = total;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left--;
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), n: times.length };
}

/** The 1-minute load average (the figures of a loaded machine are not comparable with an idle one's). */
function loadAverage(): string {
  return os.loadavg()[0].toFixed(1);
}

const rows: string[] = [];
const ratios: string[] = [];

/** The Meilisearch search requests (URL, body) that `run` sends through fetch. */
async function recordSearchRequests(run: () => Promise<unknown>): Promise<{ url: string; body: string }[]> {
  const requests: { url: string; body: string }[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (/\/(search|multi-search)$/.test(new URL(url).pathname)) requests.push({ url, body: String(init?.body ?? "") });
    return realFetch(input, init);
  };
  try {
    await run();
  } finally {
    globalThis.fetch = realFetch;
  }
  return requests;
}
function report(mode: string, shape: string, c: number, r: Awaited<ReturnType<typeof measure>>, hits: number | string) {
  const f = (x: number) => x.toFixed(1);
  const line = `| ${mode} | ${shape} | ${c} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.n} | ${hits} |`;
  rows.push(line);
  console.log(line);
}

// ─── catalog ───────────────────────────────────────────────────────────────
const startLoad = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(" ");
console.log(`Database: ${url}`);
await deployMigrations(url, { log: () => {} });
// the engine as the app runs it: embedded PGlite on its own thread unless PGLITE_THREAD=false
const db = openDatabase(url, { thread: env().PGLITE_THREAD });
useDatabase(db);
const prisma = db.prisma;
if (!(await hasBaseCatalog(prisma))) {
  console.log("seeding the base catalog…");
  await seedCatalog(prisma, { products: 0 });
}
const existing = await prisma.product.count();
if (existing < products) {
  console.log(`seeding ${products - existing} products…`);
  const r = await seedBulkProducts(prisma, { count: products - existing, seed: 1 });
  console.log(`  ${r.inserted} in ${r.seconds.toFixed(1)} s`);
}
const searchable = await prisma.product.count({ where: { status: "PUBLISHED", supplier: { suspendedAt: null } } });
console.log(`${await prisma.product.count()} products, ${searchable} searchable\n`);
// both engines on the same catalog: the embedded one, and the bundled Meilisearch where it runs (linux-x64)
const engineNames = (arg("engines") ?? "postgres,meilisearch").split(",");
const engines: SearchEngine[] = [];
let meili: ManagedMeiliEngine | undefined;
if (engineNames.includes("postgres")) engines.push(new PostgresSearchEngine()); // SEARCH_PG_CANDIDATES, as the app
if (engineNames.includes("meilisearch")) {
  const reason = bundledMeiliUnavailableReason();
  if (reason) console.log(`Meilisearch skipped: ${reason}`);
  else {
    meili = new ManagedMeiliEngine(
      new ManagedMeilisearch({ dataDir: path.resolve("data/bench", `meili-${products}`) }),
      "products",
    );
    engines.push(meili);
  }
}
for (const engine of engines) {
  useSearchEngine(engine);
  const indexed = (await engine.health()).documents ?? 0;
  if (indexed !== searchable || process.argv.includes("--reindex")) {
    console.log(`${engine.name}: indexing ${searchable} products (index has ${indexed})…`);
    const t = performance.now();
    let shown = 0;
    await reindexAll(prisma, undefined, {
      onProgress: ({ sent, indexed }) => {
        if (performance.now() - shown < 5_000) return;
        shown = performance.now();
        const s = ((shown - t) / 1000).toFixed(0);
        console.log(`  … ${sent} sent, ${indexed} indexed (${s} s, load ${loadAverage()})`);
      },
    });
    const seconds = (performance.now() - t) / 1000;
    console.log(`  ${engine.name}: index built in ${seconds.toFixed(1)} s`);
    rows.push(`| ${engine.name} | index build | – | ${seconds.toFixed(1)} s | | | ${searchable} | |`);
  }
}
console.log("| mode | shape | clients | p50 ms | p95 ms | p99 ms | requests | hits |");
console.log("|---|---|---|---|---|---|---|---|");

// ─── raw engine, direct Meilisearch, and the app's search path in-process ───
for (const engine of engines)
  if (!skipRaw) {
    useSearchEngine(engine);
    const categories = new Map(
      (await prisma.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    );
    for (const shape of shapes) {
      const p = shape.params;
      const categoryId = p.category ? categories.get(p.category) : undefined;
      const specCodes = categoryId
        ? (
            await prisma.categoryAttribute.findMany({ where: { categoryId, filterable: true }, select: { code: true } })
          ).map((a) => a.code)
        : [];
      const query: SearchQuery = {
        q: p.q ?? "",
        filters: {
          categoryIds: categoryId ? [categoryId] : undefined,
          verifiedOnly: p.verified === "1" || undefined,
          inStockOnly: p.stock === "1" || undefined,
        },
        facets: { specCodes },
        sort: p.q ? "relevance" : "updated_desc",
        page: 1,
        perPage: 20,
      };
      const sample = await engine.search(query);
      const hits = `${sample.total}${sample.totalIsEstimate ? "+" : ""}`;
      const parsed = parseSearchParams(new URLSearchParams(p));
      if (!parsed.success) throw new Error(`bad shape ${shape.name}`);
      const params = parsed.data;
      // the Meilisearch request the engine sends, sent directly (same body, same client connection pool: fetch);
      // and every request the app sends for the shape (its multi-search of the main and the disjunctive facet searches,
      // and any later one), recorded on the way out and replayed in order
      let direct: (() => Promise<unknown>) | undefined;
      let directAsApp: (() => Promise<unknown>) | undefined;
      if (engine === meili) {
        await meili.engine();
        const headers = { "content-type": "application/json", authorization: `Bearer ${meili.server.masterKey}` };
        const post = async (url: string, body: string) => {
          const r = await fetch(url, { method: "POST", headers, body });
          if (!r.ok) throw new Error(`Meilisearch ${r.status}: ${await r.text()}`);
          return r.json();
        };
        const body = JSON.stringify(meiliRequest(meiliSearchBody(query)));
        direct = () => post(`${meili?.server.host}/indexes/products/search`, body);
        const appRequests = await recordSearchRequests(() => searchApiResponse(params));
        directAsApp = async () => {
          for (const r of appRequests) await post(r.url, r.body);
        };
        console.log(`  ${shape.name}: the app sends ${appRequests.map((r) => new URL(r.url).pathname).join(", ")}`);
      }
      for (const c of concurrencies) {
        const n = c === 1 ? iterations : iterations * 2;
        const d = direct && (await measure(c, n, direct));
        if (d) report(`${engine.name} direct HTTP (main query only)`, shape.name, c, d, hits);
        const da = directAsApp && (await measure(c, n, directAsApp));
        if (da) report(`${engine.name} direct HTTP (same requests as the app)`, shape.name, c, da, hits);
        report(`${engine.name} engine`, shape.name, c, await measure(c, n, () => engine.search(query)), hits);
        const app = await measure(c, n, () => searchApiResponse(params));
        report(`${engine.name} app (in-process)`, shape.name, c, app, hits);
        if (d && da) {
          const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
          const line = `app ÷ direct, ${shape.name}, ${c} client(s): p50 ${ratio(app.p50, d.p50)} / p95 ${ratio(app.p95, d.p95)} against the main query only; p50 ${ratio(app.p50, da.p50)} / p95 ${ratio(app.p95, da.p95)} against the same requests`;
          ratios.push(line);
          console.log(line);
        }
      }
    }
  }
useSearchEngine(undefined);
await db.close();
useDatabase(undefined);

// ─── HTTP API ──────────────────────────────────────────────────────────────
if (!skipHttp) {
  if (!existsSync("build/server/index.js")) {
    console.error("no build: run `npm run build` first (or pass --skip-http)");
    process.exit(1);
  }
  // "HTTP" = result cache off (every request hits the engine); "HTTP+cache" = the default 10 s result cache.
  // Each engine's rows come from the app running that engine (Meilisearch: the bench's server, as an external host).
  const runs = engines.flatMap((engine) =>
    (
      [
        ["HTTP", "0"],
        ["HTTP+cache", "10000"],
      ] as const
    ).map(([mode, ttl]) => ({ engine, mode: `${engine.name} ${mode}`, ttl })),
  );
  for (const { engine, mode, ttl } of runs) {
    const port = await freePort();
    const engineEnv =
      engine === meili
        ? {
            SEARCH_ENGINE: "meilisearch",
            MEILI_HOST: meili.server.host,
            MEILI_API_KEY: meili.server.masterKey,
            MEILI_INDEX: "products",
          }
        : { SEARCH_ENGINE: "postgres" };
    const inherited = { ...process.env };
    if (engine !== meili) delete inherited.MEILI_HOST;
    const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: {
        ...inherited,
        ...engineEnv,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        LOG_LEVEL: "error",
        WORKER_IN_PROCESS: "false",
        SEARCH_CACHE_TTL_MS: ttl,
        RATE_LIMIT_PER_MINUTE: "100000",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealthy(base);
      for (const shape of shapes) {
        const href = `${base}/api/v1/search?${new URLSearchParams(shape.params)}`;
        const sample = (await (await fetch(href)).json()) as { total: number; totalIsEstimate: boolean };
        const run = async () => {
          const r = await fetch(href);
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          await r.arrayBuffer();
        };
        for (const c of concurrencies) {
          report(
            mode,
            shape.name,
            c,
            await measure(c, c === 1 ? iterations : iterations * 2, run),
            `${sample.total}${sample.totalIsEstimate ? "+" : ""}`,
          );
        }
      }
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  }
}
await meili?.stop();
for (const line of ratios) console.log(line);
console.log(
  `\n${rows.length} measurements; ${products} products; ${new Date().toISOString()}; /proc/loadavg at start ${startLoad}, at end ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
