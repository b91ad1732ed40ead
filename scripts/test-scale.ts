/**
 * `npm run test:scale` — the scale-out topology on one machine, then a browser smoke suite and the drills through it
 * (issue 24, docs/decisions/0022). Loopback only, temp dirs, fixed spare ports (SCALE_PORT_BASE, default 3130, and
 * SCALE_PG_PORT_BASE, default 55430):
 *
 *   browser → haproxy :3130 (round robin, no stickiness, health check GET /healthz)
 *               ├─ app1 :3131 ─┐  DATABASE_URL → pgbouncer :55432 (transaction mode) → pg-primary :55430
 *               └─ app2 :3132 ─┤  DATABASE_REPLICA_URLS → pg-replica :55431 (streaming, pg_basebackup -R)
 *                              └  MEILI_HOSTS → meili-a :55433, meili-b :55434
 *   worker (npm run worker): outbox → every Meilisearch node (its own queue each), mail, notifications; primary only
 *
 * The apps run with WORKER_IN_PROCESS=false. A control endpoint on :3139 (loopback) lets the drills in tests/scale
 * kill and restart parts. Needs `npm run build` first; installs haproxy and pgbouncer with apt when they are missing
 * (running as root). Every process and temp dir is removed at the end, also on failure or Ctrl-C.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { installMeiliBinary } from "../app/modules/search/search.server";

const PORT_BASE = Number(process.env.SCALE_PORT_BASE ?? 3130);
const PG_BASE = Number(process.env.SCALE_PG_PORT_BASE ?? 55430);
const ports = {
  haproxy: PORT_BASE,
  app1: PORT_BASE + 1,
  app2: PORT_BASE + 2,
  control: PORT_BASE + 9,
  primary: PG_BASE,
  replica: PG_BASE + 1,
  pgbouncer: PG_BASE + 2,
  meiliA: PG_BASE + 3,
  meiliB: PG_BASE + 4,
};
const DB = "snabmost";
const MEILI_KEY = "scale-test-master-key-0123456789";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const log = (line: string) => console.log(`[scale ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

// ─── prerequisites ─────────────────────────────────────────────────────────

function has(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}
function ensurePackages() {
  const missing = [
    ["haproxy", "haproxy"],
    ["pgbouncer", "pgbouncer"],
  ].filter(([cmd]) => !has(cmd) && !fs.existsSync(`/usr/sbin/${cmd}`));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing.map((m) => m[1]).join(", ")}: apt-get install them`);
  log(`installing ${missing.map((m) => m[1]).join(", ")} (apt)`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing.map((m) => m[1])], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
const sbin = (cmd: string) => (fs.existsSync(`/usr/sbin/${cmd}`) ? `/usr/sbin/${cmd}` : cmd);

function pgBin(cmd: string): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const file = path.join(root, v, "bin", cmd);
    if (fs.existsSync(file)) return file;
  }
  for (const dir of ["/usr/local/bin", "/usr/bin"]) if (fs.existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  throw new Error(`PostgreSQL binary ${cmd} not found`);
}
const runAsPg = process.getuid?.() === 0;
/** PostgreSQL and PgBouncer refuse to run as root: the postgres system user runs them then. */
function asPg(cmd: string, args: string[]): [string, string[]] {
  return runAsPg ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}
function pgRun(cmd: string, args: string[]) {
  const [c, a] = asPg(pgBin(cmd), args);
  execFileSync(c, a, { stdio: ["ignore", "ignore", "inherit"] });
}

// ─── processes ─────────────────────────────────────────────────────────────

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-scale-"));
fs.chmodSync(dir, 0o755);
if (runAsPg) fs.chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
const dataDir = path.join(dir, "data"); // shared by the apps and the worker: uploads and mail files (one disk here)
const children = new Map<string, ChildProcess>();
const pgClusters = new Map<string, string>(); // name → data dir of a running cluster

function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const out = fs.openSync(path.join(dir, `${name}.log`), "a");
  const child = spawn(cmd, args, { env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  children.set(name, child);
  child.on("exit", () => {
    if (children.get(name) === child) children.delete(name);
  });
  return child;
}

function killChild(name: string, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  const child = children.get(name);
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid, signal); // its process group (runuser + the server)
  } catch {
    child.kill(signal);
  }
  return exited;
}

function startPg(name: string, pgdata: string, port: number) {
  pgRun("pg_ctl", [
    "-D",
    pgdata,
    "-l",
    path.join(dir, `${name}.log`),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c shared_buffers=64MB -c max_connections=120`,
    "-w",
    "-t",
    "60",
    "start",
  ]);
  pgClusters.set(name, pgdata);
}
function stopPg(name: string, mode: "fast" | "immediate" = "fast") {
  const pgdata = pgClusters.get(name);
  if (!pgdata) return;
  try {
    pgRun("pg_ctl", ["-D", pgdata, "-m", mode, "-w", "-t", "30", "stop"]);
  } catch {
    // already stopped
  }
  pgClusters.delete(name);
}
function psql(port: number, sql: string, db = DB): string {
  return execFileSync(pgBin("psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", db, "-Atc", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
const answers = (url: string, init?: RequestInit) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(3_000) }).then((r) => r.ok);

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    controlServer?.close();
    await Promise.all([...children.keys()].map((n) => killChild(n)));
    for (const name of [...pgClusters.keys()]) stopPg(name, "immediate");
    if (!process.env.SCALE_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

// ─── topology ──────────────────────────────────────────────────────────────

const primaryUrl = `postgres://postgres@127.0.0.1:${ports.primary}/${DB}`;
const replicaUrl = `postgres://postgres@127.0.0.1:${ports.replica}/${DB}`;
const bouncerUrl = `postgres://postgres@127.0.0.1:${ports.pgbouncer}/${DB}`;
const meiliHosts = [ports.meiliA, ports.meiliB].map((p) => `http://127.0.0.1:${p}`);
const base = `http://127.0.0.1:${ports.haproxy}`;
let meiliBinary = "";

const appEnv = (port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(port),
  APP_ORIGIN: base,
  TRUST_PROXY: "127.0.0.1",
  DATA_DIR: dataDir,
  DATABASE_URL: bouncerUrl,
  DATABASE_REPLICA_URLS: replicaUrl,
  // read-your-writes window: generous, the shared 2 cores can take seconds for a POST and its redirect under load
  DATABASE_REPLICA_STICKY_MS: "15000",
  MEILI_HOSTS: meiliHosts.join(","),
  MEILI_API_KEY: MEILI_KEY,
  SEARCH_ENGINE: "meilisearch",
  WORKER_IN_PROCESS: "false",
  // one process per app: the topology's two app processes are what haproxy balances (npm run serve would fork one per core)
  WEB_CONCURRENCY: "1",
  SESSION_SECRET: "scale-test-session-secret-0123456789",
  RATE_LIMIT_PER_MINUTE: "100000",
  LOG_LEVEL: "warn",
});
const workerEnv = (): NodeJS.ProcessEnv => ({
  ...appEnv(0),
  DATABASE_URL: primaryUrl, // the worker reads what it indexes from the primary, never a lagging copy
  DATABASE_REPLICA_URLS: "",
  LOG_LEVEL: "info", // its start line is what says it runs
});

const starters: Record<string, () => Promise<void>> = {
  async app1() {
    startChild("app1", process.execPath, ["--import", "tsx", "scripts/serve.ts"], appEnv(ports.app1));
    await waitFor("app1", () => answers(`http://127.0.0.1:${ports.app1}/healthz`), 90_000);
  },
  async app2() {
    startChild("app2", process.execPath, ["--import", "tsx", "scripts/serve.ts"], appEnv(ports.app2));
    await waitFor("app2", () => answers(`http://127.0.0.1:${ports.app2}/healthz`), 90_000);
  },
  async worker() {
    const logFile = path.join(dir, "worker.log");
    const from = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0; // a restart appends to the same log
    startChild("worker", process.execPath, ["--import", "tsx", "scripts/worker.ts"], workerEnv());
    await waitFor("worker", async () =>
      fs.readFileSync(logFile).subarray(from).toString("utf8").includes("worker running"),
    );
  },
  async "meili-a"() {
    await startMeili("meili-a", ports.meiliA);
  },
  async "meili-b"() {
    await startMeili("meili-b", ports.meiliB);
  },
  async "pg-replica"() {
    startPg("pg-replica", path.join(dir, "replica"), ports.replica);
  },
};
const stoppers: Record<string, () => Promise<void>> = {
  "pg-replica": async () => stopPg("pg-replica", "fast"),
};

async function startMeili(name: string, port: number) {
  const db = path.join(dir, name);
  startChild(name, meiliBinary, [
    "--db-path",
    db,
    "--dump-dir",
    path.join(db, "dumps"),
    "--snapshot-dir",
    path.join(db, "snapshots"),
    "--http-addr",
    `127.0.0.1:${port}`,
    "--master-key",
    MEILI_KEY,
    "--env",
    "production",
    "--no-analytics",
    "--max-indexing-threads",
    "1",
  ]);
  await waitFor(name, () => answers(`http://127.0.0.1:${port}/health`));
}

function writeConfigs() {
  fs.writeFileSync(
    path.join(dir, "haproxy.cfg"),
    `global
  maxconn 1000
defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  # a request that finds its app gone (connection refused or reset before an answer) is sent to the other one
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
frontend web
  bind 127.0.0.1:${ports.haproxy}
  default_backend apps
backend apps
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2
  server app1 127.0.0.1:${ports.app1} check
  server app2 127.0.0.1:${ports.app2} check
`,
  );
  fs.writeFileSync(path.join(dir, "pgbouncer-users.txt"), '"postgres" ""\n');
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `[databases]
${DB} = host=127.0.0.1 port=${ports.primary} dbname=${DB}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${ports.pgbouncer}
unix_socket_dir =
auth_type = trust
auth_file = ${path.join(dir, "pgbouncer-users.txt")}
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options
`,
  );
  if (runAsPg) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    for (const f of ["pgbouncer.ini", "pgbouncer-users.txt"]) fs.chownSync(path.join(dir, f), uid, 0);
  }
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function meiliDocuments(host: string): Promise<number> {
  const r = await fetch(`${host}/indexes/products/stats`, { headers: { Authorization: `Bearer ${MEILI_KEY}` } });
  if (!r.ok) return 0;
  return ((await r.json()) as { numberOfDocuments: number }).numberOfDocuments;
}

// ─── control endpoint for the drills ───────────────────────────────────────

let controlServer: http.Server | undefined;
const drillLog: string[] = [];
function startControl() {
  controlServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const [, action, name] = url.pathname.split("/");
    void (async () => {
      try {
        if (req.method === "GET" && action === "status") {
          return reply(200, { running: [...children.keys()], pg: [...pgClusters.keys()] });
        }
        if (req.method === "POST" && action === "kill" && name) {
          const t = Date.now();
          if (stoppers[name]) await stoppers[name]();
          else await killChild(name, url.searchParams.get("signal") === "TERM" ? "SIGTERM" : "SIGKILL");
          drillLog.push(`${name} stopped`);
          return reply(200, { stopped: name, ms: Date.now() - t });
        }
        if (req.method === "POST" && action === "start" && name && starters[name]) {
          const t = Date.now();
          await starters[name]();
          drillLog.push(`${name} started in ${Date.now() - t} ms`);
          return reply(200, { started: name, ms: Date.now() - t });
        }
        if (req.method === "POST" && action === "sql" && (name === "primary" || name === "replica")) {
          let body = "";
          for await (const chunk of req) body += chunk;
          return reply(200, { out: psql(name === "primary" ? ports.primary : ports.replica, body) });
        }
        reply(404, { error: "unknown control request" });
      } catch (error) {
        reply(500, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  controlServer.listen(ports.control, "127.0.0.1");
}

// ─── run ───────────────────────────────────────────────────────────────────

let exitCode = 1;
try {
  if (!fs.existsSync("build/server/index.js")) throw new Error("No server build: run `npm run build` first.");
  ensurePackages();
  for (const [name, port] of Object.entries(ports)) {
    if (await portInUse(port)) throw new Error(`port ${port} (${name}) is in use: stop what runs there first`);
  }

  // PostgreSQL primary, a database, then the replica from a base backup of it
  log("PostgreSQL primary: initdb");
  const primaryDir = path.join(dir, "primary");
  pgRun("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  fs.appendFileSync(
    path.join(primaryDir, "postgresql.conf"),
    "\nwal_level = replica\nmax_wal_senders = 5\nhot_standby = on\nhot_standby_feedback = on\n",
  );
  startPg("pg-primary", primaryDir, ports.primary);
  psql(ports.primary, `CREATE DATABASE ${DB}`, "postgres");
  log("migrating and seeding the demo on the primary");
  const scriptsEnv = { ...process.env, DATABASE_URL: primaryUrl, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  await runNode(["scripts/db.ts", "deploy"], scriptsEnv);
  await runNode(["scripts/seed.ts", "--quiet"], scriptsEnv);

  log("streaming replica: pg_basebackup -R");
  pgRun("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(ports.primary),
    "-U",
    "postgres",
    "-D",
    path.join(dir, "replica"),
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
  ]);
  await starters["pg-replica"]();
  const inRecovery = psql(ports.replica, "SELECT pg_is_in_recovery()");
  if (inRecovery !== "t") throw new Error("the replica is not in recovery");

  writeConfigs();
  const [pgb, pgbArgs] = asPg(sbin("pgbouncer"), [path.join(dir, "pgbouncer.ini")]);
  startChild("pgbouncer", pgb, pgbArgs);
  await waitFor("pgbouncer", async () => {
    psql(ports.pgbouncer, "SELECT 1");
    return true;
  });

  meiliBinary = await installMeiliBinary(path.join(dir, "meili-bin"));
  await Promise.all([starters["meili-a"](), starters["meili-b"]()]);

  log("worker, two app processes, haproxy");
  await starters.worker();
  await Promise.all([starters.app1(), starters.app2()]);
  startChild("haproxy", sbin("haproxy"), ["-f", path.join(dir, "haproxy.cfg"), "-db"]);
  await waitFor("haproxy", () => answers(`${base}/healthz`));

  // the worker rebuilds each empty node through its own outbox queue
  const products = Number(
    psql(
      ports.primary,
      `SELECT count(*) FROM product p JOIN organization o ON o.id = p."supplierId" WHERE p.status = 'PUBLISHED' AND o."suspendedAt" IS NULL`,
    ),
  );
  await waitFor(
    "both search nodes indexed",
    async () => (await Promise.all(meiliHosts.map(meiliDocuments))).every((n) => n === products && n > 0),
    120_000,
  );
  startControl();

  const pgbVersion = execFileSync(sbin("pgbouncer"), ["--version"], { encoding: "utf8" }).split("\n")[0];
  const haVersion = execFileSync(sbin("haproxy"), ["-v"], { encoding: "utf8" }).split("\n")[0];
  const pgVersion = psql(ports.primary, "SHOW server_version");
  console.log(`
Topology (loopback, ${dir}):
  haproxy     127.0.0.1:${ports.haproxy}  round robin, no sticky sessions, check GET /healthz every 500 ms (${haVersion.replace(/ - .*/, "")})
    app1      127.0.0.1:${ports.app1}  WORKER_IN_PROCESS=false
    app2      127.0.0.1:${ports.app2}  WORKER_IN_PROCESS=false
  pgbouncer   127.0.0.1:${ports.pgbouncer} transaction mode → primary (${pgbVersion})
  pg-primary  127.0.0.1:${ports.primary} PostgreSQL ${pgVersion}
  pg-replica  127.0.0.1:${ports.replica} streaming replica (pg_basebackup -R), DATABASE_REPLICA_URLS of the apps
  worker      npm run worker: outbox → search nodes, mail, notifications (primary only)
  meili-a     127.0.0.1:${ports.meiliA} Meilisearch (bundled binary), ${products} products
  meili-b     127.0.0.1:${ports.meiliB} Meilisearch (bundled binary), ${products} products
  control     127.0.0.1:${ports.control} (drills: kill/start parts)
`);

  log("Playwright smoke suite and drills through haproxy");
  // asynchronously: the control endpoint of this process must answer the drills meanwhile
  const pw = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(
      "npx",
      ["playwright", "test", "--config", "playwright.scale.config.ts", ...process.argv.slice(2)],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: {
          ...process.env,
          SCALE_BASE_URL: base,
          SCALE_CONTROL_URL: `http://127.0.0.1:${ports.control}`,
          SCALE_MEILI_HOSTS: meiliHosts.join(","),
          SCALE_MEILI_KEY: MEILI_KEY,
          SCALE_APP_URLS: [ports.app1, ports.app2].map((p) => `http://127.0.0.1:${p}`).join(","),
          SCALE_DATA_DIR: dataDir,
          E2E_DATA_DIR: dataDir,
        },
      },
    );
    children.set("playwright", child);
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("exit", (status) => resolve({ status, stdout }));
  });
  const summary = (pw.stdout ?? "")
    .split("\n")
    .filter((l) => /^\s+\d+ (passed|failed|flaky|skipped|did not run)/.test(l))
    .map((l) => l.trim());
  console.log(`\nPlaywright summary: ${summary.join(", ") || "(none)"}`);
  const errors5xx = ["app1", "app2"].map((name) => {
    const lines = fs.existsSync(path.join(dir, `${name}.log`))
      ? fs.readFileSync(path.join(dir, `${name}.log`), "utf8").split("\n")
      : [];
    // /healthz answers 503 while a node's index is being built at start; that is the balancer's business
    return `${name} ${lines.filter((l) => /"statusCode":5\d\d/.test(l) && !l.includes('"url":"/healthz"')).length}`;
  });
  console.log(`5xx answers logged by the apps (besides /healthz): ${errors5xx.join(", ")}`);
  exitCode = pw.status === 0 ? 0 : 1;
} catch (error) {
  console.error(`test:scale failed: ${error instanceof Error ? error.message : String(error)}`);
  for (const name of ["app1", "app2", "worker", "haproxy", "pgbouncer"]) {
    const file = path.join(dir, `${name}.log`);
    if (fs.existsSync(file)) console.error(`--- ${name}.log (tail)\n${fs.readFileSync(file, "utf8").slice(-2000)}`);
  }
} finally {
  await cleanup();
  log(`done (${exitCode === 0 ? "passed" : "FAILED"})`);
}
process.exit(exitCode);
