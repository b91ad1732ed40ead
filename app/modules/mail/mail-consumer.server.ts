import { registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { deliverEmailEvents } from "./mail.server";

/** Registers the `email` outbox consumer (imported by app/utils/outbox-consumers.server.ts). */
registerOutboxHandler("email", deliverEmailEvents, { batchSize: 1 });
