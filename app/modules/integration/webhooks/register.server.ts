import { registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { scheduleJob } from "~/utils/background.server";
import { pruneIntegrationData } from "../exchange/cleanup.server";
import { handleWebhookEvents } from "./webhooks.server";

/**
 * Wires the integration module into the background worker (imported by app/utils/outbox-consumers.server.ts): the
 * webhooks outbox consumer and the hourly pruning of exchange files, idempotency answers and old deliveries.
 */
registerOutboxHandler("webhooks", handleWebhookEvents, { batchSize: 20 });
scheduleJob("integration-prune", 3600_000, () => pruneIntegrationData());
