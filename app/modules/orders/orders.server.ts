import type { Prisma } from "~/generated/prisma/client";
import type { OrderStatus, PaymentMethod, VatRate } from "~/generated/prisma/enums";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { auditTrail, listAudit } from "~/modules/audit/audit.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { notify, notifyBothParties } from "~/modules/notifications/notifications.server";
import { enqueueSupplierReindex } from "~/modules/search/search.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { OrderStateError } from "./errors";
import { acceptEverythingTx, canCloseTx, deliveryOutcomeTx, shipRestTx } from "./fulfilment";
import { buildInvoiceData } from "./invoice";
import { renderInvoicePdf } from "./invoice-pdf.server";
import { type OrderLineInput, priceOrderLines } from "./lines";
import { availableActions, canRate, hasInvoice, type OrderAction, type OrderParty, transition } from "./state-machine";
import { type InvoiceKindCode, orderMoney, paidAndDue } from "./totals";

const auditOrder = auditTrail("order");

export type { OrderAction, OrderParty } from "./state-machine";
export type { InvoiceKindCode } from "./totals";

/** Whether the buyer may (still) choose how to pay an order in this status. */
export function paymentChoosable(status: string): boolean {
  return transition(status as OrderStatus, "choosePayment", "BUYER").ok;
}

export interface AwardOrderLineInput extends OrderLineInput {
  productId: string | null;
}

export interface AwardOrderInput {
  supplierOrgId: string;
  quoteId: string;
  deliveryCostKopecks: bigint;
  deliveryVatRate: VatRate;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  /** From the awarded quote: the share paid by a счёт на предоплату (0 = one счёт). */
  prepaymentPercent?: number;
  lines: AwardOrderLineInput[];
}

/**
 * Creates one order per awarded supplier inside the award transaction (issue 7's workflow calls it): lines with their
 * net / НДС / gross amounts, order totals including delivery, status AWAITING_CONFIRMATION, an audit entry and a
 * notification to the supplier organisation.
 */
export async function createOrdersFromAward(
  tx: Prisma.TransactionClient,
  input: { actor: Actor; rfqId: string; buyerOrgId: string; deliveryAddress: string; orders: AwardOrderInput[] },
): Promise<{ orderId: string; supplierOrgId: string; number: number }[]> {
  const created: { orderId: string; supplierOrgId: string; number: number }[] = [];
  for (const o of input.orders) {
    const { lines } = priceOrderLines(o.lines);
    const money = orderMoney({
      deliveryCostKopecks: o.deliveryCostKopecks,
      deliveryVatRate: o.deliveryVatRate,
      prepaymentPercent: o.prepaymentPercent ?? 0,
      lines,
    });
    const order = await tx.order.create({
      data: {
        rfqId: input.rfqId,
        quoteId: o.quoteId,
        buyerOrgId: input.buyerOrgId,
        supplierOrgId: o.supplierOrgId,
        status: "AWAITING_CONFIRMATION",
        deliveryAddress: input.deliveryAddress,
        deliveryTerms: o.deliveryTerms,
        paymentTerms: o.paymentTerms,
        deliveryCostKopecks: o.deliveryCostKopecks,
        deliveryVatRate: o.deliveryVatRate,
        prepaymentPercent: o.prepaymentPercent ?? 0,
        goodsNetKopecks: money.goods.net,
        vatKopecks: money.total.vat,
        totalKopecks: money.total.gross,
        lines: { create: lines },
      },
      select: { id: true, number: true, totalKopecks: true },
    });
    await auditOrder(tx, order.id, "order.created", input.actor, {
      rfqId: input.rfqId,
      quoteId: o.quoteId,
      totalKopecks: order.totalKopecks.toString(),
    });
    await notify(tx, {
      type: "order_created",
      recipients: { orgIds: [o.supplierOrgId] },
      params: { number: order.number },
      link: `/orders/${order.id}`,
      aggregateId: order.id,
      about: { orderId: order.id, fromOrgId: input.buyerOrgId },
    });
    created.push({ orderId: order.id, supplierOrgId: o.supplierOrgId, number: order.number });
  }
  return created;
}

// ───────────────────────────────────────────── reading ─────────────────────────────────────────────

export { FulfilmentInputError, OrderStateError } from "./errors";

function requireOrg(actor: Actor): string {
  if (!actor.organizationId) throw new NotFoundError("order");
  return actor.organizationId;
}

/** Tenant scope: the order belongs to the actor's organisation as buyer or as supplier. */
function scope(actor: Actor): Prisma.OrderWhereInput {
  const orgId = requireOrg(actor);
  return { OR: [{ buyerOrgId: orgId }, { supplierOrgId: orgId }] };
}

export function partyOf(actor: Actor, order: { buyerOrgId: string; supplierOrgId: string }): OrderParty {
  if (actor.organizationId === order.supplierOrgId) return "SUPPLIER";
  if (actor.organizationId === order.buyerOrgId) return "BUYER";
  throw new NotFoundError("order");
}

const orgCard = { select: { id: true, slug: true, shortName: true, legalName: true } } as const;

/** Orders of the actor's organisation (as buyer or supplier), newest first. */
export async function listOrders(actor: Actor, opts: { status?: OrderStatus } = {}) {
  const orders = await getPrisma().order.findMany({
    where: { AND: [scope(actor), opts.status ? { status: opts.status } : {}] },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { buyer: orgCard, supplier: orgCard, _count: { select: { lines: true } } },
  });
  return orders.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    party: partyOf(actor, o),
    buyer: o.buyer,
    supplier: o.supplier,
    totalKopecks: o.totalKopecks,
    lineCount: o._count.lines,
    createdAt: o.createdAt,
  }));
}

/** One order with lines, parties, payments, rating and the timeline; foreign or missing → NotFoundError. */
export async function getOrder(actor: Actor, orderId: string) {
  const prisma = getPrisma();
  const order = await prisma.order.findFirst({
    where: { AND: [{ id: orderId }, scope(actor)] },
    include: {
      lines: { orderBy: { position: "asc" } },
      buyer: orgCard,
      supplier: {
        select: {
          ...orgCard.select,
          bik: true,
          settlementAccount: true,
          stripeAccountId: true,
          stripeAccountStatus: true,
        },
      },
      payments: { orderBy: { createdAt: "asc" } },
      rating: true,
      rfq: { select: { id: true, number: true, title: true } },
    },
  });
  if (!order) throw new NotFoundError("order");
  const party = partyOf(actor, order);
  const timeline = await listAudit("order", order.id, prisma);
  const money = orderMoney(order);
  return {
    order,
    party,
    actions: availableActions(order.status, party),
    canRate: party === "BUYER" && canRate(order.status) && !order.rating,
    hasInvoice: hasInvoice(order.status),
    delivery: money.delivery,
    money,
    ...paidAndDue(money.total, order.payments),
    timeline: timeline.map((e) => ({ id: e.id, action: e.action, createdAt: e.createdAt, data: e.data })),
  };
}

// ───────────────────────────────────────────── lifecycle ─────────────────────────────────────────────

export type OrderStepInput =
  | { action: "confirm" }
  | { action: "choosePayment" }
  | { action: "markPaid" }
  | { action: "ship"; trackingNote: string }
  | { action: "deliver" }
  | { action: "close" }
  | { action: "cancel"; reason: string };

const NOTIFY_TYPE: Partial<Record<OrderAction, string>> = {
  confirm: "order_confirmed",
  markPaid: "order_paid",
  paymentSucceeded: "order_paid",
  ship: "order_shipped",
  deliver: "order_delivered",
  close: "order_closed",
  cancel: "order_cancelled",
};

/**
 * Moves an order one step (see state-machine.ts). The update is guarded by the current status so two concurrent
 * clicks cannot both succeed. Audited and the other party notified in the same transaction.
 */
export async function performOrderStep(actor: Actor, orderId: string, input: OrderStepInput) {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { AND: [{ id: orderId }, scope(actor)] } });
    if (!order) throw new NotFoundError("order");
    const party = partyOf(actor, order);
    // one way to ship: the one-step «Отгрузить» is a shipment of everything left (fulfilment.ts)
    if (input.action === "ship") {
      const shipped = await shipRestTx(tx, order, actor, input.trackingNote);
      return { status: shipped.status };
    }
    const result = transition(order.status, input.action, party);
    if (!result.ok) {
      if (result.reason === "wrong_party") throw new ForbiddenError(`${party} may not ${input.action}`);
      throw new OrderStateError();
    }
    if (input.action === "deliver") await acceptEverythingTx(tx, order.id);
    if (input.action === "close" && !(await canCloseTx(tx, order.id))) throw new OrderStateError("open claims");
    const now = new Date();
    const data: Prisma.OrderUpdateManyMutationInput = { status: result.to };
    if (input.action === "confirm") {
      data.confirmedAt = now;
      data.invoiceNumber = `СМ-${order.number}`;
    } else if (input.action === "choosePayment") data.paymentMethod = "INVOICE";
    else if (input.action === "markPaid") data.paidAt = now;
    else if (input.action === "deliver") data.deliveredAt = now;
    else if (input.action === "close") data.closedAt = now;
    else if (input.action === "cancel") {
      data.cancelledAt = now;
      data.cancelReason = input.reason;
      data.cancelledByOrgId = actor.organizationId;
    }
    const updated = await tx.order.updateMany({ where: { id: order.id, status: order.status }, data });
    if (updated.count !== 1) throw new OrderStateError();
    if (input.action === "markPaid") {
      // the payments module owns the Payment rows: it records the whole amount as received (wired at start-up)
      if (!manualPaymentRecorder) throw new Error("orders: no payment recorder wired (startup.server.ts)");
      await manualPaymentRecorder(tx, { orderId: order.id, amountKopecks: order.totalKopecks });
    }
    await auditOrder(tx, order.id, `order.${input.action}`, actor, {
      from: order.status,
      to: result.to,
      ...(input.action === "cancel" ? { reason: input.reason } : {}),
    });
    await emitWebhookEvent(tx, {
      type: "order.status_changed",
      orgIds: [order.buyerOrgId, order.supplierOrgId],
      data: { orderId: order.id, number: order.number, from: order.status, to: result.to, action: input.action },
    });
    const type = NOTIFY_TYPE[input.action];
    if (type) {
      await notify(tx, {
        type,
        recipients: { orgIds: [party === "BUYER" ? order.supplierOrgId : order.buyerOrgId] },
        params: {
          number: order.number,
          reason: input.action === "cancel" ? input.reason : null,
        },
        link: `/orders/${order.id}`,
        aggregateId: order.id,
        about: { orderId: order.id, fromOrgId: actor.organizationId },
      });
    }
    return { status: result.to };
  });
}

/** Records a payment the supplier marked received by hand («Оплата получена»): the payments module's row. */
export type ManualPaymentRecorder = (
  tx: Prisma.TransactionClient,
  payment: { orderId: string; amountKopecks: bigint },
) => Promise<void>;

let manualPaymentRecorder: ManualPaymentRecorder | null = null;

/** Start-up wiring (app/startup.server.ts): who writes the payment row of a «markPaid» step. */
export function registerManualPaymentRecorder(recorder: ManualPaymentRecorder): void {
  manualPaymentRecorder = recorder;
}

/**
 * The buyer started paying with a provider (a Stripe Checkout Session): the order waits for the payment with that
 * method. Runs in the caller's transaction; returns whether the status moved (audited once).
 */
export async function markPaymentStarted(
  tx: Prisma.TransactionClient,
  actor: Actor,
  orderId: string,
  data: { method: PaymentMethod; via: string; attempt: number; audit: boolean },
): Promise<boolean> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true, status: true } });
  if (!order) return false;
  const moved = await tx.order.updateMany({
    where: { id: order.id, status: { in: ["CONFIRMED", "AWAITING_PAYMENT"] } },
    data: { status: "AWAITING_PAYMENT", paymentMethod: data.method },
  });
  if (moved.count !== 1) return false;
  if (data.audit) {
    await auditOrder(tx, order.id, "order.checkoutStarted", actor, {
      from: order.status,
      to: "AWAITING_PAYMENT",
      sessionId: data.via,
      attempt: data.attempt,
    });
  }
  return true;
}

/**
 * A payment of one счёт arrived (the supplier confirmed a bank transfer): once the confirmed money covers the first
 * счёт (the advance, or the whole order), an order awaiting payment becomes PAID. `confirmedKopecks` is everything
 * confirmed so far, this payment included. Runs in the caller's transaction.
 */
export async function recordPaymentReceived(
  tx: Prisma.TransactionClient,
  orderId: string,
  data: { provider: PaymentMethod; confirmedKopecks: bigint; via: string },
): Promise<boolean> {
  const order = await tx.order.findUnique({ where: { id: orderId }, include: { lines: true } });
  if (order?.status !== "AWAITING_PAYMENT") return false;
  const first = orderMoney(order).invoices[0].totals.total.gross;
  if (data.confirmedKopecks < first) return false;
  return markOrderPaidBySystem(tx, orderId, { provider: data.provider, via: data.via });
}

/**
 * A card payment confirmed by the provider (Stripe webhook): the order becomes PAID once, whatever the order of
 * events. Runs inside the caller's transaction (the one that stores the event id). Returns whether anything changed.
 */
export async function markOrderPaidBySystem(
  tx: Prisma.TransactionClient,
  orderId: string,
  data: { provider: PaymentMethod; via: string },
): Promise<boolean> {
  const order = await tx.order.findUnique({ where: { id: orderId } });
  if (!order) return false;
  const result = transition(order.status, "paymentSucceeded", "SYSTEM");
  if (!result.ok) return false;
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { status: "PAID", paidAt: new Date(), paymentMethod: data.provider },
  });
  if (updated.count !== 1) return false;
  await auditOrder(tx, order.id, "order.paymentSucceeded", null, {
    from: order.status,
    to: "PAID",
    provider: data.provider,
    via: data.via,
  });
  await emitWebhookEvent(tx, {
    type: "order.status_changed",
    orgIds: [order.buyerOrgId, order.supplierOrgId],
    data: { orderId: order.id, number: order.number, from: order.status, to: "PAID", action: "paymentSucceeded" },
  });
  await notifyBothParties(tx, [order.supplierOrgId, order.buyerOrgId], {
    type: "order_paid",
    params: { number: order.number },
    link: `/orders/${order.id}`,
    aggregateId: order.id,
    about: { orderId: order.id },
  });
  return true;
}

/** A refunded card payment before shipping cancels the order (system step, audited). */
export async function cancelOrderAfterRefund(tx: Prisma.TransactionClient, orderId: string, via: string) {
  const order = await tx.order.findUnique({ where: { id: orderId } });
  if (order?.status !== "PAID") return false;
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: "PAID" },
    data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "Платёж возвращён (refund)" },
  });
  if (updated.count !== 1) return false;
  await auditOrder(tx, order.id, "order.refunded", null, { from: "PAID", to: "CANCELLED", via });
  await emitWebhookEvent(tx, {
    type: "order.status_changed",
    orgIds: [order.buyerOrgId, order.supplierOrgId],
    data: { orderId: order.id, number: order.number, from: "PAID", to: "CANCELLED", action: "refund" },
  });
  await notify(tx, {
    type: "order_cancelled",
    recipients: { orgIds: [order.buyerOrgId, order.supplierOrgId] },
    params: { number: order.number, reason: "платёж возвращён покупателю" },
    link: `/orders/${order.id}`,
    aggregateId: order.id,
    about: { orderId: order.id },
  });
  return true;
}

// ───────────────────────────────────────────── rating ─────────────────────────────────────────────

/** Thrown when the order was already rated; routes answer 409. */
export class AlreadyRatedError extends DomainError {
  constructor(message = "order already rated") {
    super("conflict", message);
  }
}

/** The buyer rates the supplier once per delivered order; the supplier's ratingSum/ratingCount move with it. */
export async function rateOrder(actor: Actor, orderId: string, input: { score: number; comment?: string | null }) {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw new RangeError("score 1..5");
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { AND: [{ id: orderId }, scope(actor)] },
      include: { rating: { select: { id: true } } },
    });
    if (!order) throw new NotFoundError("order");
    if (partyOf(actor, order) !== "BUYER") throw new ForbiddenError("only the buyer rates");
    if (!canRate(order.status)) throw new OrderStateError("not delivered yet");
    if (order.rating) throw new AlreadyRatedError("already rated");
    const outcome = await deliveryOutcomeTx(tx, order.id);
    try {
      await tx.rating.create({
        data: {
          orderId: order.id,
          buyerOrgId: order.buyerOrgId,
          supplierOrgId: order.supplierOrgId,
          score: input.score,
          comment: input.comment?.trim() || null,
          onTime: outcome.onTime,
          acceptance: outcome.acceptance,
        },
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw new AlreadyRatedError("already rated");
      throw e;
    }
    await tx.organization.update({
      where: { id: order.supplierOrgId },
      data: { ratingSum: { increment: input.score }, ratingCount: { increment: 1 } },
    });
    // search results show the supplier's rating on every product card
    await enqueueSupplierReindex(tx, order.supplierOrgId);
    await auditOrder(tx, order.id, "order.rated", actor, { score: input.score });
    await notify(tx, {
      type: "order_rated",
      recipients: { orgIds: [order.supplierOrgId] },
      params: { number: order.number, score: input.score },
      link: `/orders/${order.id}`,
      aggregateId: order.id,
      about: { orderId: order.id, fromOrgId: order.buyerOrgId },
    });
  });
}

// ───────────────────────────────────────────── documents ─────────────────────────────────────────────

/**
 * A счёт of an order as PDF, only for its buyer and supplier, once the supplier has confirmed. `kind` picks the advance
 * or the balance счёт of an order with prepayment (default: the order's first счёт); a kind the order has not → 404.
 */
export async function getInvoicePdf(
  actor: Actor,
  orderId: string,
  kind?: InvoiceKindCode,
): Promise<{ filename: string; pdf: Buffer }> {
  const party = { select: { legalName: true, inn: true, kpp: true, legalAddress: true } } as const;
  const order = await getPrisma().order.findFirst({
    where: { AND: [{ id: orderId }, scope(actor)] },
    include: {
      lines: { orderBy: { position: "asc" } },
      buyer: party,
      supplier: {
        select: {
          ...party.select,
          bankName: true,
          bik: true,
          settlementAccount: true,
          correspondentAccount: true,
          directorName: true,
          accountantName: true,
        },
      },
    },
  });
  if (!order || !hasInvoice(order.status)) throw new NotFoundError("invoice");
  const kinds = orderMoney(order).invoices.map((i) => i.kind);
  const chosen = kind ?? kinds[0];
  if (!kinds.includes(chosen)) throw new NotFoundError("invoice");
  const { legalAddress: sAddr, ...supplier } = order.supplier;
  const { legalAddress: bAddr, ...buyer } = order.buyer;
  const data = buildInvoiceData(
    {
      ...order,
      supplier: { ...supplier, address: sAddr },
      buyer: { ...buyer, address: bAddr },
    },
    chosen,
  );
  const pdf = await renderInvoicePdf(data);
  return { filename: `schet-${data.number}.pdf`, pdf };
}

/**
 * The supplier's orders changed since `since` (all when null), with lines and the buyer's requisites, for the 1C
 * exchange (CommerceML documents). Tenant scope: supplierOrgId = the actor's organisation.
 */
export async function listSupplierOrdersForExport(
  actor: Actor,
  opts: { since: Date | null; until: Date; take?: number },
) {
  if (actor.orgKind !== "SUPPLIER" || !actor.organizationId) throw new ForbiddenError("supplier organisation required");
  return getPrisma().order.findMany({
    where: {
      supplierOrgId: actor.organizationId,
      updatedAt: { ...(opts.since ? { gt: opts.since } : {}), lte: opts.until },
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: opts.take ?? 500,
    include: {
      lines: { orderBy: { position: "asc" } },
      buyer: {
        select: {
          id: true,
          legalName: true,
          shortName: true,
          inn: true,
          kpp: true,
          legalAddress: true,
          phone: true,
          email: true,
        },
      },
    },
  });
}
