/**
 * Demo orders (issue 8): awarded RFQs of the first buyer with one order each, in different states — awaiting the
 * supplier's confirmation (for the first supplier, the one the e2e walk-through uses), awaiting payment by invoice,
 * shipped, and a cancelled one. Written directly (no outbox events), so seeding sends no mail.
 */
import type { PrismaClient } from "../../app/generated/prisma/client";
import type { OrderStatus, VatRate } from "../../app/generated/prisma/enums";
import { orderMoney, priceOrderLines } from "../../app/modules/orders/index.server";

const DAY = 24 * 3600 * 1000;

interface SeedLine {
  name: string;
  quantity: string;
  unit: string;
  unitPriceKopecks: bigint;
  vatRate: VatRate;
  leadTimeDays: number;
}

const LINES: SeedLine[][] = [
  [
    {
      name: "Котёл водогрейный КВ-ГМ-1,16-115",
      quantity: "1",
      unit: "шт",
      unitPriceKopecks: 245000000n,
      vatRate: "VAT22",
      leadTimeDays: 45,
    },
    {
      name: "Горелка газовая ГБЛ-1,2",
      quantity: "1",
      unit: "шт",
      unitPriceKopecks: 38650050n,
      vatRate: "VAT22",
      leadTimeDays: 30,
    },
  ],
  [
    {
      name: "Кабель АПвБбШп 4×240-1",
      quantity: "350.5",
      unit: "м",
      unitPriceKopecks: 214000n,
      vatRate: "VAT22",
      leadTimeDays: 10,
    },
  ],
  [
    {
      name: "Трансформатор ТМГ-630/10/0,4 У1",
      quantity: "2",
      unit: "шт",
      unitPriceKopecks: 98000000n,
      vatRate: "VAT22",
      leadTimeDays: 21,
    },
  ],
  [
    {
      name: "Задвижка 30с41нж Ду150",
      quantity: "6",
      unit: "шт",
      unitPriceKopecks: 3150000n,
      vatRate: "VAT22",
      leadTimeDays: 5,
    },
  ],
];

export async function seedOrders(
  prisma: PrismaClient,
  opts: { buyerOrgIds: string[]; supplierOrgIds: string[]; userIdsByOrg: Record<string, string[]> },
): Promise<{ orderIds: string[] }> {
  const buyerOrgId = opts.buyerOrgIds[0];
  const buyerUserId = buyerOrgId ? opts.userIdsByOrg[buyerOrgId]?.[0] : undefined;
  const suppliers = await prisma.organization.findMany({
    where: { id: { in: opts.supplierOrgIds }, suspendedAt: null },
    select: { id: true },
  });
  const active = opts.supplierOrgIds.filter((id) => suppliers.some((s) => s.id === id));
  if (!buyerOrgId || !buyerUserId || active.length < 2) return { orderIds: [] };
  const buyer = await prisma.organization.findUniqueOrThrow({ where: { id: buyerOrgId } });
  const address = buyer.deliveryAddress ?? `${buyer.city}, ${buyer.legalAddress}`;
  const now = Date.now();
  const orderIds: string[] = [];

  const plan: {
    supplier: string;
    status: OrderStatus;
    lines: SeedLine[];
    title: string;
    delivery: bigint;
    prepaymentPercent?: number;
    /** a document issued in 2025: it keeps the 20 % it was issued with */
    issued2025?: boolean;
  }[] = [
    {
      supplier: active[0],
      status: "AWAITING_CONFIRMATION",
      lines: LINES[0],
      title: "Котельное оборудование, кв. Юхарина",
      delivery: 4500000n,
    },
    {
      supplier: active[1],
      status: "AWAITING_PAYMENT",
      lines: LINES[1],
      title: "Кабель для КЛ-10 кВ",
      delivery: 850000n,
      prepaymentPercent: 50,
    },
    {
      supplier: active[1],
      status: "SHIPPED",
      lines: LINES[2].map((l) => ({ ...l, vatRate: "VAT20" as const })),
      title: "Трансформаторы для ТП-7",
      delivery: 1200000n,
      issued2025: true,
    },
    { supplier: active[0], status: "CANCELLED", lines: LINES[3], title: "Арматура для тепловой сети", delivery: 0n },
    // paid here; seedClosingDocuments ships it twice, accepts it and stores its УПД and signed contract (issue 21)
    {
      supplier: active[0],
      status: "PAID",
      lines: LINES[0],
      title: "Котельное оборудование, пусковой комплекс",
      delivery: 4500000n,
    },
  ];

  for (const [i, p] of plan.entries()) {
    const created = p.issued2025 ? new Date("2025-12-15T09:00:00+03:00") : new Date(now - (10 - i) * DAY);
    const deliveryVatRate: VatRate = p.issued2025 ? "VAT20" : "VAT22";
    const prepaymentPercent = p.prepaymentPercent ?? 100;
    const rfq = await prisma.rfq.create({
      data: {
        buyerOrgId,
        createdById: buyerUserId,
        title: p.title,
        deliveryAddress: address,
        deadline: new Date(created.getTime() - 2 * DAY),
        paymentTerms: "PREPAY_100",
        status: "AWARDED",
        publishedAt: new Date(created.getTime() - 9 * DAY),
        closedAt: new Date(created.getTime() - 2 * DAY),
        awardedAt: created,
        items: {
          create: p.lines.map((l, position) => ({ position, name: l.name, quantity: l.quantity, unit: l.unit })),
        },
      },
      include: { items: { orderBy: { position: "asc" } } },
    });
    const quote = await prisma.quote.create({
      // submitted while the RFQ was open (published created − 9 d, deadline created − 2 d), awarded at `created`
      data: {
        rfqId: rfq.id,
        supplierOrgId: p.supplier,
        status: "AWARDED",
        currentVersion: 1,
        submittedAt: new Date(created.getTime() - 4 * DAY),
      },
    });
    // the winner was a recipient who quoted: without this row the buyer's list read «Предложений 0/0» (issue #25)
    await prisma.rfqRecipient.create({
      data: {
        rfqId: rfq.id,
        supplierOrgId: p.supplier,
        source: "MANUAL",
        status: "QUOTED",
        viewedAt: new Date(created.getTime() - 8 * DAY),
      },
    });
    const { lines } = priceOrderLines(p.lines.map((l, idx) => ({ ...l, rfqItemId: rfq.items[idx].id })));
    const money = orderMoney({
      deliveryCostKopecks: p.delivery,
      deliveryVatRate,
      prepaymentPercent: prepaymentPercent === 100 ? 0 : prepaymentPercent,
      lines,
    });
    const reached = (s: OrderStatus) =>
      p.status !== "CANCELLED" &&
      ["AWAITING_CONFIRMATION", "CONFIRMED", "AWAITING_PAYMENT", "PAID", "SHIPPED"].indexOf(p.status) >=
        ["AWAITING_CONFIRMATION", "CONFIRMED", "AWAITING_PAYMENT", "PAID", "SHIPPED"].indexOf(s);
    const order = await prisma.order.create({
      data: {
        rfqId: rfq.id,
        quoteId: quote.id,
        buyerOrgId,
        supplierOrgId: p.supplier,
        status: p.status,
        deliveryAddress: address,
        deliveryTerms: "Автотранспортом до склада покупателя, разгрузка силами покупателя",
        paymentTerms:
          prepaymentPercent === 100
            ? "100% предоплата по счёту"
            : `Предоплата ${prepaymentPercent} %, остаток — в течение 10 дней после поставки`,
        prepaymentPercent: money.prepaymentPercent,
        deliveryCostKopecks: p.delivery,
        deliveryVatRate,
        goodsNetKopecks: money.goods.net,
        vatKopecks: money.total.vat,
        totalKopecks: money.total.gross,
        createdAt: created,
        lines: { create: lines },
      },
    });
    const confirmed = reached("CONFIRMED");
    await prisma.order.update({
      where: { id: order.id },
      data: {
        invoiceNumber: confirmed ? `СМ-${order.number}` : null,
        confirmedAt: confirmed ? new Date(created.getTime() + DAY) : null,
        paidAt: reached("PAID") ? new Date(created.getTime() + 2 * DAY) : null,
        shippedAt: reached("SHIPPED") ? new Date(created.getTime() + 3 * DAY) : null,
        trackingNote: reached("SHIPPED") ? "ТН № 1184 от ПЭК, трек 2310-5567-0042" : null,
        cancelledAt: p.status === "CANCELLED" ? new Date(created.getTime() + DAY) : null,
        cancelReason: p.status === "CANCELLED" ? "Позиции закуплены по другому договору" : null,
        cancelledByOrgId: p.status === "CANCELLED" ? buyerOrgId : null,
      },
    });
    if (reached("PAID"))
      await prisma.payment.create({
        data: {
          orderId: order.id,
          provider: "INVOICE",
          status: "SUCCEEDED",
          amountKopecks: money.total.gross,
        },
      });
    const trail: { action: string; org: string }[] = [{ action: "order.created", org: buyerOrgId }];
    if (confirmed) trail.push({ action: "order.confirm", org: p.supplier });
    if (reached("AWAITING_PAYMENT")) trail.push({ action: "order.choosePayment", org: buyerOrgId });
    if (reached("PAID")) trail.push({ action: "order.markPaid", org: p.supplier });
    if (reached("SHIPPED")) trail.push({ action: "order.ship", org: p.supplier });
    if (p.status === "CANCELLED") trail.push({ action: "order.cancel", org: buyerOrgId });
    for (const e of trail) {
      await prisma.auditEvent.create({
        data: {
          entityType: "order",
          entityId: order.id,
          action: e.action,
          actorUserId: opts.userIdsByOrg[e.org]?.[0] ?? null,
          actorOrgId: e.org,
        },
      });
    }
    orderIds.push(order.id);
  }
  return { orderIds };
}
