import type { Prisma } from "~/generated/prisma/client";
import { getPrisma } from "~/utils/db.server";

/** The fields an organisation is listed by (the operator's lists, the public supplier card): names, ИНН, city, check. */
export const ORGANIZATION_LISTING_SELECT = {
  id: true,
  slug: true,
  shortName: true,
  legalName: true,
  inn: true,
  city: true,
  verifiedAt: true,
} satisfies Prisma.OrganizationSelect;

/**
 * An organisation's requisites and contact as a trading party sees them (the order page, documents): legal name,
 * ИНН/КПП/ОГРН, address, bank, and the contact person (the earliest owner; their phone and e-mail, else the
 * organisation's). For callers that have already established that the reader may see these organisations (the two
 * parties of an order): this function reads, it does not authorise.
 */
export interface OrganizationCard {
  id: string;
  slug: string;
  kind: "BUYER" | "SUPPLIER";
  legalName: string;
  shortName: string;
  inn: string;
  kpp: string | null;
  ogrn: string;
  legalAddress: string;
  bank: {
    name: string | null;
    bik: string | null;
    settlementAccount: string | null;
    correspondentAccount: string | null;
  };
  contact: { name: string | null; phone: string; email: string | null };
}

export async function getOrganizationCards(orgIds: string[]): Promise<Map<string, OrganizationCard>> {
  const orgs = await getPrisma().organization.findMany({
    where: { id: { in: orgIds } },
    select: {
      id: true,
      slug: true,
      kind: true,
      legalName: true,
      shortName: true,
      inn: true,
      kpp: true,
      ogrn: true,
      legalAddress: true,
      phone: true,
      email: true,
      bankName: true,
      bik: true,
      settlementAccount: true,
      correspondentAccount: true,
      memberships: {
        where: { role: "OWNER" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { user: { select: { name: true, phone: true, email: true } } },
      },
    },
  });
  return new Map(
    orgs.map((o) => {
      const owner = o.memberships[0]?.user;
      return [
        o.id,
        {
          id: o.id,
          slug: o.slug,
          kind: o.kind,
          legalName: o.legalName,
          shortName: o.shortName,
          inn: o.inn,
          kpp: o.kpp,
          ogrn: o.ogrn,
          legalAddress: o.legalAddress,
          bank: {
            name: o.bankName,
            bik: o.bik,
            settlementAccount: o.settlementAccount,
            correspondentAccount: o.correspondentAccount,
          },
          contact: { name: owner?.name ?? null, phone: owner?.phone || o.phone, email: owner?.email ?? o.email },
        },
      ];
    }),
  );
}

/** The short names of those organisations among `ids` that the operator has not verified yet. */
export async function unverifiedOrganizationNames(db: Prisma.TransactionClient, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.organization.findMany({
    where: { id: { in: ids }, verifiedAt: null },
    select: { shortName: true },
    orderBy: { shortName: "asc" },
  });
  return rows.map((o) => o.shortName);
}
