/**
 * HTTP load benchmark: `npm run bench:http` (build first: `npm run build`). Pages and the JSON API side by side, with
 * the server's CPU milliseconds per request (user + system of all its processes, from /proc; WEB_CONCURRENCY is passed
 * through to `npm run serve`, default one process per core).
 *
 * Prepares a PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/snabmost_bench;
 * created when missing), migrates it, seeds the demo plus bulk products up to BENCH_PRODUCTS (100,000) and builds the
 * search index — all reused when already done. Then starts the built app on a free loopback port and runs autocannon
 * (BENCH_CONNECTIONS=50, BENCH_DURATION=15 s each) against the catalog search page, the search API (several query
 * shapes), a product page, and RFQ publishing (a demo buyer logged in through the real login form, POSTing the RFQ
 * form with intent=publish). Prints a table: req/s, p50/p95/p99 latency, errors, CPU per request at 50 connections and
 * with one client (BENCH_SOLO_DURATION s, default 4, one request at a time); RFQ writes are checked in the DB.
 * Traffic goes to 127.0.0.1 only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase, useDatabase } from "../app/utils/db.server";
import { hasBaseCatalog, seedBulkProducts } from "../prisma/seed/catalog";
import { freePort, waitForHealthy } from "./lib/app-process";

const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/snabmost_bench";
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const ONLY = process.env.BENCH_ONLY?.split(",");
const SOLO_DURATION = Number(process.env.BENCH_SOLO_DURATION ?? 4);
const DEMO_PASSWORD = "Demo-Password-2026";

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

// ─── database ──────────────────────────────────────────────────────────────
async function ensureDatabase() {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) {
    console.log(`creating database ${name}`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  }
  await client.end();
}

const env = { ...process.env, DATABASE_URL: url };
await ensureDatabase();
await run(["scripts/db.ts", "deploy"], env);
{
  const db = openDatabase(url);
  useDatabase(db);
  const prisma = db.prisma;
  if (!(await hasBaseCatalog(prisma))) {
    console.log("seeding the demo…");
    await run(["scripts/seed.ts", "--quiet"], env);
  }
  const existing = await prisma.product.count();
  if (existing < PRODUCTS) {
    console.log(`seeding ${PRODUCTS - existing} bulk products…`);
    const r = await seedBulkProducts(prisma, { count: PRODUCTS - existing, seed: 1 });
    console.log(`  ${r.inserted} in ${r.seconds.toFixed(1)} s`);
  }
  const searchable = await prisma.product.count({ where: { status: "PUBLISHED", supplier: { suspendedAt: null } } });
  const [{ n: indexed }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    "SELECT count(*)::int AS n FROM search_document",
  );
  await db.close();
  if (indexed < searchable) {
    console.log(`indexing ${searchable} products (index has ${indexed})…`);
    await run(["scripts/search-reindex.ts"], env);
  }
}

// ─── server ────────────────────────────────────────────────────────────────
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  env: {
    ...env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "1000000",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("exit", stopServer);
// a cluster of workers compiling under a loaded machine can take a while to come up
await waitForHealthy(base, 180_000);

// ─── fixtures: a product, a buyer session ──────────────────────────────────
const db = openDatabase(url);
const supplier = await db.prisma.organization.findFirstOrThrow({
  where: { kind: "SUPPLIER", verifiedAt: { not: null }, suspendedAt: null },
  select: { slug: true },
  orderBy: { createdAt: "asc" },
});
const product = await db.prisma.product.findFirstOrThrow({
  where: { status: "PUBLISHED", supplier: { verifiedAt: { not: null }, suspendedAt: null } },
  select: { id: true, slug: true, title: true, supplierId: true },
  orderBy: { createdAt: "asc" },
});
const buyer = await db.prisma.membership.findFirstOrThrow({
  where: { role: "OWNER", organization: { kind: "BUYER", suspendedAt: null }, user: { email: { endsWith: ".demo" } } },
  select: { user: { select: { email: true } }, organizationId: true },
  orderBy: { createdAt: "asc" },
});
const login = await fetch(`${base}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
  body: new URLSearchParams({ email: buyer.user.email, password: DEMO_PASSWORD, redirectTo: "/" }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
if (login.status !== 302 || !cookie.startsWith("sm_session=")) throw new Error(`login failed: ${login.status}`);

const moscow = (daysAhead: number) =>
  new Date(Date.now() + daysAhead * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 16);
const rfqBody = new URLSearchParams({
  intent: "publish",
  title: "Нагрузочный тест: трансформаторы",
  deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
  deadline: moscow(5),
  neededBy: moscow(30).slice(0, 10),
  comment: "bench:http",
  "items[0].productId": product.id,
  "items[0].name": product.title,
  "items[0].quantity": "2",
  "items[0].unit": "pcs",
  recipientsShown: product.supplierId,
  recipients: product.supplierId,
}).toString();

// ─── scenarios ─────────────────────────────────────────────────────────────
interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** status that counts as success */
  ok: (status: number) => boolean;
  target?: string;
  /** scenarios with the same pairOf are a page and its JSON API call */
  pairOf?: string;
}

/**
 * The same page rendered for every request: `Cache-Control: no-cache` (a hard reload) skips the rendered-page cache
 * (PAGE_CACHE_TTL_MS), so the row measures loaders + React + serialisation. The search result cache still answers, as
 * it does for the API row next to it.
 */
const rendered = (s: Scenario): Scenario => ({
  ...s,
  name: `${s.name} (rendered each time)`,
  headers: { ...s.headers, "cache-control": "no-cache" },
});
const q = encodeURIComponent;
const PAGE_TARGET = "≥300 req/s, p95 ≤100 ms";
const qPage: Scenario = {
  name: "catalog page ?q=трансформатор масляный",
  path: `/catalog?q=${q("трансформатор масляный")}`,
  ok: (s) => s === 200,
  target: PAGE_TARGET,
  pairOf: "q",
};
const categoryPage: Scenario = {
  name: "catalog page category browse",
  path: "/catalog/kabel-i-provod",
  ok: (s) => s === 200,
  target: PAGE_TARGET,
  pairOf: "category",
};
const productPage: Scenario = {
  name: "product page",
  path: `/products/${q(product.slug)}`,
  ok: (s) => s === 200,
  target: PAGE_TARGET,
};
const SCENARIOS: Scenario[] = [
  // pages and the JSON API for the same question, side by side (a page should cost ≤ 1.5× its API call): anonymous
  // repeats as the app answers them (from the rendered-page cache), then the same page rendered every time
  qPage,
  rendered(qPage),
  {
    name: "API ?q=трансформатор масляный",
    path: `/api/v1/search?q=${q("трансформатор масляный")}`,
    ok: (s) => s === 200,
    target: PAGE_TARGET,
    pairOf: "q",
  },
  categoryPage,
  rendered(categoryPage),
  {
    name: "API category browse",
    path: "/api/v1/search?category=kabel-i-provod",
    ok: (s) => s === 200,
    target: PAGE_TARGET,
    pairOf: "category",
  },
  productPage,
  rendered(productPage),
  { name: "supplier page", path: `/suppliers/${q(supplier.slug)}`, ok: (s) => s === 200 },
  {
    name: "API rare term",
    path: `/api/v1/search?q=${q("дымосос")}`,
    ok: (s) => s === 200,
    target: PAGE_TARGET,
  },
  {
    name: "API common term",
    path: `/api/v1/search?q=${q("оборудование")}`,
    ok: (s) => s === 200,
    target: PAGE_TARGET,
  },
  {
    name: "API typo",
    path: `/api/v1/search?q=${q("трансформатр масляный")}`,
    ok: (s) => s === 200,
    target: PAGE_TARGET,
  },
  {
    name: "API code",
    path: `/api/v1/search?q=${q("КВ-Г-0,5-95")}`,
    ok: (s) => s === 200,
    target: PAGE_TARGET,
  },
  {
    name: "API facets (category+filters)",
    path: "/api/v1/search?category=kabel-i-provod&verified=1&stock=1",
    ok: (s) => s === 200,
    target: PAGE_TARGET,
  },
  {
    name: "RFQ create+publish (POST)",
    path: "/rfq/new",
    method: "POST",
    body: rfqBody,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
    ok: (s) => s === 302,
  },
];

// ─── CPU of the server (all its processes: the cluster primary and workers) ─
const CLOCK_TICKS = 100; // USER_HZ on Linux
/** User + system CPU seconds of `root` and every process below it, from /proc (Linux). */
function treeCpuSeconds(root: number): number {
  let total = 0;
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // fields after the command name "(…)": state ppid … utime(14) stime(15)
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  for (const [pid, seconds] of cpu) if (inTree(pid)) total += seconds;
  return total;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** server CPU (all its processes) per request, ms */
  cpuMs: number;
  /** the same at 1 connection (BENCH_SOLO_DURATION s), ms */
  soloCpuMs: number;
  target?: string;
  pairOf?: string;
}

async function bench(s: Scenario): Promise<Row> {
  // warm-up (caches, JIT in every worker process): 3 s of the row's own GETs (its headers: a rendered row warms the
  // renderer, not the page cache) at 10 connections, not counted; a POST 5 times
  if ((s.method ?? "GET") === "GET")
    await new Promise((resolve, reject) =>
      autocannon({ url: base + s.path, headers: s.headers, connections: 10, duration: 3, timeout: 30 }, (err, res) =>
        err ? reject(err) : resolve(res),
      ),
    );
  else
    for (let i = 0; i < 5; i++)
      await fetch(base + s.path, { method: s.method, body: s.body, headers: s.headers, redirect: "manual" });
  const latencies: number[] = [];
  let bad = 0;
  const cpuBefore = treeCpuSeconds(server.pid as number);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base + s.path,
        method: s.method ?? "GET",
        body: s.body,
        headers: s.headers,
        connections: CONNECTIONS,
        duration: DURATION,
        timeout: 30,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (!s.ok(statusCode)) bad++;
    });
  });
  const cpuSeconds = treeCpuSeconds(server.pid as number) - cpuBefore;
  latencies.sort((a, b) => a - b);
  // the same requests one at a time: what a page costs without 50 connections and the load generator contending for
  // the same 2 cores (the "CPU per page … even with one client")
  let soloCpuMs = Number.NaN;
  if ((s.method ?? "GET") === "GET") {
    const soloBefore = treeCpuSeconds(server.pid as number);
    const solo = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        { url: base + s.path, headers: s.headers, connections: 1, duration: SOLO_DURATION, timeout: 30 },
        (err, res) => (err ? reject(err) : resolve(res)),
      ),
    );
    const done = solo.requests.total;
    if (done > 0) soloCpuMs = (1000 * (treeCpuSeconds(server.pid as number) - soloBefore)) / done;
  }
  return {
    cpuMs: latencies.length ? (1000 * cpuSeconds) / latencies.length : Number.NaN,
    soloCpuMs,
    pairOf: s.pairOf,
    name: s.name,
    rps: latencies.length / (result.duration || DURATION),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors: bad + result.errors + result.timeouts,
    target: s.target,
  };
}

const load = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(" ");
console.log(
  `\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average before: ${load}`,
);
console.log(`database: ${url.replace(/:[^:@/]*@/, ":***@")}, ${await db.prisma.product.count()} products`);
console.log(
  `autocannon: ${CONNECTIONS} connections × ${DURATION} s per row; server: ${process.env.WEB_CONCURRENCY ?? os.availableParallelism()} process(es) (WEB_CONCURRENCY); CPU ms/req = the server's processes' user+system CPU (/proc) over the row ÷ requests (PostgreSQL's own CPU not included)\n`,
);
const rows: Row[] = [];
const rfqsBefore = await db.prisma.rfq.count({ where: { buyerOrgId: buyer.organizationId, status: "PUBLISHED" } });
let rfqAcks = 0;
for (const s of SCENARIOS) {
  if (ONLY && !ONLY.some((o) => s.name.toLowerCase().includes(o.toLowerCase()))) continue;
  const row = await bench(s);
  if (s.method === "POST") rfqAcks = row.requests - row.errors;
  rows.push(row);
  console.error(
    `  ${s.name}: ${row.rps.toFixed(0)} req/s, p95 ${row.p95.toFixed(0)} ms, ${row.cpuMs.toFixed(1)} CPU ms/req (load ${os.loadavg()[0].toFixed(2)})`,
  );
}
const rfqsAfter = await db.prisma.rfq.count({ where: { buyerOrgId: buyer.organizationId, status: "PUBLISHED" } });

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
console.log(
  "| scenario | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | CPU ms/req, 1 client | requests | errors | target |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const r of rows) {
  const met = r.target ? (r.rps >= 300 && r.p95 <= 100 ? " ✅" : " ❌") : "";
  console.log(
    `| ${r.name} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${ms(r.cpuMs)} | ${ms(r.soloCpuMs)} | ${r.requests} | ${r.errors} | ${r.target ?? ""}${met} |`,
  );
}
const pairs = [...new Set(rows.map((r) => r.pairOf).filter(Boolean))];
if (pairs.length) {
  console.log(
    "\n| page vs its JSON API | page CPU ms | API CPU ms | ratio (≤ 1.5) | 1 client: page / API CPU ms | page req/s | API req/s |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const pair of pairs) {
    const api = rows.find((r) => r.pairOf === pair && r.name.startsWith("API"));
    const pages = rows.filter((r) => r.pairOf === pair && !r.name.startsWith("API"));
    for (const page of api ? pages : []) {
      const ratio = page.cpuMs / (api as Row).cpuMs;
      const how = page.name.endsWith("(rendered each time)") ? "rendered each time" : "as served";
      console.log(
        `| ${pair} (${how}) | ${page.cpuMs.toFixed(1)} | ${(api as Row).cpuMs.toFixed(1)} | ${ratio.toFixed(2)}${ratio <= 1.5 ? " ✅" : " ❌"} | ${ms(page.soloCpuMs)} / ${ms((api as Row).soloCpuMs)} | ${f(page.rps)} | ${f((api as Row).rps)} |`,
      );
    }
  }
}
if (rfqAcks > 0)
  console.log(
    `\nRFQ publish: ${rfqAcks} acknowledged (302), ${rfqsAfter - rfqsBefore} new published RFQs in the database`,
  );
console.log(
  `load average after: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
await db.close();
stopServer();
process.exit(0);
