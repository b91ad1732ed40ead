/**
 * The file read policies of this app. Each module that links stored files to its records exports a registration
 * function from its public surface; this file wires them in, like outbox-consumers.server.ts does for the outbox.
 */
import { registerCatalogFilePolicy } from "~/modules/catalog/catalog.server";
import { registerPayOrderFilePolicy } from "~/modules/orders/orders.server";
import { registerQuoteFilePolicy } from "~/modules/quotes/quotes.server";

let registered = false;

export function registerFileReadPolicies(): void {
  if (registered) return;
  registered = true;
  registerCatalogFilePolicy();
  registerQuoteFilePolicy();
  registerPayOrderFilePolicy();
}
