/**
 * Front-end budget: `npm run bench:frontend` (build first: `npm run build`).
 * Starts the built app on loopback with a throwaway PGlite and the seeded demo (scripts/e2e-server.ts), then runs
 * Lighthouse 12.8 (mobile preset, Debian Chromium headless: CHROME_PATH, default /usr/bin/chromium) on the home page,
 * the catalog, a product page and — when it exists — the buyer's quote comparison page (logged in as a demo buyer).
 * Prints performance and accessibility scores and first-load JS (sum of the transferred — gzip — bytes of scripts).
 * Targets: performance ≥ 95, accessibility 100, first-load JS ≤ 150 KB.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { freePort, waitForHealthy } from "./lib/app-process";

const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const DEMO_PASSWORD = "Demo-Password-2026";

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-lh-"));
const server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "fatal" },
  stdio: "ignore",
});
const stop = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("exit", stop);
await waitForHealthy(base, 120_000);

// pages
const catalogHtml = await (await fetch(`${base}/catalog`)).text();
const productPath = /href="(\/products\/[^"?#]+)"/.exec(catalogHtml)?.[1];
const pages: { name: string; path: string; cookie?: string }[] = [
  { name: "home", path: "/" },
  { name: "catalog", path: "/catalog" },
  ...(productPath ? [{ name: "product", path: productPath }] : []),
];

// the comparison page needs a buyer session and an RFQ with quotes
const buyerEmails = ["owner@hersones-energoservis.demo", "owner@balaklavskiy-vodokanal.demo"];
try {
  for (const email of buyerEmails) {
    const login = await fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/buyer/rfqs" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    if (login.status !== 302 || !cookie) continue;
    const list = await (await fetch(`${base}/buyer/rfqs`, { headers: { cookie } })).text();
    const ids = [...new Set([...list.matchAll(/href="\/buyer\/rfqs\/([^/"?]+)"/g)].map((m) => m[1]))];
    for (const id of ids) {
      const r = await fetch(`${base}/buyer/rfqs/${id}/compare`, { headers: { cookie }, redirect: "manual" });
      if (r.status === 200) {
        pages.push({ name: "quote comparison", path: `/buyer/rfqs/${id}/compare`, cookie });
        break;
      }
    }
    if (pages.some((p) => p.name === "quote comparison")) break;
  }
} catch (e) {
  console.error("comparison page skipped:", e instanceof Error ? e.message : e);
}
if (!pages.some((p) => p.name === "quote comparison"))
  console.log("(no quote comparison page with data found: skipped)");

interface Row {
  name: string;
  performance: number;
  accessibility: number;
  jsKb: number;
  lcpMs: number;
  tbtMs: number;
}
const rows: Row[] = [];
const chrome = await chromeLauncher.launch({
  chromePath: CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const p of pages) {
    const result = await lighthouse(
      base + p.path,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
      {
        extends: "lighthouse:default",
        settings: p.cookie ? { extraHeaders: { Cookie: p.cookie } } : {},
      },
    );
    if (!result) throw new Error(`no Lighthouse result for ${p.path}`);
    const lhr = result.lhr;
    const requests =
      (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] })
        ?.items ?? [];
    const js = requests.filter((r) => r.resourceType === "Script").reduce((s, r) => s + (r.transferSize ?? 0), 0);
    rows.push({
      name: p.name,
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      jsKb: js / 1024,
      lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
      tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    });
    const failedA11y = (lhr.categories.accessibility?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => {
        const items = (a.details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items ?? [];
        return `${a.id} (${items
          .map((i) => i.node?.snippet ?? "")
          .join(" ")
          .slice(0, 200)})`;
      });
    console.error(
      `  ${p.name}: done${failedA11y.length ? ` — accessibility audits failed: ${failedA11y.join("; ")}` : ""}`,
    );
  }
} finally {
  await chrome.kill();
  stop();
}

console.log(
  `\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile preset (simulated throttling), ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log("| page | performance (≥95) | accessibility (100) | first-load JS KB gzip (≤150) | LCP ms | TBT ms |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.performance}${r.performance >= 95 ? " ✅" : " ❌"} | ${r.accessibility}${r.accessibility === 100 ? " ✅" : " ❌"} | ${r.jsKb.toFixed(1)}${r.jsKb <= 150 ? " ✅" : " ❌"} | ${r.lcpMs.toFixed(0)} | ${r.tbtMs.toFixed(0)} |`,
  );
process.exit(0);
