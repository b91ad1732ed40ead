/**
 * The demo catalog (prisma seed: `seedCatalog`, 650 generated products, seed 2026) indexed in every search engine that
 * can run here — the embedded PostgreSQL engine and the bundled Meilisearch — for `bench:relevance` and
 * `bench:search`. The database lives in data/bench/demo-<N> and the Meilisearch data in data/bench/meili-demo-<N>;
 * both are reused on the next run (the indexes are rebuilt when their document count differs from the catalog's).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ManagedMeiliEngine } from "../../app/modules/search/engine-config.server";
import { bundledMeiliUnavailableReason, ManagedMeilisearch } from "../../app/modules/search/meili-process.server";
import { PostgresSearchEngine } from "../../app/modules/search/pg-engine.server";
import { reindexAll, useSearchEngine } from "../../app/modules/search/search.server";
import type { SearchEngine } from "../../app/modules/search/search.types";
import { type Database, openDatabase, useDatabase } from "../../app/utils/db.server";
import { hasBaseCatalog, seedBulkProducts, seedCatalog } from "../../prisma/seed/catalog";
import { deployMigrations } from "./schema-engine";

export interface DemoSearch {
  db: Database;
  engines: SearchEngine[];
  /** seconds each engine took to build its index in this run (absent when the index was reused) */
  buildSeconds: Record<string, number>;
  close(): Promise<void>;
}

export async function openDemoSearch(
  opts: { products?: number; only?: string[]; reindex?: boolean } = {},
): Promise<DemoSearch> {
  const products = opts.products ?? 0;
  const name = products ? `demo-${products}` : "demo";
  const dir = path.resolve("data/bench");
  mkdirSync(dir, { recursive: true });
  const url = process.env.DATABASE_URL || `file:${path.join(dir, name)}`;
  await deployMigrations(url, { log: () => {} });
  const db = openDatabase(url, { thread: false });
  useDatabase(db);
  const prisma = db.prisma;
  if (!(await hasBaseCatalog(prisma))) {
    console.log("seeding the demo catalog…");
    await seedCatalog(prisma);
  }
  const existing = await prisma.product.count();
  if (products > existing) {
    console.log(`seeding ${products - existing} more products…`);
    await seedBulkProducts(prisma, { count: products - existing, seed: 1 });
  }
  const engines: SearchEngine[] = [];
  const want = (n: string) => !opts.only || opts.only.includes(n);
  if (want("postgres")) engines.push(new PostgresSearchEngine());
  let meili: ManagedMeiliEngine | undefined;
  const reason = bundledMeiliUnavailableReason();
  if (want("meilisearch")) {
    if (reason) console.log(`Meilisearch: skipped — ${reason}`);
    else {
      meili = new ManagedMeiliEngine(new ManagedMeilisearch({ dataDir: path.join(dir, `meili-${name}`) }), "products");
      engines.push(meili);
    }
  }
  const searchable = await prisma.product.count({ where: { status: "PUBLISHED", supplier: { suspendedAt: null } } });
  const buildSeconds: Record<string, number> = {};
  for (const e of engines) {
    const documents = (await e.health()).documents ?? 0;
    if (opts.reindex || documents !== searchable) {
      useSearchEngine(e);
      const t = performance.now();
      await reindexAll(prisma);
      buildSeconds[e.name] = (performance.now() - t) / 1000;
      console.log(`${e.name}: indexed ${searchable} products in ${buildSeconds[e.name].toFixed(1)} s`);
    }
  }
  useSearchEngine(undefined);
  return {
    db,
    engines,
    buildSeconds,
    async close() {
      useSearchEngine(undefined);
      await meili?.stop();
      await db.close();
      useDatabase(undefined);
    },
  };
}
