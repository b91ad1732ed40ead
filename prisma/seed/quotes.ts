/**
 * A demo RFQ whose quotes can be compared and awarded right away: closed (deadline passed), not sealed, three lines of
 * power-grid equipment, quoted by three verified suppliers with different prices, НДС rates, lead times, delivery costs
 * and payment terms — one quote partial, one with an analogue. Written directly (no outbox events, no mail).
 */
import type { PrismaClient } from "../../app/generated/prisma/client";
import { chargeAmounts, lineAmounts, sumAmounts, type VatRateCode } from "../../app/modules/money/money";

const DAY = 24 * 3600 * 1000;

interface Offer {
  /** price factor against the catalog price, per line; null = line not quoted */
  factors: (number | null)[];
  /** quantity offered per line as a share of the requested quantity */
  shares?: number[];
  vatRate: VatRateCode;
  leadDays: number[];
  deliveryRub: number;
  prepaymentPercent: number;
  paymentDaysAfterDelivery: number | null;
  validDays: number;
  analogueOnLine?: number;
  comment: string;
  /** delivery basis (ADR 0019) and the place it refers to */
  basis: "PICKUP" | "TERMINAL" | "BUYER_WAREHOUSE";
  place: string;
}

const OFFERS: Offer[] = [
  {
    factors: [1.0, 0.97, 1.02],
    vatRate: "VAT22",
    leadDays: [30, 30, 45],
    deliveryRub: 185_000,
    prepaymentPercent: 30,
    paymentDaysAfterDelivery: 30,
    validDays: 30,
    comment: "Цены с учётом упаковки для морской перевозки. Шеф-монтаж — по отдельному договору.",
    basis: "BUYER_WAREHOUSE",
    place: "Севастополь, склад заказчика",
  },
  {
    factors: [0.93, 1.04, null],
    shares: [1, 0.5, 1],
    vatRate: "VAT22",
    leadDays: [21, 14, 0],
    deliveryRub: 240_000,
    prepaymentPercent: 50,
    paymentDaysAfterDelivery: null,
    validDays: 20,
    comment: "Позиция 2 — половина количества со склада в Шушарах, остаток через 60 дней. Позицию 3 не производим.",
    basis: "TERMINAL",
    place: "Севастополь, терминал транспортной компании",
  },
  {
    factors: [1.06, 0.95, 0.98],
    vatRate: "VAT22",
    leadDays: [45, 40, 40],
    deliveryRub: 0,
    prepaymentPercent: 0,
    paymentDaysAfterDelivery: 45,
    validDays: 45,
    analogueOnLine: 1,
    comment: "Доставка до Севастополя включена в цену. По позиции 2 предлагаем аналог собственного производства.",
    basis: "BUYER_WAREHOUSE",
    place: "Севастополь, склад заказчика",
  },
];

/** The second demo RFQ, left for the buyer to award (the «Кача» one is awarded by the re-bid walk-through). */
export const AWARD_READY_RFQ = {
  title: "Электрооборудование для РП-2 «Фиолент»",
  comment: "Реконструкция РП-2. Аванс — не более 30 %, остаток после приёмки.",
  // both suppliers ask a 30 % advance, so whichever wins, the order has an advance and a balance счёт
  offers: [OFFERS[0], { ...OFFERS[2], prepaymentPercent: 30, paymentDaysAfterDelivery: 10 }],
  rebid: false,
};

export async function seedQuotes(
  prisma: PrismaClient,
  opts: {
    buyerOrgIds: string[];
    userIdsByOrg: Record<string, string[]>;
    /** default: the «Кача» RFQ with three offers, a finished re-bid round and a freight estimate */
    rfq?: { title: string; comment: string; offers: Offer[]; rebid: boolean };
  },
): Promise<{ rfqId: string | null }> {
  const spec = opts.rfq ?? {
    title: "Электрооборудование для ПС «Кача»",
    comment: "Поставка для реконструкции подстанции. Просим указать срок поставки по каждой позиции.",
    offers: OFFERS,
    rebid: true,
  };
  const buyerOrgId = opts.buyerOrgIds[0];
  const buyerUserId = buyerOrgId ? opts.userIdsByOrg[buyerOrgId]?.[0] : undefined;
  if (!buyerOrgId || !buyerUserId) return { rfqId: null };
  // three verified suppliers of grid equipment with priced, published products
  const products = await prisma.product.findMany({
    where: {
      status: "PUBLISHED",
      priceKopecks: { not: null },
      category: { sector: "GRID" },
      supplier: { verifiedAt: { not: null }, suspendedAt: null },
    },
    orderBy: [{ categoryId: "asc" }, { sku: "asc" }],
    select: { id: true, title: true, sku: true, unit: true, supplierId: true, priceKopecks: true, leadTimeDays: true },
    take: 500,
  });
  const suppliers = [...new Set(products.map((p) => p.supplierId))].slice(0, 3);
  const items = suppliers.map((s) => products.find((p) => p.supplierId === s)).filter((p) => p !== undefined);
  if (items.length < 3) return { rfqId: null };
  const buyer = await prisma.organization.findUniqueOrThrow({ where: { id: buyerOrgId } });
  const now = Date.now();
  const quantities = ["2", "4", "1"];

  const rfq = await prisma.rfq.create({
    data: {
      buyerOrgId,
      createdById: buyerUserId,
      title: spec.title,
      deliveryAddress: buyer.deliveryAddress ?? `${buyer.city}, ${buyer.legalAddress}`,
      deadline: new Date(now - 2 * 3600 * 1000),
      neededBy: new Date(now + 75 * DAY),
      paymentTerms: "POSTPAY_30",
      comment: spec.comment,
      status: "CLOSED",
      publishedAt: new Date(now - 6 * DAY),
      closedAt: new Date(now - 2 * 3600 * 1000),
      items: {
        create: items.map((p, position) => ({
          position,
          productId: p.id,
          name: `${p.title} (${p.sku})`,
          quantity: quantities[position],
          unit: p.unit,
          analoguesAllowed: position === 1,
          notes: position === 0 ? "Климатическое исполнение УХЛ1" : null,
        })),
      },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
  await prisma.auditEvent.createMany({
    data: ["created", "published", "closed"].map((action) => ({
      entityType: "rfq",
      entityId: rfq.id,
      action,
      actorUserId: action === "closed" ? null : buyerUserId,
      actorOrgId: action === "closed" ? null : buyerOrgId,
    })),
  });

  const seeded: { quoteId: string; supplierOrgId: string }[] = [];
  for (const [s, supplierOrgId] of suppliers.entries()) {
    const offer = spec.offers[s];
    if (!offer) continue;
    const submittedAt = new Date(now - (4 - s) * DAY);
    await prisma.rfqRecipient.create({
      data: {
        rfqId: rfq.id,
        supplierOrgId,
        source: items.some((p) => p.supplierId === supplierOrgId) ? "PRODUCT" : "CATEGORY",
        status: "QUOTED",
        viewedAt: new Date(now - 5 * DAY),
      },
    });
    const lines = rfq.items.flatMap((item, i) => {
      const factor = offer.factors[i];
      const base = items[i].priceKopecks;
      if (factor === null || factor === undefined || base === null) return [];
      const unitPriceKopecks = BigInt(Math.round((Number(base) * factor) / 100) * 100);
      const quantity = String(Number(item.quantity) * (offer.shares?.[i] ?? 1));
      const amounts = lineAmounts({ unitPriceKopecks, quantity, vatRate: offer.vatRate });
      const analogue = offer.analogueOnLine === i && item.analoguesAllowed;
      return [
        {
          rfqItemId: item.id,
          unitPriceKopecks,
          quantity,
          vatRate: offer.vatRate,
          leadTimeDays: offer.leadDays[i],
          analogueModel: analogue ? `${items[i].sku.split(" ")[0]}-А (аналог)` : null,
          analogueNote: analogue ? "Аналог по техническим характеристикам, паспорт прилагается" : null,
          netKopecks: amounts.net,
          vatKopecks: amounts.vat,
          grossKopecks: amounts.gross,
        },
      ];
    });
    const goods = sumAmounts(lines.map((l) => ({ net: l.netKopecks, vat: l.vatKopecks, gross: l.grossKopecks })));
    const delivery = chargeAmounts(BigInt(offer.deliveryRub * 100), "VAT22");
    const version = {
      deliveryCostKopecks: BigInt(offer.deliveryRub * 100),
      deliveryVatRate: "VAT22" as const,
      deliveryTerms: offer.deliveryRub
        ? offer.basis === "TERMINAL"
          ? "Сборный груз до терминала ТК в Севастополе, без доставки по городу"
          : "Автотранспортом до склада заказчика в Севастополе"
        : "Доставка включена в цену",
      deliveryBasis: offer.basis,
      deliveryPlace: offer.place,
      prepaymentPercent: offer.prepaymentPercent,
      paymentDaysAfterDelivery: offer.paymentDaysAfterDelivery,
      validUntil: new Date(now + offer.validDays * DAY),
      comment: offer.comment,
      goodsNetKopecks: goods.net,
      vatKopecks: goods.vat + delivery.vat,
      goodsGrossKopecks: goods.gross,
      landedKopecks: goods.gross + delivery.gross,
    };
    const quote = await prisma.quote.create({
      data: {
        rfqId: rfq.id,
        supplierOrgId,
        status: "SUBMITTED",
        currentVersion: 1,
        submittedAt,
        versions: {
          create: [0, 1].map((v) => ({
            version: v,
            submittedAt: v === 1 ? submittedAt : null,
            ...version,
            lines: { create: lines },
          })),
        },
      },
    });
    seeded.push({ quoteId: quote.id, supplierOrgId });
    await prisma.auditEvent.create({
      data: {
        entityType: "quote",
        entityId: quote.id,
        action: "submitted",
        actorOrgId: supplierOrgId,
        data: { rfqId: rfq.id, version: 1 },
      },
    });
  }
  if (spec.rebid) await seedRebidRound(prisma, { rfqId: rfq.id, buyerUserId, quotes: seeded.slice(0, 2), now });
  // the buyer's decision parameters: НМЦ, planned award, a freight estimate from the carrier's terminal to the warehouse
  const budget = items.reduce((sum, p, i) => sum + (p.priceKopecks ?? 0n) * BigInt(quantities[i]), 0n);
  await prisma.rfq.update({
    where: { id: rfq.id },
    data: { budgetKopecks: (budget * 125n) / 100n, plannedAwardAt: new Date(now + 3 * DAY) },
  });
  if (spec.rebid && seeded[1])
    await prisma.freightEstimate.create({
      data: { rfqId: rfq.id, supplierOrgId: seeded[1].supplierOrgId, amountKopecks: 3_500_000n },
    });
  return { rfqId: rfq.id };
}

/**
 * A finished re-bid round (переторжка) on the demo RFQ: the first two suppliers invited, the first lowered every price
 * by 3 % (version 2), the second did not take part.
 */
async function seedRebidRound(
  prisma: PrismaClient,
  opts: { rfqId: string; buyerUserId: string; quotes: { quoteId: string; supplierOrgId: string }[]; now: number },
) {
  if (opts.quotes.length < 2) return;
  const round = await prisma.rebidRound.create({
    data: {
      rfqId: opts.rfqId,
      number: 1,
      deadline: new Date(opts.now - 3600 * 1000),
      note: "Просим улучшить цены по всем позициям",
      createdById: opts.buyerUserId,
      createdAt: new Date(opts.now - 100 * 60 * 1000),
      participants: {
        create: opts.quotes.map((q) => ({ quoteId: q.quoteId, supplierOrgId: q.supplierOrgId, versionBefore: 1 })),
      },
    },
  });
  const [first] = opts.quotes;
  const v1 = await prisma.quoteVersion.findUniqueOrThrow({
    where: { quoteId_version: { quoteId: first.quoteId, version: 1 } },
    include: { lines: true },
  });
  const lines = v1.lines.map((l) => {
    const unitPriceKopecks = (l.unitPriceKopecks * 97n) / 100n;
    const a = lineAmounts({ unitPriceKopecks, quantity: l.quantity.toString(), vatRate: l.vatRate });
    return {
      rfqItemId: l.rfqItemId,
      unitPriceKopecks,
      quantity: l.quantity,
      vatRate: l.vatRate,
      leadTimeDays: l.leadTimeDays,
      analogueModel: l.analogueModel,
      analogueNote: l.analogueNote,
      netKopecks: a.net,
      vatKopecks: a.vat,
      grossKopecks: a.gross,
    };
  });
  const goods = sumAmounts(lines.map((l) => ({ net: l.netKopecks, vat: l.vatKopecks, gross: l.grossKopecks })));
  const delivery = chargeAmounts(v1.deliveryCostKopecks, v1.deliveryVatRate);
  const submittedAt = new Date(opts.now - 80 * 60 * 1000);
  const { id: _id, createdAt: _c, updatedAt: _u, lines: _l, ...rest } = v1;
  await prisma.quoteVersion.create({
    data: {
      ...rest,
      version: 2,
      roundId: round.id,
      submittedAt,
      goodsNetKopecks: goods.net,
      vatKopecks: goods.vat + delivery.vat,
      goodsGrossKopecks: goods.gross,
      landedKopecks: goods.gross + delivery.gross,
      lines: { create: lines },
    },
  });
  await prisma.quote.update({ where: { id: first.quoteId }, data: { currentVersion: 2, submittedAt } });
  await prisma.rebidParticipant.update({
    where: { roundId_quoteId: { roundId: round.id, quoteId: first.quoteId } },
    data: { versionAfter: 2, respondedAt: submittedAt },
  });
  await prisma.auditEvent.createMany({
    data: [
      {
        entityType: "rfq",
        entityId: opts.rfqId,
        action: "rebid_round_started",
        actorUserId: opts.buyerUserId,
        data: { roundId: round.id, number: 1 },
      },
      {
        entityType: "quote",
        entityId: first.quoteId,
        action: "rebid",
        actorOrgId: first.supplierOrgId,
        data: { rfqId: opts.rfqId, version: 2, round: 1 },
      },
    ],
  });
}
