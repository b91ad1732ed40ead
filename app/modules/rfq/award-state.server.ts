import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import { auditRfq, loadBuyerRfq, RfqValidationError } from "./shared.server";

/**
 * The RFQ module's part of an award (orchestrated by app/workflows/award.server.ts): the buyer's own RFQ, only when it
 * may be awarded — closed, and for a sealed RFQ opened — and its move to AWARDED.
 */
export async function loadAwardableRfq(tx: Prisma.TransactionClient, actor: Actor, rfqId: string) {
  const rfq = await loadBuyerRfq(tx, actor, rfqId, { items: { orderBy: { position: "asc" } } });
  if (rfq.status !== "CLOSED" || (rfq.sealed && !rfq.openedAt))
    throw new RfqValidationError({}, ["errors.awardNotAllowed"]);
  return rfq;
}

/** CLOSED → AWARDED (refused when someone else was quicker), with the award's audit line on the RFQ. */
export async function markRfqAwarded(
  tx: Prisma.TransactionClient,
  actor: Actor,
  rfqId: string,
  now: Date,
  audit: { awardId: string; mode: string; reason: string | null; lines: Record<string, string>; orders: string[] },
): Promise<void> {
  const { count } = await tx.rfq.updateMany({
    where: { id: rfqId, status: "CLOSED" },
    data: { status: "AWARDED", awardedAt: now },
  });
  if (count !== 1) throw new RfqValidationError({}, ["errors.awardNotAllowed"]);
  await auditRfq(tx, rfqId, "awarded", actor, audit);
}
