import { recordAudit } from "~/modules/audit/audit.server";
import { getPrisma } from "~/utils/db.server";
import { generatePassword, hashPassword, isCommonPassword } from "./passwords.server";

/**
 * Operator accounts, created from the command line (`npm run admin:create`). Kept free of UI/i18n imports so it runs
 * under plain tsx.
 */
/** Creates an operator account, or makes an existing user an operator with the given password. */
export async function createOperator(
  email: string,
  opts: { password?: string; name?: string } = {},
): Promise<{ email: string; password: string; created: boolean }> {
  const normalized = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized)) throw new Error(`not an email address: ${email}`);
  const password = opts.password ?? generatePassword();
  if (password.length < 10) throw new Error("the password must have at least 10 characters");
  if (isCommonPassword(password)) throw new Error("this password is in the list of common passwords");
  const passwordHash = await hashPassword(password);
  const prisma = getPrisma();
  const existing = await prisma.user.findUnique({ where: { email: normalized } });
  if (existing) {
    await prisma.user.update({ where: { id: existing.id }, data: { isOperator: true, passwordHash } });
  } else {
    await prisma.user.create({
      data: {
        email: normalized,
        name: opts.name ?? "Оператор площадки",
        passwordHash,
        isOperator: true,
        emailVerifiedAt: new Date(),
      },
    });
  }
  await recordAudit(prisma, {
    entityType: "user",
    entityId: normalized,
    action: existing ? "user.operator_granted" : "user.operator_created",
    actor: null,
  });
  return { email: normalized, password, created: !existing };
}
