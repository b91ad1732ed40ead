import type { VatRate } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/accounts/actor";
import { createOrdersFromAward } from "~/modules/orders/orders.server";
import { getPrisma } from "~/utils/db.server";
import { makeCorrespondentAccount, makeSettlementAccount } from "../../../prisma/seed/ru-requisites";

export const BIK = "044030653";
export const SETTLEMENT = makeSettlementAccount(BIK, 7731);
export const CORRESPONDENT = makeCorrespondentAccount(BIK);

/** Gives a supplier valid bank requisites (what the invoice prints). */
export async function giveRequisites(orgId: string) {
  await getPrisma().organization.update({
    where: { id: orgId },
    data: { bankName: "ПАО Сбербанк", bik: BIK, settlementAccount: SETTLEMENT, correspondentAccount: CORRESPONDENT },
  });
}

export interface TestLine {
  name: string;
  quantity: string;
  unit: string;
  unitPriceKopecks: bigint;
  vatRate: VatRate;
  /** the quote's срок поставки of the line, days (10 when not given) */
  leadTimeDays?: number;
}

export const DEFAULT_LINES: TestLine[] = [
  { name: "Кабель ВВГнг(А)-LS 3×2,5", quantity: "100", unit: "м", unitPriceKopecks: 10_000n, vatRate: "VAT20" },
  { name: "Трансформатор ТМГ-630", quantity: "1.5", unit: "шт", unitPriceKopecks: 33_333n, vatRate: "VAT10" },
];

/**
 * An awarded RFQ of `buyer` with a quote of `supplierOrgId` turned into an order through createOrdersFromAward
 * (the same call the award workflow makes).
 */
export async function createAwardedOrder(opts: {
  buyer: Actor;
  supplierOrgId: string;
  lines?: TestLine[];
  deliveryCostKopecks?: bigint;
  deliveryVatRate?: VatRate;
  prepaymentPercent?: number;
}) {
  const prisma = getPrisma();
  const lines = opts.lines ?? DEFAULT_LINES;
  const rfq = await prisma.rfq.create({
    data: {
      buyerOrgId: opts.buyer.organizationId as string,
      createdById: opts.buyer.userId,
      title: "Тестовый запрос",
      deliveryAddress: "г. Севастополь, ул. Промышленная, д. 1",
      status: "AWARDED",
      awardedAt: new Date(),
      items: { create: lines.map((l, position) => ({ position, name: l.name, quantity: l.quantity, unit: l.unit })) },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
  const quote = await prisma.quote.create({
    data: { rfqId: rfq.id, supplierOrgId: opts.supplierOrgId, status: "AWARDED", currentVersion: 1 },
  });
  const [created] = await prisma.$transaction((tx) =>
    createOrdersFromAward(tx, {
      actor: opts.buyer,
      rfqId: rfq.id,
      buyerOrgId: opts.buyer.organizationId as string,
      deliveryAddress: rfq.deliveryAddress,
      orders: [
        {
          supplierOrgId: opts.supplierOrgId,
          quoteId: quote.id,
          deliveryCostKopecks: opts.deliveryCostKopecks ?? 0n,
          deliveryVatRate: opts.deliveryVatRate ?? "VAT20",
          deliveryTerms: "До склада покупателя",
          paymentTerms: opts.prepaymentPercent ? `Предоплата ${opts.prepaymentPercent} %` : "100% предоплата",
          prepaymentPercent: opts.prepaymentPercent,
          lines: lines.map((l, i) => ({
            rfqItemId: rfq.items[i].id,
            productId: null,
            name: l.name,
            quantity: l.quantity,
            unit: l.unit,
            unitPriceKopecks: l.unitPriceKopecks,
            vatRate: l.vatRate,
            leadTimeDays: l.leadTimeDays ?? 10,
          })),
        },
      ],
    }),
  );
  return created;
}

/** The documents of the demo's delivered order (prisma/seed/closing-documents.ts): `<kind>:<shipment seq or ->`, sorted. */
export const DEMO_DELIVERED_DOCUMENTS = [
  "CONTRACT_PDF:-",
  "CONTRACT_SIGNED_BUYER:-",
  "CONTRACT_SIGNED_SUPPLIER:-",
  "UPD_PDF:1",
  "UPD_PDF:2",
  "UPD_XML:1",
  "UPD_XML:2",
];
