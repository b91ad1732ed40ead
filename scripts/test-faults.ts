/**
 * Failure drills: `npm run test:faults` (build first for the PostgreSQL drill: `npm run build`).
 *
 *  1. search engine down during catalog edits  — tests/integration/faults/search-outage.test.ts
 *  2. SMTP down → mails delivered later         — tests/integration/rfq/smtp-outage.test.ts
 *  3. outbox worker killed mid-batch            — tests/integration/faults/worker-crash.test.ts
 *  4. PostgreSQL killed (SIGKILL) during an RFQ publish load: a dedicated PostgreSQL server is started here with
 *     initdb/pg_ctl in a temp dir on a spare loopback port (never the shared server), the built app runs against it,
 *     buyers publish RFQs concurrently, the postmaster is killed with `kill -9` and restarted; afterwards every
 *     acknowledged RFQ must be in the database and complete (0 lost, 0 half-written).
 *
 * Bounded: the load runs FAULTS_LOAD_SECONDS (12) with FAULTS_CLIENTS (10) clients, loopback only. Prints a summary.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, waitForHealthy } from "./lib/app-process";

const LOAD_SECONDS = Number(process.env.FAULTS_LOAD_SECONDS ?? 12);
const CLIENTS = Number(process.env.FAULTS_CLIENTS ?? 10);
const DEMO_PASSWORD = "Demo-Password-2026";
const summary: { drill: string; result: string; ok: boolean }[] = [];

// ─── 1–3: vitest drills ────────────────────────────────────────────────────
const vitestFiles = [
  ["search engine down during catalog edits", "tests/integration/faults/search-outage.test.ts"],
  ["SMTP down → mails delivered later", "tests/integration/rfq/smtp-outage.test.ts"],
  ["worker killed mid-batch", "tests/integration/faults/worker-crash.test.ts"],
] as const;
if (!process.argv.includes("--postgres-only")) {
  for (const [name, file] of vitestFiles) {
    const r = spawnSync("npx", ["vitest", "run", "--project", "integration", file], { encoding: "utf8" });
    const out = `${r.stdout}${r.stderr}`;
    const line = /(search outage drill|worker crash drill)[^\n]*/.exec(out)?.[0];
    const ok = r.status === 0;
    if (!ok) console.log(out.slice(-3000));
    summary.push({ drill: name, ok, result: ok ? (line ?? "passed") : "FAILED (see output above)" });
    console.log(`${ok ? "✓" : "✗"} ${name}${line ? ` — ${line}` : ""}`);
  }
}

// ─── 4: PostgreSQL killed during RFQ publishing ────────────────────────────
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", "pg_ctl"))) return path.join(root, v, "bin");
  throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin");
}

/** initdb refuses to run as root: run the server binaries as the postgres system user then. */
function asPgUser(cmd: string, args: string[]): string[] {
  if (process.getuid?.() !== 0) return [cmd, ...args];
  return ["runuser", "-u", "postgres", "--", cmd, ...args];
}
function pgRun(cmd: string, args: string[]) {
  const [c, ...a] = asPgUser(path.join(pgBin(), cmd), args);
  execFileSync(c, a, { stdio: ["ignore", "ignore", "inherit"] });
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

async function postgresDrill() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-pgkill-"));
  const dataDir = path.join(dir, "pgdata");
  if (process.getuid?.() === 0) fs.chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
  const pgPort = await freePort();
  const dbUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
  const startPg = () =>
    pgRun("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "pg.log"),
      "-o",
      `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on`,
      "-w",
      "start",
    ]);
  let server: ChildProcess | undefined;
  try {
    pgRun("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    startPg();
    console.log(`\nPostgreSQL drill: own server on 127.0.0.1:${pgPort} (${dataDir})`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbUrl };
    await runNode(["scripts/db.ts", "deploy"], env);
    await runNode(["scripts/seed.ts", "--quiet"], env);

    const appPort = await freePort();
    const base = `http://127.0.0.1:${appPort}`;
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: {
        ...env,
        NODE_ENV: "production",
        PORT: String(appPort),
        HOST: "127.0.0.1",
        LOG_LEVEL: "fatal",
        RATE_LIMIT_PER_MINUTE: "1000000",
        DATA_DIR: path.join(dir, "data"),
      },
      stdio: "ignore",
    });
    await waitForHealthy(base);

    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const {
      rows: [fixture],
    } = await client.query<{ email: string; productId: string; title: string; supplierId: string }>(
      `SELECT u.email, p.id AS "productId", p.title, p."supplierId"
         FROM membership m JOIN "user" u ON u.id = m."userId" JOIN organization o ON o.id = m."organizationId",
              product p JOIN organization s ON s.id = p."supplierId"
        WHERE o.kind = 'BUYER' AND m.role = 'OWNER' AND u.email LIKE '%.demo'
          AND p.status = 'PUBLISHED' AND s."verifiedAt" IS NOT NULL AND s."suspendedAt" IS NULL
        ORDER BY m."createdAt", p."createdAt" LIMIT 1`,
    );
    await client.end();
    const login = await fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: new URLSearchParams({ email: fixture.email, password: DEMO_PASSWORD, redirectTo: "/" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    if (login.status !== 302) throw new Error(`login failed: ${login.status}`);

    const moscow = (days: number) =>
      new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 16);
    const acked = new Map<string, string>(); // rfq id → title
    const failures = new Map<string, number>();
    let seq = 0;
    let stop = false;
    const publishOne = async () => {
      const title = `Авария-${++seq}-${Date.now()}`;
      try {
        const r = await fetch(`${base}/rfq/new`, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(10_000),
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
          body: new URLSearchParams({
            intent: "publish",
            title,
            deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
            deadline: moscow(5),
            neededBy: moscow(30).slice(0, 10),
            "items[0].productId": fixture.productId,
            "items[0].name": fixture.title,
            "items[0].quantity": "3",
            "items[0].unit": "pcs",
            recipientsShown: fixture.supplierId,
            recipients: fixture.supplierId,
          }),
        });
        const id = /\/buyer\/rfqs\/([^/?]+)\?published=1/.exec(r.headers.get("location") ?? "")?.[1];
        if (r.status === 302 && id) acked.set(id, title);
        else failures.set(String(r.status), (failures.get(String(r.status)) ?? 0) + 1);
      } catch (e) {
        const k = e instanceof Error ? e.name : "error";
        failures.set(k, (failures.get(k) ?? 0) + 1);
      }
    };
    const started = Date.now();
    const workers = Array.from({ length: CLIENTS }, async () => {
      while (!stop) await publishOne();
    });
    // kill the postmaster at ~1/3 of the run, restart it at ~1/2
    await sleep((LOAD_SECONDS * 1000) / 3);
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const ackedBeforeKill = acked.size;
    process.kill(pid, "SIGKILL");
    console.log(
      `  kill -9 ${pid} (postmaster) after ${((Date.now() - started) / 1000).toFixed(1)} s, ${ackedBeforeKill} RFQs acknowledged`,
    );
    await sleep(1500);
    // the backends notice their postmaster died and exit; wait for them before restarting
    for (let i = 0; i < 50 && spawnSync("pgrep", ["-f", `-D ${dataDir}`]).status === 0; i++) await sleep(200);
    const ackedBeforeRestart = acked.size;
    // shared memory / the port may still be held by exiting backends: retry the start a few times
    for (let attempt = 1; ; attempt++) {
      try {
        startPg();
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
        await sleep(1000);
      }
    }
    console.log(`  restarted (crash recovery) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await sleep(Math.max(0, LOAD_SECONDS * 1000 - (Date.now() - started)));
    stop = true;
    await Promise.all(workers);
    const ackedAfterRestart = acked.size - ackedBeforeRestart;

    // verify: every acknowledged RFQ is present, published and complete; no published RFQ is half-written
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const ids = [...acked.keys()];
    const { rows } = await check.query<{
      id: string;
      title: string;
      status: string;
      items: number;
      recipients: number;
      published: boolean;
    }>(
      `SELECT r.id, r.title, r.status::text AS status, r."publishedAt" IS NOT NULL AS published,
              (SELECT count(*)::int FROM rfq_item i WHERE i."rfqId" = r.id) AS items,
              (SELECT count(*)::int FROM rfq_recipient x WHERE x."rfqId" = r.id) AS recipients
         FROM rfq r WHERE r.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const lost = ids.filter((id) => !byId.has(id));
    const incomplete = rows.filter(
      (r) =>
        r.status !== "PUBLISHED" || !r.published || r.items !== 1 || r.recipients !== 1 || r.title !== acked.get(r.id),
    );
    const {
      rows: [half],
    } = await check.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rfq r
        WHERE r.title LIKE 'Авария-%' AND r.status = 'PUBLISHED'
          AND (r."publishedAt" IS NULL OR NOT EXISTS (SELECT 1 FROM rfq_item i WHERE i."rfqId" = r.id)
               OR NOT EXISTS (SELECT 1 FROM rfq_recipient x WHERE x."rfqId" = r.id))`,
    );
    const {
      rows: [all],
    } = await check.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rfq WHERE title LIKE 'Авария-%' AND status = 'PUBLISHED'`,
    );
    await check.end();
    const ok = lost.length === 0 && incomplete.length === 0 && half.n === 0 && ackedAfterRestart > 0;
    const failed = [...failures.entries()].map(([k, v]) => `${k}×${v}`).join(", ") || "none";
    const result = `${acked.size} acknowledged (${ackedAfterRestart} after the restart), ${lost.length} lost, ${incomplete.length} incomplete, ${half.n} half-written published RFQs; ${all.n} published in the DB (${all.n - acked.size} committed whose answer was lost in the crash); refused/failed requests: ${failed}`;
    console.log(`${ok ? "✓" : "✗"} PostgreSQL killed during RFQ publishing — ${result}`);
    summary.push({ drill: "PostgreSQL kill -9 during RFQ publish load", ok, result });
  } finally {
    if (server && server.exitCode === null) server.kill("SIGTERM");
    try {
      pgRun("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await postgresDrill();
} catch (error) {
  console.error(error);
  summary.push({ drill: "PostgreSQL kill -9 during RFQ publish load", ok: false, result: String(error) });
}

console.log(
  `\nmachine: ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log("| drill | result | |\n|---|---|---|");
for (const s of summary) console.log(`| ${s.drill} | ${s.result} | ${s.ok ? "✅" : "❌"} |`);
process.exit(summary.every((s) => s.ok) ? 0 : 1);
