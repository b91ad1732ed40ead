import type { Prisma } from "~/generated/prisma/client";
import type { OrgKind } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueue } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { RateLimitedError } from "~/utils/rate-limit.server";
import { type Actor, ForbiddenError, NotFoundError } from "./actor";
import { safeRedirect } from "./policy";
import type { Viewer } from "./viewer";

export { getActor, getViewer, requireActor, workspacePath } from "./auth.server";
export { authenticatePassword, type LoginResult, login, logout, postLoginPath } from "./login.server";
export {
  type AcceptResult,
  acceptInvitation,
  getInvitation,
  type InviteResult,
  inviteMember,
  listMembers,
  removeMember,
  revokeInvitation,
} from "./members.server";
export { createOperator } from "./operators.server";
export {
  activeOrganizationWhere,
  getOrganizationSettings,
  isOrganizationActive,
  isOrganizationVerified,
  updateOrganizationSettings,
} from "./organizations.server";
export { isResetTokenValid, type ResetResult, requestPasswordReset, resetPassword } from "./password-reset.server";
export { type ChangePasswordResult, changePassword, getAccount, updateProfile } from "./profile.server";
export { type RequestContext, requestContext } from "./request-context.server";
export { resendVerification, type SignupResult, signUp, verifyEmailByCode, verifyEmailByToken } from "./signup.server";
export {
  listSessions,
  logoutEverywhere,
  pruneAccounts,
  revokeSession,
  switchOrganization,
} from "./user-sessions.server";
export type { Actor, Viewer };
export { ForbiddenError, NotFoundError, RateLimitedError, safeRedirect };
/**
 * PUBLIC SURFACE OF THE ACCOUNTS MODULE: identity, sessions, organisations, memberships, invitations, the operator.
 * Every use case that acts for someone takes an Actor and scopes its queries to the actor's organisation. The use cases
 * live in one file per concern (auth, login, signup, password-reset, profile, sessions, organizations, members); this
 * file is their door and holds the operator's organisation list and decisions.
 */
// ─── Operator ───────────────────────────────────────────────────────────────

export interface AdminOrganizationFilters {
  q?: string;
  kind?: OrgKind;
  status?: "all" | "unverified" | "verified" | "suspended";
  page?: number;
}

const ADMIN_PAGE_SIZE = 50;

/** The operator's list of organisations with filters (name/INN search, kind, status). */
export async function listOrganizationsForAdmin(actor: Actor, filters: AdminOrganizationFilters = {}) {
  if (!actor.isOperator) throw new ForbiddenError("operator required");
  const where: Prisma.OrganizationWhereInput = {};
  if (filters.kind) where.kind = filters.kind;
  if (filters.status === "unverified") Object.assign(where, { verifiedAt: null, suspendedAt: null });
  if (filters.status === "verified") Object.assign(where, { verifiedAt: { not: null }, suspendedAt: null });
  if (filters.status === "suspended") where.suspendedAt = { not: null };
  const q = filters.q?.trim();
  if (q) {
    where.OR = [
      { shortName: { contains: q, mode: "insensitive" } },
      { legalName: { contains: q, mode: "insensitive" } },
      { inn: { startsWith: q.replace(/\D/g, "") || q } },
      { slug: { contains: q.toLowerCase() } },
    ];
  }
  const page = Math.max(1, filters.page ?? 1);
  const prisma = getPrisma();
  const [total, items] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        slug: true,
        shortName: true,
        legalName: true,
        inn: true,
        ogrn: true,
        city: true,
        verifiedAt: true,
        suspendedAt: true,
        suspendReason: true,
        createdAt: true,
        _count: { select: { memberships: true } },
      },
    }),
  ]);
  return { total, page, pageSize: ADMIN_PAGE_SIZE, items };
}

async function adminChange(
  actor: Actor,
  organizationId: string,
  action: string,
  data: Prisma.OrganizationUpdateInput,
  auditData: Prisma.InputJsonValue = {},
) {
  if (!actor.isOperator) throw new ForbiddenError("operator required");
  const prisma = getPrisma();
  const org = await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true, kind: true } });
  if (!org) throw new NotFoundError("organization");
  if (action === "organization.verified" && org.kind !== "SUPPLIER") {
    throw new ForbiddenError("only supplier organisations are verified");
  }
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: organizationId }, data });
    await recordAudit(tx, { entityType: "organization", entityId: organizationId, action, actor, data: auditData });
    // search: verification shows on result cards; suspension hides (restoring shows) all of the supplier's products
    if (org.kind === "SUPPLIER") {
      await enqueue(tx, { topic: "search.supplier", aggregateId: organizationId, payload: { organizationId } });
    }
  });
  logger.info({ event: action, organizationId, operatorId: actor.userId }, "organisation changed by operator");
}

export function verifyOrganization(actor: Actor, organizationId: string) {
  return adminChange(actor, organizationId, "organization.verified", { verifiedAt: new Date() });
}

export function unverifyOrganization(actor: Actor, organizationId: string) {
  return adminChange(actor, organizationId, "organization.unverified", { verifiedAt: null });
}

/** Suspends an organisation: its users cannot sign in to it and it disappears from the catalog. */
export function suspendOrganization(actor: Actor, organizationId: string, reason: string) {
  return adminChange(
    actor,
    organizationId,
    "organization.suspended",
    { suspendedAt: new Date(), suspendReason: reason },
    { reason },
  );
}

export function restoreOrganization(actor: Actor, organizationId: string, reason?: string) {
  return adminChange(
    actor,
    organizationId,
    "organization.restored",
    { suspendedAt: null, suspendReason: null },
    { reason: reason ?? null },
  );
}
