import { setupServer } from "msw/node";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "~/modules/audit/audit.server";
import { getOrder, performOrderStep } from "~/modules/orders/orders.server";
import {
  paymentOptions,
  platformFeeKopecks,
  reconcileStripeEvents,
  startCardCheckout,
  startStripeOnboarding,
} from "~/modules/payments/payments.server";
import { resetStripeClientForTests } from "~/modules/payments/stripe-client.server";
import { action as webhook } from "~/routes/webhooks.stripe";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createActor, createUser } from "../../fixtures/factories";
import { fakeStripe } from "../../mocks/stripe";
import { createAwardedOrder, giveRequisites } from "./helpers";

const SECRET = "whsec_test_secret";
const fake = fakeStripe({ events: () => listedEvents });
let listedEvents: unknown[] = [];
const server = setupServer(...fake.handlers);
const signer = new Stripe("sk_test_signer");

function enableStripe() {
  process.env.STRIPE_SECRET_KEY = "sk_test_platform";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.PLATFORM_FEE_BPS = "300";
  resetEnvForTests();
  resetStripeClientForTests();
}
function disableStripe() {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
  resetStripeClientForTests();
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  enableStripe();
});
afterEach(() => {
  fake.requests.length = 0;
  enableStripe();
});
afterAll(() => {
  server.close();
  disableStripe();
});

let eventSeq = 0;
function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  eventSeq += 1;
  return {
    id: `evt_test_${eventSeq}_${Math.random().toString(36).slice(2, 8)}`,
    object: "event",
    api_version: "2025-01-01",
    created,
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

function post(payload: string, signature: string | null) {
  return webhook({
    request: new Request("http://localhost/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
      body: payload,
    }),
    params: {},
    context: {},
  } as never) as Promise<Response>;
}

function signedPost(ev: unknown) {
  const payload = JSON.stringify(ev);
  return post(payload, signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }));
}

async function cardReadyOrder() {
  const buyer = await createActor({ kind: "BUYER" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true });
  await giveRequisites(supplier.organization.id);
  await getPrisma().organization.update({
    where: { id: supplier.organization.id },
    data: { stripeAccountId: `acct_sup_${supplier.organization.id}`, stripeAccountStatus: "enabled" },
  });
  const { orderId } = await createAwardedOrder({ buyer: buyer.actor, supplierOrgId: supplier.organization.id });
  await performOrderStep(supplier.actor, orderId, { action: "confirm" });
  return { buyer, supplier, orderId, destination: `acct_sup_${supplier.organization.id}` };
}

function completedSession(sessionId: string, orderId: string, amount: number, paid = true) {
  return {
    id: sessionId,
    object: "checkout.session",
    amount_total: amount,
    currency: "rub",
    client_reference_id: orderId,
    metadata: { orderId },
    payment_intent: `pi_${sessionId}`,
    payment_status: paid ? "paid" : "unpaid",
    status: "complete",
  };
}

describe("Stripe Connect onboarding", () => {
  it("creates an Express account once and returns an account link", async () => {
    const supplier = await createActor({ kind: "SUPPLIER", verified: true });
    const url = await startStripeOnboarding(supplier.actor, "https://snabmost.test");
    expect(url).toMatch(/^https:\/\/connect\.stripe\.com\/setup\/e\/acct_test\d+\/onboard$/);
    const [create, link] = fake.requests;
    expect(create.path).toBe("/v1/accounts");
    expect(create.form.type).toBe("express");
    expect(create.form["metadata[organizationId]"]).toBe(supplier.organization.id);
    expect(create.idempotencyKey).toBe(`connect-account-${supplier.organization.id}`);
    expect(create.authorization).toBe("Bearer sk_test_platform");
    expect(link.path).toBe("/v1/account_links");
    expect(link.form.type).toBe("account_onboarding");
    expect(link.form.return_url).toBe("https://snabmost.test/supplier/requisites?stripe=return");
    const org = await getPrisma().organization.findUniqueOrThrow({ where: { id: supplier.organization.id } });
    expect(org.stripeAccountStatus).toBe("onboarding");
    // a second visit reuses the account: only a new link
    fake.requests.length = 0;
    await startStripeOnboarding(supplier.actor, "https://snabmost.test");
    expect(fake.requests.map((r) => r.path)).toEqual(["/v1/account_links"]);
    // account.updated switches the status on
    const res = await signedPost(
      event("account.updated", {
        id: org.stripeAccountId,
        object: "account",
        charges_enabled: true,
        details_submitted: true,
      }),
    );
    expect(res.status).toBe(200);
    const after = await getPrisma().organization.findUniqueOrThrow({ where: { id: supplier.organization.id } });
    expect(after.stripeAccountStatus).toBe("enabled");
  });
});

describe("Checkout Session", () => {
  it("is a destination charge in kopecks with the platform fee, order id in metadata and an order-derived idempotency key", async () => {
    const { buyer, orderId, destination } = await cardReadyOrder();
    const order = await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(
      paymentOptions({ ...order, supplier: { stripeAccountId: destination, stripeAccountStatus: "enabled" } }, "BUYER"),
    ).toEqual(["INVOICE", "STRIPE"]);
    const start = await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    expect(start).toEqual({ kind: "redirect", url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//) });
    const [req] = fake.requests;
    expect(req.path).toBe("/v1/checkout/sessions");
    expect(req.idempotencyKey).toBe(`order-${orderId}-checkout-1`);
    expect(req.form.mode).toBe("payment");
    expect(req.form["line_items[0][price_data][currency]"]).toBe("rub");
    expect(req.form["line_items[0][price_data][unit_amount]"]).toBe(String(order.totalKopecks)); // 1 255 000 kopecks
    expect(order.totalKopecks).toBe(1_255_000n);
    expect(req.form["payment_intent_data[transfer_data][destination]"]).toBe(destination);
    expect(req.form["payment_intent_data[application_fee_amount]"]).toBe("37650"); // 3 % of 12 550,00 ₽
    expect(platformFeeKopecks(order.totalKopecks)).toBe(37_650n);
    expect(req.form["metadata[orderId]"]).toBe(orderId);
    expect(req.form["payment_intent_data[metadata][orderId]"]).toBe(orderId);
    expect(req.form.success_url).toBe(`https://snabmost.test/orders/${orderId}?payment=success`);
    // a double click: same idempotency key, same session, one Payment row
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    expect(fake.requests[1].idempotencyKey).toBe(`order-${orderId}-checkout-1`);
    const payments = await getPrisma().payment.findMany({ where: { orderId } });
    expect(payments.map((p) => [p.provider, p.status, p.amountKopecks, p.feeKopecks])).toEqual([
      ["STRIPE", "PENDING", 1_255_000n, 37_650n],
    ]);
    const o = await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } });
    expect([o.status, o.paymentMethod]).toEqual(["AWAITING_PAYMENT", "STRIPE"]);
  });

  it("the success page changes nothing: only the webhook marks the order paid", async () => {
    const { buyer, orderId } = await cardReadyOrder();
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    const view = await getOrder(buyer.actor, orderId);
    expect(view.order.status).toBe("AWAITING_PAYMENT");
  });
});

describe("webhooks", () => {
  it("a completed session replayed 5 times, shuffled with other events, marks the order paid exactly once", async () => {
    const { buyer, orderId } = await cardReadyOrder();
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    const payment = await getPrisma().payment.findFirstOrThrow({ where: { orderId } });
    const sessionId = payment.stripeCheckoutSessionId as string;
    const session = completedSession(sessionId, orderId, 1_255_000);
    const completed = event("checkout.session.completed", session);
    const others = [
      event("checkout.session.async_payment_succeeded", session),
      event("payment_intent.created", { id: `pi_${sessionId}`, object: "payment_intent" }),
      event("charge.succeeded", { id: "ch_1", object: "charge" }),
      event("customer.created", { id: "cus_1", object: "customer" }),
    ];
    const all = [...Array.from({ length: 5 }, () => completed), ...others];
    // deterministic shuffle
    let seed = 7;
    for (let i = all.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [all[i], all[j]] = [all[j], all[i]];
    }
    const statuses: number[] = [];
    for (const ev of all) statuses.push((await signedPost(ev)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // and the same events concurrently once more
    await Promise.all(all.map((ev) => signedPost(ev)));

    const order = await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("PAID");
    const payments = await getPrisma().payment.findMany({ where: { orderId } });
    expect(payments.map((p) => [p.status, p.stripePaymentIntentId])).toEqual([["SUCCEEDED", `pi_${sessionId}`]]);
    const paidAudit = (await listAudit("order", orderId)).filter((e) => e.action === "order.paymentSucceeded");
    expect(paidAudit).toHaveLength(1);
    expect(await getPrisma().stripeEvent.count({ where: { id: completed.id } })).toBe(1);
    expect(await getPrisma().stripeEvent.count({ where: { id: { in: all.map((e) => e.id) } } })).toBe(5);
  });

  it("a signed event whose amount or currency is not the order's leaves the order unpaid and alerts the operators", async () => {
    const operator = await createUser({ isOperator: true });
    const { buyer, orderId } = await cardReadyOrder();
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    const payment = await getPrisma().payment.findFirstOrThrow({ where: { orderId } });
    const sessionId = payment.stripeCheckoutSessionId as string;
    // the probe: 1 USD for a rouble order, then the right number in the wrong currency, then too little in roubles
    const forged = [
      { ...completedSession(sessionId, orderId, 100), currency: "usd" },
      { ...completedSession(sessionId, orderId, 1_255_000), currency: "usd" },
      completedSession(sessionId, orderId, 1_254_999),
    ];
    for (const session of forged) {
      expect((await signedPost(event("checkout.session.completed", session))).status).toBe(200);
    }
    const order = await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("AWAITING_PAYMENT");
    const payments = await getPrisma().payment.findMany({ where: { orderId } });
    expect(payments.map((p) => p.status)).toEqual(["PENDING"]);
    const audit = (await listAudit("order", orderId)).filter((e) => e.action === "payment.mismatch");
    expect(audit).toHaveLength(3);
    const alerts = await getPrisma().outboxEvent.findMany({
      where: { topic: "notify.payment_mismatch", aggregateId: orderId },
    });
    expect(alerts).toHaveLength(3);
    expect(JSON.stringify(alerts[0].payload)).toContain(operator.id);
    // the right amount in roubles is still accepted
    expect(
      (await signedPost(event("checkout.session.completed", completedSession(sessionId, orderId, 1_255_000)))).status,
    ).toBe(200);
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
  });

  it("a bad signature gets 400 and changes nothing", async () => {
    const { buyer, orderId } = await cardReadyOrder();
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    const payment = await getPrisma().payment.findFirstOrThrow({ where: { orderId } });
    const ev = event(
      "checkout.session.completed",
      completedSession(payment.stripeCheckoutSessionId as string, orderId, 1),
    );
    const payload = JSON.stringify(ev);
    const wrong = signer.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    expect((await post(payload, wrong)).status).toBe(400);
    expect((await post(payload, null)).status).toBe(400);
    // signed for a different body
    const good = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect((await post(payload.replace(orderId, `${orderId}x`), good)).status).toBe(400);
    expect(await getPrisma().stripeEvent.count({ where: { id: ev.id } })).toBe(0);
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("AWAITING_PAYMENT");
  });

  it("async failure marks the attempt failed (next attempt gets a new key); a full refund cancels the paid order", async () => {
    const { buyer, orderId } = await cardReadyOrder();
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    const first = await getPrisma().payment.findFirstOrThrow({ where: { orderId } });
    const s1 = completedSession(first.stripeCheckoutSessionId as string, orderId, 1_255_000, false);
    expect((await signedPost(event("checkout.session.completed", s1))).status).toBe(200);
    expect((await signedPost(event("checkout.session.async_payment_failed", s1))).status).toBe(200);
    expect((await getPrisma().payment.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("FAILED");
    fake.requests.length = 0;
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    expect(fake.requests[0].idempotencyKey).toBe(`order-${orderId}-checkout-2`);
    const second = await getPrisma().payment.findFirstOrThrow({ where: { orderId, status: "PENDING" } });
    const s2 = completedSession(second.stripeCheckoutSessionId as string, orderId, 1_255_000);

    // refund arriving before its payment is known: not stored, Stripe retries later
    const refund = event("charge.refunded", {
      id: "ch_x",
      object: "charge",
      refunded: true,
      payment_intent: `pi_${s2.id}`,
    });
    expect((await signedPost(refund)).status).toBe(409);
    expect((await signedPost(event("checkout.session.completed", s2))).status).toBe(200);
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
    expect((await signedPost(refund)).status).toBe(200);
    const o = await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(o.status).toBe("CANCELLED");
    expect((await getPrisma().payment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("REFUNDED");
  });

  it("reconciliation applies events the webhook missed and skips the ones already stored", async () => {
    const { buyer, orderId } = await cardReadyOrder();
    await startCardCheckout(buyer.actor, orderId, "https://snabmost.test");
    const payment = await getPrisma().payment.findFirstOrThrow({ where: { orderId } });
    const missed = event(
      "checkout.session.completed",
      completedSession(payment.stripeCheckoutSessionId as string, orderId, 1_255_000),
    );
    const seen = event("customer.created", { id: "cus_2", object: "customer" });
    expect((await signedPost(seen)).status).toBe(200);
    listedEvents = [missed, seen];
    const result = await reconcileStripeEvents();
    expect(result).toMatchObject({ listed: 2, applied: 1, duplicate: 1, failed: 0 });
    expect(fake.requests.at(-1)?.path).toBe("/v1/events");
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
    expect((await reconcileStripeEvents()).applied).toBe(0);
    listedEvents = [];
  });
});

describe("without Stripe keys", () => {
  it("offers only the invoice, and the webhook endpoint does not exist", async () => {
    const { buyer, orderId, destination } = await cardReadyOrder();
    disableStripe();
    const view = await getOrder(buyer.actor, orderId);
    expect(paymentOptions(view.order, "BUYER")).toEqual(["INVOICE"]);
    await expect(startCardCheckout(buyer.actor, orderId, "https://x.test")).rejects.toThrow();
    expect(fake.requests).toHaveLength(0);
    const payload = JSON.stringify(event("checkout.session.completed", completedSession("cs_1", orderId, 1)));
    const sig = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect((await post(payload, sig)).status).toBe(404);
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("CONFIRMED");
    expect(destination).toMatch(/^acct_/);
  });
});
