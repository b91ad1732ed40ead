/**
 * The demo: a realistic, fictional catalog of Petersburg suppliers, two Sevastopol buyers, demo users for every role
 * and RFQs in every state. Run on an empty database by `npm start` (`scripts/seed.ts --if-empty`).
 */
import type { PrismaClient } from "../app/generated/prisma/client";
import { seedAccounts } from "./seed/accounts";
import { seedCatalog } from "./seed/catalog";
import { seedClosingDocuments } from "./seed/closing-documents";
import { seedOrders } from "./seed/orders";
import { AWARD_READY_RFQ, seedQuotes } from "./seed/quotes";
import { seedRfqs } from "./seed/rfqs";

export interface SeedResult {
  organizations: number;
  products: number;
  credentials: { role: string; email: string; password: string; organization?: string }[];
}

export async function seedDemo(prisma: PrismaClient, opts: { products?: number } = {}): Promise<SeedResult> {
  const catalog = await seedCatalog(prisma, { products: opts.products ?? 650 });
  const accounts = await seedAccounts(prisma, { orgIdsBySlug: catalog.orgIdsBySlug });
  await seedRfqs(prisma, {
    buyerOrgIds: catalog.buyerOrgIds,
    supplierOrgIds: catalog.supplierOrgIds,
    userIdsByOrg: accounts.userIdsByOrg,
  });
  await seedQuotes(prisma, { buyerOrgIds: catalog.buyerOrgIds, userIdsByOrg: accounts.userIdsByOrg });
  await seedQuotes(prisma, {
    buyerOrgIds: catalog.buyerOrgIds,
    userIdsByOrg: accounts.userIdsByOrg,
    rfq: AWARD_READY_RFQ,
  });
  const orders = await seedOrders(prisma, {
    buyerOrgIds: catalog.buyerOrgIds,
    supplierOrgIds: catalog.supplierOrgIds,
    userIdsByOrg: accounts.userIdsByOrg,
  });
  await seedClosingDocuments(prisma, { orderIds: orders.orderIds });
  return {
    organizations: Object.keys(catalog.orgIdsBySlug).length,
    products: await prisma.product.count(),
    credentials: accounts.credentials,
  };
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organization.count()) === 0;
}
