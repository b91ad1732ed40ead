import { type Database, getDatabase } from "./db.server";
import { logger } from "./logger.server";

/**
 * Housekeeping that a PostgreSQL server does with its own background processes and the embedded PGlite does not:
 * PGlite runs PostgreSQL as a single-user backend, with no autovacuum daemon and no checkpointer. The jobs that call
 * these are registered in `db-maintenance-jobs.server.ts`; both functions do nothing on a server.
 */

/**
 * Planner statistics. Without autovacuum a catalog that grew by an import or a bulk load would be planned with the
 * statistics of the day it was empty (seen: a full search reindex of 1M products ran ~15× slower until ANALYZE).
 * ANALYZE samples a fixed number of rows per table (≈ 4 s for the whole database at 1M products). VACUUM is not run
 * here: on PGlite it would hold the only session for the length of a full scan; the search engine vacuums its own
 * tables after its bulk writes.
 */
export async function analyzeEmbeddedDatabase(db: Database = getDatabase()): Promise<boolean> {
  if (db.kind !== "pglite") return false;
  const started = performance.now();
  await db.prisma.$executeRawUnsafe("ANALYZE");
  logger.info({ ms: Math.round(performance.now() - started) }, "db: ANALYZE done (embedded database)");
  return true;
}

/** WAL since the last checkpoint that makes one due at once (a server's max_wal_size is 1 GB). */
const CHECKPOINT_WAL_BYTES = 256 * 1024 * 1024;
/** Or, once this much WAL is waiting, when the last checkpoint is older than CHECKPOINT_MAX_AGE_MS. */
const CHECKPOINT_MIN_WAL_BYTES = 1024 * 1024;
const CHECKPOINT_MAX_AGE_MS = 15 * 60 * 1000;

let lastCheckpointAt = Date.now();

/**
 * Checkpoints. A single-user backend never requests one itself, so without this the write-ahead log of a running app
 * only grows (seen: 9 GB of WAL after indexing 1M products, against max_wal_size = 1 GB), and the next start replays
 * all of it. A checkpoint writes the dirty pages and lets PostgreSQL recycle the old WAL segments. Cheap to ask: one
 * query reads how much WAL was written since the last checkpoint's redo point.
 */
export async function checkpointIfDue(
  db: Database = getDatabase(),
  opts: { walBytes?: number } = {},
): Promise<{ checkpointed: boolean; walBytes: number } | null> {
  if (db.kind !== "pglite") return null;
  const now = Date.now();
  const [row] = await db.prisma.$queryRaw<{ wal: number }[]>`
    SELECT (pg_current_wal_insert_lsn() - redo_lsn)::float8 AS wal FROM pg_control_checkpoint()`;
  const due =
    row.wal >= (opts.walBytes ?? CHECKPOINT_WAL_BYTES) ||
    (row.wal >= CHECKPOINT_MIN_WAL_BYTES && now - lastCheckpointAt >= CHECKPOINT_MAX_AGE_MS);
  if (!due) return { checkpointed: false, walBytes: row.wal };
  const started = performance.now();
  await db.prisma.$executeRawUnsafe("CHECKPOINT");
  lastCheckpointAt = now;
  logger.info(
    { ms: Math.round(performance.now() - started), walMB: Math.round(row.wal / 2 ** 20) },
    "db: CHECKPOINT done (embedded database)",
  );
  return { checkpointed: true, walBytes: row.wal };
}
