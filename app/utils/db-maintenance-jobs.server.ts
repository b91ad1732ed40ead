import { scheduleJob } from "./background.server";
import { analyzeEmbeddedDatabase, checkpointIfDue } from "./db-maintenance.server";

/** The embedded database's housekeeping (see db-maintenance.server.ts): no-ops on a PostgreSQL server. */
scheduleJob("db.analyze", 6 * 60 * 60 * 1000, () => analyzeEmbeddedDatabase(), { firstAfterMs: 60 * 1000 });
scheduleJob("db.checkpoint", 60 * 1000, () => checkpointIfDue());
