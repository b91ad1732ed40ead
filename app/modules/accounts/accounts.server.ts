import { redirect } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import type { MemberRole, OrgKind } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Lang } from "~/modules/i18n/i18n";
import { langFromPath, localizePath } from "~/modules/i18n/paths";
import { legalDocsVersion } from "~/modules/legal/legal.server";
import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { publicOrigin } from "~/utils/origin.server";
import { hitRateLimits, RateLimitedError } from "~/utils/rate-limit.server";
import type { OrganizationSettingsInput, SignupInput } from "./accounts.schema";
import { type Actor, ForbiddenError, NotFoundError } from "./actor";
import {
  accountExistsMail,
  invitationMail,
  type MailContext,
  passwordChangedMail,
  passwordResetMail,
  verificationMail,
} from "./emails.server";
import {
  isKnownDevice,
  knownDeviceCookie,
  limitLoginAttempt,
  recordLoginFailure,
  slowDownLogin,
} from "./login-throttle.server";
import { dummyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from "./passwords.server";
import { canEditOrganization, canGrantRole, canManageMembers, canRemoveMember, safeRedirect } from "./policy";
import {
  clearSessionCookie,
  createSession,
  forgetSession,
  isSessionLive,
  type ResolvedSession,
  resolveSession,
  sessionCookie,
} from "./session.server";
import { slugify } from "./slug";
import { randomCode, randomToken, sha256 } from "./tokens.server";
import type { Viewer } from "./viewer";

export { getPlatformMetrics, type PlatformMetrics } from "./metrics.server";
export {
  decideOrganization,
  getOrganizationForOperator,
  listOrganizationsForAdmin,
  listVerificationQueue,
  type OperatorDecision,
  type OperatorOrganizationFilters,
  type OrganizationState,
  type OrganizationStatusFilter,
  REASON_MAX,
  REASON_REQUIRED,
  RECENT_DECISION_DAYS,
  restoreOrganization,
  suspendOrganization,
  unverifyOrganization,
  type VerificationQueueFilters,
  type VerificationQueueStatus,
  verifyOrganization,
} from "./operator.server";
export { createOperator } from "./operators.server";
export type { Actor, Viewer };
export { ForbiddenError, NotFoundError, RateLimitedError, safeRedirect };

/**
 * PUBLIC SURFACE OF THE ACCOUNTS MODULE: identity, sessions, organisations, memberships, invitations, the operator.
 * Every use case that acts for someone takes an Actor and scopes its queries to the actor's organisation.
 */

const VERIFY_TTL_MS = 48 * 60 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What the HTTP layer knows about a request, for rate limits, session records and links in mails. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
  origin: string;
  lang: Lang;
}

export function requestContext(request: Request, context?: { clientIp?: string } | null): RequestContext {
  const url = new URL(request.url);
  return {
    ip: context?.clientIp ?? "unknown",
    userAgent: request.headers.get("user-agent"),
    origin: publicOrigin(),
    lang: langFromPath(url.pathname),
  };
}

function mailCtx(ctx: RequestContext): MailContext {
  return { origin: ctx.origin, lang: ctx.lang };
}

/** Logged instead of an email address: enough to correlate attempts, not the address itself. */
function emailRef(email: string): string {
  return sha256(`email:${email.toLowerCase()}`).slice(0, 12);
}

async function limit(scope: string, ctx: RequestContext, account?: string) {
  const keys = [`${scope}:ip:${ctx.ip}`];
  if (account) keys.push(`${scope}:acct:${sha256(account.toLowerCase())}`);
  const result = await hitRateLimits(keys);
  if (!result.ok) {
    logger.warn({ event: `auth.${scope}.rate_limited`, ip: ctx.ip }, "rate limit exceeded");
    throw new RateLimitedError(result.retryAfterSeconds);
  }
}

// ─── Viewer / actor ─────────────────────────────────────────────────────────

function toActor(s: ResolvedSession): Actor {
  return {
    userId: s.user.id,
    organizationId: s.active?.organization.id ?? null,
    orgKind: s.active?.organization.kind ?? null,
    role: s.active?.role ?? null,
    isOperator: s.user.isOperator,
  };
}

/** The signed-in viewer of a request, or null for a visitor. */
export async function getViewer(request: Request): Promise<Viewer | null> {
  const s = await resolveSession(request);
  if (!s) return null;
  return {
    userId: s.user.id,
    name: s.user.name,
    email: s.user.email,
    isOperator: s.user.isOperator,
    emailVerified: s.user.emailVerifiedAt !== null,
    organization: s.active
      ? {
          id: s.active.organization.id,
          kind: s.active.organization.kind,
          shortName: s.active.organization.shortName,
          slug: s.active.organization.slug,
          role: s.active.role,
          verified: s.active.organization.verifiedAt !== null,
        }
      : null,
    organizations: s.memberships.map((m) => ({
      id: m.organization.id,
      kind: m.organization.kind,
      shortName: m.organization.shortName,
      role: m.role,
    })),
  };
}

/** The acting user + organisation of a request, or null for a visitor. */
export async function getActor(request: Request): Promise<Actor | null> {
  const s = await resolveSession(request);
  return s ? toActor(s) : null;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  // a JSON API caller is told, not sent to an HTML page
  if (/^\/api\//.test(url.pathname)) {
    return Response.json(
      { error: { code: "unauthorized", message: "Sign in first" } },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  const lang = langFromPath(url.pathname);
  return redirect(
    `${localizePath(lang, "/login")}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`,
  ) as unknown as Response;
}

/**
 * The acting user + organisation; a visitor is redirected to /login?redirectTo=<path> (a thrown redirect Response);
 * with `kind`, an organisation of another kind gets 403; with `operator`, a non-operator gets 403. A user who has not
 * confirmed the email address is sent to /verify-email unless `allowUnverified`.
 */
export async function requireActor(
  request: Request,
  opts: { kind?: OrgKind; operator?: boolean; allowUnverified?: boolean } = {},
): Promise<Actor> {
  const s = await resolveSession(request);
  if (!s) throw loginRedirect(request);
  if (!opts.allowUnverified && !s.user.emailVerifiedAt && !s.user.isOperator) {
    const lang = langFromPath(new URL(request.url).pathname);
    throw redirect(localizePath(lang, "/verify-email"));
  }
  const actor = toActor(s);
  if (opts.operator && !actor.isOperator) throw new Response("Forbidden", { status: 403 });
  if (opts.kind && actor.orgKind !== opts.kind) throw new Response("Forbidden", { status: 403 });
  return actor;
}

/** Where a signed-in user starts: the operator console, the supplier inbox or the buyer's RFQs. */
export function workspacePath(actor: Pick<Actor, "isOperator" | "orgKind">): string {
  if (actor.orgKind === "SUPPLIER") return "/supplier/inbox";
  if (actor.orgKind === "BUYER") return "/buyer/rfqs";
  if (actor.isOperator) return "/admin";
  return "/account";
}

// ─── Organisation status (for catalog/search) ──────────────────────────────

/** A suspended organisation is hidden from the catalog and cannot act. */
export function isOrganizationActive(org: { suspendedAt: Date | null }): boolean {
  return org.suspendedAt === null;
}

export function isOrganizationVerified(org: { verifiedAt: Date | null }): boolean {
  return org.verifiedAt !== null;
}

/** Prisma `where` fragment for organisations that may appear publicly (use on Organization or `supplier: {...}`). */
export const activeOrganizationWhere = { suspendedAt: null } satisfies Prisma.OrganizationWhereInput;

// ─── Sign-up ────────────────────────────────────────────────────────────────

export type SignupResult =
  /** `setCookie`: the new user is signed in at once (the address was confirmed by an RFQ invitation's link) */
  | { ok: true; setCookie?: string }
  | { ok: false; fieldErrors: Partial<Record<"inn" | "password" | "email", string[]>> };

async function uniqueSlug(tx: Prisma.TransactionClient, shortName: string): Promise<string> {
  const base = slugify(shortName);
  const taken = new Set(
    (await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (o) => o.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function issueVerification(tx: Prisma.TransactionClient, userId: string) {
  const token = randomToken();
  const code = randomCode();
  const expiresAt = new Date(Date.now() + VERIFY_TTL_MS);
  await tx.userToken.updateMany({
    where: { userId, kind: "EMAIL_VERIFY", usedAt: null },
    data: { usedAt: new Date() },
  });
  await tx.userToken.createMany({
    data: [
      { userId, kind: "EMAIL_VERIFY", tokenHash: sha256(`link:${token}`), expiresAt },
      { userId, kind: "EMAIL_VERIFY", tokenHash: sha256(`code:${userId}:${code}`), expiresAt },
    ],
  });
  return { token, code };
}

/**
 * Registers an organisation and its owner. The account is not signed in: the owner confirms the address from the
 * mail first. An address that already has an account gets a "you already have an account" mail and the same answer,
 * so the form does not reveal which addresses are registered. An INN already registered is a field error (INNs are
 * public register data).
 */
/**
 * A successful sign-up answer never comes sooner than this: a new account writes an organisation, a user and a token,
 * a known address only mails its owner, and without a floor that difference tells registered e-mails apart.
 */
const SIGNUP_MIN_MS = 300;

/**
 * `invited`: the sign-up comes from an RFQ invitation's link mailed to `email`; when the new user's address is that one,
 * the link has proved the mailbox (as a member invitation's does): the address is confirmed without a second mail and
 * the user is signed in on `request` at once.
 */
export interface SignupInvitation {
  request: Request;
  email: string;
}

export async function signUp(
  input: SignupInput,
  ctx: RequestContext,
  invited?: SignupInvitation,
): Promise<SignupResult> {
  const started = performance.now();
  const result = await signUpUnpadded(input, ctx, invited);
  const wait = SIGNUP_MIN_MS - (performance.now() - started);
  if (result.ok && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return result;
}

async function signUpUnpadded(
  input: SignupInput,
  ctx: RequestContext,
  invited?: SignupInvitation,
): Promise<SignupResult> {
  await limit("signup", ctx);
  if (input.website) {
    logger.warn({ event: "auth.signup.honeypot", ip: ctx.ip }, "sign-up honeypot filled; ignored");
    return { ok: true };
  }
  if (isCommonPassword(input.password)) return { ok: false, fieldErrors: { password: ["errors.passwordCommon"] } };
  const prisma = getPrisma();
  if (await prisma.organization.findUnique({ where: { inn: input.inn }, select: { id: true } })) {
    return { ok: false, fieldErrors: { inn: ["errors.innTaken"] } };
  }
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  // the password is hashed either way: answering a registered address without the slow hash told it apart by timing
  const passwordHash = await hashPassword(input.password);
  if (existing) {
    const mail = await accountExistsMail(mailCtx(ctx), { email: input.email });
    await queueEmail(prisma, mail);
    logger.info({ event: "auth.signup.existing_email", email: emailRef(input.email) }, "sign-up for a known address");
    return { ok: true };
  }
  const confirmed = invited !== undefined && invited.email.toLowerCase() === input.email.toLowerCase();
  const user = await prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        kind: input.kind,
        slug: await uniqueSlug(tx, input.shortName),
        legalName: input.legalName,
        shortName: input.shortName,
        inn: input.inn,
        kpp: input.inn.length === 10 ? (input.kpp ?? null) : null,
        ogrn: input.ogrn,
        region: input.region,
        city: input.city,
        legalAddress: input.legalAddress,
        phone: input.phone,
        sectors: [],
      },
    });
    const u = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: ctx.lang,
        // 152-ФЗ: the consent is the schema's required checkbox; kept with its time and the documents' version
        pdConsentAt: new Date(),
        pdConsentVersion: legalDocsVersion(),
        emailVerifiedAt: confirmed ? new Date() : null,
      },
    });
    await tx.membership.create({ data: { userId: u.id, organizationId: org.id, role: "OWNER" } });
    if (!confirmed) {
      const { token, code } = await issueVerification(tx, u.id);
      await queueEmail(tx, await verificationMail(mailCtx(ctx), { email: u.email, name: u.name }, token, code));
    }
    await recordAudit(tx, {
      entityType: "organization",
      entityId: org.id,
      action: "organization.registered",
      actor: { userId: u.id, organizationId: org.id },
      data: { kind: org.kind, inn: org.inn, slug: org.slug },
    });
    return { ...u, organizationId: org.id };
  });
  logger.info({ event: "auth.signup", userId: user.id, ip: ctx.ip, invited: confirmed }, "organisation signed up");
  if (!confirmed) return { ok: true };
  const session = await createSession({
    userId: user.id,
    activeOrganizationId: user.organizationId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  return { ok: true, setCookie: sessionCookie(invited.request, session.token) };
}

// ─── Email verification ─────────────────────────────────────────────────────

async function markVerified(tokenId: string, userId: string) {
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.userToken.updateMany({
      where: { userId, kind: "EMAIL_VERIFY", usedAt: null },
      data: { usedAt: new Date() },
    });
    await tx.userToken.update({ where: { id: tokenId }, data: { usedAt: new Date() } });
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  });
  logger.info({ event: "auth.email_verified", userId }, "email verified");
}

/** Confirms an address by the link token. Returns whether it worked (unknown, used and expired tokens do not). */
export async function verifyEmailByToken(token: string, ctx: RequestContext): Promise<boolean> {
  await limit("verify", ctx);
  const row = await getPrisma().userToken.findUnique({ where: { tokenHash: sha256(`link:${token}`) } });
  if (row?.kind !== "EMAIL_VERIFY" || row.usedAt || row.expiresAt.getTime() <= Date.now()) return false;
  await markVerified(row.id, row.userId);
  return true;
}

/** Confirms an address by the 6-digit code from the mail. */
export async function verifyEmailByCode(email: string, code: string, ctx: RequestContext): Promise<boolean> {
  await limit("verify", ctx, email);
  const user = await getPrisma().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return false;
  const row = await getPrisma().userToken.findUnique({ where: { tokenHash: sha256(`code:${user.id}:${code}`) } });
  if (row?.kind !== "EMAIL_VERIFY" || row.usedAt || row.expiresAt.getTime() <= Date.now()) return false;
  await markVerified(row.id, row.userId);
  return true;
}

/** Sends a new verification mail to a signed-in, unverified user. */
export async function resendVerification(actor: Actor, ctx: RequestContext): Promise<void> {
  await limit("verify", ctx, actor.userId);
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: actor.userId } });
  if (!user || user.emailVerifiedAt) return;
  await prisma.$transaction(async (tx) => {
    const { token, code } = await issueVerification(tx, user.id);
    await queueEmail(tx, await verificationMail(mailCtx(ctx), user, token, code));
  });
}

// ─── Login / logout ─────────────────────────────────────────────────────────

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

// ─── Password reset / change ────────────────────────────────────────────────

/** Sends a reset link if the address has an account. The caller shows the same answer either way. */
export async function requestPasswordReset(email: string, ctx: RequestContext): Promise<void> {
  await limit("reset", ctx, email);
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    logger.info({ event: "auth.reset.unknown", email: emailRef(email), ip: ctx.ip }, "reset for unknown address");
    return;
  }
  const token = randomToken();
  const mail = await passwordResetMail(mailCtx(ctx), user, token);
  await prisma.$transaction(async (tx) => {
    await tx.userToken.updateMany({
      where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: new Date() },
    });
    await tx.userToken.create({
      data: {
        userId: user.id,
        kind: "PASSWORD_RESET",
        tokenHash: sha256(`reset:${token}`),
        expiresAt: new Date(Date.now() + RESET_TTL_MS),
      },
    });
    await queueEmail(tx, mail);
  });
  logger.info({ event: "auth.reset.requested", userId: user.id, ip: ctx.ip }, "password reset requested");
}

/** Whether a reset token can still be used (for showing the form). */
export async function isResetTokenValid(token: string): Promise<boolean> {
  const row = await getPrisma().userToken.findUnique({ where: { tokenHash: sha256(`reset:${token}`) } });
  return !!row && row.kind === "PASSWORD_RESET" && !row.usedAt && row.expiresAt.getTime() > Date.now();
}

export type ResetResult = { ok: true } | { ok: false; reason: "invalid_token" | "common_password" };

/** Sets a new password with a single-use, expiring token; every session of the user ends. */
export async function resetPassword(token: string, password: string, ctx: RequestContext): Promise<ResetResult> {
  await limit("reset", ctx);
  if (isCommonPassword(password)) return { ok: false, reason: "common_password" };
  const prisma = getPrisma();
  const tokenHash = sha256(`reset:${token}`);
  const row = await prisma.userToken.findUnique({ where: { tokenHash }, include: { user: true } });
  if (row?.kind !== "PASSWORD_RESET" || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
    return { ok: false, reason: "invalid_token" };
  }
  const passwordHash = await hashPassword(password);
  const mail = await passwordChangedMail(mailCtx(ctx), row.user);
  const used = await prisma.$transaction(async (tx) => {
    // single use even under concurrent submits: only the request that flips usedAt goes on
    const claimed = await tx.userToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return false;
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, emailVerifiedAt: row.user.emailVerifiedAt ?? new Date() },
    });
    await tx.session.updateMany({ where: { userId: row.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await queueEmail(tx, mail);
    return true;
  });
  if (!used) return { ok: false, reason: "invalid_token" };
  logger.info({ event: "auth.reset.done", userId: row.userId, ip: ctx.ip }, "password reset");
  return { ok: true };
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: "currentPassword" | "newPassword"; error: string };

/** Changes the password of the signed-in user; other sessions end, this one stays. */
export async function changePassword(
  request: Request,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ctx: RequestContext,
): Promise<ChangePasswordResult> {
  await limit("password", ctx, actor.userId);
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: actor.userId } });
  if (!user) throw new NotFoundError("user");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: "currentPassword", error: "errors.currentPasswordWrong" };
  }
  if (isCommonPassword(input.newPassword)) return { ok: false, field: "newPassword", error: "errors.passwordCommon" };
  const passwordHash = await hashPassword(input.newPassword);
  const current = await resolveSession(request);
  const mail = await passwordChangedMail(mailCtx(ctx), user);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(current ? { id: { not: current.sessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await queueEmail(tx, mail);
  });
  logger.info({ event: "auth.password_changed", userId: user.id }, "password changed");
  return { ok: true };
}

export async function getAccount(actor: Actor) {
  const user = await getPrisma().user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, phone: true, emailVerifiedAt: true, createdAt: true },
  });
  if (!user) throw new NotFoundError("user");
  return user;
}

export async function updateProfile(actor: Actor, input: { name: string; phone?: string }) {
  await getPrisma().user.update({
    where: { id: actor.userId },
    data: { name: input.name, phone: input.phone || null },
  });
}

// ─── Sessions ───────────────────────────────────────────────────────────────

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
    .map(({ revokedAt: _r, ...r }) => ({ ...r, current: r.id === current?.sessionId }));
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

// ─── Organisations of a user ────────────────────────────────────────────────

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

function requireOrg(actor: Actor): string {
  if (!actor.organizationId) throw new ForbiddenError("organisation required");
  return actor.organizationId;
}

/** The organisation's settings. Only the actor's own organisation exists for them (others: 404). */
export async function getOrganizationSettings(actor: Actor, organizationId: string) {
  if (actor.organizationId !== organizationId) throw new NotFoundError("organization");
  const org = await getPrisma().organization.findFirst({
    where: { id: organizationId, memberships: { some: { userId: actor.userId } } },
  });
  if (!org) throw new NotFoundError("organization");
  return org;
}

export async function updateOrganizationSettings(
  actor: Actor,
  organizationId: string,
  input: OrganizationSettingsInput,
): Promise<void> {
  await getOrganizationSettings(actor, organizationId);
  if (!canEditOrganization(actor.role)) throw new ForbiddenError("owner or admin required");
  await getPrisma().$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: organizationId },
      data: {
        phone: input.phone,
        email: input.email ?? null,
        website: input.website ?? null,
        legalAddress: input.legalAddress,
        deliveryAddress: input.deliveryAddress ?? null,
      },
    });
    await recordAudit(tx, {
      entityType: "organization",
      entityId: organizationId,
      action: "organization.settings_updated",
      actor,
      data: { ...input },
    });
  });
}

// ─── Members and invitations ────────────────────────────────────────────────

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
    await recordAudit(tx, {
      entityType: "organization",
      entityId: organizationId,
      action: "membership.invited",
      actor,
      data: { invitationId: inv.id, role: input.role },
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
    await recordAudit(tx, {
      entityType: "organization",
      entityId: organizationId,
      action: "membership.invitation_revoked",
      actor,
      data: { invitationId },
    });
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
    await recordAudit(tx, {
      entityType: "organization",
      entityId: organizationId,
      action: "membership.removed",
      actor,
      data: { membershipId, userId: m.userId },
    });
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
    await recordAudit(tx, {
      entityType: "organization",
      entityId: inv.organizationId,
      action: "membership.joined",
      actor: { userId, organizationId: inv.organizationId },
      data: { invitationId: inv.id, role: inv.role },
    });
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

/** Housekeeping: deletes long-dead sessions and used/expired tokens. */
export async function pruneAccounts(): Promise<void> {
  const prisma = getPrisma();
  const cutoff = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  await prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });
  await prisma.userToken.deleteMany({ where: { expiresAt: { lt: cutoff } } });
}
