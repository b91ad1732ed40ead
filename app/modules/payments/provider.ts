import type { PaymentMethod } from "~/generated/prisma/enums";

/**
 * A way for the buyer to pay an order. The invoice (bank transfer) is always there; Stripe (card) only with keys and
 * a supplier whose connected account can take charges.
 */
export interface PayableOrder {
  id: string;
  number: number;
  status: string;
  totalKopecks: bigint;
  supplier: { stripeAccountId: string | null; stripeAccountStatus: string | null };
}

export type PaymentStart = { kind: "invoice"; invoiceUrl: string } | { kind: "redirect"; url: string };

export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Whether the buyer is offered this provider for the order. */
  isAvailable(order: PayableOrder): boolean;
}

export const STRIPE_ACCOUNT_ENABLED = "enabled";
