import type { Order, Prisma } from "~/generated/prisma/client";
import type { ClaimReason, ClaimResolution, OrderStatus } from "~/generated/prisma/enums";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { quantityToMilli } from "~/modules/money/money";
import { notify } from "~/modules/notifications/notifications.server";
import { FulfilmentInputError, OrderStateError } from "./errors";
import { addCalendarDays, orderSchedule } from "./schedule";
import { type OrderAction, type OrderParty, transition } from "./state-machine";

/**
 * Shipments, приёмка and рекламации inside the caller's transaction (ADR 0017). Callers have already found the order in
 * the actor's tenant scope; these functions check the party, the status and the quantities, move the order's status
 * through the state machine (guarded by `updatedAt`, so two concurrent writes cannot both pass) and audit every step.
 * Quantities are compared in thousandths (money's `quantityToMilli`), never as floats.
 */
type Tx = Prisma.TransactionClient;

export function milliToQuantity(milli: bigint): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  return `${negative ? "-" : ""}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, "0")}`;
}

const milli = (q: { toString(): string } | null | undefined) => (q == null ? 0n : quantityToMilli(q.toString()));

/** Per order line: ordered, shipped so far and left to ship (thousandths). */
export async function shipmentBalance(tx: Tx, orderId: string) {
  const lines = await tx.orderLine.findMany({
    where: { orderId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, name: true, quantity: true, shipmentLines: { select: { quantity: true } } },
  });
  return lines.map((l) => {
    const ordered = milli(l.quantity);
    const shipped = l.shipmentLines.reduce((s, x) => s + milli(x.quantity), 0n);
    return { id: l.id, position: l.position, name: l.name, ordered, shipped, left: ordered - shipped };
  });
}

async function moveOrder(
  tx: Tx,
  order: Order,
  action: OrderAction,
  party: OrderParty,
  data: Prisma.OrderUpdateManyMutationInput = {},
): Promise<OrderStatus> {
  const result = transition(order.status, action, party);
  if (!result.ok) {
    if (result.reason === "wrong_party") throw new ForbiddenError(`${party} may not ${action}`);
    throw new OrderStateError();
  }
  const updated = await tx.order.updateMany({
    where: { id: order.id, updatedAt: order.updatedAt },
    data: { ...data, status: result.to },
  });
  if (updated.count !== 1) throw new OrderStateError();
  return result.to;
}

/** Touches the order so a concurrent writer that read the same version fails its guarded update. */
async function bumpOrder(tx: Tx, order: Order) {
  const updated = await tx.order.updateMany({
    where: { id: order.id, updatedAt: order.updatedAt },
    data: { updatedAt: new Date(Math.max(Date.now(), order.updatedAt.getTime() + 1)) },
  });
  if (updated.count !== 1) throw new OrderStateError();
}

export interface ShipmentInput {
  /** quantity per order line id; null ships everything still left */
  lines: Record<string, string> | null;
  carrier: string | null;
  waybillNumber: string | null;
  shippedOn: Date;
  tracking: string | null;
}

/** The supplier ships all or part of what is left; the order becomes PARTIALLY_SHIPPED or SHIPPED. */
export async function createShipmentTx(tx: Tx, order: Order, actor: Actor, party: OrderParty, input: ShipmentInput) {
  if (party !== "SUPPLIER") throw new ForbiddenError("only the supplier ships");
  if (order.status !== "PAID" && order.status !== "PARTIALLY_SHIPPED") throw new OrderStateError();
  const balance = await shipmentBalance(tx, order.id);
  const picked: { orderLineId: string; qty: bigint }[] = [];
  for (const line of balance) {
    let qty: bigint;
    if (input.lines === null) qty = line.left;
    else {
      const raw = input.lines[line.id]?.trim();
      if (!raw) continue;
      try {
        qty = quantityToMilli(raw);
      } catch {
        throw new FulfilmentInputError(`qty.${line.id}`, "errors.quantityInvalid");
      }
      if (qty < 0n) throw new FulfilmentInputError(`qty.${line.id}`, "errors.quantityInvalid");
      if (qty > line.left) throw new FulfilmentInputError(`qty.${line.id}`, "errors.quantityAboveLeft");
    }
    if (qty > 0n) picked.push({ orderLineId: line.id, qty });
  }
  if (input.lines !== null) {
    for (const id of Object.keys(input.lines)) {
      if (!balance.some((l) => l.id === id)) throw new NotFoundError("order line");
    }
  }
  if (picked.length === 0) throw new FulfilmentInputError("lines", "errors.nothingToShip");
  const rest = balance.every((l) => l.left === (picked.find((p) => p.orderLineId === l.id)?.qty ?? 0n));
  const seq = (await tx.shipment.count({ where: { orderId: order.id } })) + 1;
  const now = new Date();
  const to = await moveOrder(tx, order, rest ? "ship" : "shipPart", party, {
    ...(rest ? { shippedAt: now } : {}),
    trackingNote: [input.carrier, input.waybillNumber, input.tracking].filter(Boolean).join(", ") || null,
  });
  const shipment = await tx.shipment.create({
    data: {
      orderId: order.id,
      seq,
      carrier: input.carrier,
      waybillNumber: input.waybillNumber,
      shippedOn: input.shippedOn,
      tracking: input.tracking,
      lines: { create: picked.map((p) => ({ orderLineId: p.orderLineId, quantity: milliToQuantity(p.qty) })) },
    },
    select: { id: true, seq: true },
  });
  await recordAudit(tx, {
    entityType: "order",
    entityId: order.id,
    action: rest ? "order.ship" : "order.shipPart",
    actor,
    data: { from: order.status, to, shipmentId: shipment.id, seq, waybill: input.waybillNumber },
  });
  await notify(tx, {
    type: "order_shipped",
    recipients: { orgIds: [order.buyerOrgId] },
    params: {
      number: order.number,
      tracking: [input.carrier, input.waybillNumber, input.tracking].filter(Boolean).join(", ") || null,
    },
    link: `/orders/${order.id}`,
    aggregateId: order.id,
  });
  // the `shipment.created` webhook of both parties (REST/ERP integration, docs/api.md)
  await emitWebhookEvent(tx, {
    type: "shipment.created",
    orgIds: [order.buyerOrgId, order.supplierOrgId],
    data: {
      orderId: order.id,
      orderNumber: order.number,
      shipmentId: shipment.id,
      seq,
      status: to,
      carrier: input.carrier,
      waybillNumber: input.waybillNumber,
      shippedOn: input.shippedOn.toISOString().slice(0, 10),
      tracking: input.tracking,
      /** "<orderLineId>:<quantity>" per shipped line */
      lines: picked.map((p) => `${p.orderLineId}:${milliToQuantity(p.qty)}`),
    },
  });
  return { shipmentId: shipment.id, seq, status: to };
}

/** The legacy one-step «Отгрузить»: one shipment of everything left, the note as tracking. */
export async function shipRestTx(tx: Tx, order: Order, actor: Actor, trackingNote: string) {
  return createShipmentTx(tx, order, actor, "SUPPLIER", {
    lines: null,
    carrier: null,
    waybillNumber: null,
    shippedOn: new Date(),
    tracking: trackingNote,
  });
}

export interface Rejection {
  quantity: string;
  reason: ClaimReason;
  note: string | null;
}

async function hasOpenClaims(tx: Tx, orderId: string) {
  return (await tx.claim.count({ where: { orderId, answeredAt: null } })) > 0;
}

async function allAccepted(tx: Tx, orderId: string) {
  const [open, balance] = await Promise.all([
    tx.shipment.count({ where: { orderId, acceptedAt: null } }),
    shipmentBalance(tx, orderId),
  ]);
  return open === 0 && balance.every((l) => l.left === 0n);
}

/**
 * Приёмка of one shipment by the buyer: every line is accepted except the rejected quantities, each of which opens a
 * рекламация. When this was the last shipment to accept and nothing is disputed, the order is DELIVERED.
 */
export async function acceptShipmentTx(
  tx: Tx,
  order: Order,
  actor: Actor,
  party: OrderParty,
  input: { shipmentId: string; rejections: Record<string, Rejection> },
) {
  if (party !== "BUYER") throw new ForbiddenError("only the buyer accepts");
  const shipment = await tx.shipment.findFirst({
    where: { id: input.shipmentId, orderId: order.id },
    include: { lines: true },
  });
  if (!shipment) throw new NotFoundError("shipment");
  if (shipment.acceptedAt) throw new OrderStateError("shipment already accepted");
  for (const id of Object.keys(input.rejections)) {
    if (!shipment.lines.some((l) => l.id === id)) throw new NotFoundError("shipment line");
  }
  await bumpOrder(tx, order);
  const now = new Date();
  let claims = 0;
  for (const line of shipment.lines) {
    const shipped = milli(line.quantity);
    const r = input.rejections[line.id];
    let rejected = 0n;
    if (r?.quantity.trim()) {
      try {
        rejected = quantityToMilli(r.quantity.trim());
      } catch {
        throw new FulfilmentInputError(`reject.${line.id}`, "errors.quantityInvalid");
      }
      if (rejected < 0n) throw new FulfilmentInputError(`reject.${line.id}`, "errors.quantityInvalid");
      if (rejected > shipped) throw new FulfilmentInputError(`reject.${line.id}`, "errors.rejectAboveShipped");
    }
    await tx.shipmentLine.update({
      where: { id: line.id },
      data: { acceptedQty: milliToQuantity(shipped - rejected), rejectedQty: milliToQuantity(rejected) },
    });
    if (rejected > 0n && r) {
      claims++;
      await tx.claim.create({
        data: {
          orderId: order.id,
          shipmentId: shipment.id,
          shipmentLineId: line.id,
          reason: r.reason,
          quantity: milliToQuantity(rejected),
          note: r.note,
        },
      });
    }
  }
  await tx.shipment.update({ where: { id: shipment.id }, data: { acceptedAt: now } });
  await recordAudit(tx, {
    entityType: "order",
    entityId: order.id,
    action: claims > 0 ? "order.acceptPartly" : "order.accept",
    actor,
    data: { shipmentId: shipment.id, seq: shipment.seq, claims },
  });
  const status = await completeIfDone(tx, order.id, actor, "BUYER");
  return { claims, status };
}

/** The supplier answers a рекламация (replace, credit or dispute); the last answer settles the order. */
export async function answerClaimTx(
  tx: Tx,
  order: Order,
  actor: Actor,
  party: OrderParty,
  input: { claimId: string; resolution: ClaimResolution; answer: string },
) {
  if (party !== "SUPPLIER") throw new ForbiddenError("only the supplier answers");
  const claim = await tx.claim.findFirst({ where: { id: input.claimId, orderId: order.id } });
  if (!claim) throw new NotFoundError("claim");
  if (claim.answeredAt) throw new OrderStateError("claim already answered");
  await bumpOrder(tx, order);
  await tx.claim.update({
    where: { id: claim.id },
    data: { resolution: input.resolution, answer: input.answer, answeredAt: new Date() },
  });
  await recordAudit(tx, {
    entityType: "order",
    entityId: order.id,
    action: "order.claimAnswered",
    actor,
    data: { claimId: claim.id, resolution: input.resolution },
  });
  const status = await completeIfDone(tx, order.id, actor, "SUPPLIER");
  return { status };
}

/** SHIPPED + every shipment accepted + no open рекламация → DELIVERED (deliver by the buyer / settle by the supplier). */
async function completeIfDone(tx: Tx, orderId: string, actor: Actor, party: "BUYER" | "SUPPLIER") {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  if (order.status !== "SHIPPED") return order.status;
  if (!(await allAccepted(tx, orderId)) || (await hasOpenClaims(tx, orderId))) return order.status;
  const action = party === "BUYER" ? "deliver" : "settle";
  const to = await moveOrder(tx, order, action, party, { deliveredAt: new Date() });
  await recordAudit(tx, {
    entityType: "order",
    entityId: order.id,
    action: `order.${action}`,
    actor,
    data: { from: order.status, to },
  });
  await notify(tx, {
    type: "order_delivered",
    recipients: { orgIds: [order.buyerOrgId, order.supplierOrgId] },
    params: { number: order.number },
    link: `/orders/${order.id}`,
    aggregateId: order.id,
  });
  return to;
}

/** The legacy one-step «Получено»: accepts every shipment not yet accepted in full; refused while a рекламация is open. */
export async function acceptEverythingTx(tx: Tx, orderId: string) {
  if (await hasOpenClaims(tx, orderId)) throw new OrderStateError("open claims");
  const open = await tx.shipment.findMany({ where: { orderId, acceptedAt: null }, include: { lines: true } });
  for (const s of open) {
    for (const l of s.lines) {
      await tx.shipmentLine.update({ where: { id: l.id }, data: { acceptedQty: l.quantity, rejectedQty: "0" } });
    }
    await tx.shipment.update({ where: { id: s.id }, data: { acceptedAt: new Date() } });
  }
}

/** Whether the order can be closed: no рекламация left unanswered. */
export async function canCloseTx(tx: Tx, orderId: string) {
  return !(await hasOpenClaims(tx, orderId));
}

/**
 * What the rating records besides the score: on time = the last shipment left by the order's ship-by date
 * (schedule.ts, the date the page and the договор show; end of that day in Moscow); acceptance = ACCEPTED when no line was rejected, SETTLED when
 * рекламации were opened and answered. Null when the order has no shipments (legacy data).
 */
export async function deliveryOutcomeTx(tx: Tx, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      confirmedAt: true,
      paidAt: true,
      prepaymentPercent: true,
      deliveryTerms: true,
      lines: { select: { leadTimeDays: true } },
      shipments: { select: { shippedOn: true }, orderBy: { shippedOn: "desc" }, take: 1 },
      _count: { select: { claims: true } },
    },
  });
  const last = order.shipments[0];
  if (!last) return { onTime: null, acceptance: null };
  const schedule = orderSchedule(order);
  const endOfDueDayMsk =
    schedule.state === "planned" ? new Date(`${addCalendarDays(schedule.shipBy, 1)}T00:00:00+03:00`) : null;
  return {
    onTime: endOfDueDayMsk ? last.shippedOn.getTime() < endOfDueDayMsk.getTime() : null,
    acceptance: order._count.claims === 0 ? "ACCEPTED" : "SETTLED",
  };
}
