import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { type Actor, NotFoundError } from "./actor";
import { clearSessionCookie, forgetSession, isSessionLive, resolveSession } from "./session.server";

/** The user's live sessions: list, end one, end all, switch the organisation a session acts for; housekeeping. */

/** The live sessions of the signed-in user, newest activity first; `current` marks this browser's. */
export async function listSessions(request: Request, actor: Actor) {
  const current = await resolveSession(request);
  const rows = await getPrisma().session.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      ip: true,
      userAgent: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  return rows
    .filter((r) => isSessionLive(r))
    .map(({ revokedAt: _r, expiresAt: _e, ...r }) => ({ ...r, current: r.id === current?.sessionId }));
}

/** Ends one session of the signed-in user. A session of someone else is "not found". */
export async function revokeSession(actor: Actor, sessionId: string): Promise<void> {
  const { count } = await getPrisma().session.updateMany({
    where: { id: sessionId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError("session");
  logger.info({ event: "auth.session_revoked", userId: actor.userId, sessionId }, "session revoked");
}

/** "Log out everywhere": ends every session of the user, this one included; returns the cookie-clearing header. */
export async function logoutEverywhere(request: Request, actor: Actor): Promise<string> {
  const { count } = await getPrisma().session.updateMany({
    where: { userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  logger.info({ event: "auth.logout_everywhere", userId: actor.userId, sessions: count }, "logged out everywhere");
  forgetSession(request);
  return clearSessionCookie(request);
}

// ─── The organisation a session acts for ─────────────────────────────────────

/** Makes another of the user's (active, not suspended) organisations the one this session acts for. */
export async function switchOrganization(request: Request, actor: Actor, organizationId: string): Promise<Actor> {
  const s = await resolveSession(request);
  if (!s || s.user.id !== actor.userId) throw new NotFoundError("session");
  const membership = s.memberships.find((m) => m.organization.id === organizationId);
  if (!membership) throw new NotFoundError("organization");
  await getPrisma().session.update({ where: { id: s.sessionId }, data: { activeOrganizationId: organizationId } });
  forgetSession(request);
  logger.info({ event: "auth.org_switched", userId: actor.userId, organizationId }, "organisation switched");
  return {
    ...actor,
    organizationId,
    orgKind: membership.organization.kind,
    role: membership.role,
  };
}

/** Housekeeping: deletes long-dead sessions and used/expired tokens. */
export async function pruneAccounts(): Promise<void> {
  const prisma = getPrisma();
  const cutoff = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  await prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });
  await prisma.userToken.deleteMany({ where: { expiresAt: { lt: cutoff } } });
}
