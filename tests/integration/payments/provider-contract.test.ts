/**
 * One contract for every PaymentProvider (as tests/integration/search/contract.ts is for every SearchEngine): the
 * buyer starts, the money side's notice marks the order paid exactly once, a forged notice changes nothing, the
 * supplier's refund returns the payment and the orders module cancels the paid, unshipped order. Stripe runs through
 * the official SDK against MSW (tests/mocks/stripe.ts); the invoice provider is the bank transfer with a платёжное
 * поручение reported by the buyer and confirmed by the supplier.
 */
import { setupServer } from "msw/node";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { listAudit } from "~/modules/audit/audit.server";
import { getOrder, performOrderStep } from "~/modules/orders/orders.server";
import {
  type InvoiceNotice,
  invoiceProvider,
  type PaymentProvider,
  reportInvoicePayment,
  type StripeNotice,
  stripeProvider,
} from "~/modules/payments/payments.server";
import { resetStripeClientForTests } from "~/modules/payments/stripe-client.server";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createActor } from "../../fixtures/factories";
import { fakeStripe } from "../../mocks/stripe";
import { createAwardedOrder, giveRequisites } from "../orders/helpers";

const SECRET = "whsec_contract_secret";
const fake = fakeStripe();
const server = setupServer(...fake.handlers);
const signer = new Stripe("sk_test_signer");

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  process.env.STRIPE_SECRET_KEY = "sk_test_platform";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
  resetStripeClientForTests();
});
afterAll(() => {
  server.close();
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
  resetStripeClientForTests();
});

interface Ctx {
  buyer: Actor;
  supplier: Actor;
  stranger: Actor;
  orderId: string;
}

interface Harness<N> {
  provider: PaymentProvider<N>;
  /** After `start`: the provider's notice that the whole order was paid. */
  paidNotice(ctx: Ctx): Promise<N>;
  /** A notice that must be refused and change nothing (bad signature; the buyer confirming its own transfer). */
  forgedNotice(ctx: Ctx): Promise<N>;
}

let seq = 0;
const invoiceHarness: Harness<InvoiceNotice> = {
  provider: invoiceProvider,
  async paidNotice(ctx) {
    const { paymentId } = await reportInvoicePayment(ctx.buyer, ctx.orderId, {
      kind: "FULL",
      payOrderNumber: "512",
      payOrderDate: new Date(),
    });
    return { actor: ctx.supplier, orderId: ctx.orderId, paymentId };
  },
  async forgedNotice(ctx) {
    const { paymentId } = await reportInvoicePayment(ctx.buyer, ctx.orderId, {
      kind: "FULL",
      payOrderNumber: "513",
      payOrderDate: new Date(),
    });
    return { actor: ctx.buyer, orderId: ctx.orderId, paymentId };
  },
};

async function stripeSessionEvent(ctx: Ctx) {
  const payment = await getPrisma().payment.findFirstOrThrow({ where: { orderId: ctx.orderId, provider: "STRIPE" } });
  const order = await getPrisma().order.findUniqueOrThrow({ where: { id: ctx.orderId } });
  seq += 1;
  const sessionId = payment.stripeCheckoutSessionId as string;
  return JSON.stringify({
    id: `evt_contract_${seq}_${Math.random().toString(36).slice(2, 8)}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    type: "checkout.session.completed",
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: sessionId,
        object: "checkout.session",
        amount_total: Number(order.totalKopecks),
        currency: "rub",
        client_reference_id: ctx.orderId,
        metadata: { orderId: ctx.orderId },
        payment_intent: `pi_${sessionId}`,
        payment_status: "paid",
        status: "complete",
      },
    },
  });
}

const stripeHarness: Harness<StripeNotice> = {
  provider: stripeProvider,
  async paidNotice(ctx) {
    const rawBody = await stripeSessionEvent(ctx);
    return { rawBody, signature: signer.webhooks.generateTestHeaderString({ payload: rawBody, secret: SECRET }) };
  },
  async forgedNotice(ctx) {
    const rawBody = await stripeSessionEvent(ctx);
    return {
      rawBody,
      signature: signer.webhooks.generateTestHeaderString({ payload: rawBody, secret: "whsec_someone_else" }),
    };
  },
};

async function readyOrder(): Promise<Ctx> {
  const buyer = await createActor({ kind: "BUYER" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true });
  const stranger = await createActor({ kind: "BUYER" });
  await giveRequisites(supplier.organization.id);
  await getPrisma().organization.update({
    where: { id: supplier.organization.id },
    data: { stripeAccountId: `acct_c_${supplier.organization.id}`, stripeAccountStatus: "enabled" },
  });
  const { orderId } = await createAwardedOrder({ buyer: buyer.actor, supplierOrgId: supplier.organization.id });
  await performOrderStep(supplier.actor, orderId, { action: "confirm" });
  return { buyer: buyer.actor, supplier: supplier.actor, stranger: stranger.actor, orderId };
}

const ORIGIN = { origin: "https://snabmost.test" };

function contract<N>(name: string, h: Harness<N>) {
  describe(`PaymentProvider contract: ${name}`, () => {
    it("is offered for a confirmed order; only the buyer starts it, a stranger does not see the order", async () => {
      const ctx = await readyOrder();
      const view = await getOrder(ctx.buyer, ctx.orderId);
      expect(h.provider.isAvailable(view.order)).toBe(true);
      await expect(h.provider.start(ctx.supplier, ctx.orderId, ORIGIN)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(h.provider.start(ctx.stranger, ctx.orderId, ORIGIN)).rejects.toBeInstanceOf(NotFoundError);
      const start = await h.provider.start(ctx.buyer, ctx.orderId, ORIGIN);
      expect(start.kind === "invoice" ? start.invoiceUrl : start.url).toMatch(/^(\/orders\/|https:\/\/)/);
      const after = await getOrder(ctx.buyer, ctx.orderId);
      expect(after.order.status).toBe("AWAITING_PAYMENT");
      expect(after.order.paymentMethod).toBe(h.provider.method);
      expect(h.provider.isAvailable(after.order)).toBe(true);
    });

    it("marks the order paid exactly once: a replayed notice is a duplicate and adds nothing", async () => {
      const ctx = await readyOrder();
      await h.provider.start(ctx.buyer, ctx.orderId, ORIGIN);
      const notice = await h.paidNotice(ctx);
      expect(await h.provider.handleWebhook(notice)).toBe("applied");
      expect(await h.provider.handleWebhook(notice)).toBe("duplicate");
      const view = await getOrder(ctx.supplier, ctx.orderId);
      expect(view.order.status).toBe("PAID");
      const settled = view.order.payments.filter((p) => p.status === "SUCCEEDED");
      expect(settled).toHaveLength(1);
      expect(settled[0].provider).toBe(h.provider.method);
      expect(settled[0].amountKopecks).toBe(view.order.totalKopecks);
      expect(view.due).toBe(0n);
      const paidEvents = (await listAudit("order", ctx.orderId)).filter((e) => e.action === "order.paymentSucceeded");
      expect(paidEvents).toHaveLength(1);
    });

    it("refuses a forged notice and leaves the order unpaid", async () => {
      const ctx = await readyOrder();
      await h.provider.start(ctx.buyer, ctx.orderId, ORIGIN);
      await expect(h.provider.handleWebhook(await h.forgedNotice(ctx))).rejects.toThrow();
      const view = await getOrder(ctx.buyer, ctx.orderId);
      expect(view.order.status).toBe("AWAITING_PAYMENT");
      expect(view.order.payments.filter((p) => p.status === "SUCCEEDED")).toHaveLength(0);
    });

    it("refunds once at the supplier's request; the orders module cancels the paid order; the buyer cannot", async () => {
      const ctx = await readyOrder();
      await h.provider.start(ctx.buyer, ctx.orderId, ORIGIN);
      await h.provider.handleWebhook(await h.paidNotice(ctx));
      const paid = await getPrisma().payment.findFirstOrThrow({
        where: { orderId: ctx.orderId, status: "SUCCEEDED" },
      });
      await expect(h.provider.refund(ctx.buyer, paid.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(h.provider.refund(ctx.stranger, paid.id)).rejects.toBeInstanceOf(NotFoundError);
      const before = fake.requests.filter((r) => r.path === "/v1/refunds").length;
      expect(await h.provider.refund(ctx.supplier, paid.id)).toEqual({ paymentId: paid.id, status: "REFUNDED" });
      expect(await h.provider.refund(ctx.supplier, paid.id)).toEqual({ paymentId: paid.id, status: "REFUNDED" });
      const refundCalls = fake.requests.filter((r) => r.path === "/v1/refunds").length - before;
      expect(refundCalls).toBe(h.provider.method === "STRIPE" ? 1 : 0);
      const view = await getOrder(ctx.buyer, ctx.orderId);
      expect(view.order.status).toBe("CANCELLED");
      expect(view.order.payments.find((p) => p.id === paid.id)?.status).toBe("REFUNDED");
      const refunded = (await listAudit("order", ctx.orderId)).filter((e) => e.action === "order.refunded");
      expect(refunded).toHaveLength(1);
    });
  });
}

contract("invoice (bank transfer)", invoiceHarness);
contract("Stripe (card)", stripeHarness);
