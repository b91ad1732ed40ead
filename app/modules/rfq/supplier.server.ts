import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { notify } from "~/modules/notifications/notifications.server";
import { getPrisma } from "~/utils/db.server";
import { RECIPIENT_STATUSES } from "./rfq.schema";
import {
  auditRfq,
  listPage,
  listQuery,
  numberSearch,
  PAGE_SIZE,
  RFQ_LIST_SELECT,
  RfqValidationError,
  rfqAttachmentView,
  rfqHeaderView,
  rfqItemView,
  rfqListView,
  rfqMessageView,
  VISIBLE_TO_SUPPLIERS,
} from "./shared.server";

export interface InboxQuery {
  status?: string | null;
  q?: string | null;
  page?: number;
}

/** RFQs addressed to the actor's supplier organisation (never drafts), newest first. */
export async function listInbox(actor: Actor, query: InboxQuery = {}) {
  requireSupplier(actor);
  const { page, status, q } = listQuery(query, RECIPIENT_STATUSES);
  const rfqWhere: Prisma.RfqWhereInput = { status: { in: [...VISIBLE_TO_SUPPLIERS] } };
  if (q) {
    rfqWhere.OR = [
      { title: { contains: q, mode: "insensitive" } },
      { buyer: { shortName: { contains: q, mode: "insensitive" } } },
      { items: { some: { name: { contains: q, mode: "insensitive" } } } },
      ...numberSearch(q),
    ];
  }
  const where: Prisma.RfqRecipientWhereInput = {
    supplierOrgId: actor.organizationId,
    rfq: rfqWhere,
    ...(status ? { status } : {}),
  };
  const prisma = getPrisma();
  const [rows, total, counts] = await Promise.all([
    prisma.rfqRecipient.findMany({
      where,
      orderBy: [{ rfq: { publishedAt: "desc" } }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        status: true,
        viewedAt: true,
        rfq: {
          select: {
            ...RFQ_LIST_SELECT,
            buyer: { select: { shortName: true } },
            _count: { select: { items: true } },
          },
        },
      },
    }),
    prisma.rfqRecipient.count({ where }),
    prisma.rfqRecipient.groupBy({
      by: ["status"],
      where: { supplierOrgId: actor.organizationId, rfq: { status: { in: [...VISIBLE_TO_SUPPLIERS] } } },
      _count: { _all: true },
    }),
  ]);
  return {
    items: rows.map((r) => ({
      ...rfqListView(r.rfq),
      rfqStatus: r.rfq.status,
      status: r.status,
      buyer: r.rfq.buyer.shortName,
      itemCount: r.rfq._count.items,
    })),
    ...listPage(page, total, counts),
  };
}

async function loadRecipient(actor: Actor, rfqId: string) {
  requireSupplier(actor);
  const recipient = await getPrisma().rfqRecipient.findFirst({
    where: { rfqId, supplierOrgId: actor.organizationId, rfq: { status: { in: [...VISIBLE_TO_SUPPLIERS] } } },
    include: {
      rfq: { select: { id: true, number: true, title: true, status: true, deadline: true, buyerOrgId: true } },
    },
  });
  if (!recipient) throw new NotFoundError("rfq");
  return recipient;
}

/**
 * The RFQ as the invited supplier sees it; an uninvited supplier (or a draft) → NotFound. The first view marks the
 * recipient VIEWED (audited).
 */
export async function viewRfqAsSupplier(actor: Actor, rfqId: string, opts: { markViewed?: boolean } = {}) {
  const recipient = await loadRecipient(actor, rfqId);
  const prisma = getPrisma();
  if ((opts.markViewed ?? true) && recipient.status === "NEW") {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.rfqRecipient.updateMany({
        where: { id: recipient.id, status: "NEW" },
        data: { status: "VIEWED", viewedAt: new Date() },
      });
      if (count === 1) {
        await auditRfq(tx, rfqId, "recipient_viewed", actor);
      }
    });
  }
  const rfq = await prisma.rfq.findUniqueOrThrow({
    where: { id: rfqId },
    include: {
      buyer: { select: { shortName: true, legalName: true, city: true } },
      items: {
        orderBy: { position: "asc" },
        include: { product: { select: { slug: true, title: true, supplierId: true } } },
      },
      attachments: { include: { file: { select: { id: true, originalName: true, size: true, mimeType: true } } } },
    },
  });
  const me = await prisma.rfqRecipient.findUniqueOrThrow({ where: { id: recipient.id } });
  const thread = await listThreadForSupplier(actor, rfqId);
  return {
    rfq: {
      ...rfqHeaderView(rfq),
      buyer: rfq.buyer,
      cancelReason: rfq.status === "CANCELLED" ? rfq.cancelReason : null,
      items: rfq.items.map((i) => ({
        ...rfqItemView(i),
        position: i.position,
        product: i.product
          ? { slug: i.product.slug, title: i.product.title, ours: i.product.supplierId === actor.organizationId }
          : null,
      })),
      attachments: rfq.attachments.map(rfqAttachmentView),
    },
    recipient: {
      status: me.status,
      viewedAt: me.viewedAt?.toISOString() ?? null,
      declinedAt: me.declinedAt?.toISOString() ?? null,
      declineReason: me.declineReason,
    },
    canRespond: rfq.status === "PUBLISHED" && (me.status === "NEW" || me.status === "VIEWED" || me.status === "QUOTED"),
    thread,
  };
}

/** The supplier's own clarification thread plus answers the buyer published to everyone (askers anonymised). */
export async function listThreadForSupplier(actor: Actor, rfqId: string) {
  requireSupplier(actor);
  const prisma = getPrisma();
  const messages = await prisma.rfqMessage.findMany({
    where: {
      rfqId,
      rfq: { recipients: { some: { supplierOrgId: actor.organizationId } } },
      OR: [{ supplierOrgId: actor.organizationId }, { kind: "ANSWER", publishedAt: { not: null } }],
    },
    orderBy: { createdAt: "asc" },
  });
  const own = messages.filter((m) => m.supplierOrgId === actor.organizationId);
  const foreignAnswers = messages.filter((m) => m.supplierOrgId !== actor.organizationId);
  const questionIds = foreignAnswers.flatMap((m) => (m.replyToId ? [m.replyToId] : []));
  const questions = questionIds.length
    ? await prisma.rfqMessage.findMany({ where: { id: { in: questionIds }, rfqId }, select: { id: true, body: true } })
    : [];
  const qById = new Map(questions.map((q) => [q.id, q.body]));
  return {
    own: own.map(rfqMessageView),
    // No supplier identity leaves the server for other threads: only the question text and the answer.
    published: foreignAnswers.map((m) => ({
      id: m.id,
      question: m.replyToId ? (qById.get(m.replyToId) ?? null) : null,
      answer: m.body,
      createdAt: (m.publishedAt ?? m.createdAt).toISOString(),
    })),
  };
}

/** Declines an open RFQ with a reason; the buyer is notified. */
export async function declineRfq(actor: Actor, rfqId: string, reason: string) {
  const recipient = await loadRecipient(actor, rfqId);
  if (recipient.rfq.status !== "PUBLISHED" || !["NEW", "VIEWED"].includes(recipient.status)) {
    throw new RfqValidationError({}, ["errors.cannotDecline"]);
  }
  const prisma = getPrisma();
  const supplier = await prisma.organization.findUniqueOrThrow({
    where: { id: actor.organizationId as string },
    select: { shortName: true },
  });
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.rfqRecipient.updateMany({
      where: { id: recipient.id, status: { in: ["NEW", "VIEWED"] } },
      data: { status: "DECLINED", declinedAt: now, declineReason: reason, viewedAt: recipient.viewedAt ?? now },
    });
    if (count !== 1) throw new RfqValidationError({}, ["errors.cannotDecline"]);
    await auditRfq(tx, rfqId, "recipient_declined", actor, { reason });
    await notify(tx, {
      type: "rfq_declined",
      recipients: { orgIds: [recipient.rfq.buyerOrgId] },
      params: { number: recipient.rfq.number, title: recipient.rfq.title, supplier: supplier.shortName, reason },
      link: `/buyer/rfqs/${rfqId}`,
      aggregateId: rfqId,
      about: { rfqId, fromOrgId: recipient.supplierOrgId },
    });
  });
}

/** A clarification question in the supplier's private thread; the buyer is notified. */
export async function askQuestion(actor: Actor, rfqId: string, body: string) {
  const recipient = await loadRecipient(actor, rfqId);
  if (recipient.rfq.status !== "PUBLISHED") throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  const prisma = getPrisma();
  const supplier = await prisma.organization.findUniqueOrThrow({
    where: { id: actor.organizationId as string },
    select: { shortName: true },
  });
  return prisma.$transaction(async (tx) => {
    const message = await tx.rfqMessage.create({
      data: {
        rfqId,
        supplierOrgId: actor.organizationId as string,
        kind: "QUESTION",
        authorUserId: actor.userId,
        body,
      },
    });
    await auditRfq(tx, rfqId, "question_asked", actor, { messageId: message.id });
    await notify(tx, {
      type: "rfq_question",
      recipients: { orgIds: [recipient.rfq.buyerOrgId] },
      params: { number: recipient.rfq.number, title: recipient.rfq.title, supplier: supplier.shortName },
      link: `/buyer/rfqs/${rfqId}#questions`,
      aggregateId: rfqId,
      about: { rfqId, fromOrgId: recipient.supplierOrgId },
    });
    return { id: message.id };
  });
}

/** A withdrawn quote: the recipient has seen the RFQ and may quote again, so QUOTED goes back to VIEWED. */
export async function markRecipientWithdrawn(
  tx: Prisma.TransactionClient,
  rfqId: string,
  supplierOrgId: string,
): Promise<void> {
  await tx.rfqRecipient.updateMany({ where: { rfqId, supplierOrgId, status: "QUOTED" }, data: { status: "VIEWED" } });
}

/** Marks the actor's recipient row QUOTED (for the quotes module). */
export async function markRecipientQuoted(
  tx: Prisma.TransactionClient,
  rfqId: string,
  supplierOrgId: string,
): Promise<void> {
  await tx.rfqRecipient.updateMany({
    where: { rfqId, supplierOrgId, status: { in: ["NEW", "VIEWED", "QUOTED"] } },
    data: { status: "QUOTED" },
  });
}
