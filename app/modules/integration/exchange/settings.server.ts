import { type Actor, ForbiddenError, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";
import { type ImportCounters, materializePending } from "./importer.server";

function requireOrgAdmin(actor: Actor) {
  requireSupplier(actor);
  if (actor.role !== "OWNER" && actor.role !== "ADMIN") throw new ForbiddenError("owner or admin required");
}

/** The supplier's exchange settings, 1C groups with their categories, and the items waiting for a category. */
export async function getExchangeSettings(actor: Actor) {
  requireSupplier(actor);
  const prisma = getPrisma();
  const [settings, groups, pending] = await Promise.all([
    prisma.exchangeSettings.findUnique({ where: { organizationId: actor.organizationId } }),
    prisma.exchangeGroupMapping.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { groupName: "asc" },
      take: 1000,
    }),
    prisma.exchangeProduct.groupBy({
      by: ["groupId"],
      where: { organizationId: actor.organizationId, productId: null },
      _count: { _all: true },
    }),
  ]);
  const pendingByGroup = new Map(pending.map((p) => [p.groupId, p._count._all]));
  return {
    priceTypeName: settings?.priceTypeName ?? null,
    ordersExportedAt: settings?.ordersExportedAt ?? null,
    groups: groups.map((g) => ({
      groupId: g.groupId,
      groupName: g.groupName,
      categoryId: g.categoryId,
      pending: pendingByGroup.get(g.groupId) ?? 0,
    })),
    pendingTotal: pending.reduce((s, p) => s + p._count._all, 0),
  };
}

export async function setPriceType(actor: Actor, priceTypeName: string | null): Promise<void> {
  requireOrgAdmin(actor);
  const name = priceTypeName?.trim() || null;
  await getPrisma().exchangeSettings.upsert({
    where: { organizationId: actor.organizationId as string },
    create: { organizationId: actor.organizationId as string, priceTypeName: name },
    update: { priceTypeName: name },
  });
}

/**
 * Maps 1C groups to leaf categories (null clears). Items that waited for a category become products right away.
 */
export async function mapGroups(
  actor: Actor,
  mapping: { groupId: string; categoryId: string | null }[],
): Promise<ImportCounters> {
  requireOrgAdmin(actor);
  const orgId = actor.organizationId as string;
  const prisma = getPrisma();
  const categoryIds = [...new Set(mapping.map((m) => m.categoryId).filter((x): x is string => !!x))];
  const leaves = await prisma.category.findMany({
    where: { id: { in: categoryIds }, children: { none: {} } },
    select: { id: true },
  });
  const valid = new Set(leaves.map((l) => l.id));
  for (const m of mapping) {
    if (m.categoryId && !valid.has(m.categoryId)) throw new NotFoundError("category");
    await prisma.exchangeGroupMapping.updateMany({
      where: { organizationId: orgId, groupId: m.groupId },
      data: { categoryId: m.categoryId },
    });
  }
  return materializePending(actor as Actor & { organizationId: string });
}
