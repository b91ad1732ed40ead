import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { type Actor, NotFoundError } from "./actor";
import { passwordChangedMail } from "./emails.server";
import { hashPassword, isCommonPassword, verifyPassword } from "./passwords.server";
import { limit, mailCtx, type RequestContext } from "./request-context.server";
import { resolveSession } from "./session.server";

/** The signed-in user's own account: profile and password change. */

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
