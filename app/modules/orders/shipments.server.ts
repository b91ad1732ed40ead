import type { Prisma } from "~/generated/prisma/client";
import type { ClaimResolution } from "~/generated/prisma/enums";
import { type Actor, NotFoundError } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";
import {
  acceptShipmentTx,
  answerClaimTx,
  createShipmentTx,
  milliToQuantity,
  type Rejection,
  type ShipmentInput,
  shipmentBalance,
} from "./fulfilment";
import { partyOf } from "./orders.server";

/**
 * PUBLIC SURFACE for shipments, приёмка and рекламации of an order (ADR 0017). Each use case finds the order in the
 * actor's tenant scope (buyer or supplier organisation) — a foreign order is NotFoundError — and runs in one
 * transaction; rules live in fulfilment.ts and state-machine.ts.
 */

function scope(actor: Actor): Prisma.OrderWhereInput {
  if (!actor.organizationId) throw new NotFoundError("order");
  return { OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }] };
}

async function inOrder<T>(
  actor: Actor,
  orderId: string,
  work: (
    tx: Prisma.TransactionClient,
    order: Prisma.OrderGetPayload<object>,
    party: "BUYER" | "SUPPLIER",
  ) => Promise<T>,
) {
  return getPrisma().$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { AND: [{ id: orderId }, scope(actor)] } });
    if (!order) throw new NotFoundError("order");
    const party = partyOf(actor, order) as "BUYER" | "SUPPLIER";
    return work(tx, order, party);
  });
}

export function createShipment(actor: Actor, orderId: string, input: ShipmentInput) {
  return inOrder(actor, orderId, (tx, order, party) => createShipmentTx(tx, order, actor, party, input));
}

export function acceptShipment(
  actor: Actor,
  orderId: string,
  input: { shipmentId: string; rejections: Record<string, Rejection> },
) {
  return inOrder(actor, orderId, (tx, order, party) => acceptShipmentTx(tx, order, actor, party, input));
}

export function answerClaim(
  actor: Actor,
  orderId: string,
  input: { claimId: string; resolution: ClaimResolution; answer: string },
) {
  return inOrder(actor, orderId, (tx, order, party) => answerClaimTx(tx, order, actor, party, input));
}

/** Shipments with their lines, приёмка results and рекламации, plus what is left to ship per line. */
export async function getFulfilment(actor: Actor, orderId: string) {
  const prisma = getPrisma();
  const order = await prisma.order.findFirst({ where: { AND: [{ id: orderId }, scope(actor)] }, select: { id: true } });
  if (!order) throw new NotFoundError("order");
  const [balance, shipments] = await Promise.all([
    shipmentBalance(prisma, order.id),
    prisma.shipment.findMany({
      where: { orderId: order.id },
      orderBy: { seq: "asc" },
      include: {
        lines: { include: { orderLine: { select: { position: true, name: true, unit: true } } } },
        claims: { orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  return {
    balance: balance.map((l) => ({ ...l, ordered: milliToQuantity(l.ordered), left: milliToQuantity(l.left) })),
    shipments: shipments.map((s) => ({
      id: s.id,
      seq: s.seq,
      carrier: s.carrier,
      waybillNumber: s.waybillNumber,
      shippedOn: s.shippedOn,
      tracking: s.tracking,
      acceptedAt: s.acceptedAt,
      lines: s.lines
        .sort((a, b) => a.orderLine.position - b.orderLine.position)
        .map((l) => ({
          id: l.id,
          name: l.orderLine.name,
          unit: l.orderLine.unit,
          quantity: l.quantity.toString(),
          acceptedQty: l.acceptedQty?.toString() ?? null,
          rejectedQty: l.rejectedQty?.toString() ?? null,
        })),
      claims: s.claims.map((c) => ({
        id: c.id,
        shipmentLineId: c.shipmentLineId,
        reason: c.reason,
        quantity: c.quantity.toString(),
        note: c.note,
        resolution: c.resolution,
        answer: c.answer,
        answeredAt: c.answeredAt,
      })),
    })),
  };
}
