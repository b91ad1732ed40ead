import type { OrgKind } from "~/generated/prisma/enums";
import type { Lang } from "~/modules/i18n/i18n";
import { localizePath } from "~/modules/i18n/paths";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import type { Actor } from "./actor";
import { workspacePath } from "./auth.server";
import {
  isKnownDevice,
  knownDeviceCookie,
  limitLoginAttempt,
  recordLoginFailure,
  slowDownLogin,
} from "./login-throttle.server";
import { activeOrganizationWhere } from "./organizations.server";
import { dummyPasswordHash, verifyPassword } from "./passwords.server";
import { safeRedirect } from "./policy";
import { emailRef, limit, type RequestContext } from "./request-context.server";
import { clearSessionCookie, createSession, forgetSession, resolveSession, sessionCookie } from "./session.server";

/** Password sign-in (browser and machine clients), where to go afterwards, sign-out. */

export type LoginResult =
  | { ok: true; setCookie: string /** remembers this browser as a known device */; deviceCookie: string; actor: Actor }
  | { ok: false };

/**
 * Checks the password and starts a new session (the old one of this browser, if any, is revoked: rotation).
 * Wrong email, wrong password and a suspended organisation all give the same answer.
 */
export async function login(
  request: Request,
  input: { email: string; password: string },
  ctx: RequestContext,
): Promise<LoginResult> {
  await limitLoginAttempt(ctx.ip, input.email);
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    include: {
      memberships: {
        orderBy: { createdAt: "asc" },
        include: { organization: { select: { suspendedAt: true, kind: true } } },
      },
    },
  });
  await slowDownLogin(input.email, user ? isKnownDevice(request, user) : false);
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await dummyPasswordHash(), input.password); // same work for unknown addresses
  if (!user || !ok) {
    await recordLoginFailure(input.email);
    logger.info({ event: "auth.login.failed", ip: ctx.ip, email: emailRef(input.email) }, "login failed");
    return { ok: false };
  }
  const active = user.memberships.filter((m) => m.organization.suspendedAt === null);
  if (!user.isOperator && user.memberships.length > 0 && active.length === 0) {
    logger.info({ event: "auth.login.suspended", userId: user.id, ip: ctx.ip }, "login refused: suspended");
    return { ok: false };
  }
  const previous = await resolveSession(request);
  if (previous) await prisma.session.update({ where: { id: previous.sessionId }, data: { revokedAt: new Date() } });
  const session = await createSession({
    userId: user.id,
    activeOrganizationId: active[0]?.organizationId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  forgetSession(request);
  logger.info({ event: "auth.login", userId: user.id, sessionId: session.sessionId, ip: ctx.ip }, "login");
  const first = active[0];
  return {
    ok: true,
    setCookie: sessionCookie(request, session.token),
    deviceCookie: knownDeviceCookie(request, user),
    actor: {
      userId: user.id,
      organizationId: first?.organizationId ?? null,
      orgKind: first?.organization.kind ?? null,
      role: first?.role ?? null,
      isOperator: user.isOperator,
    },
  };
}

/**
 * Checks e-mail + password without starting a browser session (machine clients such as 1C «обмен с сайтом») and
 * returns the actor of the user's first active organisation of `kind`. Rate-limited like login; null when wrong.
 */
export async function authenticatePassword(
  input: { email: string; password: string },
  kind: OrgKind,
  ctx: RequestContext,
): Promise<Actor | null> {
  await limit("login", ctx, input.email);
  const user = await getPrisma().user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    include: {
      memberships: {
        orderBy: { createdAt: "asc" },
        where: { organization: { kind, suspendedAt: null } },
        include: { organization: { select: { kind: true } } },
      },
    },
  });
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password);
  const membership = user?.memberships[0];
  if (!user || !ok || !membership || !user.emailVerifiedAt) return null;
  return {
    userId: user.id,
    organizationId: membership.organizationId,
    orgKind: membership.organization.kind,
    role: membership.role,
    isOperator: user.isOperator,
  };
}

/** Where to go after login: a safe local redirectTo, else the user's workspace. */
export async function postLoginPath(userId: string, redirectTo: unknown, lang: Lang): Promise<string> {
  const safe = safeRedirect(redirectTo, "");
  if (safe) return safe;
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    include: {
      memberships: {
        where: { organization: activeOrganizationWhere },
        orderBy: { createdAt: "asc" },
        take: 1,
        include: { organization: { select: { kind: true } } },
      },
    },
  });
  return localizePath(
    lang,
    workspacePath({ isOperator: user?.isOperator ?? false, orgKind: user?.memberships[0]?.organization.kind ?? null }),
  );
}

/** Ends the session of this browser; returns the Set-Cookie header that clears the cookie. */
export async function logout(request: Request): Promise<string> {
  const s = await resolveSession(request);
  if (s) {
    await getPrisma().session.update({ where: { id: s.sessionId }, data: { revokedAt: new Date() } });
    logger.info({ event: "auth.logout", userId: s.user.id, sessionId: s.sessionId }, "logout");
  }
  forgetSession(request);
  return clearSessionCookie(request);
}
