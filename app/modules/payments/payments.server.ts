import type Stripe from "stripe";
import type { Prisma } from "~/generated/prisma/client";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { divRound, kopecksToDecimalString } from "~/modules/money/money";
import { notify } from "~/modules/notifications/notifications.server";
import {
  cancelOrderAfterRefund,
  markOrderPaidBySystem,
  markPaymentStarted,
  OrderStateError,
  paymentChoosable,
  registerManualPaymentRecorder,
} from "~/modules/orders/index.server";
import { getPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { invoiceProvider, recordManualInvoicePayment } from "./invoice.server";
import type { RequisitesInput } from "./payments.schema";
import {
  type PayableOrder,
  type PaymentProvider,
  type PaymentStart,
  type RefundResult,
  STRIPE_ACCOUNT_ENABLED,
  type WebhookOutcome,
} from "./provider";
import { isStripeEnabled, stripeClient } from "./stripe-client.server";

export {
  canReadPayOrderFile,
  confirmInvoicePayment,
  type InvoiceNotice,
  invoiceProvider,
  PAY_ORDER_FILE_KINDS,
  PaymentReportError,
  registerPayOrderFilePolicy,
  reportInvoicePayment,
} from "./invoice.server";
export type { PayableOrder, PaymentProvider, PaymentStart, RefundResult, WebhookOutcome } from "./provider";
export { isStripeEnabled } from "./stripe-client.server";

/** Start-up wiring: the payments module writes the payment row of the orders module's «Оплата получена» step. */
export function registerOrderPaymentRecorder(): void {
  registerManualPaymentRecorder(recordManualInvoicePayment);
}

// ───────────────────────────────────────────── providers ─────────────────────────────────────────────

/** A Stripe webhook delivery: the raw body and its `Stripe-Signature` header, verified before anything is applied. */
export interface StripeNotice {
  rawBody: string | Buffer;
  signature: string | null;
}

export const stripeProvider: PaymentProvider<StripeNotice> = {
  method: "STRIPE",
  isAvailable: (o) =>
    isStripeEnabled() &&
    o.totalKopecks > 0n &&
    o.supplier.stripeAccountId !== null &&
    o.supplier.stripeAccountStatus === STRIPE_ACCOUNT_ENABLED &&
    paymentChoosable(o.status),
  start: (actor, orderId, ctx) => startCardCheckout(actor, orderId, ctx.origin),
  handleWebhook: async (notice) => processStripeEvent(verifyStripeEvent(notice.rawBody, notice.signature)),
  refund: (actor, paymentId) => refundCardPayment(actor, paymentId),
};

export const PAYMENT_PROVIDERS = [invoiceProvider, stripeProvider] as const;

/** The payment options the buyer sees for an order (empty for the supplier). */
export function paymentOptions(order: PayableOrder, party: "BUYER" | "SUPPLIER" | "SYSTEM") {
  if (party !== "BUYER") return [];
  return PAYMENT_PROVIDERS.filter((p) => p.isAvailable(order)).map((p) => p.method);
}

/** The buyer chooses to pay by invoice: the order waits for payment; the счёт is the next step. */
export function payByInvoice(actor: Actor, orderId: string): Promise<PaymentStart> {
  return invoiceProvider.start(actor, orderId, { origin: "" });
}

// ───────────────────────────────────────────── requisites ─────────────────────────────────────────────

function requireSupplierAdmin(actor: Actor): string {
  if (!actor.organizationId || actor.orgKind !== "SUPPLIER") throw new ForbiddenError("supplier organisation required");
  if (actor.role !== "OWNER" && actor.role !== "ADMIN") throw new ForbiddenError("owner or admin required");
  return actor.organizationId;
}

export async function getPaymentSettings(actor: Actor) {
  if (!actor.organizationId || actor.orgKind !== "SUPPLIER") throw new ForbiddenError("supplier organisation required");
  const org = await getPrisma().organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: {
      bankName: true,
      bik: true,
      settlementAccount: true,
      correspondentAccount: true,
      taxRegime: true,
      directorName: true,
      accountantName: true,
      stripeAccountId: true,
      stripeAccountStatus: true,
    },
  });
  return {
    ...org,
    canEdit: actor.role === "OWNER" || actor.role === "ADMIN",
    stripeEnabled: isStripeEnabled(),
  };
}

export async function updateRequisites(actor: Actor, input: RequisitesInput) {
  const orgId = requireSupplierAdmin(actor);
  await getPrisma().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: orgId }, data: input });
    await recordAudit(tx, {
      entityType: "organization",
      entityId: orgId,
      action: "organization.requisites_updated",
      actor,
      data: { bik: input.bik },
    });
  });
}

// ───────────────────────────────────────────── Stripe Connect ─────────────────────────────────────────────

/**
 * Supplier onboarding: creates (once) an Express connected account and returns a fresh account link to Stripe's
 * hosted onboarding. The account's status arrives later with `account.updated`.
 */
export async function startStripeOnboarding(actor: Actor, origin: string): Promise<string> {
  const orgId = requireSupplierAdmin(actor);
  if (!isStripeEnabled()) throw new NotFoundError("stripe");
  const prisma = getPrisma();
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { id: true, email: true, legalName: true, stripeAccountId: true },
  });
  const stripe = stripeClient();
  let accountId = org.stripeAccountId;
  if (!accountId) {
    const account = await stripe.accounts.create(
      {
        type: "express",
        business_type: "company",
        ...(org.email ? { email: org.email } : {}),
        company: { name: org.legalName },
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        metadata: { organizationId: org.id },
      },
      { idempotencyKey: `connect-account-${org.id}` },
    );
    accountId = account.id;
    await prisma.$transaction(async (tx) => {
      await tx.organization.update({
        where: { id: org.id },
        data: { stripeAccountId: accountId, stripeAccountStatus: "onboarding" },
      });
      await recordAudit(tx, {
        entityType: "organization",
        entityId: org.id,
        action: "organization.stripe_account_created",
        actor,
        data: { accountId },
      });
    });
  }
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: `${origin}/supplier/requisites?stripe=refresh`,
    return_url: `${origin}/supplier/requisites?stripe=return`,
  });
  return link.url;
}

function accountStatus(a: Stripe.Account): string {
  if (a.charges_enabled) return STRIPE_ACCOUNT_ENABLED;
  if (a.details_submitted) return "pending";
  return "onboarding";
}

// ───────────────────────────────────────────── Checkout ─────────────────────────────────────────────

export function platformFeeKopecks(totalKopecks: bigint): bigint {
  return divRound(totalKopecks * BigInt(env().PLATFORM_FEE_BPS), 10_000n);
}

/**
 * The buyer pays by card: a Checkout Session as a destination charge to the supplier's connected account, with the
 * platform fee. The idempotency key is the order + attempt (an attempt ends when its session fails or expires), so a
 * double click gets the same session. The order is marked paid only by the webhook.
 */
export async function startCardCheckout(actor: Actor, orderId: string, origin: string): Promise<PaymentStart> {
  if (!actor.organizationId) throw new NotFoundError("order");
  const prisma = getPrisma();
  const order = await prisma.order.findFirst({
    where: {
      id: orderId,
      OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }],
    },
    include: {
      supplier: { select: { stripeAccountId: true, stripeAccountStatus: true } },
      payments: { where: { provider: "STRIPE" }, select: { status: true } },
    },
  });
  if (!order) throw new NotFoundError("order");
  if (order.buyerOrgId !== actor.organizationId) throw new ForbiddenError("only the buyer pays");
  if (!paymentChoosable(order.status)) throw new OrderStateError();
  if (!stripeProvider.isAvailable(order)) throw new ForbiddenError("card payment not available");
  const destination = order.supplier.stripeAccountId as string;
  const attempt = order.payments.filter((p) => p.status === "FAILED").length + 1;
  const fee = platformFeeKopecks(order.totalKopecks);
  const metadata = { orderId: order.id, orderNumber: String(order.number), attempt: String(attempt) };
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: order.id,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "rub",
            unit_amount: Number(order.totalKopecks),
            product_data: { name: `Заказ № ${order.number} (СнабМост)` },
          },
        },
      ],
      payment_intent_data: {
        application_fee_amount: Number(fee),
        transfer_data: { destination },
        metadata,
      },
      metadata,
      success_url: `${origin}/orders/${order.id}?payment=success`,
      cancel_url: `${origin}/orders/${order.id}?payment=cancelled`,
    },
    { idempotencyKey: `order-${order.id}-checkout-${attempt}` },
  );
  await prisma.$transaction(async (tx) => {
    const existing = await tx.payment.findUnique({ where: { stripeCheckoutSessionId: session.id } });
    if (!existing) {
      await tx.payment.create({
        data: {
          orderId: order.id,
          provider: "STRIPE",
          status: "PENDING",
          amountKopecks: order.totalKopecks,
          feeKopecks: fee,
          stripeCheckoutSessionId: session.id,
        },
      });
    }
    await markPaymentStarted(tx, actor, order.id, { method: "STRIPE", via: session.id, attempt, audit: !existing });
  });
  if (!session.url) throw new Error("Stripe returned no checkout URL");
  return { kind: "redirect", url: session.url };
}

// ───────────────────────────────────────────── refunds ─────────────────────────────────────────────

/** Marks a card payment refunded once (the API answer or the `charge.refunded` event, whichever comes first). */
async function applyCardRefund(
  tx: Prisma.TransactionClient,
  payment: { id: string; orderId: string },
  actor: Actor | null,
  via: string,
) {
  const done = await tx.payment.updateMany({
    where: { id: payment.id, status: { not: "REFUNDED" } },
    data: { status: "REFUNDED" },
  });
  if (done.count !== 1) return false;
  await recordAudit(tx, {
    entityType: "order",
    entityId: payment.orderId,
    action: "payment.refunded",
    actor,
    data: { paymentId: payment.id, eventId: via },
  });
  await cancelOrderAfterRefund(tx, payment.orderId, via);
  return true;
}

/**
 * The supplier (whose connected account took the charge) or an operator refunds a card payment in full. Stripe's
 * refund is created with an idempotency key per payment, so a double click refunds once; the order reacts through
 * the orders module (a paid, unshipped order is cancelled).
 */
export async function refundCardPayment(actor: Actor, paymentId: string): Promise<RefundResult> {
  if (!actor.organizationId && !actor.isOperator) throw new NotFoundError("payment");
  const prisma = getPrisma();
  const payment = await prisma.payment.findFirst({
    where: {
      id: paymentId,
      provider: "STRIPE",
      ...(actor.isOperator ? {} : { order: { supplierOrgId: actor.organizationId as string } }),
    },
  });
  if (!payment) throw new NotFoundError("payment");
  if (payment.status === "REFUNDED") return { paymentId, status: "REFUNDED" };
  if (payment.status !== "SUCCEEDED" || !payment.stripePaymentIntentId)
    throw new ForbiddenError("only a settled card payment is refunded");
  const refund = await stripeClient().refunds.create(
    { payment_intent: payment.stripePaymentIntentId, reverse_transfer: true, refund_application_fee: true },
    { idempotencyKey: `refund-${payment.id}` },
  );
  await prisma.$transaction((tx) => applyCardRefund(tx, payment, actor, refund.id));
  return { paymentId, status: "REFUNDED" };
}

// ───────────────────────────────────────────── webhooks ─────────────────────────────────────────────

export class WebhookSignatureError extends Error {
  readonly status = 400;
}

/** An event that cannot be applied yet (e.g. a refund before its payment is known): not stored, Stripe retries. */
export class RetryLaterError extends Error {
  readonly status = 409;
}

/** Verifies the signature on the raw body; throws WebhookSignatureError on any mismatch. */
export function verifyStripeEvent(rawBody: string | Buffer, signature: string | null): Stripe.Event {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret || !isStripeEnabled()) throw new WebhookSignatureError("stripe not configured");
  if (!signature) throw new WebhookSignatureError("missing signature");
  try {
    return stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch (e) {
    throw new WebhookSignatureError((e as Error).message);
  }
}

export type EventOutcome = WebhookOutcome;

/**
 * Applies one verified event exactly once: the event id is stored (unique) in the same transaction as the state change
 * it causes, so a replay finds it and does nothing, and a failure stores nothing (Stripe retries).
 */
export async function processStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  const prisma = getPrisma();
  try {
    return await prisma.$transaction(async (tx) => {
      const seen = await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } });
      if (seen) return "duplicate" as const;
      await tx.stripeEvent.create({
        data: {
          id: event.id,
          type: event.type,
          createdAt: new Date(event.created * 1000),
          payload: event as unknown as Prisma.InputJsonValue,
          processedAt: new Date(),
        },
      });
      const known = await applyEvent(tx, event);
      if (!known) logger.info({ eventId: event.id, type: event.type }, "stripe event acknowledged, not handled");
      return known ? ("applied" as const) : ("ignored" as const);
    });
  } catch (e) {
    // a concurrent delivery of the same event lost the race on the event id; any other conflict is retried by Stripe
    if ((e as { code?: string }).code === "P2002" && (await prisma.stripeEvent.count({ where: { id: event.id } })) > 0)
      return "duplicate";
    throw e;
  }
}

async function applyEvent(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<boolean> {
  switch (event.type) {
    case "checkout.session.completed": {
      const s = event.data.object;
      if (s.payment_status === "paid" || s.payment_status === "no_payment_required")
        await paymentSucceeded(tx, s, event);
      else await upsertSessionPayment(tx, s, "PENDING");
      return true;
    }
    case "checkout.session.async_payment_succeeded":
      await paymentSucceeded(tx, event.data.object, event);
      return true;
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const s = event.data.object;
      await upsertSessionPayment(tx, s, "FAILED");
      return true;
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const pi = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      if (!charge.refunded) return true; // partial refund: recorded as an event only
      const payment = pi ? await tx.payment.findFirst({ where: { stripePaymentIntentId: pi } }) : null;
      if (!payment) throw new RetryLaterError(`refund for unknown payment intent ${pi}`);
      await applyCardRefund(tx, payment, null, event.id);
      return true;
    }
    case "account.updated": {
      const account = event.data.object;
      await tx.organization.updateMany({
        where: { stripeAccountId: account.id },
        data: { stripeAccountStatus: accountStatus(account) },
      });
      return true;
    }
    default:
      return false;
  }
}

function sessionOrderId(s: Stripe.Checkout.Session): string | null {
  return s.metadata?.orderId ?? s.client_reference_id ?? null;
}

async function upsertSessionPayment(
  tx: Prisma.TransactionClient,
  s: Stripe.Checkout.Session,
  status: "PENDING" | "FAILED" | "SUCCEEDED",
) {
  const orderId = sessionOrderId(s);
  if (!orderId) return null;
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true } });
  if (!order) return null;
  const pi = typeof s.payment_intent === "string" ? s.payment_intent : (s.payment_intent?.id ?? null);
  const existing = await tx.payment.findUnique({ where: { stripeCheckoutSessionId: s.id } });
  if (existing) {
    // never downgrade a settled payment (events may arrive in any order)
    if (existing.status === "SUCCEEDED" || existing.status === "REFUNDED") return existing;
    if (existing.status === "FAILED" && status === "PENDING") return existing;
    return tx.payment.update({
      where: { id: existing.id },
      data: { status, ...(pi ? { stripePaymentIntentId: pi } : {}) },
    });
  }
  return tx.payment.create({
    data: {
      orderId,
      provider: "STRIPE",
      status,
      amountKopecks: BigInt(s.amount_total ?? 0),
      stripeCheckoutSessionId: s.id,
      stripePaymentIntentId: pi,
    },
  });
}

/**
 * A paid session must carry exactly the order's amount in roubles (a correctly signed event for 1 USD once marked a
 * 900 084 ₽ order paid). A mismatch is logged at error level, audited and sent to the operators; the order is left as
 * it was. Returns true when the session matches (or names no known order: handled as before).
 */
async function sessionMatchesOrder(tx: Prisma.TransactionClient, s: Stripe.Checkout.Session, event: Stripe.Event) {
  const orderId = sessionOrderId(s);
  const order = orderId
    ? await tx.order.findUnique({ where: { id: orderId }, select: { id: true, number: true, totalKopecks: true } })
    : null;
  if (!order) return true;
  const currency = (s.currency ?? "").toLowerCase();
  const paid = s.amount_total;
  if (currency === "rub" && paid !== null && BigInt(paid) === order.totalKopecks) return true;
  const data = {
    eventId: event.id,
    sessionId: s.id,
    paid: paid ?? null,
    currency: currency || null,
    expectedKopecks: order.totalKopecks.toString(),
  };
  logger.error(
    { event: "payments.stripe.amount_mismatch", orderId: order.id, ...data },
    "stripe payment does not match the order: order left unpaid",
  );
  await recordAudit(tx, { entityType: "order", entityId: order.id, action: "payment.mismatch", actor: null, data });
  const operators = await tx.user.findMany({ where: { isOperator: true }, select: { id: true } });
  await notify(tx, {
    type: "payment_mismatch",
    recipients: { userIds: operators.map((u) => u.id) },
    params: {
      number: order.number,
      paid: paid === null ? "—" : kopecksToDecimalString(BigInt(paid)),
      currency: currency.toUpperCase() || "—",
      expected: kopecksToDecimalString(order.totalKopecks),
    },
    link: "/admin",
    aggregateId: order.id,
  });
  return false;
}

async function paymentSucceeded(tx: Prisma.TransactionClient, s: Stripe.Checkout.Session, event: Stripe.Event) {
  if (!(await sessionMatchesOrder(tx, s, event))) return;
  const payment = await upsertSessionPayment(tx, s, "SUCCEEDED");
  if (!payment) {
    logger.warn({ eventId: event.id, sessionId: s.id }, "stripe payment for an unknown order");
    return;
  }
  const changed = await markOrderPaidBySystem(tx, payment.orderId, { provider: "STRIPE", via: event.id });
  if (!changed) {
    const order = await tx.order.findUnique({ where: { id: payment.orderId }, select: { status: true } });
    if (order?.status === "CANCELLED") {
      logger.warn({ orderId: payment.orderId, eventId: event.id }, "card payment for a cancelled order: refund it");
    }
  }
}

/**
 * Reconciliation: lists recent events from Stripe and applies the ones this database has not stored (a webhook that
 * never arrived). Safe to run any time.
 */
export async function reconcileStripeEvents(opts: { sinceHours?: number } = {}) {
  if (!isStripeEnabled()) throw new Error("Stripe is not configured");
  const since = Math.floor(Date.now() / 1000) - (opts.sinceHours ?? 72) * 3600;
  const events: Stripe.Event[] = [];
  for await (const ev of stripeClient().events.list({ created: { gte: since }, limit: 100 })) events.push(ev);
  // oldest first, so a completed session is applied before its refund
  events.sort((a, b) => a.created - b.created);
  const result = { listed: events.length, applied: 0, duplicate: 0, ignored: 0, failed: 0 };
  for (const ev of events) {
    try {
      result[await processStripeEvent(ev)] += 1;
    } catch (e) {
      result.failed += 1;
      logger.warn({ eventId: ev.id, err: (e as Error).message }, "reconcile: event not applied");
    }
  }
  return result;
}
