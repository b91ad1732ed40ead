import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { notify } from "~/modules/notifications/notifications.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { auditRfq, RfqValidationError } from "./shared.server";

export interface ClosedRfq {
  id: string;
  number: number;
  title: string;
  buyerOrgId: string;
  sealed: boolean;
  closedAt: Date;
}

/**
 * Runs inside the closing transaction of each RFQ (after the status change). The quotes module registers one to write
 * the opening protocol of sealed RFQs (`rfq.sealed && rfq.openedAt`).
 */
export type RfqCloseHook = (tx: Prisma.TransactionClient, rfq: ClosedRfq & { openedAt: Date | null }) => Promise<void>;

const closeHooks = new Map<string, RfqCloseHook>();

export function registerRfqCloseHook(name: string, hook: RfqCloseHook): void {
  closeHooks.set(name, hook);
}

type CloseReason = "deadline" | "closed_early";

/**
 * The one way an RFQ closes, inside the caller's transaction: status CLOSED (only from PUBLISHED — a second closer
 * loses the race and gets `false`), recipients that neither quoted nor declined become EXPIRED, sealed RFQs are opened
 * at the deadline, the close hooks run (the quotes module's opening protocol), the audit line, the notification and
 * the `rfq.closed` webhook event. A deadline close tells the buyer; an early close (the buyer's own step) tells the
 * suppliers.
 */
async function closeRfqInTx(
  tx: Prisma.TransactionClient,
  rfq: Omit<ClosedRfq, "closedAt">,
  how: { reason: CloseReason; now: Date; actor: Actor | null },
): Promise<boolean> {
  const opens = how.reason === "deadline" && rfq.sealed;
  const { count } = await tx.rfq.updateMany({
    where: {
      id: rfq.id,
      status: "PUBLISHED",
      ...(how.reason === "deadline" ? { deadline: { lte: how.now } } : { sealed: false }),
    },
    data: { status: "CLOSED", closedAt: how.now, ...(opens ? { openedAt: how.now } : {}) },
  });
  if (count !== 1) return false;
  const expired = await tx.rfqRecipient.updateMany({
    where: { rfqId: rfq.id, status: { in: ["NEW", "VIEWED"] } },
    data: { status: "EXPIRED" },
  });
  const quoted = await tx.rfqRecipient.count({ where: { rfqId: rfq.id, status: "QUOTED" } });
  await auditRfq(tx, rfq.id, how.reason === "deadline" ? "closed" : "closed_early", how.actor, {
    expired: expired.count,
    quoted,
    opened: opens,
  });
  for (const hook of closeHooks.values()) {
    await hook(tx, { ...rfq, closedAt: how.now, openedAt: opens ? how.now : null });
  }
  const recipientOrgs = (
    await tx.rfqRecipient.findMany({ where: { rfqId: rfq.id }, select: { supplierOrgId: true } })
  ).map((r) => r.supplierOrgId);
  if (how.reason === "deadline") {
    await notify(tx, {
      type: "rfq_closed",
      recipients: { orgIds: [rfq.buyerOrgId] },
      params: { number: rfq.number, title: rfq.title, quoted },
      link: `/buyer/rfqs/${rfq.id}`,
      aggregateId: rfq.id,
      about: { rfqId: rfq.id },
    });
  } else {
    await notify(tx, {
      type: "rfq_closed_early",
      recipients: { orgIds: recipientOrgs },
      params: { number: rfq.number, title: rfq.title },
      link: `/supplier/rfqs/${rfq.id}`,
      aggregateId: rfq.id,
      about: { rfqId: rfq.id, fromOrgId: rfq.buyerOrgId },
    });
  }
  await emitWebhookEvent(tx, {
    type: "rfq.closed",
    orgIds: [rfq.buyerOrgId, ...recipientOrgs],
    data: { rfqId: rfq.id, number: rfq.number, reason: how.reason, quoted },
  });
  return true;
}

const CLOSING_SELECT = { id: true, number: true, title: true, buyerOrgId: true, sealed: true } as const;

/** Closes every published RFQ whose deadline has passed (the deadline job), one transaction per RFQ. */
export async function closeDueRfqs(now: Date = new Date()): Promise<string[]> {
  const prisma = getPrisma();
  const due = await prisma.rfq.findMany({
    where: { status: "PUBLISHED", deadline: { lte: now } },
    select: CLOSING_SELECT,
    orderBy: { deadline: "asc" },
    take: 100,
  });
  const closed: string[] = [];
  for (const rfq of due) {
    try {
      const ok = await prisma.$transaction((tx) => closeRfqInTx(tx, rfq, { reason: "deadline", now, actor: null }));
      if (ok) closed.push(rfq.id);
    } catch (error) {
      logger.error({ err: error, rfqId: rfq.id }, "closing RFQ at deadline failed");
    }
  }
  return closed;
}

/**
 * The buyer closes a non-sealed published RFQ before its deadline so it can be awarded now (sealed RFQs open only at
 * the deadline). Same closing as at the deadline: silent recipients expire, close hooks run.
 */
export async function closeRfqEarly(actor: Actor, rfqId: string, now: Date = new Date()): Promise<void> {
  requireBuyer(actor);
  await getPrisma().$transaction(async (tx) => {
    const rfq = await tx.rfq.findFirst({
      where: { id: rfqId, buyerOrgId: actor.organizationId },
      select: CLOSING_SELECT,
    });
    if (!rfq) throw new NotFoundError("rfq");
    const closed = !rfq.sealed && (await closeRfqInTx(tx, rfq, { reason: "closed_early", now, actor }));
    if (!closed) throw new RfqValidationError({}, ["errors.closeEarlyNotAllowed"]);
  });
}

/** Sends the «deadline in 24 h» reminder once per RFQ to recipients that have not quoted or declined. */
export async function sendDeadlineReminders(now: Date = new Date()): Promise<string[]> {
  const prisma = getPrisma();
  const soon = new Date(now.getTime() + 24 * 3600 * 1000);
  const due = await prisma.rfq.findMany({
    where: { status: "PUBLISHED", reminderSentAt: null, deadline: { gt: now, lte: soon } },
    select: { id: true, number: true, title: true, deadline: true, buyerOrgId: true },
    take: 100,
  });
  const sent: string[] = [];
  for (const rfq of due) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.rfq.updateMany({
        where: { id: rfq.id, reminderSentAt: null, status: "PUBLISHED" },
        data: { reminderSentAt: now },
      });
      if (count !== 1) return;
      const pending = await tx.rfqRecipient.findMany({
        where: { rfqId: rfq.id, status: { in: ["NEW", "VIEWED"] } },
        select: { supplierOrgId: true },
      });
      await notify(tx, {
        type: "rfq_reminder",
        recipients: { orgIds: pending.map((p) => p.supplierOrgId) },
        params: { number: rfq.number, title: rfq.title, deadline: rfq.deadline },
        link: `/supplier/rfqs/${rfq.id}`,
        aggregateId: rfq.id,
        about: { rfqId: rfq.id, fromOrgId: rfq.buyerOrgId },
      });
      sent.push(rfq.id);
    });
  }
  return sent;
}

/** One tick of the deadline job. */
export async function runDeadlineJob(now: Date = new Date()) {
  const closed = await closeDueRfqs(now);
  const reminded = await sendDeadlineReminders(now);
  return { closed, reminded };
}
