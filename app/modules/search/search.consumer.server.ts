import { registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { registerHealthCheck } from "~/utils/health.server";
import { logger } from "~/utils/logger.server";
import { bootstrapSearchIndex, handleSearchEvents, searchHealth } from "./search.server";

/** Wires the search sync into the background worker (imported by app/utils/outbox-consumers.server.ts). */
registerOutboxHandler("search", (events) => handleSearchEvents(events), { batchSize: 200 });
registerHealthCheck("search", () => searchHealth());

// an empty index next to a filled catalog (fresh seed, new Meilisearch) is rebuilt once, in the background
void bootstrapSearchIndex().catch((err) =>
  logger.warn({ err }, "search: initial index build failed; will retry via reindex"),
);
