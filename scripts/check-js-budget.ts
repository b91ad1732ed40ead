/**
 * First-load JS budget: `node --import tsx scripts/check-js-budget.ts` after `npm run build` (part of `npm run test:e2e`).
 *
 * Reads the Remix manifest of the client build (build/client/assets/manifest-*.js: per route its module and the
 * chunks it imports statically) and sums, for each key page, the gzip size (level 6, what the compression middleware
 * sends) of every script a first visit loads: the client entry with its imports, then root → ($lang) → the page route,
 * each with its imports, every file counted once. Dynamically imported chunks (React.lazy islands) are not in a
 * route's `imports`, so they do not count. Fails (exit 1) when a page exceeds JS_BUDGET_KB (150) or the build is missing.
 * Prints the goal (120 KB) too; `--json` prints the figures as JSON.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = Number(process.env.JS_BUDGET_KB ?? 150);
const GOAL_KB = 120;
const clientDir = path.resolve("build/client");
const assets = path.join(clientDir, "assets");

/** The key pages of issue #23 and the route chain each one renders (outermost first, root implied). */
export const KEY_PAGES: { name: string; routes: string[] }[] = [
  { name: "home", routes: ["routes/($lang)", "routes/($lang)._index"] },
  { name: "catalog", routes: ["routes/($lang)", "routes/($lang).catalog._index"] },
  { name: "category", routes: ["routes/($lang)", "routes/($lang).catalog.$category"] },
  { name: "product", routes: ["routes/($lang)", "routes/($lang).products.$slug"] },
  { name: "RFQ form", routes: ["routes/($lang)", "routes/($lang).rfq.new"] },
  { name: "comparison", routes: ["routes/($lang)", "routes/($lang).buyer.rfqs.$id.compare"] },
];

interface ManifestEntry {
  module: string;
  imports?: string[];
}
interface RemixManifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry>;
}

function readManifest(): RemixManifest {
  const file = fs.existsSync(assets) ? fs.readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f)) : undefined;
  if (!file) {
    console.error(`no client build manifest in ${assets}: run \`npm run build\` first`);
    process.exit(1);
  }
  const text = fs.readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as RemixManifest;
}

const gzipCache = new Map<string, number>();
function gzipBytes(url: string): number {
  let size = gzipCache.get(url);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(clientDir, url)), { level: 6 }).length;
    gzipCache.set(url, size);
  }
  return size;
}

export function firstLoad(manifest: RemixManifest, routes: string[]): { kb: number; files: [string, number][] } {
  const files = new Set<string>();
  const add = (e: ManifestEntry) => {
    files.add(e.module);
    for (const i of e.imports ?? []) files.add(i);
  };
  add(manifest.entry);
  for (const id of ["root", ...routes]) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`route ${id} is not in the build manifest`);
    add(route);
  }
  const sized = [...files].map((f) => [f, gzipBytes(f)] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { kb: sized.reduce((s, [, n]) => s + n, 0) / 1024, files: sized };
}

const manifest = readManifest();
const rows = KEY_PAGES.map((p) => ({ ...p, ...firstLoad(manifest, p.routes) }));
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, Number(r.kb.toFixed(1))]))));
} else {
  console.log(`first-load JS, KB gzip (budget ≤ ${BUDGET_KB}, goal ≤ ${GOAL_KB})`);
  for (const r of rows) {
    const mark = r.kb > BUDGET_KB ? "❌" : r.kb > GOAL_KB ? "⚠️ over the goal" : "✅";
    const top = r.files
      .slice(0, process.argv.includes("--all") ? undefined : 4)
      .map(([f, n]) => `${path.basename(f)} ${(n / 1024).toFixed(1)}`)
      .join(", ");
    console.log(`  ${r.name.padEnd(11)} ${r.kb.toFixed(1).padStart(6)} ${mark}  (largest: ${top})`);
  }
}
const over = rows.filter((r) => r.kb > BUDGET_KB);
if (over.length) {
  console.error(`JS budget exceeded on: ${over.map((r) => `${r.name} ${r.kb.toFixed(1)} KB`).join(", ")}`);
  process.exit(1);
}
