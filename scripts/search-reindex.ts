/**
 * Rebuilds the search index from the catalog (`npm run search:reindex`), for the configured engine
 * (SEARCH_ENGINE / MEILI_HOST, see app/modules/search/engine-config.server.ts) on DATABASE_URL.
 * Zero downtime: PostgreSQL upserts and then drops stale rows; Meilisearch builds a new index in batches and swaps it
 * in. Safe to re-run after an interruption (a half-built Meilisearch index is dropped first). Prints progress.
 */
import { reindexAll, stopSearchEngine } from "../app/modules/search/search.server";
import { closeDatabase } from "../app/utils/db.server";

const started = Date.now();
let lastReport = 0;
try {
  const { indexed, engine, replayed } = await reindexAll(undefined, undefined, {
    onProgress: ({ sent, indexed }) => {
      if (Date.now() - lastReport < 2_000) return;
      lastReport = Date.now();
      console.log(`  … ${sent} sent, ${indexed} indexed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    },
  });
  console.log(
    `search:reindex — ${indexed} products indexed by ${engine} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (replayed ? `; ${replayed} search events of that time replayed` : ""),
  );
} catch (error) {
  console.error("search:reindex failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopSearchEngine();
  await closeDatabase();
}
