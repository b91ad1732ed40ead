import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { notify } from "~/modules/notifications/notifications.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import type { RfqEvent } from "./rfq-events";

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

/**
 * Closes every published RFQ whose deadline has passed: status CLOSED, recipients that neither quoted nor declined
 * become EXPIRED, sealed RFQs are opened (openedAt), close hooks run, the buyer is notified. One transaction per RFQ.
 */
export async function closeDueRfqs(now: Date = new Date()): Promise<string[]> {
  const prisma = getPrisma();
  const due = await prisma.rfq.findMany({
    where: { status: "PUBLISHED", deadline: { lte: now } },
    select: { id: true, number: true, title: true, buyerOrgId: true, sealed: true },
    orderBy: { deadline: "asc" },
    take: 100,
  });
  const closed: string[] = [];
  for (const rfq of due) {
    try {
      const ok = await prisma.$transaction(async (tx) => {
        const { count } = await tx.rfq.updateMany({
          where: { id: rfq.id, status: "PUBLISHED", deadline: { lte: now } },
          data: { status: "CLOSED", closedAt: now, ...(rfq.sealed ? { openedAt: now } : {}) },
        });
        if (count !== 1) return false;
        const expired = await tx.rfqRecipient.updateMany({
          where: { rfqId: rfq.id, status: { in: ["NEW", "VIEWED"] } },
          data: { status: "EXPIRED" },
        });
        const quoted = await tx.rfqRecipient.count({ where: { rfqId: rfq.id, status: "QUOTED" } });
        await recordAudit(tx, {
          entityType: "rfq",
          entityId: rfq.id,
          action: "closed" satisfies RfqEvent,
          actor: null,
          data: { expired: expired.count, quoted, opened: rfq.sealed },
        });
        for (const hook of closeHooks.values()) {
          await hook(tx, { ...rfq, closedAt: now, openedAt: rfq.sealed ? now : null });
        }
        await notify(tx, {
          type: "rfq_closed",
          recipients: { orgIds: [rfq.buyerOrgId] },
          params: { number: rfq.number, title: rfq.title, quoted },
          link: `/buyer/rfqs/${rfq.id}`,
          aggregateId: rfq.id,
        });
        const recipientOrgs = await tx.rfqRecipient.findMany({
          where: { rfqId: rfq.id },
          select: { supplierOrgId: true },
        });
        await emitWebhookEvent(tx, {
          type: "rfq.closed",
          orgIds: [rfq.buyerOrgId, ...recipientOrgs.map((r) => r.supplierOrgId)],
          data: { rfqId: rfq.id, number: rfq.number, reason: "deadline", quoted },
        });
        return true;
      });
      if (ok) closed.push(rfq.id);
    } catch (error) {
      logger.error({ err: error, rfqId: rfq.id }, "closing RFQ at deadline failed");
    }
  }
  return closed;
}

/** Sends the «deadline in 24 h» reminder once per RFQ to recipients that have not quoted or declined. */
export async function sendDeadlineReminders(now: Date = new Date()): Promise<string[]> {
  const prisma = getPrisma();
  const soon = new Date(now.getTime() + 24 * 3600 * 1000);
  const due = await prisma.rfq.findMany({
    where: { status: "PUBLISHED", reminderSentAt: null, deadline: { gt: now, lte: soon } },
    select: { id: true, number: true, title: true, deadline: true },
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
