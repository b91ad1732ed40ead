import { registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { deliverNotifications } from "./consumer.server";

/** Wires the `notify` consumer into the outbox worker (imported by app/utils/outbox-consumers.server.ts). */
registerOutboxHandler("notify", deliverNotifications, { batchSize: 50 });
