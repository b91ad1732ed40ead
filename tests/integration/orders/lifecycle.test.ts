import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { listAudit } from "~/modules/audit/audit.server";
import {
  AlreadyRatedError,
  getInvoicePdf,
  getOrder,
  listOrders,
  OrderStateError,
  performOrderStep,
  rateOrder,
} from "~/modules/orders/orders.server";
import { processOutboxOnce } from "~/modules/outbox/outbox.server";
import { requisitesSchema } from "~/modules/payments/payments.schema";
import { getPaymentSettings, paymentOptions, updateRequisites } from "~/modules/payments/payments.server";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { pdfText } from "../../helpers/pdf-text";
import { BIK, CORRESPONDENT, createAwardedOrder, giveRequisites, SETTLEMENT } from "./helpers";

wireApp();

async function drain() {
  for (let i = 0; i < 10; i++) {
    const { delivered, failed } = await processOutboxOnce();
    if (delivered === 0 && failed === 0) return;
  }
}

async function setup() {
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  await giveRequisites(supplier.organization.id);
  const created = await createAwardedOrder({
    buyer: buyer.actor,
    supplierOrgId: supplier.organization.id,
    deliveryCostKopecks: 500_000n,
  });
  return { buyer, supplier, orderId: created.orderId, number: created.number };
}

describe("orders from an award", () => {
  it("creates the order with per-line amounts, totals incl. delivery, audit and a supplier notification", async () => {
    const { buyer, supplier, orderId } = await setup();
    const order = await getPrisma().order.findUniqueOrThrow({
      where: { id: orderId },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(order.status).toBe("AWAITING_CONFIRMATION");
    // 100 × 100,00 = 10 000,00 + 20 % = 12 000,00; 1.5 × 333,33 = 499,995 → 500,00 + 10 % = 550,00
    expect(order.lines.map((l) => [l.netKopecks, l.vatKopecks, l.grossKopecks])).toEqual([
      [1_000_000n, 200_000n, 1_200_000n],
      [50_000n, 5_000n, 55_000n],
    ]);
    expect(order.goodsNetKopecks).toBe(1_050_000n);
    // delivery 5 000,00 + 20 % = 6 000,00
    expect(order.vatKopecks).toBe(305_000n);
    expect(order.totalKopecks).toBe(1_855_000n);
    expect((await listAudit("order", orderId)).map((e) => e.action)).toEqual(["order.created"]);
    await drain();
    const notes = await getPrisma().notification.findMany({ where: { userId: supplier.user.id } });
    expect(notes.map((n) => n.type)).toContain("order_created");
    const buyerNotes = await getPrisma().notification.findMany({ where: { userId: buyer.user.id } });
    expect(buyerNotes).toHaveLength(0);
  });
});

describe("order lifecycle", () => {
  it("goes confirmed → awaiting payment → paid → shipped → delivered → rated → closed, each step by its party", async () => {
    const { buyer, supplier, orderId } = await setup();
    const B = buyer.actor;
    const S = supplier.actor;

    await expect(performOrderStep(B, orderId, { action: "confirm" })).rejects.toBeInstanceOf(ForbiddenError);
    await performOrderStep(S, orderId, { action: "confirm" });
    await expect(performOrderStep(S, orderId, { action: "confirm" })).rejects.toBeInstanceOf(OrderStateError);

    const view = await getOrder(B, orderId);
    expect(view.order.invoiceNumber).toMatch(/^СМ-\d+$/);
    expect(view.actions).toEqual(["choosePayment", "cancel"]);
    expect(paymentOptions(view.order, "BUYER")).toEqual(["INVOICE"]);

    await performOrderStep(B, orderId, { action: "choosePayment" });
    await expect(performOrderStep(B, orderId, { action: "markPaid" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(performOrderStep(S, orderId, { action: "ship", trackingNote: "x" })).rejects.toBeInstanceOf(
      OrderStateError,
    );
    await performOrderStep(S, orderId, { action: "markPaid" });
    await expect(rateOrder(B, orderId, { score: 5 })).rejects.toBeInstanceOf(OrderStateError);
    await performOrderStep(S, orderId, { action: "ship", trackingNote: "ТН № 77 ПЭК" });
    await expect(performOrderStep(B, orderId, { action: "cancel", reason: "поздно" })).rejects.toBeInstanceOf(
      OrderStateError,
    );
    await expect(performOrderStep(S, orderId, { action: "deliver" })).rejects.toBeInstanceOf(ForbiddenError);
    await performOrderStep(B, orderId, { action: "deliver" });

    await expect(rateOrder(S, orderId, { score: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await rateOrder(B, orderId, { score: 4, comment: "В срок, документы в порядке" });
    await expect(rateOrder(B, orderId, { score: 5 })).rejects.toBeInstanceOf(AlreadyRatedError);
    await performOrderStep(S, orderId, { action: "close" });

    const org = await getPrisma().organization.findUniqueOrThrow({ where: { id: supplier.organization.id } });
    expect([org.ratingSum, org.ratingCount]).toEqual([4, 1]);
    const final = await getOrder(B, orderId);
    expect(final.order.status).toBe("CLOSED");
    expect(final.order.trackingNote).toBe("ТН № 77 ПЭК");
    expect(final.order.payments.map((p) => [p.provider, p.status])).toEqual([["INVOICE", "SUCCEEDED"]]);
    expect(final.canRate).toBe(false);
    expect(final.timeline.map((e) => e.action)).toEqual([
      "order.created",
      "order.confirm",
      "order.choosePayment",
      "order.markPaid",
      "order.ship",
      "order.deliver",
      "order.rated",
      "order.close",
    ]);
    await drain();
    const buyerTypes = (await getPrisma().notification.findMany({ where: { userId: buyer.user.id } })).map(
      (n) => n.type,
    );
    expect(buyerTypes).toEqual(
      expect.arrayContaining(["order_confirmed", "order_paid", "order_shipped", "order_closed"]),
    );
  });

  it("either side cancels with a reason before shipping; then nothing else moves", async () => {
    const { buyer, supplier, orderId } = await setup();
    await performOrderStep(supplier.actor, orderId, { action: "confirm" });
    await performOrderStep(buyer.actor, orderId, { action: "cancel", reason: "Изменился проект" });
    const o = await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } });
    expect([o.status, o.cancelReason, o.cancelledByOrgId]).toEqual([
      "CANCELLED",
      "Изменился проект",
      buyer.organization.id,
    ]);
    await expect(performOrderStep(supplier.actor, orderId, { action: "markPaid" })).rejects.toBeInstanceOf(
      OrderStateError,
    );
    await expect(getInvoicePdf(buyer.actor, orderId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("two concurrent confirmations: exactly one wins", async () => {
    const { supplier, orderId } = await setup();
    const results = await Promise.allSettled([
      performOrderStep(supplier.actor, orderId, { action: "confirm" }),
      performOrderStep(supplier.actor, orderId, { action: "confirm" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listAudit("order", orderId)).filter((e) => e.action === "order.confirm")).toHaveLength(1);
  });

  it("another organisation sees nothing: 404 for read, steps, invoice and rating", async () => {
    const { buyer, orderId } = await setup();
    const outsider = await createActor({ kind: "SUPPLIER", verified: true });
    const otherBuyer = await createActor({ kind: "BUYER" });
    for (const a of [outsider.actor, otherBuyer.actor]) {
      await expect(getOrder(a, orderId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(performOrderStep(a, orderId, { action: "confirm" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(performOrderStep(a, orderId, { action: "cancel", reason: "x" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(getInvoicePdf(a, orderId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(rateOrder(a, orderId, { score: 1 })).rejects.toBeInstanceOf(NotFoundError);
      expect((await listOrders(a)).map((o) => o.id)).not.toContain(orderId);
    }
    expect((await listOrders(buyer.actor)).map((o) => o.id)).toContain(orderId);
  });
});

describe("счёт на оплату", () => {
  it("is a PDF with both parties' requisites, lines, НДС «в том числе» and the total in words", async () => {
    const { buyer, supplier, orderId, number } = await setup();
    await expect(getInvoicePdf(buyer.actor, orderId)).rejects.toBeInstanceOf(NotFoundError); // not confirmed yet
    await performOrderStep(supplier.actor, orderId, { action: "confirm" });
    const { pdf, filename } = await getInvoicePdf(buyer.actor, orderId);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(filename).toBe(`schet-СМ-${number}.pdf`);
    const text = await pdfText(pdf);
    expect(text).toContain(`Счёт на оплату № СМ-${number}`);
    expect(text).toContain(`БИК ${BIK}`);
    expect(text).toContain(SETTLEMENT);
    expect(text).toContain(CORRESPONDENT);
    expect(text).toContain("ПАО Сбербанк");
    expect(text).toContain(`ИНН ${supplier.organization.inn}`);
    expect(text).toContain(`ИНН ${buyer.organization.inn}`);
    expect(text).toContain("КПП 780101001");
    expect(text).toContain("Кабель ВВГнг(А)-LS 3×2,5");
    // a stored order keeps the rates it was issued with: one «В том числе» line per rate
    expect(text).toContain("Итого: 18 550,00");
    // the order was stored at 20 % (the fixture predates 2026): printed today, the счёт says it is the document's rate
    expect(text).toContain("В том числе НДС 20 % (ставка на дату документа): 3 000,00");
    expect(text).toContain("В том числе НДС 10 %: 50,00");
    expect(text).toContain("1 усл. ед.");
    expect(text).toMatch(/Счёт действителен до \d{2}\.\d{2}\.\d{4}/);
    expect(text).toContain("Назначение платежа: Оплата по счёту");
    expect(text).toContain("Всего к оплате: 18 550,00");
    expect(text).toContain("Восемнадцать тысяч пятьсот пятьдесят рублей 00 копеек");
    expect(text).toContain("Руководитель");
    // the supplier gets the same document
    expect((await getInvoicePdf(supplier.actor, orderId)).pdf.length).toBeGreaterThan(1000);
  });
});

describe("supplier bank requisites", () => {
  it("validates BIK and accounts against each other", () => {
    const ok = requisitesSchema.safeParse({
      bankName: "ПАО Сбербанк",
      bik: BIK,
      settlementAccount: SETTLEMENT,
      correspondentAccount: CORRESPONDENT,
    });
    expect(ok.success).toBe(true);
    const bad = requisitesSchema.safeParse({
      bankName: "Банк",
      bik: BIK,
      settlementAccount: `${SETTLEMENT.slice(0, 19)}${(Number(SETTLEMENT[19]) + 1) % 10}`,
      correspondentAccount: "30101810000000000001",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["correspondentAccount", "settlementAccount"]);
    expect(
      requisitesSchema.safeParse({ bankName: "x", bik: "123", settlementAccount: "", correspondentAccount: "" })
        .success,
    ).toBe(false);
  });

  it("only an owner/admin of a supplier edits them; a member reads them", async () => {
    const supplier = await createActor({ kind: "SUPPLIER" });
    const values = {
      bankName: "ПАО Банк",
      bik: BIK,
      settlementAccount: SETTLEMENT,
      correspondentAccount: CORRESPONDENT,
    };
    await updateRequisites(supplier.actor, values);
    const member = { ...supplier.actor, role: "MEMBER" as const };
    await expect(updateRequisites(member, { ...values, bankName: "Другой" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getPaymentSettings(member)).bankName).toBe("ПАО Банк");
    const buyer = await createActor({ kind: "BUYER" });
    await expect(updateRequisites(buyer.actor, values)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
