import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { listAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { getPrisma } from "~/utils/db.server";
import { RFQ_STATUSES } from "./rfq.schema";
import { rfqEventKey } from "./rfq-events";
import {
  auditRfq,
  listPage,
  listQuery,
  loadBuyerRfq,
  numberSearch,
  PAGE_SIZE,
  RFQ_LIST_SELECT,
  RfqValidationError,
  rfqAttachmentView,
  rfqHeaderView,
  rfqItemView,
  rfqListView,
  rfqMessageView,
} from "./shared.server";

/** The buyer organisation's RFQs with a status filter and search. */
export async function listBuyerRfqs(
  actor: Actor,
  query: { status?: string | null; q?: string | null; page?: number } = {},
) {
  requireBuyer(actor);
  const { page, status, q } = listQuery(query, RFQ_STATUSES);
  const where: Prisma.RfqWhereInput = { buyerOrgId: actor.organizationId, ...(status ? { status } : {}) };
  if (q) {
    where.OR = [{ title: { contains: q, mode: "insensitive" } }, ...numberSearch(q)];
  }
  const prisma = getPrisma();
  const [rows, total, counts] = await Promise.all([
    prisma.rfq.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        ...RFQ_LIST_SELECT,
        updatedAt: true,
        _count: { select: { items: true, recipients: true } },
        recipients: { select: { status: true } },
      },
    }),
    prisma.rfq.count({ where }),
    prisma.rfq.groupBy({ by: ["status"], where: { buyerOrgId: actor.organizationId }, _count: { _all: true } }),
  ]);
  return {
    items: rows.map((r) => ({
      ...rfqListView(r),
      updatedAt: r.updatedAt.toISOString(),
      itemCount: r._count.items,
      recipientCount: r._count.recipients,
      quotedCount: r.recipients.filter((x) => x.status === "QUOTED").length,
    })),
    ...listPage(page, total, counts),
  };
}

/** One RFQ of the buyer with recipients, threads and the audit trail. */
export async function getBuyerRfq(actor: Actor, id: string) {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, id, {
    items: { orderBy: { position: "asc" }, include: { product: { select: { slug: true, title: true } } } },
    attachments: { include: { file: { select: { id: true, originalName: true, size: true, mimeType: true } } } },
    recipients: {
      orderBy: { createdAt: "asc" },
      include: { supplier: { select: { id: true, shortName: true, slug: true } } },
    },
    messages: { orderBy: { createdAt: "asc" } },
  });
  const audit = await listAudit("rfq", id, prisma);
  const userIds = [...new Set(audit.flatMap((a) => (a.actorUserId ? [a.actorUserId] : [])))];
  const orgIds = [...new Set(audit.flatMap((a) => (a.actorOrgId ? [a.actorOrgId] : [])))];
  const [users, orgs] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    orgIds.length
      ? prisma.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, shortName: true } })
      : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.shortName]));
  const supplierName = new Map(rfq.recipients.map((r) => [r.supplierOrgId, r.supplier.shortName]));
  const threads = new Map<string, { supplierOrgId: string; supplier: string; messages: unknown[] }>();
  for (const m of rfq.messages) {
    const t = threads.get(m.supplierOrgId) ?? {
      supplierOrgId: m.supplierOrgId,
      supplier: supplierName.get(m.supplierOrgId) ?? "—",
      messages: [],
    };
    t.messages.push(rfqMessageView(m));
    threads.set(m.supplierOrgId, t);
  }
  return {
    rfq: {
      ...rfqHeaderView(rfq),
      includeOtherSuppliers: rfq.includeOtherSuppliers,
      cancelReason: rfq.cancelReason,
      closedAt: rfq.closedAt?.toISOString() ?? null,
      openedAt: rfq.openedAt?.toISOString() ?? null,
      createdAt: rfq.createdAt.toISOString(),
      items: rfq.items.map((i) => ({ ...rfqItemView(i), product: i.product })),
      attachments: rfq.attachments.map(rfqAttachmentView),
    },
    recipients: rfq.recipients.map((r) => ({
      supplierOrgId: r.supplierOrgId,
      name: r.supplier.shortName,
      slug: r.supplier.slug,
      source: r.source,
      status: r.status,
      viewedAt: r.viewedAt?.toISOString() ?? null,
      declinedAt: r.declinedAt?.toISOString() ?? null,
      declineReason: r.declineReason,
    })),
    threads: [...threads.values()] as {
      supplierOrgId: string;
      supplier: string;
      messages: {
        id: string;
        kind: "QUESTION" | "ANSWER";
        body: string;
        replyToId: string | null;
        published: boolean;
        createdAt: string;
      }[];
    }[],
    audit: audit.map((a) => ({
      id: a.id.toString(),
      action: a.action,
      /** the i18n key (rfq namespace) of the event's name */
      actionKey: rfqEventKey(a.action),
      at: a.createdAt.toISOString(),
      who: a.actorUserId ? (userName.get(a.actorUserId) ?? null) : null,
      org: a.actorOrgId ? (orgName.get(a.actorOrgId) ?? null) : null,
      data: a.data as Record<string, unknown>,
    })),
  };
}

/** Tells the suppliers still in play on the buyer's RFQ (new, viewed or quoted) about a change to it. */
async function notifyOpenRecipients(
  tx: Prisma.TransactionClient,
  rfq: { id: string; buyerOrgId: string },
  type: string,
  params: Parameters<typeof notify>[1]["params"],
) {
  await notify(tx, {
    type,
    recipients: { orgIds: await recipientOrgIds(tx, rfq.id, ["NEW", "VIEWED", "QUOTED"]) },
    params,
    link: `/supplier/rfqs/${rfq.id}`,
    aggregateId: rfq.id,
    about: { rfqId: rfq.id, fromOrgId: rfq.buyerOrgId },
  });
}

function recipientOrgIds(tx: Prisma.TransactionClient, rfqId: string, statuses?: string[]) {
  return tx.rfqRecipient
    .findMany({
      where: {
        rfqId,
        ...(statuses ? { status: { in: statuses as ("NEW" | "VIEWED" | "QUOTED" | "DECLINED" | "EXPIRED")[] } } : {}),
      },
      select: { supplierOrgId: true },
    })
    .then((rows) => rows.map((r) => r.supplierOrgId));
}

/** Moves the deadline of a published RFQ later; recipients are notified. Validate the date with extendDeadlineSchema. */
export async function extendDeadline(actor: Actor, id: string, deadline: Date, now: Date = new Date()) {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, id);
  if (rfq.status !== "PUBLISHED") throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  if (deadline.getTime() <= now.getTime()) throw new RfqValidationError({ deadline: ["errors.deadlinePast"] });
  if (rfq.deadline && deadline.getTime() <= rfq.deadline.getTime())
    throw new RfqValidationError({ deadline: ["errors.deadlineNotLater"] });
  if (rfq.neededBy && deadline.getTime() >= rfq.neededBy.getTime())
    throw new RfqValidationError({ deadline: ["errors.deadlineAfterNeededBy"] });
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.rfq.updateMany({
      where: { id, status: "PUBLISHED", buyerOrgId: actor.organizationId as string },
      data: {
        deadline,
        // a new 24 h reminder is due if the new deadline is more than a day away
        ...(deadline.getTime() - now.getTime() > 24 * 3600 * 1000 ? { reminderSentAt: null } : {}),
      },
    });
    if (count !== 1) throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
    await auditRfq(tx, id, "deadline_extended", actor, {
      from: rfq.deadline?.toISOString() ?? null,
      to: deadline.toISOString(),
    });
    await notifyOpenRecipients(tx, rfq, "rfq_deadline_changed", { number: rfq.number, title: rfq.title, deadline });
  });
}

/** Cancels a published (or draft) RFQ with a reason; recipients are notified and no more quotes are accepted. */
export async function cancelRfq(actor: Actor, id: string, reason: string) {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, id);
  if (rfq.status !== "PUBLISHED") throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.rfq.updateMany({
      where: { id, status: "PUBLISHED", buyerOrgId: actor.organizationId as string },
      data: { status: "CANCELLED", cancelReason: reason, closedAt: new Date() },
    });
    if (count !== 1) throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
    await auditRfq(tx, id, "cancelled", actor, { reason });
    await notifyOpenRecipients(tx, rfq, "rfq_cancelled", { number: rfq.number, title: rfq.title, reason });
  });
}

/** A new draft with the same header, items, attachments and recipients (deadline and dates cleared). */
export async function duplicateRfq(actor: Actor, id: string): Promise<{ id: string }> {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, id, {
    items: { orderBy: { position: "asc" } },
    attachments: true,
    recipients: { include: { supplier: { select: { suspendedAt: true } } } },
  });
  return prisma.$transaction(async (tx) => {
    const copy = await tx.rfq.create({
      data: {
        buyerOrgId: rfq.buyerOrgId,
        createdById: actor.userId,
        title: rfq.title,
        deliveryAddress: rfq.deliveryAddress,
        paymentTerms: rfq.paymentTerms,
        comment: rfq.comment,
        sealed: rfq.sealed,
        includeOtherSuppliers: rfq.includeOtherSuppliers,
      },
    });
    await tx.rfqItem.createMany({
      data: rfq.items.map((i) => ({
        rfqId: copy.id,
        position: i.position,
        productId: i.productId,
        name: i.name,
        quantity: i.quantity,
        unit: i.unit,
        notes: i.notes,
        analoguesAllowed: i.analoguesAllowed,
      })),
    });
    if (rfq.attachments.length)
      await tx.rfqAttachment.createMany({ data: rfq.attachments.map((a) => ({ rfqId: copy.id, fileId: a.fileId })) });
    const keep = rfq.recipients.filter((r) => !r.supplier.suspendedAt);
    if (keep.length)
      await tx.rfqRecipient.createMany({
        data: keep.map((r) => ({ rfqId: copy.id, supplierOrgId: r.supplierOrgId, source: r.source })),
      });
    await auditRfq(tx, copy.id, "created", actor, { duplicateOf: id });
    return { id: copy.id };
  });
}

/**
 * The buyer answers a question: privately (only the asking supplier) or published to all recipients — the published
 * answer never carries the asker's identity to others.
 */
export async function answerQuestion(
  actor: Actor,
  rfqId: string,
  input: { questionId: string; body: string; publish: boolean },
) {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, rfqId);
  if (rfq.status !== "PUBLISHED") throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  const question = await prisma.rfqMessage.findFirst({ where: { id: input.questionId, rfqId, kind: "QUESTION" } });
  if (!question) throw new NotFoundError("question");
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const message = await tx.rfqMessage.create({
      data: {
        rfqId,
        supplierOrgId: question.supplierOrgId,
        kind: "ANSWER",
        authorUserId: actor.userId,
        body: input.body,
        replyToId: question.id,
        publishedAt: input.publish ? now : null,
      },
    });
    await auditRfq(tx, rfqId, input.publish ? "answer_published" : "answer_sent", actor, {
      messageId: message.id,
      questionId: question.id,
    });
    const orgIds = input.publish
      ? await recipientOrgIds(tx, rfqId, ["NEW", "VIEWED", "QUOTED"]).then((ids) =>
          ids.includes(question.supplierOrgId) ? ids : [...ids, question.supplierOrgId],
        )
      : [question.supplierOrgId];
    await notify(tx, {
      type: "rfq_answer",
      recipients: { orgIds },
      params: { number: rfq.number, title: rfq.title, published: input.publish },
      link: `/supplier/rfqs/${rfqId}#questions`,
      aggregateId: rfqId,
      about: { rfqId, fromOrgId: rfq.buyerOrgId },
    });
    return { id: message.id };
  });
}
