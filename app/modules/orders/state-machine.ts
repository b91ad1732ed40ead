import type { OrderStatus } from "~/generated/prisma/enums";

/**
 * The order lifecycle as a pure function: which party may do what from which status, and where it leads.
 *
 *   AWAITING_CONFIRMATION ─confirm(S)→ CONFIRMED ─choosePayment(B)→ AWAITING_PAYMENT ─markPaid(S) / payment(system)→ PAID
 *   PAID ─ship(S)→ SHIPPED ─deliver(B)→ DELIVERED ─close(B|S)→ CLOSED
 *   cancel(B|S, reason) from any status before SHIPPED → CANCELLED
 *
 * Shipments (shipments.server.ts): a shipment that leaves goods unshipped is `shipPart` (PAID|PARTIALLY_SHIPPED →
 * PARTIALLY_SHIPPED), the one that ships the rest is `ship` (→ SHIPPED). Приёмка: once everything is shipped and every
 * shipment accepted with no open рекламация, the buyer's last acceptance is `deliver`; when the last open рекламация is
 * answered by the supplier it is `settle` (both SHIPPED → DELIVERED). `close` waits for no open рекламация (checked by
 * the use case).
 *
 * markPaid / payment are also accepted straight from CONFIRMED (the money may arrive before the buyer says how it pays).
 */
export type OrderParty = "BUYER" | "SUPPLIER" | "SYSTEM";

export type OrderAction =
  | "confirm"
  | "choosePayment"
  | "markPaid"
  | "paymentSucceeded"
  | "shipPart"
  | "ship"
  | "deliver"
  | "settle"
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
  shipPart: { from: ["PAID", "PARTIALLY_SHIPPED"], to: "PARTIALLY_SHIPPED", by: ["SUPPLIER"] },
  ship: { from: ["PAID", "PARTIALLY_SHIPPED"], to: "SHIPPED", by: ["SUPPLIER"] },
  deliver: { from: ["SHIPPED"], to: "DELIVERED", by: ["BUYER"] },
  settle: { from: ["SHIPPED"], to: "DELIVERED", by: ["SUPPLIER"] },
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

/** Steps the use cases take on their own (a shipment, the last acceptance, the last answered рекламация): no button. */
const IMPLICIT: readonly OrderAction[] = ["shipPart", "settle"];

/** The actions `party` may take now (drives the buttons on the order page). */
export function availableActions(status: OrderStatus, party: OrderParty): OrderAction[] {
  return (Object.keys(ORDER_RULES) as OrderAction[]).filter(
    (a) => !IMPLICIT.includes(a) && transition(status, a, party).ok,
  );
}

/** Shipments and приёмка happen while goods are on their way. */
export function isShipping(status: OrderStatus): boolean {
  return status === "PAID" || status === "PARTIALLY_SHIPPED" || status === "SHIPPED";
}

/** The buyer may rate the supplier once the goods are delivered. */
export function canRate(status: OrderStatus): boolean {
  return status === "DELIVERED" || status === "CLOSED";
}

/** The invoice (счёт на оплату) exists once the supplier has confirmed the order. */
export function hasInvoice(status: OrderStatus): boolean {
  return status !== "AWAITING_CONFIRMATION" && status !== "CANCELLED";
}
