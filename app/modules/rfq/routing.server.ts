import type { RecipientSource } from "~/generated/prisma/enums";
import type { Db } from "./shared.server";

export interface Candidate {
  supplierOrgId: string;
  name: string;
  source: RecipientSource;
  verified: boolean;
}

/**
 * Who an RFQ can go to: the suppliers of its products (not suspended) and — when the buyer opts in — other verified,
 * non-suspended suppliers with published products in the same categories. Suspended suppliers are never candidates.
 */
export async function computeCandidates(
  db: Db,
  opts: { productIds: string[]; includeOtherSuppliers: boolean; manualOrgIds?: string[] },
): Promise<Candidate[]> {
  const productIds = [...new Set(opts.productIds)];
  const products = productIds.length
    ? await db.product.findMany({
        where: { id: { in: productIds } },
        select: {
          categoryId: true,
          supplier: { select: { id: true, shortName: true, kind: true, suspendedAt: true, verifiedAt: true } },
        },
      })
    : [];
  const out = new Map<string, Candidate>();
  for (const p of products) {
    const s = p.supplier;
    if (s.kind !== "SUPPLIER" || s.suspendedAt) continue;
    out.set(s.id, { supplierOrgId: s.id, name: s.shortName, source: "PRODUCT", verified: s.verifiedAt !== null });
  }
  if (opts.includeOtherSuppliers) {
    const categoryIds = [...new Set(products.map((p) => p.categoryId))];
    if (categoryIds.length) {
      const others = await db.organization.findMany({
        where: {
          kind: "SUPPLIER",
          verifiedAt: { not: null },
          suspendedAt: null,
          id: { notIn: [...out.keys()] },
          products: { some: { categoryId: { in: categoryIds }, status: "PUBLISHED" } },
        },
        select: { id: true, shortName: true },
        orderBy: { shortName: "asc" },
        take: 200,
      });
      for (const o of others)
        out.set(o.id, { supplierOrgId: o.id, name: o.shortName, source: "CATEGORY", verified: true });
    }
  }
  const manual = (opts.manualOrgIds ?? []).filter((id) => !out.has(id));
  if (manual.length) {
    const orgs = await db.organization.findMany({
      where: { id: { in: manual }, kind: "SUPPLIER", suspendedAt: null },
      select: { id: true, shortName: true, verifiedAt: true },
    });
    for (const o of orgs)
      out.set(o.id, { supplierOrgId: o.id, name: o.shortName, source: "MANUAL", verified: o.verifiedAt !== null });
  }
  return [...out.values()];
}

/** A supplier the buyer adds by hand: exact INN or a unique name match among verified, non-suspended suppliers. */
export async function findSupplierForManualAdd(db: Db, query: string): Promise<{ id: string } | null> {
  const q = query.trim();
  if (q.length < 3) return null;
  const where = /^\d{10}(\d{2})?$/.test(q)
    ? { inn: q }
    : { OR: [{ shortName: { equals: q, mode: "insensitive" as const } }, { slug: q.toLowerCase() }] };
  const found = await db.organization.findMany({
    where: { ...where, kind: "SUPPLIER", suspendedAt: null, verifiedAt: { not: null } },
    select: { id: true },
    take: 2,
  });
  return found.length === 1 ? found[0] : null;
}
