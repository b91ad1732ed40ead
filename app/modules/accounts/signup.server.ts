import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { legalDocsVersion } from "~/modules/legal/legal.server";
import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import type { SignupInput } from "./accounts.schema";
import type { Actor } from "./actor";
import { accountExistsMail, verificationMail } from "./emails.server";
import { hashPassword, isCommonPassword } from "./passwords.server";
import { emailRef, limit, mailCtx, type RequestContext } from "./request-context.server";
import { createSession, sessionCookie } from "./session.server";
import { slugify } from "./slug";
import { randomCode, randomToken, sha256 } from "./tokens.server";

/** Sign-up of an organisation and its owner, and the e-mail address confirmation. */

const VERIFY_TTL_MS = 48 * 60 * 60 * 1000;

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
