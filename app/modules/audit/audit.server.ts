import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";

type Db = PrismaClient | Prisma.TransactionClient;
type AuditActor = Pick<Actor, "userId" | "organizationId"> | null;

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
    actor: AuditActor;
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

/**
 * The writer of one kind of entity's trail, for a module to name once: `const auditOrder = auditTrail("order")`, then
 * `await auditOrder(tx, order.id, "order.rated", actor, { stars })`. `A` narrows the actions to the module's own names.
 */
export function auditTrail<A extends string = string>(entityType: string) {
  return (db: Db, entityId: string, action: A, actor: AuditActor, data?: Prisma.InputJsonValue): Promise<void> =>
    recordAudit(db, { entityType, entityId, action, actor, data });
}

/** The trail of one entity, oldest first. Callers check that the actor may see the entity before calling. */
export async function listAudit(entityType: string, entityId: string, db: Db = getPrisma()) {
  return db.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });
}
