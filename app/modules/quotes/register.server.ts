import { registerQuoteHooks } from "./quotes.server";

/** Wires the opening-protocol close hook into the background worker (imported by app/utils/outbox-consumers.server.ts). */
registerQuoteHooks();
