import { Prisma } from "~/generated/prisma/client";
import type { OrgKind } from "~/generated/prisma/enums";
import { auditTrail, listAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { enqueue } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { logger } from "~/utils/logger.server";
import { type Actor, ForbiddenError, NotFoundError, requireOperator } from "./actor";
import { ORGANIZATION_LISTING_SELECT } from "./org-cards.server";

const auditOrganization = auditTrail("organization");

/**
 * The operator console's use cases: the organisation list, the verification queue, one organisation's page and the
 * decisions on it (verify / unverify / block / unblock) with their reasons and history. Every function refuses anyone
 * who is not an operator; operators see every tenant, so there is no tenant scope to add.
 */

export const OPERATOR_PAGE_SIZE = 25;
/** How long a decided organisation stays in the verification queue, below the pending ones. */
export const RECENT_DECISION_DAYS = 30;

export type OperatorDecision = "verify" | "unverify" | "block" | "unblock";

/** The audit action each decision writes (the names predate the console; the history reads them). */
export const DECISION_AUDIT_ACTIONS: Record<OperatorDecision, string> = {
  verify: "organization.verified",
  unverify: "organization.unverified",
  block: "organization.suspended",
  unblock: "organization.restored",
};
const DECISION_OF_ACTION = new Map(
  Object.entries(DECISION_AUDIT_ACTIONS).map(([d, a]) => [a, d as OperatorDecision] as const),
);

/** The notification the organisation's owners get (types in the notifications module). */
const NOTIFICATION_OF_DECISION: Record<OperatorDecision, string> = {
  verify: "organization_verified",
  unverify: "organization_unverified",
  block: "organization_blocked",
  unblock: "organization_unblocked",
};

/** Decisions whose reason is required (the owner is told why). */
export const REASON_REQUIRED: readonly OperatorDecision[] = ["unverify", "block"];
export const REASON_MAX = 500;

export type OrganizationStatusFilter = "all" | "pending" | "unverified" | "verified" | "suspended";

export interface OperatorOrganizationFilters {
  q?: string;
  kind?: OrgKind;
  status?: OrganizationStatusFilter;
  page?: number;
}

/** The organisation's state as the console shows it. */
export type OrganizationState = "pending" | "verified" | "unverified" | "suspended";

function stateOf(o: { kind: OrgKind; verifiedAt: Date | null; suspendedAt: Date | null }): OrganizationState {
  if (o.suspendedAt) return "suspended";
  if (o.verifiedAt) return "verified";
  return o.kind === "SUPPLIER" ? "pending" : "unverified";
}

/**
 * An operator's query is an ИНН prefix only when it is made of digits (spaces allowed): «Завод 7» is a name, and its
 * «7» must not match every organisation whose ИНН starts with 7.
 */
export function innPrefixOf(text: string): string | null {
  if (!/^[\d\s]+$/.test(text)) return null;
  const digits = text.replace(/\s/g, "");
  return digits.length >= 3 ? digits : null;
}

function searchWhere(q: string | undefined): Prisma.OrganizationWhereInput {
  const text = q?.trim();
  if (!text) return {};
  const inn = innPrefixOf(text);
  return {
    OR: [
      { shortName: { contains: text, mode: "insensitive" } },
      { legalName: { contains: text, mode: "insensitive" } },
      ...(inn ? [{ inn: { startsWith: inn } }] : []),
      { slug: { contains: text.toLowerCase() } },
    ],
  };
}

function statusWhere(status: OrganizationStatusFilter | undefined): Prisma.OrganizationWhereInput {
  switch (status) {
    case "pending":
      return { kind: "SUPPLIER", verifiedAt: null, suspendedAt: null };
    case "unverified":
      return { verifiedAt: null, suspendedAt: null };
    case "verified":
      return { verifiedAt: { not: null }, suspendedAt: null };
    case "suspended":
      return { suspendedAt: { not: null } };
    default:
      return {};
  }
}

function pageOf(page: number | undefined): number {
  return Math.max(1, Math.min(10_000, Math.trunc(page ?? 1)));
}

const listSelect = {
  ...ORGANIZATION_LISTING_SELECT,
  kind: true,
  suspendedAt: true,
  suspendReason: true,
  createdAt: true,
  _count: { select: { memberships: true } },
} satisfies Prisma.OrganizationSelect;

/** The operator's list of organisations: search by name/ИНН, kind and status filters, newest first, paged. */
export async function listOrganizationsForAdmin(actor: Actor, filters: OperatorOrganizationFilters = {}) {
  requireOperator(actor);
  const where: Prisma.OrganizationWhereInput = {
    AND: [filters.kind ? { kind: filters.kind } : {}, statusWhere(filters.status), searchWhere(filters.q)],
  };
  const page = pageOf(filters.page);
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * OPERATOR_PAGE_SIZE,
      take: OPERATOR_PAGE_SIZE,
      select: listSelect,
    }),
  ]);
  const items = rows.map((o) => ({ ...o, state: stateOf(o), members: o._count.memberships }));
  return {
    total,
    page,
    pageSize: OPERATOR_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / OPERATOR_PAGE_SIZE)),
    items,
  };
}

export type VerificationQueueStatus = "all" | "pending" | "verified" | "suspended";

export interface VerificationQueueFilters {
  q?: string;
  kind?: OrgKind;
  status?: VerificationQueueStatus;
  page?: number;
}

interface QueueRow {
  id: string;
  kind: OrgKind;
  slug: string;
  shortName: string;
  legalName: string;
  inn: string;
  city: string;
  createdAt: Date;
  verifiedAt: Date | null;
  suspendedAt: Date | null;
  decidedAt: Date | null;
  decisionAction: string | null;
  decisionReason: string | null;
  total: bigint;
}

/**
 * The verification queue: suppliers waiting for a decision (neither verified nor blocked) first, the longest waiting
 * at the top; then organisations decided on in the last RECENT_DECISION_DAYS days, the latest decision first.
 */
export async function listVerificationQueue(actor: Actor, filters: VerificationQueueFilters = {}, now = new Date()) {
  requireOperator(actor);
  const page = pageOf(filters.page);
  const since = new Date(now.getTime() - RECENT_DECISION_DAYS * 24 * 60 * 60 * 1000);
  const actions = Object.values(DECISION_AUDIT_ACTIONS);
  const pending = Prisma.sql`(o.kind = 'SUPPLIER' AND o."verifiedAt" IS NULL AND o."suspendedAt" IS NULL)`;
  const conditions: Prisma.Sql[] = [Prisma.sql`(${pending} OR d."createdAt" >= ${since})`];
  if (filters.kind) conditions.push(Prisma.sql`o.kind = ${filters.kind}::"OrgKind"`);
  if (filters.status === "pending") conditions.push(pending);
  if (filters.status === "verified")
    conditions.push(Prisma.sql`o."verifiedAt" IS NOT NULL AND o."suspendedAt" IS NULL`);
  if (filters.status === "suspended") conditions.push(Prisma.sql`o."suspendedAt" IS NOT NULL`);
  const text = filters.q?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const inn = innPrefixOf(text);
    conditions.push(
      inn
        ? Prisma.sql`(o."shortName" ILIKE ${like} OR o."legalName" ILIKE ${like} OR o.inn LIKE ${`${inn}%`})`
        : Prisma.sql`(o."shortName" ILIKE ${like} OR o."legalName" ILIKE ${like})`,
    );
  }
  const rows = await getPrisma().$queryRaw<QueueRow[]>`
    SELECT o.id, o.kind, o.slug, o."shortName", o."legalName", o.inn, o.city, o."createdAt", o."verifiedAt",
           o."suspendedAt", d."createdAt" AS "decidedAt", d.action AS "decisionAction",
           d.data->>'reason' AS "decisionReason", count(*) OVER () AS total
    FROM organization o
    LEFT JOIN LATERAL (
      SELECT a."createdAt", a.action, a.data FROM audit_event a
      WHERE a."entityType" = 'organization' AND a."entityId" = o.id AND a.action IN (${Prisma.join(actions)})
      ORDER BY a.id DESC LIMIT 1
    ) d ON true
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY CASE WHEN ${pending} THEN 0 ELSE 1 END,
             CASE WHEN ${pending} THEN o."createdAt" END ASC,
             d."createdAt" DESC, o.id
    LIMIT ${OPERATOR_PAGE_SIZE} OFFSET ${(page - 1) * OPERATOR_PAGE_SIZE}`;
  const total = rows.length > 0 ? Number(rows[0].total) : 0;
  return {
    total,
    page,
    pageSize: OPERATOR_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / OPERATOR_PAGE_SIZE)),
    items: rows.map(({ total: _total, decisionAction, ...o }) => ({
      ...o,
      state: stateOf(o),
      decision: decisionAction ? (DECISION_OF_ACTION.get(decisionAction) ?? null) : null,
    })),
  };
}

/** Documents (not photos) an organisation uploaded, newest first: shown to the operator, opened through /files/<id>. */
const DOCUMENTS_SHOWN = 20;

/** One organisation as the operator sees it: requisites, bank, documents, people, activity counts and history. */
export async function getOrganizationForOperator(actor: Actor, organizationId: string) {
  requireOperator(actor);
  const prisma = getPrisma();
  const org = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      kind: true,
      slug: true,
      legalName: true,
      shortName: true,
      inn: true,
      kpp: true,
      ogrn: true,
      region: true,
      city: true,
      legalAddress: true,
      phone: true,
      email: true,
      website: true,
      bankName: true,
      bik: true,
      settlementAccount: true,
      correspondentAccount: true,
      directorName: true,
      verifiedAt: true,
      suspendedAt: true,
      suspendReason: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          role: true,
          createdAt: true,
          user: { select: { name: true, email: true, lastLoginAt: true } },
        },
      },
      _count: { select: { products: { where: { status: { not: "ARCHIVED" } } }, rfqs: true } },
    },
  });
  if (!org) throw new NotFoundError("organization");
  const [documents, quotes, orders, history] = await Promise.all([
    prisma.storedFile.findMany({
      where: { organizationId, NOT: { mimeType: { startsWith: "image/" } } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: DOCUMENTS_SHOWN,
      select: { id: true, originalName: true, mimeType: true, size: true, createdAt: true },
    }),
    prisma.quote.count({ where: { supplierOrgId: organizationId, currentVersion: { gt: 0 } } }),
    prisma.order.count({ where: { OR: [{ buyerOrgId: organizationId }, { supplierOrgId: organizationId }] } }),
    organizationHistory(organizationId),
  ]);
  const { memberships, _count, ...rest } = org;
  return {
    ...rest,
    state: stateOf(org),
    members: memberships.map((m) => ({
      id: m.id,
      role: m.role,
      joinedAt: m.createdAt,
      name: m.user.name,
      email: m.user.email,
      lastLoginAt: m.user.lastLoginAt,
    })),
    documents,
    counts: { products: _count.products, rfqs: _count.rfqs, quotes, orders },
    history,
  };
}

/** The operator's decisions on an organisation, newest first, with who made them, when and why. */
async function organizationHistory(organizationId: string) {
  const events = (await listAudit("organization", organizationId)).filter((e) => DECISION_OF_ACTION.has(e.action));
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
  const users = await getPrisma().user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return events.reverse().map((e) => {
    const data = (e.data ?? {}) as { reason?: unknown };
    const who = e.actorUserId ? byId.get(e.actorUserId) : undefined;
    return {
      id: String(e.id),
      decision: DECISION_OF_ACTION.get(e.action) as OperatorDecision,
      at: e.createdAt,
      by: who ? { name: who.name, email: who.email } : null,
      reason: typeof data.reason === "string" && data.reason !== "" ? data.reason : null,
    };
  });
}

/** A reason the operator must give (or may give), trimmed; a missing required one is a field error. */
function reasonFor(decision: OperatorDecision, reason: string | null | undefined): string | null {
  const text = (reason ?? "").trim();
  if (text.length > REASON_MAX) {
    throw new DomainError("invalid", "reason too long", { fieldErrors: { reason: ["errors.tooLong"] } });
  }
  if (text === "" && REASON_REQUIRED.includes(decision)) {
    throw new DomainError("invalid", "reason required", { fieldErrors: { reason: ["errors.reasonRequired"] } });
  }
  return text === "" ? null : text;
}

/**
 * Applies an operator's decision: changes the organisation, records the decision with its reason in the audit trail,
 * tells the organisation's owners (notification + e-mail through the outbox) and, for suppliers, refreshes their
 * search documents (verification shows on result cards; a block hides the catalog). A decision that does not fit
 * the state (verifying a verified supplier, unblocking an active organisation) is a conflict.
 */
export async function decideOrganization(
  actor: Actor,
  organizationId: string,
  decision: OperatorDecision,
  reasonInput?: string | null,
): Promise<void> {
  requireOperator(actor);
  const reason = reasonFor(decision, reasonInput);
  const prisma = getPrisma();
  const org = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, kind: true, shortName: true, verifiedAt: true, suspendedAt: true },
  });
  if (!org) throw new NotFoundError("organization");
  if ((decision === "verify" || decision === "unverify") && org.kind !== "SUPPLIER") {
    throw new ForbiddenError("only supplier organisations are verified");
  }
  const fits = {
    verify: org.verifiedAt === null,
    unverify: org.verifiedAt !== null,
    block: org.suspendedAt === null,
    unblock: org.suspendedAt !== null,
  }[decision];
  if (!fits) throw new DomainError("conflict", `cannot ${decision} now`, { formErrors: ["admin.errors.stale"] });
  const now = new Date();
  const data: Prisma.OrganizationUpdateInput = {
    verify: { verifiedAt: now },
    unverify: { verifiedAt: null },
    block: { suspendedAt: now, suspendReason: reason },
    unblock: { suspendedAt: null, suspendReason: null },
  }[decision];
  const owners = await prisma.membership.findMany({
    where: { organizationId, role: "OWNER" },
    select: { userId: true },
  });
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: organizationId }, data });
    await auditOrganization(tx, organizationId, DECISION_AUDIT_ACTIONS[decision], actor, { reason });
    await notify(tx, {
      type: NOTIFICATION_OF_DECISION[decision],
      recipients: { userIds: owners.map((o) => o.userId) },
      params: { organization: org.shortName, reason: reason ?? "" },
      link: "/account",
      aggregateId: organizationId,
    });
    if (org.kind === "SUPPLIER") {
      await enqueue(tx, { topic: "search.supplier", aggregateId: organizationId, payload: { organizationId } });
    }
  });
  logger.info(
    { event: DECISION_AUDIT_ACTIONS[decision], organizationId, operatorId: actor.userId },
    "organisation changed by operator",
  );
}

export function verifyOrganization(actor: Actor, organizationId: string) {
  return decideOrganization(actor, organizationId, "verify");
}

export function unverifyOrganization(actor: Actor, organizationId: string, reason: string) {
  return decideOrganization(actor, organizationId, "unverify", reason);
}

/** Blocks an organisation: its users cannot sign in to it and it disappears from the catalog. */
export function suspendOrganization(actor: Actor, organizationId: string, reason: string) {
  return decideOrganization(actor, organizationId, "block", reason);
}

export function restoreOrganization(actor: Actor, organizationId: string, reason?: string) {
  return decideOrganization(actor, organizationId, "unblock", reason);
}
