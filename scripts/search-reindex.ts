/**
 * Rebuilds the search index from the catalog (`npm run search:reindex`), for the configured engine
 * (MEILI_HOST + MEILI_API_KEY → Meilisearch, otherwise the embedded PostgreSQL engine) on DATABASE_URL.
 * Zero downtime: PostgreSQL upserts and then drops stale rows; Meilisearch builds a new index and swaps it in.
 */
import { reindexAll } from "../app/modules/search/search.server";
import { closeDatabase } from "../app/utils/db.server";

const started = Date.now();
try {
  const { indexed, engine } = await reindexAll();
  console.log(
    `search:reindex — ${indexed} products indexed by ${engine} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error("search:reindex failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
