import type { Prisma, PrismaClient, Rfq, RfqItem } from "~/generated/prisma/client";
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
