import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { listAudit } from "~/modules/audit/audit.server";
import { FulfilmentInputError, OrderStateError, performOrderStep, rateOrder } from "~/modules/orders/orders.server";
import { getSupplierScorecard } from "~/modules/orders/scorecard.server";
import { acceptShipment, answerClaim, createShipment, getFulfilment } from "~/modules/orders/shipments.server";
import { wireApp } from "~/startup.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createAwardedOrder, giveRequisites } from "./helpers";

wireApp();

async function paidOrder() {
  const buyer = await createActor({ kind: "BUYER", name: "Севгорэнерго" });
  const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтэнергомаш" });
  const stranger = await createActor({ kind: "SUPPLIER", verified: true, name: "Чужой поставщик" });
  await giveRequisites(supplier.organization.id);
  const { orderId } = await createAwardedOrder({ buyer: buyer.actor, supplierOrgId: supplier.organization.id });
  await performOrderStep(supplier.actor, orderId, { action: "confirm" });
  await performOrderStep(supplier.actor, orderId, { action: "markPaid" });
  const lines = await getPrisma().orderLine.findMany({ where: { orderId }, orderBy: { position: "asc" } });
  return { B: buyer.actor, S: supplier.actor, X: stranger.actor, orderId, cable: lines[0].id, trafo: lines[1].id };
}

const status = async (orderId: string) =>
  (await getPrisma().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

const ship = (lines: Record<string, string>, waybill: string) => ({
  lines,
  carrier: "ПЭК",
  waybillNumber: waybill,
  shippedOn: new Date("2026-11-20T00:00:00Z"),
  tracking: null,
});

describe("shipments, приёмка and рекламации", () => {
  it("two partial shipments → PARTIALLY_SHIPPED then SHIPPED; each is a shipment.created webhook event", async () => {
    const { B, S, orderId, cable, trafo } = await paidOrder();
    await expect(createShipment(B, orderId, ship({ [cable]: "10" }, "1"))).rejects.toBeInstanceOf(ForbiddenError);

    const first = await createShipment(S, orderId, ship({ [cable]: "60" }, "ТН-101"));
    expect(first).toMatchObject({ seq: 1, status: "PARTIALLY_SHIPPED" });
    expect(await status(orderId)).toBe("PARTIALLY_SHIPPED");
    // the order cannot be cancelled once goods left
    await expect(performOrderStep(B, orderId, { action: "cancel", reason: "передумали" })).rejects.toBeInstanceOf(
      OrderStateError,
    );

    // more than left (100 − 60 = 40) is refused next to that line's field
    const over = createShipment(S, orderId, ship({ [cable]: "40.001" }, "ТН-102"));
    await expect(over).rejects.toBeInstanceOf(FulfilmentInputError);
    await expect(over).rejects.toMatchObject({ field: `qty.${cable}`, code: "errors.quantityAboveLeft" });
    await expect(createShipment(S, orderId, ship({ [cable]: "0" }, "ТН-102"))).rejects.toMatchObject({
      field: "lines",
    });

    const second = await createShipment(S, orderId, ship({ [cable]: "40", [trafo]: "1.5" }, "ТН-102"));
    expect(second).toMatchObject({ seq: 2, status: "SHIPPED" });
    await expect(createShipment(S, orderId, ship({ [cable]: "1" }, "ТН-103"))).rejects.toBeInstanceOf(OrderStateError);

    // each shipment is a signed `shipment.created` webhook event for both parties (through the outbox)
    const events = (
      await getPrisma().outboxEvent.findMany({ where: { topic: "webhooks.event" }, orderBy: { id: "asc" } })
    )
      .map((e) => e.payload as { type: string; data: { orderId: string; waybillNumber: string; lines: string[] } })
      .filter((p) => p.type === "shipment.created" && p.data.orderId === orderId);
    expect(events.map((e) => e.data.waybillNumber)).toEqual(["ТН-101", "ТН-102"]);
    expect(events[1].data.lines).toEqual([`${cable}:40.000`, `${trafo}:1.500`]);

    const view = await getFulfilment(B, orderId);
    expect(view.balance.map((l) => l.left)).toEqual(["0.000", "0.000"]);
    expect(view.shipments.map((s) => s.waybillNumber)).toEqual(["ТН-101", "ТН-102"]);
  });

  it("partial rejection opens a рекламация; the order is DELIVERED only when the supplier answers it", async () => {
    const { B, S, orderId, cable, trafo } = await paidOrder();
    const first = await createShipment(S, orderId, ship({ [cable]: "100" }, "ТН-1"));
    const second = await createShipment(S, orderId, ship({ [trafo]: "1.5" }, "ТН-2"));

    await expect(acceptShipment(S, orderId, { shipmentId: first.shipmentId, rejections: {} })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await acceptShipment(B, orderId, { shipmentId: first.shipmentId, rejections: {} });
    expect(await status(orderId)).toBe("SHIPPED");
    await expect(acceptShipment(B, orderId, { shipmentId: first.shipmentId, rejections: {} })).rejects.toBeInstanceOf(
      OrderStateError,
    );

    const view = await getFulfilment(B, orderId);
    const trafoLine = view.shipments[1].lines[0].id;
    await expect(
      acceptShipment(B, orderId, {
        shipmentId: second.shipmentId,
        rejections: { [trafoLine]: { quantity: "2", reason: "DEFECT", note: null } },
      }),
    ).rejects.toMatchObject({ field: `reject.${trafoLine}`, code: "errors.rejectAboveShipped" });
    const accepted = await acceptShipment(B, orderId, {
      shipmentId: second.shipmentId,
      rejections: { [trafoLine]: { quantity: "0.5", reason: "DEFECT", note: "Скол на корпусе" } },
    });
    expect(accepted).toEqual({ claims: 1, status: "SHIPPED" });
    // a рекламация is open: neither «Получено» nor closing goes through
    await expect(performOrderStep(B, orderId, { action: "deliver" })).rejects.toBeInstanceOf(OrderStateError);

    const after = await getFulfilment(S, orderId);
    const line = after.shipments[1].lines[0];
    expect([line.acceptedQty, line.rejectedQty]).toEqual(["1", "0.5"]);
    const claim = after.shipments[1].claims[0];
    expect(claim).toMatchObject({ reason: "DEFECT", quantity: "0.5", note: "Скол на корпусе", answeredAt: null });

    await expect(
      answerClaim(B, orderId, { claimId: claim.id, resolution: "CREDIT", answer: "x" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const answered = await answerClaim(S, orderId, {
      claimId: claim.id,
      resolution: "REPLACE",
      answer: "Заменим трансформатор следующей машиной",
    });
    expect(answered.status).toBe("DELIVERED");
    await performOrderStep(B, orderId, { action: "close" });
    expect(await status(orderId)).toBe("CLOSED");

    // the rating records the outcome: shipped 2026-11-20, lead time 10 days from today's confirmation → on time;
    // a рекламация was opened and answered → SETTLED; the scorecard counts it
    await rateOrder(B, orderId, { score: 4 });
    const rating = await getPrisma().rating.findUniqueOrThrow({ where: { orderId } });
    expect([rating.onTime, rating.acceptance]).toEqual([true, "SETTLED"]);
    const card = await getSupplierScorecard(S.organizationId as string);
    expect(card).toMatchObject({ onTimePct: 100, acceptancePct: 0, ratedOrders: 1 });

    const actions = (await listAudit("order", orderId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["order.shipPart", "order.ship", "order.accept", "order.acceptPartly", "order.settle"]),
    );
  });

  it("another organisation reaches none of it", async () => {
    const { X, orderId, cable } = await paidOrder();
    await expect(createShipment(X, orderId, ship({ [cable]: "1" }, "1"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFulfilment(X, orderId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptShipment(X, orderId, { shipmentId: "x", rejections: {} })).rejects.toBeInstanceOf(NotFoundError);
  });
});
