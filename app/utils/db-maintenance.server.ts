import { scheduleJob } from "./background.server";
import { getDatabase } from "./db.server";
import { logger } from "./logger.server";

/**
 * Planner statistics for the embedded database. A PostgreSQL server keeps them fresh with its autovacuum daemon;
 * PGlite has none, so a catalog that grew by an import or a bulk load would be planned with the statistics of the day
 * it was empty (seen: a full search reindex of 1M products ran ~15× slower until ANALYZE). ANALYZE samples a fixed
 * number of rows per table (≈ 4 s for the whole database at 1M products), so it is cheap enough to run a minute after
 * start and then every six hours. VACUUM is not run here: on PGlite it would hold the only session for the length of
 * a full scan; the search engine vacuums its own tables after its bulk writes.
 */
const ANALYZE_EVERY_MS = 6 * 60 * 60 * 1000;
const FIRST_ANALYZE_AFTER_MS = 60 * 1000;

export async function analyzeEmbeddedDatabase(): Promise<boolean> {
  const db = getDatabase();
  if (db.kind !== "pglite") return false;
  const started = performance.now();
  await db.prisma.$executeRawUnsafe("ANALYZE");
  logger.info({ ms: Math.round(performance.now() - started) }, "db: ANALYZE done (embedded database)");
  return true;
}

scheduleJob("db.analyze", ANALYZE_EVERY_MS, analyzeEmbeddedDatabase, { firstAfterMs: FIRST_ANALYZE_AFTER_MS });
