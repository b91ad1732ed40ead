import type { MemberRole, OrgKind } from "~/generated/prisma/enums";
import { auditTrail } from "~/modules/audit/audit.server";
import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { type Actor, ForbiddenError, NotFoundError } from "./actor";
import { invitationMail } from "./emails.server";
import { requireOrg } from "./organizations.server";
import { hashPassword, isCommonPassword } from "./passwords.server";
import { canGrantRole, canManageMembers, canRemoveMember } from "./policy";
import { limit, mailCtx, type RequestContext } from "./request-context.server";
import { createSession, forgetSession, resolveSession, sessionCookie } from "./session.server";
import { randomToken, sha256 } from "./tokens.server";

const auditOrganization = auditTrail("organization");

/** Members of an organisation and invitations to join it. */

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Members and pending invitations of the actor's organisation. */
export async function listMembers(actor: Actor) {
  const organizationId = requireOrg(actor);
  const prisma = getPrisma();
  const [members, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { organizationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    canManageMembers(actor.role)
      ? prisma.invitation.findMany({
          where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { createdAt: "desc" },
          select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
        })
      : Promise.resolve([]),
  ]);
  return { members, invitations, canManage: canManageMembers(actor.role) };
}

export type InviteResult = { ok: true; invitationId: string } | { ok: false; error: "already_member" };

/** Owners and admins invite a colleague by email; the mail carries a single-use link valid for 7 days. */
export async function inviteMember(
  actor: Actor,
  input: { email: string; role: MemberRole },
  ctx: RequestContext,
): Promise<InviteResult> {
  const organizationId = requireOrg(actor);
  if (!canGrantRole(actor.role, input.role)) throw new ForbiddenError("may not invite with this role");
  await limit("invite", ctx, actor.userId);
  const prisma = getPrisma();
  const [org, inviter, member] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { shortName: true } }),
    prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } }),
    prisma.membership.findFirst({ where: { organizationId, user: { email: input.email } }, select: { id: true } }),
  ]);
  if (member) return { ok: false, error: "already_member" };
  const token = randomToken();
  const mail = await invitationMail(mailCtx(ctx), input.email, {
    inviterName: inviter.name,
    organization: org.shortName,
    token,
  });
  const invitation = await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const inv = await tx.invitation.create({
      data: {
        organizationId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(`invite:${token}`),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      },
    });
    await queueEmail(tx, mail);
    await auditOrganization(tx, organizationId, "membership.invited", actor, {
      invitationId: inv.id,
      role: input.role,
    });
    return inv;
  });
  return { ok: true, invitationId: invitation.id };
}

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<void> {
  const organizationId = requireOrg(actor);
  const prisma = getPrisma();
  const inv = await prisma.invitation.findFirst({ where: { id: invitationId, organizationId } });
  if (!inv) throw new NotFoundError("invitation");
  if (!canManageMembers(actor.role)) throw new ForbiddenError("owner or admin required");
  await prisma.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await auditOrganization(tx, organizationId, "membership.invitation_revoked", actor, { invitationId });
  });
}

export async function removeMember(actor: Actor, membershipId: string): Promise<void> {
  const organizationId = requireOrg(actor);
  const prisma = getPrisma();
  const m = await prisma.membership.findFirst({ where: { id: membershipId, organizationId } });
  if (!m) throw new NotFoundError("membership");
  if (m.userId === actor.userId || !canRemoveMember(actor.role, m.role)) {
    throw new ForbiddenError("may not remove this member");
  }
  await prisma.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: m.id } });
    await tx.session.updateMany({
      where: { userId: m.userId, activeOrganizationId: organizationId },
      data: { activeOrganizationId: null },
    });
    await auditOrganization(tx, organizationId, "membership.removed", actor, { membershipId, userId: m.userId });
  });
}

async function findInvitation(token: string) {
  const inv = await getPrisma().invitation.findUnique({
    where: { tokenHash: sha256(`invite:${token}`) },
    include: { organization: { select: { id: true, shortName: true, kind: true, suspendedAt: true } } },
  });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() <= Date.now()) return null;
  if (inv.organization.suspendedAt) return null;
  return inv;
}

/** What the invitation page shows: the organisation, the invited address and whether that address has an account. */
export async function getInvitation(token: string) {
  const inv = await findInvitation(token);
  if (!inv) return null;
  const user = await getPrisma().user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return {
    email: inv.email,
    role: inv.role,
    organization: { shortName: inv.organization.shortName, kind: inv.organization.kind },
    hasAccount: !!user,
  };
}

export type AcceptResult =
  | { ok: true; setCookie?: string; organizationId: string; organizationKind: OrgKind }
  | { ok: false; error: "invalid" | "wrong_account" | "login_required" | "common_password" };

/**
 * Accepts an invitation. A signed-in user with the invited address joins; someone without an account creates one
 * (name + password; the address is confirmed by the link) and is signed in. The joined organisation becomes active.
 */
export async function acceptInvitation(
  request: Request,
  token: string,
  input: { name: string; password: string } | null,
  ctx: RequestContext,
): Promise<AcceptResult> {
  await limit("invite_accept", ctx);
  const inv = await findInvitation(token);
  if (!inv) return { ok: false, error: "invalid" };
  const prisma = getPrisma();
  const s = await resolveSession(request);
  const existing = await prisma.user.findUnique({ where: { email: inv.email } });
  let userId: string;
  let setCookie: string | undefined;
  if (s) {
    if (s.user.email !== inv.email) return { ok: false, error: "wrong_account" };
    userId = s.user.id;
  } else if (existing) {
    return { ok: false, error: "login_required" };
  } else {
    if (!input) return { ok: false, error: "invalid" };
    if (isCommonPassword(input.password)) return { ok: false, error: "common_password" };
    const passwordHash = await hashPassword(input.password);
    const u = await prisma.user.create({
      data: { email: inv.email, name: input.name, passwordHash, emailVerifiedAt: new Date(), locale: ctx.lang },
    });
    userId = u.id;
  }
  const ok = await prisma.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) return false;
    await tx.membership.upsert({
      where: { userId_organizationId: { userId, organizationId: inv.organizationId } },
      create: { userId, organizationId: inv.organizationId, role: inv.role },
      update: {},
    });
    await auditOrganization(
      tx,
      inv.organizationId,
      "membership.joined",
      { userId, organizationId: inv.organizationId },
      { invitationId: inv.id, role: inv.role },
    );
    return true;
  });
  if (!ok) return { ok: false, error: "invalid" };
  if (s) {
    await prisma.session.update({ where: { id: s.sessionId }, data: { activeOrganizationId: inv.organizationId } });
    forgetSession(request);
  } else {
    const session = await createSession({
      userId,
      activeOrganizationId: inv.organizationId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    setCookie = sessionCookie(request, session.token);
  }
  logger.info({ event: "auth.invitation_accepted", userId, organizationId: inv.organizationId }, "invitation accepted");
  return { ok: true, setCookie, organizationId: inv.organizationId, organizationKind: inv.organization.kind };
}
