import type { PaymentMethod } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/accounts/actor";

/**
 * A way for the buyer to pay an order. The invoice (bank transfer) is always there; Stripe (card) only with keys and
 * a supplier whose connected account can take charges. Every provider has the same life: `start` (the buyer chooses
 * it), `handleWebhook` (the money side says the payment arrived or failed: Stripe's signed event, or for a bank
 * transfer the supplier's confirmation that the платёжное поручение reached the account), `refund` (the money goes
 * back). The payments module owns the Payment rows; the order reacts through the orders module's use cases
 * (`markOrderPaidBySystem`, `recordPaymentReceived`, `cancelOrderAfterRefund`), never by payments writing its rows.
 * One contract suite (tests/integration/payments/provider-contract.test.ts) runs against every provider.
 */
export interface PayableOrder {
  id: string;
  number: number;
  status: string;
  totalKopecks: bigint;
  supplier: { stripeAccountId: string | null; stripeAccountStatus: string | null };
}

export type PaymentStart = { kind: "invoice"; invoiceUrl: string } | { kind: "redirect"; url: string };

/** What applying one notice did: a replay of an applied notice is a `duplicate` and changes nothing. */
export type WebhookOutcome = "applied" | "duplicate" | "ignored";

export interface RefundResult {
  paymentId: string;
  status: "REFUNDED";
}

export interface StartContext {
  /** The configured public origin (publicOrigin()), for return links */
  origin: string;
}

export interface PaymentProvider<Notice = unknown> {
  readonly method: PaymentMethod;
  /** Whether the buyer is offered this provider for the order. */
  isAvailable(order: PayableOrder): boolean;
  /** The buyer chooses this provider for the order: where to go next (the счёт, or the provider's hosted page). */
  start(actor: Actor, orderId: string, ctx: StartContext): Promise<PaymentStart>;
  /** Applies one notice of the money side, exactly once. */
  handleWebhook(notice: Notice): Promise<WebhookOutcome>;
  /** Returns a settled payment to the buyer (the supplier or an operator asks); the order reacts. */
  refund(actor: Actor, paymentId: string): Promise<RefundResult>;
}

export const STRIPE_ACCOUNT_ENABLED = "enabled";
