import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { passwordChangedMail, passwordResetMail } from "./emails.server";
import { hashPassword, isCommonPassword } from "./passwords.server";
import { emailRef, limit, mailCtx, type RequestContext } from "./request-context.server";
import { randomToken, sha256 } from "./tokens.server";

/** The forgotten password: a single-use, expiring link by mail, and the new password. */

const RESET_TTL_MS = 60 * 60 * 1000;

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
