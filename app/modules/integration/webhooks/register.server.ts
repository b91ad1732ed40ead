import { registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { handleWebhookEvents } from "./webhooks.server";

/** Wires the webhooks outbox consumer into the background worker (imported by app/utils/outbox-consumers.server.ts). */
registerOutboxHandler("webhooks", handleWebhookEvents, { batchSize: 20 });
