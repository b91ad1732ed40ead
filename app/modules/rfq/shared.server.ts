import type { Prisma, PrismaClient, Rfq, RfqItem, RfqMessage } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { auditTrail } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { DomainError } from "~/utils/domain-error";
import type { RfqEvent } from "./rfq-events";

export type Db = PrismaClient | Prisma.TransactionClient;

/** Writes an entry of an RFQ's history (its actions are the `RfqEvent`s, each with a label in every language). */
export const auditRfq = auditTrail<RfqEvent>("rfq");

/** Statuses in which suppliers can see an RFQ (a draft is the buyer's alone). */
export const VISIBLE_TO_SUPPLIERS = ["PUBLISHED", "CLOSED", "AWARDED", "CANCELLED"] as const;

/** A validation failure of a use case, with field errors as i18n keys of the `rfq` namespace. */
export class RfqValidationError extends DomainError {
  constructor(fieldErrors: Record<string, string[]>, formErrors: string[] = []) {
    super("invalid", `invalid RFQ: ${JSON.stringify({ fieldErrors, formErrors })}`, { fieldErrors, formErrors });
  }
}

/** The buyer's own RFQ (scoped by organisation in the query) or NotFound. */
export async function loadBuyerRfq<T extends Prisma.RfqInclude>(
  db: Db,
  actor: Actor,
  id: string,
  include?: T,
): Promise<Prisma.RfqGetPayload<{ include: T }>> {
  requireBuyer(actor);
  const rfq = await db.rfq.findFirst({ where: { id, buyerOrgId: actor.organizationId }, include });
  if (!rfq) throw new NotFoundError("rfq");
  return rfq as Prisma.RfqGetPayload<{ include: T }>;
}

/** The «новый запрос» notification to the suppliers an RFQ is sent to: on publishing, or one added to it later. */
export async function notifyRfqSent(
  db: Db,
  rfq: {
    id: string;
    number: number;
    title: string;
    deadline: Date | null;
    buyerOrgId: string;
    buyer: { shortName: string };
  },
  items: number,
  orgIds: string[],
) {
  await notify(db, {
    type: "rfq_published",
    recipients: { orgIds },
    params: { number: rfq.number, title: rfq.title, buyer: rfq.buyer.shortName, deadline: rfq.deadline ?? null, items },
    link: `/supplier/rfqs/${rfq.id}`,
    aggregateId: rfq.id,
    about: { rfqId: rfq.id, fromOrgId: rfq.buyerOrgId },
  });
}

export function rfqLabel(rfq: { number: number; title: string }) {
  return { number: rfq.number, title: rfq.title };
}

// ─── list and detail views shared by the buyer's and the supplier's side ────────────────────────────────────────

export const PAGE_SIZE = 20;

/** Pagination over `total` rows and per-status counts from a `groupBy({ by: ["status"] })`. */
export function listPage<S extends string>(
  page: number,
  total: number,
  counts: { status: S; _count: { _all: number } }[],
) {
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<S, number>>,
  };
}

/** A list's page (1 or more), its status filter (one of `statuses`, else none) and its trimmed search text. */
export function listQuery<S extends string>(
  query: { status?: string | null; q?: string | null; page?: number },
  statuses: readonly S[],
) {
  return {
    page: Math.max(1, Math.floor(query.page ?? 1)),
    status: (statuses as readonly string[]).includes(query.status ?? "") ? (query.status as S) : undefined,
    q: query.q?.trim(),
  };
}

/** The RFQ fields of a row in the buyer's list and the supplier's inbox. */
export const RFQ_LIST_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  deadline: true,
  closedAt: true,
  publishedAt: true,
  sealed: true,
} satisfies Prisma.RfqSelect;

export function rfqListView(
  r: Pick<Rfq, "id" | "number" | "title" | "status" | "deadline" | "closedAt" | "publishedAt" | "sealed">,
) {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    deadline: r.deadline?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    sealed: r.sealed,
  };
}

/** A message of a clarification thread as its own side sees it. */
export function rfqMessageView(
  m: Pick<RfqMessage, "id" | "kind" | "body" | "replyToId" | "publishedAt" | "createdAt">,
) {
  return {
    id: m.id,
    kind: m.kind,
    body: m.body,
    replyToId: m.replyToId,
    published: m.publishedAt !== null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A search for "123" or "№ 123" also matches the RFQ of that number. */
export function numberSearch(q: string): { number: number }[] {
  const n = Number(q.replace(/^№\s*/, ""));
  return Number.isInteger(n) && n > 0 && n < 2 ** 31 ? [{ number: n }] : [];
}

/** The RFQ header fields both parties see. */
export function rfqHeaderView(
  rfq: Pick<
    Rfq,
    | "id"
    | "number"
    | "title"
    | "status"
    | "deliveryAddress"
    | "neededBy"
    | "deadline"
    | "paymentTerms"
    | "comment"
    | "sealed"
    | "publishedAt"
    | "closedAt"
  >,
) {
  return {
    id: rfq.id,
    number: rfq.number,
    title: rfq.title,
    status: rfq.status,
    deliveryAddress: rfq.deliveryAddress,
    neededBy: rfq.neededBy?.toISOString() ?? null,
    deadline: rfq.deadline?.toISOString() ?? null,
    paymentTerms: rfq.paymentTerms,
    comment: rfq.comment,
    sealed: rfq.sealed,
    publishedAt: rfq.publishedAt?.toISOString() ?? null,
    closedAt: rfq.closedAt?.toISOString() ?? null,
  };
}

/** An RFQ line as both parties see it (the quantity as a decimal string). */
export type RfqItemView = ReturnType<typeof rfqItemView>;

export function rfqItemView(i: Pick<RfqItem, "id" | "name" | "quantity" | "unit" | "notes" | "analoguesAllowed">) {
  return {
    id: i.id,
    name: i.name,
    quantity: i.quantity.toString(),
    unit: i.unit,
    notes: i.notes,
    analoguesAllowed: i.analoguesAllowed,
  };
}

export function rfqAttachmentView(a: { file: { id: string; originalName: string; size: number; mimeType: string } }) {
  return { id: a.file.id, name: a.file.originalName, size: a.file.size, mimeType: a.file.mimeType };
}
