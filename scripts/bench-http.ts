/**
 * HTTP load benchmark: `npm run bench:http` (build first: `npm run build`).
 *
 * Prepares a PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/snabmost_bench;
 * created when missing), migrates it, seeds the demo plus bulk products up to BENCH_PRODUCTS (100,000) and builds the
 * search index — all reused when already done. Then starts the built app on a free loopback port and runs autocannon
 * (BENCH_CONNECTIONS=50, BENCH_DURATION=15 s each) against the catalog search page, the search API (several query
 * shapes), a product page, and RFQ publishing (a demo buyer logged in through the real login form, POSTing the RFQ
 * form with intent=publish). Prints a table: req/s, p50/p95/p99 latency, errors; RFQ writes are checked in the DB.
 * Traffic goes to 127.0.0.1 only.
 */
import { type ChildProcess, spawn } from "node:child_process";
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
await waitForHealthy(base);

// ─── fixtures: a product, a buyer session ──────────────────────────────────
const db = openDatabase(url);
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
}
const q = encodeURIComponent;
const SCENARIOS: Scenario[] = [
  {
    name: "catalog page ?q=трансформатор",
    path: `/catalog?q=${q("трансформатор масляный")}`,
    ok: (s) => s === 200,
    target: "≥300 req/s, p95 ≤100 ms",
  },
  {
    name: "API rare term",
    path: `/api/v1/search?q=${q("дымосос")}`,
    ok: (s) => s === 200,
    target: "≥300 req/s, p95 ≤100 ms",
  },
  {
    name: "API common term",
    path: `/api/v1/search?q=${q("оборудование")}`,
    ok: (s) => s === 200,
    target: "≥300 req/s, p95 ≤100 ms",
  },
  {
    name: "API typo",
    path: `/api/v1/search?q=${q("трансформатр масляный")}`,
    ok: (s) => s === 200,
    target: "≥300 req/s, p95 ≤100 ms",
  },
  {
    name: "API code",
    path: `/api/v1/search?q=${q("КВ-Г-0,5-95")}`,
    ok: (s) => s === 200,
    target: "≥300 req/s, p95 ≤100 ms",
  },
  {
    name: "API facets (category+filters)",
    path: "/api/v1/search?category=kabel-i-provod&verified=1&stock=1",
    ok: (s) => s === 200,
    target: "≥300 req/s, p95 ≤100 ms",
  },
  { name: "product page", path: `/products/${q(product.slug)}`, ok: (s) => s === 200 },
  {
    name: "RFQ create+publish (POST)",
    path: "/rfq/new",
    method: "POST",
    body: rfqBody,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
    ok: (s) => s === 302,
  },
];

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
  target?: string;
}

async function bench(s: Scenario): Promise<Row> {
  // warm-up (caches, JIT)
  for (let i = 0; i < 5; i++)
    await fetch(base + s.path, { method: s.method ?? "GET", body: s.body, headers: s.headers, redirect: "manual" });
  const latencies: number[] = [];
  let bad = 0;
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
  latencies.sort((a, b) => a - b);
  return {
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
console.log(`autocannon: ${CONNECTIONS} connections × ${DURATION} s per row\n`);
const rows: Row[] = [];
const rfqsBefore = await db.prisma.rfq.count({ where: { buyerOrgId: buyer.organizationId, status: "PUBLISHED" } });
let rfqAcks = 0;
for (const s of SCENARIOS) {
  if (ONLY && !ONLY.some((o) => s.name.toLowerCase().includes(o.toLowerCase()))) continue;
  const row = await bench(s);
  if (s.method === "POST") rfqAcks = row.requests - row.errors;
  rows.push(row);
  console.error(
    `  ${s.name}: ${row.rps.toFixed(0)} req/s, p95 ${row.p95.toFixed(0)} ms (load ${os.loadavg()[0].toFixed(2)})`,
  );
}
const rfqsAfter = await db.prisma.rfq.count({ where: { buyerOrgId: buyer.organizationId, status: "PUBLISHED" } });

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
console.log("| scenario | req/s | p50 ms | p95 ms | p99 ms | requests | errors | target |");
console.log("|---|---:|---:|---:|---:|---:|---:|---|");
for (const r of rows) {
  const met = r.target ? (r.rps >= 300 && r.p95 <= 100 ? " ✅" : " ❌") : "";
  console.log(
    `| ${r.name} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.requests} | ${r.errors} | ${r.target ?? ""}${met} |`,
  );
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
