import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { getPrisma } from "~/utils/db.server";
import type { OrganizationSettingsInput } from "./accounts.schema";
import { type Actor, ForbiddenError, NotFoundError } from "./actor";
import { canEditOrganization } from "./policy";

/** Organisations: the public status (active, verified) and the settings (contacts, addresses) of the actor's own. */

/** A suspended organisation is hidden from the catalog and cannot act. */
export function isOrganizationActive(org: { suspendedAt: Date | null }): boolean {
  return org.suspendedAt === null;
}

export function isOrganizationVerified(org: { verifiedAt: Date | null }): boolean {
  return org.verifiedAt !== null;
}

/** Prisma `where` fragment for organisations that may appear publicly (use on Organization or `supplier: {...}`). */
export const activeOrganizationWhere = { suspendedAt: null } satisfies Prisma.OrganizationWhereInput;

export function requireOrg(actor: Actor): string {
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
