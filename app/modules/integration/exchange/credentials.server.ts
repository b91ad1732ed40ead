import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type Actor, ForbiddenError, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { getPrisma } from "~/utils/db.server";

/**
 * Exchange credentials: a login + password a supplier issues for its 1C and may revoke. The password is random
 * (160 bits), shown once and stored as SHA-256 (a slow hash adds nothing for a random secret).
 */

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

function requireOrgAdmin(actor: Actor) {
  requireSupplier(actor);
  if (actor.role !== "OWNER" && actor.role !== "ADMIN") throw new ForbiddenError("owner or admin required");
}

export async function listExchangeCredentials(actor: Actor) {
  requireSupplier(actor);
  return getPrisma().exchangeCredential.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, login: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function issueExchangeCredential(actor: Actor): Promise<{ id: string; login: string; password: string }> {
  requireOrgAdmin(actor);
  const login = `1c-${randomBytes(5).toString("hex")}`;
  const password = randomBytes(20).toString("base64url");
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.exchangeCredential.create({
      data: {
        organizationId: actor.organizationId as string,
        login,
        secretHash: sha256Hex(password),
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, { entityType: "exchange_credential", entityId: row.id, action: "issued", actor });
    return { id: row.id, login, password };
  });
}

export async function revokeExchangeCredential(actor: Actor, id: string): Promise<void> {
  requireOrgAdmin(actor);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.exchangeCredential.updateMany({
      where: { id, organizationId: actor.organizationId as string, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError("exchange credential");
    await recordAudit(tx, { entityType: "exchange_credential", entityId: id, action: "revoked", actor });
  });
}

/** The supplier actor of an exchange login + password (the user who issued it acts), or null. */
export async function actorOfExchangeCredential(
  login: string,
  password: string,
): Promise<(Actor & { credentialId: string }) | null> {
  const prisma = getPrisma();
  const row = await prisma.exchangeCredential.findUnique({ where: { login } });
  if (!row || row.revokedAt || !sameHash(row.secretHash, sha256Hex(password))) return null;
  const membership = await prisma.membership.findFirst({
    where: { userId: row.createdById, organizationId: row.organizationId, organization: { suspendedAt: null } },
    select: { role: true },
  });
  if (!membership) return null;
  await prisma.exchangeCredential.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return {
    userId: row.createdById,
    organizationId: row.organizationId,
    orgKind: "SUPPLIER",
    role: membership.role,
    isOperator: false,
    credentialId: row.id,
  };
}
