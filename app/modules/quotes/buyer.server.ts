import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { getPrisma } from "~/utils/db.server";
import { type CompareItem, type CompareOffer, computeMarks, type Marks } from "./compare";
import { offerMoney } from "./offer-money.server";
import { k, LIVE_QUOTE_STATUSES, pricesVisible, toMoscowDate, VISIBLE_QUOTE_STATUSES } from "./shared.server";

export interface OpeningEntry {
  supplierOrgId: string;
  supplierName: string;
  submittedAt: string | null;
  version: number;
  goodsGross: string;
  landed: string;
}

export interface Participant {
  quoteId: string;
  supplierOrgId: string;
  supplierName: string;
  status: string;
  version: number;
  submittedAt: string | null;
  withdrawnAt: string | null;
}

export interface Comparison {
  rfq: {
    id: string;
    number: number;
    title: string;
    status: string;
    sealed: boolean;
    deadline: string | null;
    openedAt: string | null;
    closedAt: string | null;
    awardedAt: string | null;
    deliveryAddress: string;
  };
  items: CompareItem[];
  /** false for a sealed RFQ before its opening: offers/history/marks are empty, only participants are listed */
  pricesVisible: boolean;
  participants: Participant[];
  offers: CompareOffer[];
  marks: Marks;
  /** every submitted version of every quote (after opening) */
  history: {
    quoteId: string;
    supplierName: string;
    version: number;
    submittedAt: string | null;
    goodsGross: string;
    landed: string;
  }[];
  protocol: { openedAt: string; entries: OpeningEntry[] } | null;
  awards: {
    id: string;
    reason: string | null;
    createdAt: string;
    lines: { rfqItemId: string; quoteId: string; quoteVersion: number }[];
    orders: { id: string; number: number; supplierOrgId: string; supplierName: string; total: string }[];
  }[];
  canAward: boolean;
  canCloseEarly: boolean;
}

/**
 * The comparison of an RFQ's quotes for its buyer — the only read path for quote prices on the buyer side (page,
 * XLSX export, JSON API all go through here). Sealed RFQs before opening: prices are never even selected.
 */
export async function getComparison(actor: Actor, rfqId: string, now: Date = new Date()): Promise<Comparison> {
  requireBuyer(actor);
  const prisma = getPrisma();
  const rfq = await prisma.rfq.findFirst({
    where: { id: rfqId, buyerOrgId: actor.organizationId },
    include: { items: { orderBy: { position: "asc" } }, openingProtocol: true },
  });
  if (!rfq) throw new NotFoundError("rfq");
  const visible = pricesVisible(rfq);
  const quotes = await prisma.quote.findMany({
    where: { rfqId, status: { in: [...VISIBLE_QUOTE_STATUSES] }, currentVersion: { gt: 0 } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      supplierOrgId: true,
      status: true,
      currentVersion: true,
      submittedAt: true,
      withdrawnAt: true,
      supplier: {
        select: { shortName: true, verifiedAt: true, ratingSum: true, ratingCount: true },
      },
      ...(visible
        ? {
            versions: {
              where: { version: { gt: 0 } },
              orderBy: { version: "asc" as const },
              include: {
                lines: true,
                attachments: { include: { file: { select: { id: true, originalName: true } } } },
              },
            },
          }
        : {}),
    },
  });
  const items: CompareItem[] = rfq.items.map((i) => ({
    id: i.id,
    position: i.position,
    name: i.name,
    quantity: i.quantity.toString(),
    unit: i.unit,
    analoguesAllowed: i.analoguesAllowed,
  }));
  const participants: Participant[] = quotes.map((q) => ({
    quoteId: q.id,
    supplierOrgId: q.supplierOrgId,
    supplierName: q.supplier.shortName,
    status: q.status,
    version: q.currentVersion,
    submittedAt: q.submittedAt?.toISOString() ?? null,
    withdrawnAt: q.withdrawnAt?.toISOString() ?? null,
  }));
  const offers: CompareOffer[] = [];
  const history: Comparison["history"] = [];
  if (visible) {
    type WithVersions = Omit<(typeof quotes)[number], "versions"> & {
      versions: Prisma.QuoteVersionGetPayload<{
        include: { lines: true; attachments: { include: { file: { select: { id: true; originalName: true } } } } };
      }>[];
    };
    for (const q of quotes as unknown as WithVersions[]) {
      for (const v of q.versions)
        history.push({
          quoteId: q.id,
          supplierName: q.supplier.shortName,
          version: v.version,
          submittedAt: v.submittedAt?.toISOString() ?? null,
          goodsGross: k(v.goodsGrossKopecks),
          landed: k(v.landedKopecks),
        });
      if (!(LIVE_QUOTE_STATUSES as readonly string[]).includes(q.status)) continue;
      const v = q.versions.find((x) => x.version === q.currentVersion);
      if (!v) continue;
      offers.push({
        quoteId: q.id,
        supplierOrgId: q.supplierOrgId,
        supplierName: q.supplier.shortName,
        verified: q.supplier.verifiedAt !== null,
        rating:
          q.supplier.ratingCount > 0 ? Math.round((q.supplier.ratingSum / q.supplier.ratingCount) * 10) / 10 : null,
        ratingCount: q.supplier.ratingCount,
        status: q.status,
        version: v.version,
        submittedAt: v.submittedAt?.toISOString() ?? null,
        validUntil: v.validUntil ? toMoscowDate(v.validUntil) : null,
        expired: v.validUntil !== null && v.validUntil.getTime() < now.getTime(),
        prepaymentPercent: v.prepaymentPercent,
        paymentDaysAfterDelivery: v.paymentDaysAfterDelivery,
        deliveryTerms: v.deliveryTerms,
        comment: v.comment,
        ...offerMoney(rfq.items, v),
        attachments: v.attachments.map((a) => ({ id: a.file.id, name: a.file.originalName })),
      });
    }
  }
  const awards = await prisma.award.findMany({
    where: { rfqId },
    orderBy: { createdAt: "asc" },
    include: { lines: { select: { rfqItemId: true, quoteId: true, quoteVersion: true } } },
  });
  const orders = awards.length
    ? await prisma.order.findMany({
        where: { rfqId, buyerOrgId: actor.organizationId },
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          supplierOrgId: true,
          totalKopecks: true,
          supplier: { select: { shortName: true } },
        },
      })
    : [];
  const protocol =
    visible && rfq.openingProtocol
      ? {
          openedAt: rfq.openingProtocol.openedAt.toISOString(),
          entries: rfq.openingProtocol.entries as unknown as OpeningEntry[],
        }
      : null;
  return {
    rfq: {
      id: rfq.id,
      number: rfq.number,
      title: rfq.title,
      status: rfq.status,
      sealed: rfq.sealed,
      deadline: rfq.deadline?.toISOString() ?? null,
      openedAt: rfq.openedAt?.toISOString() ?? null,
      closedAt: rfq.closedAt?.toISOString() ?? null,
      awardedAt: rfq.awardedAt?.toISOString() ?? null,
      deliveryAddress: rfq.deliveryAddress,
    },
    items,
    pricesVisible: visible,
    participants,
    offers,
    marks: visible ? computeMarks(items, offers) : { bestPrice: {}, bestLead: {}, bestLanded: [] },
    history,
    protocol,
    awards: awards.map((a) => ({
      id: a.id,
      reason: a.reason,
      createdAt: a.createdAt.toISOString(),
      lines: a.lines,
      orders: orders.map((o) => ({
        id: o.id,
        number: o.number,
        supplierOrgId: o.supplierOrgId,
        supplierName: o.supplier.shortName,
        total: k(o.totalKopecks),
      })),
    })),
    canAward: rfq.status === "CLOSED" && visible && offers.length > 0,
    canCloseEarly: rfq.status === "PUBLISHED" && !rfq.sealed,
  };
}

/** Opening protocol of a sealed RFQ, written by the RFQ close hook inside the closing transaction. */
export async function writeOpeningProtocol(
  tx: Prisma.TransactionClient,
  rfq: { id: string; sealed: boolean; openedAt: Date | null },
): Promise<void> {
  if (!rfq.sealed || !rfq.openedAt) return;
  const quotes = await tx.quote.findMany({
    where: { rfqId: rfq.id, status: "SUBMITTED", currentVersion: { gt: 0 } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      supplierOrgId: true,
      currentVersion: true,
      submittedAt: true,
      supplier: { select: { shortName: true } },
      versions: { select: { version: true, goodsGrossKopecks: true, landedKopecks: true } },
    },
  });
  const entries: OpeningEntry[] = quotes.map((q) => {
    const v = q.versions.find((x) => x.version === q.currentVersion);
    return {
      supplierOrgId: q.supplierOrgId,
      supplierName: q.supplier.shortName,
      submittedAt: q.submittedAt?.toISOString() ?? null,
      version: q.currentVersion,
      goodsGross: k(v?.goodsGrossKopecks ?? 0n),
      landed: k(v?.landedKopecks ?? 0n),
    };
  });
  await tx.openingProtocol.upsert({
    where: { rfqId: rfq.id },
    create: { rfqId: rfq.id, openedAt: rfq.openedAt, entries: entries as unknown as Prisma.InputJsonValue },
    update: {},
  });
  await recordAudit(tx, {
    entityType: "rfq",
    entityId: rfq.id,
    action: "quotes_opened",
    actor: null,
    data: { quotes: entries.length },
  });
}

/**
 * Who may download a quote attachment: the supplier that uploaded it (files module allows the uploader's organisation
 * anyway) and the RFQ's buyer for submitted versions — for sealed RFQs only after the opening.
 */
export async function canReadQuoteAttachment(actor: Actor | null, fileId: string): Promise<boolean> {
  if (!actor?.organizationId) return false;
  const link = await getPrisma().quoteAttachment.findFirst({
    where: {
      fileId,
      version: {
        OR: [
          { quote: { supplierOrgId: actor.organizationId } },
          {
            version: { gt: 0 },
            quote: {
              status: { in: [...VISIBLE_QUOTE_STATUSES] },
              rfq: {
                buyerOrgId: actor.organizationId,
                OR: [{ sealed: false }, { openedAt: { not: null } }],
              },
            },
          },
        ],
      },
    },
    select: { fileId: true },
  });
  return link !== null;
}
