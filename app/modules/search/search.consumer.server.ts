import { registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { registerHealthCheck } from "~/utils/health.server";
import { handleSearchEvents, searchHealth } from "./search.server";

/** Wires the search sync into the background worker (imported by app/utils/outbox-consumers.server.ts). */
registerOutboxHandler("search", (events) => handleSearchEvents(events), { batchSize: 200 });
registerHealthCheck("search", () => searchHealth());
