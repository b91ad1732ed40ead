import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import type { RfqEvent } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { type CompareItem, type CompareOffer, computeMarks, type Marks, offerLeadTime } from "./compare";
import { offerCoverage } from "./coverage";
import { type BestSplitView, type ComparedOffer, decide } from "./decision";
import { type DecisionSettings, loadDecisionSettings } from "./decision-settings.server";
import { isBlocked, offerDeviations } from "./deviations";
import { type DeliveryBasisCode, landedCost } from "./landed-cost";
import { offerMoney } from "./offer-money.server";
import { hiddenRoundVersions, listRounds, type RoundView } from "./rounds.server";
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
    neededBy: string | null;
    paymentTerms: string | null;
    /** НМЦ (gross kopecks) */
    budget: string | null;
    plannedAwardAt: string | null;
  };
  items: CompareItem[];
  /** false for a sealed RFQ before its opening: offers/history/marks are empty, only participants are listed */
  pricesVisible: boolean;
  participants: Participant[];
  /** each offer with its coverage, honest landed cost, cost of payment terms and deviations */
  offers: ComparedOffer[];
  /** bestLanded: by honest landed cost, among complete offers that can be awarded */
  marks: Marks;
  /** the cheapest allocation of lines by landed cost and its savings (null: nothing quoted / prices hidden) */
  bestSplit: BestSplitView | null;
  /** re-bid rounds (переторжка) with their protocol */
  rounds: RoundView[];
  /** an open round blocks the award until its deadline */
  roundOpen: boolean;
  /** freight rates, cargo, per-supplier freight estimates, annual rate for the cost of payment terms */
  settings: DecisionSettings;
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
  /** a re-bid round can be started now */
  canStartRound: boolean;
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
  const [settings, hidden, rounds] = await Promise.all([
    loadDecisionSettings(prisma, actor.organizationId, rfq),
    hiddenRoundVersions(prisma, rfqId, now),
    visible ? listRounds(prisma, rfqId, now) : Promise.resolve([]),
  ]);
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
  const offers: ComparedOffer[] = [];
  const firstOffers: ComparedOffer[] = [];
  const history: Comparison["history"] = [];
  const roundNumbers = new Map(rounds.map((r) => [r.id, r.number]));
  if (visible) {
    type WithVersions = Omit<(typeof quotes)[number], "versions"> & {
      versions: Prisma.QuoteVersionGetPayload<{
        include: { lines: true; attachments: { include: { file: { select: { id: true; originalName: true } } } } };
      }>[];
    };
    for (const q of quotes as unknown as WithVersions[]) {
      // a sealed round still running: the buyer sees the version the round started from
      const shown = hidden.get(q.id) ?? q.currentVersion;
      for (const v of q.versions.filter((x) => x.version <= shown))
        history.push({
          quoteId: q.id,
          supplierName: q.supplier.shortName,
          version: v.version,
          submittedAt: v.submittedAt?.toISOString() ?? null,
          goodsGross: k(v.goodsGrossKopecks),
          landed: k(v.landedKopecks),
        });
      if (!(LIVE_QUOTE_STATUSES as readonly string[]).includes(q.status)) continue;
      const v = q.versions.find((x) => x.version === shown);
      if (!v) continue;
      const build = (v: WithVersions["versions"][number]): ComparedOffer => {
        const base: CompareOffer = {
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
        };
        return withDecisionFigures(base, v, rfq, items, settings, roundNumbers, now);
      };
      offers.push(build(v));
      const first = q.versions.find((x) => x.version === 1);
      if (first) firstOffers.push(build(first));
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
  const roundOpen = rounds.some((r) => r.open) || hidden.size > 0;
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
      neededBy: rfq.neededBy?.toISOString() ?? null,
      paymentTerms: rfq.paymentTerms,
      budget: settings.budget,
      plannedAwardAt: rfq.plannedAwardAt?.toISOString() ?? null,
    },
    items,
    pricesVisible: visible,
    participants,
    offers,
    marks: visible
      ? computeMarks(
          items,
          // «лучшая сумма»: honest landed, complete offers that can be awarded
          offers.map((o) => ({ ...o, landed: o.landedCost.landed, complete: o.complete && !o.blocked })),
        )
      : { bestPrice: {}, bestLead: {}, bestLanded: [] },
    bestSplit: visible ? decide(items, offers, firstOffers, settings.budget) : null,
    rounds,
    roundOpen,
    settings,
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
    canAward: rfq.status === "CLOSED" && visible && offers.length > 0 && !roundOpen,
    canCloseEarly: rfq.status === "PUBLISHED" && !rfq.sealed,
    canStartRound: rfq.status === "CLOSED" && visible && offers.length > 0 && !roundOpen,
  };
}

/** Coverage, honest landed cost, cost of payment terms and deviations of one offer version. */
function withDecisionFigures(
  offer: CompareOffer,
  v: { deliveryBasis: string | null; deliveryPlace: string | null; roundId: string | null },
  rfq: { paymentTerms: string | null; neededBy: Date | null; plannedAwardAt: Date | null },
  items: CompareItem[],
  settings: DecisionSettings,
  roundNumbers: Map<string, number>,
  now: Date,
): ComparedOffer {
  const deliveryBasis = v.deliveryBasis as DeliveryBasisCode | null;
  const deviations = offerDeviations(
    {
      paymentTerms: rfq.paymentTerms,
      neededBy: rfq.neededBy?.toISOString() ?? null,
      plannedAwardAt: rfq.plannedAwardAt?.toISOString() ?? null,
    },
    items,
    { ...offer, deliveryBasis },
    now,
  );
  return {
    ...offer,
    coverage: offerCoverage(items, offer),
    deliveryBasis,
    deliveryPlace: v.deliveryPlace,
    landedCost: landedCost({
      supplierOrgId: offer.supplierOrgId,
      goodsGross: offer.goodsGross,
      deliveryGross: offer.deliveryGross,
      deliveryBasis,
      prepaymentPercent: offer.prepaymentPercent,
      paymentDaysAfterDelivery: offer.paymentDaysAfterDelivery,
      leadTimeDays: offerLeadTime(offer),
      settings: settings.freight,
      rateBp: settings.annualRateBp,
    }),
    deviations,
    blocked: isBlocked(deviations),
    roundNumber: v.roundId ? (roundNumbers.get(v.roundId) ?? null) : null,
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
    action: "quotes_opened" satisfies RfqEvent,
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
