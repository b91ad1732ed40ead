import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The audit trail: every state change of an RFQ, quote, order or organisation, with who, when and what.
 * Write it in the same transaction as the change.
 */
export async function recordAudit(
  db: Db,
  entry: {
    entityType: string;
    entityId: string;
    action: string;
    actor: Pick<Actor, "userId" | "organizationId"> | null;
    data?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      actorUserId: entry.actor?.userId ?? null,
      actorOrgId: entry.actor?.organizationId ?? null,
      data: entry.data ?? {},
    },
  });
}

/** The trail of one entity, oldest first. Callers check that the actor may see the entity before calling. */
export async function listAudit(entityType: string, entityId: string, db: Db = getPrisma()) {
  return db.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });
}
