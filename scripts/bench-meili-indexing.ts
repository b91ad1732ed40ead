/**
 * Meilisearch index build A/B: `tsx scripts/bench-meili-indexing.ts --docs 20000 [--variants base,proximity,…]
 * [--rounds 1] [--batch 5000] [--in-flight 2]` (DATABASE_URL = a seeded catalog, e.g. from `npm run seed:catalog`).
 * Reads the first N searchable products once (the documents of `toMeiliDocument`), then for each variant builds a fresh
 * index on one bundled Meilisearch — settings first, then the documents through `MeiliBulkLoader`, as a full reindex
 * does — and prints the build time, documents/s, the 1-minute load average, and the slowest indexing steps summed over
 * the variant's batches (Meilisearch's `progressTrace`). Variants run interleaved round by round, so a load change on
 * the shared host hits all of them alike.
 */
import os from "node:os";
import path from "node:path";
import { Meilisearch, type Settings } from "meilisearch";
import { allDocuments } from "../app/modules/search/documents.server";
import { MeiliBulkLoader } from "../app/modules/search/meili-bulk.server";
import { type MeiliDocument, meiliSettings, toMeiliDocument } from "../app/modules/search/meili-engine.server";
import { ManagedMeilisearch } from "../app/modules/search/meili-process.server";
import { openDatabase } from "../app/utils/db.server";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const wanted = Number((arg("docs") ?? "20000").replace(/[_\s]/g, ""));
const rounds = Number(arg("rounds") ?? 1);
const batchSize = Number(arg("batch") ?? 5000);
const inFlight = Number(arg("in-flight") ?? 2);
// "pipeline": each build reads the products from the database as it goes, like `reindexAll` (documents of 1,000,
// `toMeiliDocument`, the loader); "preloaded": the documents are read once, before any build (Meilisearch alone)
const mode = arg("mode") ?? "pipeline";

interface Variant {
  settings: (s: Settings) => Settings;
  doc?: (d: MeiliDocument) => MeiliDocument;
}

/** Everything the app filters on, with only the filter operations it uses and no facet search. */
const GRANULAR: Settings["filterableAttributes"] = [
  {
    attributePatterns: ["sector", "categoryPath", "categoryId", "supplierId", "verified", "inStock", "specs.*"],
    features: { facetSearch: false, filter: { equality: true, comparison: false } },
  },
  {
    attributePatterns: ["price", "leadTimeDays", "specNum.*"],
    features: { facetSearch: false, filter: { equality: false, comparison: true } },
  },
];

/** Relative to the settings the code applies now (`meiliSettings()` = "current"). */
const VARIANTS: Record<string, Variant> = {
  current: { settings: (s) => s },
  // the settings before session 9: exact word-pair distances, facet search on
  before: { settings: (s) => ({ ...s, proximityPrecision: "byWord", facetSearch: true }) },
  byword: { settings: (s) => ({ ...s, proximityPrecision: "byWord" }) },
  facetsearch: { settings: (s) => ({ ...s, facetSearch: true }) },
  granular: { settings: (s) => ({ ...s, filterableAttributes: GRANULAR }) },
  noprefix: { settings: (s) => ({ ...s, prefixSearch: "disabled" }) },
  nodescription: {
    settings: (s) => ({ ...s, searchableAttributes: s.searchableAttributes?.filter((a) => a !== "description") }),
  },
};
const names = (arg("variants") ?? Object.keys(VARIANTS).join(",")).split(",");
for (const n of names) if (!VARIANTS[n]) throw new Error(`unknown variant ${n} (${Object.keys(VARIANTS).join(", ")})`);

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

// ─── documents ─────────────────────────────────────────────────────────────
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: a seeded catalog");
const db = openDatabase(url, { thread: false });
const docs: MeiliDocument[] = [];
for await (const batch of allDocuments(1000, db.prisma)) {
  for (const d of batch) if (docs.length < wanted) docs.push(toMeiliDocument(d));
  if (docs.length >= (mode === "preloaded" ? wanted : 1000)) break; // pipeline: a sample, for the size
}
const bytes = Buffer.byteLength(JSON.stringify(docs));
console.log(
  `documents: ${(bytes / docs.length).toFixed(0)} bytes each as JSON (sample of ${docs.length}); load ${load()}`,
);

// ─── builds ────────────────────────────────────────────────────────────────
const server = await new ManagedMeilisearch({
  dataDir: path.resolve("data/bench", "meili-indexing-ab"),
  restart: false,
}).start();
const client = new Meilisearch({ host: server.host as string, apiKey: server.masterKey, timeout: 300_000 });
const results: string[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    for (const name of names) {
      const variant = VARIANTS[name];
      const uid = `ab_${name}_${round}_${Date.now().toString(36)}`;
      await client.tasks.waitForTask(await client.createIndex(uid, { primaryKey: "id" }), { timeout: 60_000 });
      const settingsTask = await client.tasks.waitForTask(
        await client.index(uid).updateSettings(variant.settings(meiliSettings())),
        { timeout: 60_000 },
      );
      if (settingsTask.status !== "succeeded") throw new Error(`${name}: ${settingsTask.error?.message}`);
      const atStart = os.loadavg()[0];
      const t = performance.now();
      const loader = new MeiliBulkLoader<MeiliDocument>(client, uid, { batchSize, inFlight, taskTimeoutMs: 3_600_000 });
      if (mode === "preloaded") await loader.add(variant.doc ? docs.map(variant.doc) : docs);
      else {
        let read = 0;
        const toDoc = variant.doc
          ? (d: Parameters<typeof toMeiliDocument>[0]) => variant.doc?.(toMeiliDocument(d)) as MeiliDocument
          : toMeiliDocument;
        for await (const batch of allDocuments(1000, db.prisma)) {
          const part = batch.slice(0, wanted - read);
          read += part.length;
          await loader.add(part.map(toDoc));
          if (read >= wanted) break;
        }
      }
      const indexed = await loader.finish();
      const seconds = (performance.now() - t) / 1000;
      const steps = await slowestSteps(uid);
      const stats = await client.index(uid).getStats();
      const line = `| ${round} | ${name} | ${indexed} | ${seconds.toFixed(1)} | ${(indexed / seconds).toFixed(0)} | ${(stats.rawDocumentDbSize / 2 ** 20).toFixed(0)} MB docs | ${atStart.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} | ${steps} |`;
      results.push(line);
      console.log(line);
      await client.tasks.waitForTask(await client.deleteIndex(uid), { timeout: 120_000 });
    }
  }
} finally {
  await server.stop();
  await db.close();
}
console.log(
  "\n| round | variant | documents | build s | docs/s | size | load 1 min | slowest steps (s, summed over batches) |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const l of results) console.log(l);
console.log(
  `\n${new Date().toISOString()}; ${mode}; batch ${batchSize}, in flight ${inFlight}; /proc/loadavg at end ${load()}`,
);

/** The indexing steps that took longest, summed over every batch of the index (progressTrace, Meilisearch ≥ 1.13). */
async function slowestSteps(uid: string): Promise<string> {
  const response = await fetch(`${server.host}/batches?indexUids=${uid}&limit=1000`, {
    headers: { authorization: `Bearer ${server.masterKey}` },
  });
  const { results: batches } = (await response.json()) as {
    results: { duration?: string; stats?: { totalNbTasks?: number; progressTrace?: Record<string, string> } }[];
  };
  if (process.argv.includes("--trace"))
    console.log(
      `    ${batches.length} batches: ${batches.map((b) => `${b.stats?.totalNbTasks} tasks ${b.duration}`).join(", ")}`,
    );
  const total = new Map<string, number>();
  for (const b of batches)
    for (const [step, duration] of Object.entries(b.stats?.progressTrace ?? {})) {
      const s = parseDuration(duration);
      // leaves only: a step whose name is a prefix of another is the sum of its children
      total.set(step, (total.get(step) ?? 0) + s);
    }
  if (process.argv.includes("--trace"))
    for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`    ${v.toFixed(2)} s  ${k}`);
  const keys = [...total.keys()];
  const leaves = keys.filter((k) => !keys.some((o) => o !== k && o.startsWith(`${k} >`)));
  return leaves
    .sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0))
    .slice(0, 5)
    .map((k) => `${k.split(" > ").slice(-2).join(" > ")} ${(total.get(k) ?? 0).toFixed(1)}`)
    .join("; ");
}

function parseDuration(d: string): number {
  const m = /^([\d.]+)(ms|µs|s|ns)$/.exec(d);
  if (!m) return 0;
  const v = Number(m[1]);
  return m[2] === "s" ? v : m[2] === "ms" ? v / 1e3 : m[2] === "µs" ? v / 1e6 : v / 1e9;
}
