import type { OrderStatus } from "~/generated/prisma/enums";

/**
 * The order lifecycle as a pure function: which party may do what from which status, and where it leads.
 *
 *   AWAITING_CONFIRMATION ─confirm(S)→ CONFIRMED ─choosePayment(B)→ AWAITING_PAYMENT ─markPaid(S) / payment(system)→ PAID
 *   PAID ─ship(S)→ SHIPPED ─deliver(B)→ DELIVERED ─close(B|S)→ CLOSED
 *   cancel(B|S, reason) from any status before SHIPPED → CANCELLED
 *
 * markPaid / payment are also accepted straight from CONFIRMED (the money may arrive before the buyer says how it pays).
 */
export type OrderParty = "BUYER" | "SUPPLIER" | "SYSTEM";

export type OrderAction =
  | "confirm"
  | "choosePayment"
  | "markPaid"
  | "paymentSucceeded"
  | "ship"
  | "deliver"
  | "close"
  | "cancel";

interface Rule {
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly OrderParty[];
}

const BEFORE_SHIPPING: readonly OrderStatus[] = ["AWAITING_CONFIRMATION", "CONFIRMED", "AWAITING_PAYMENT", "PAID"];

export const ORDER_RULES: Readonly<Record<OrderAction, Rule>> = {
  confirm: { from: ["AWAITING_CONFIRMATION"], to: "CONFIRMED", by: ["SUPPLIER"] },
  choosePayment: { from: ["CONFIRMED", "AWAITING_PAYMENT"], to: "AWAITING_PAYMENT", by: ["BUYER"] },
  markPaid: { from: ["CONFIRMED", "AWAITING_PAYMENT"], to: "PAID", by: ["SUPPLIER"] },
  paymentSucceeded: { from: ["CONFIRMED", "AWAITING_PAYMENT"], to: "PAID", by: ["SYSTEM"] },
  ship: { from: ["PAID"], to: "SHIPPED", by: ["SUPPLIER"] },
  deliver: { from: ["SHIPPED"], to: "DELIVERED", by: ["BUYER"] },
  close: { from: ["DELIVERED"], to: "CLOSED", by: ["BUYER", "SUPPLIER"] },
  cancel: { from: BEFORE_SHIPPING, to: "CANCELLED", by: ["BUYER", "SUPPLIER"] },
};

export type TransitionResult = { ok: true; to: OrderStatus } | { ok: false; reason: "wrong_party" | "wrong_status" };

/** Where `action` by `party` leads from `status`, or why it is not allowed. */
export function transition(status: OrderStatus, action: OrderAction, party: OrderParty): TransitionResult {
  const rule = ORDER_RULES[action];
  if (!rule.by.includes(party)) return { ok: false, reason: "wrong_party" };
  if (!rule.from.includes(status)) return { ok: false, reason: "wrong_status" };
  return { ok: true, to: rule.to };
}

/** The actions `party` may take now (drives the buttons on the order page). */
export function availableActions(status: OrderStatus, party: OrderParty): OrderAction[] {
  return (Object.keys(ORDER_RULES) as OrderAction[]).filter((a) => transition(status, a, party).ok);
}

/** The buyer may rate the supplier once the goods are delivered. */
export function canRate(status: OrderStatus): boolean {
  return status === "DELIVERED" || status === "CLOSED";
}

/** The invoice (счёт на оплату) exists once the supplier has confirmed the order. */
export function hasInvoice(status: OrderStatus): boolean {
  return status !== "AWAITING_CONFIRMATION" && status !== "CANCELLED";
}
