import type { Prisma } from "~/generated/prisma/client";
import type { VatRate } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { chargeAmounts, lineAmounts, sumAmounts } from "~/modules/money/money";
import { notify } from "~/modules/notifications/notifications.server";

export interface AwardOrderLineInput {
  rfqItemId: string;
  productId: string | null;
  name: string;
  quantity: string;
  unit: string;
  unitPriceKopecks: bigint;
  vatRate: VatRate;
  leadTimeDays: number | null;
}

export interface AwardOrderInput {
  supplierOrgId: string;
  quoteId: string;
  deliveryCostKopecks: bigint;
  deliveryVatRate: VatRate;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  lines: AwardOrderLineInput[];
}

/**
 * Creates one order per awarded supplier inside the award transaction (issue 7's workflow calls it): lines with their
 * net / НДС / gross amounts, order totals including delivery, status AWAITING_CONFIRMATION, an audit entry and a
 * notification to the supplier organisation.
 */
export async function createOrdersFromAward(
  tx: Prisma.TransactionClient,
  input: { actor: Actor; rfqId: string; buyerOrgId: string; deliveryAddress: string; orders: AwardOrderInput[] },
): Promise<{ orderId: string; supplierOrgId: string; number: number }[]> {
  const created: { orderId: string; supplierOrgId: string; number: number }[] = [];
  for (const o of input.orders) {
    const lines = o.lines.map((l, i) => {
      const a = lineAmounts({ quantity: l.quantity, unitPriceKopecks: l.unitPriceKopecks, vatRate: l.vatRate });
      return {
        position: i + 1,
        rfqItemId: l.rfqItemId,
        productId: l.productId,
        name: l.name,
        quantity: l.quantity,
        unit: l.unit,
        unitPriceKopecks: l.unitPriceKopecks,
        vatRate: l.vatRate,
        leadTimeDays: l.leadTimeDays,
        netKopecks: a.net,
        vatKopecks: a.vat,
        grossKopecks: a.gross,
      };
    });
    const goods = sumAmounts(lines.map((l) => ({ net: l.netKopecks, vat: l.vatKopecks, gross: l.grossKopecks })));
    const delivery = chargeAmounts(o.deliveryCostKopecks, o.deliveryVatRate);
    const order = await tx.order.create({
      data: {
        rfqId: input.rfqId,
        quoteId: o.quoteId,
        buyerOrgId: input.buyerOrgId,
        supplierOrgId: o.supplierOrgId,
        status: "AWAITING_CONFIRMATION",
        deliveryAddress: input.deliveryAddress,
        deliveryTerms: o.deliveryTerms,
        paymentTerms: o.paymentTerms,
        deliveryCostKopecks: o.deliveryCostKopecks,
        deliveryVatRate: o.deliveryVatRate,
        goodsNetKopecks: goods.net,
        vatKopecks: goods.vat + delivery.vat,
        totalKopecks: goods.gross + delivery.gross,
        lines: { create: lines },
      },
      select: { id: true, number: true, totalKopecks: true },
    });
    await recordAudit(tx, {
      entityType: "order",
      entityId: order.id,
      action: "order.created",
      actor: input.actor,
      data: { rfqId: input.rfqId, quoteId: o.quoteId, totalKopecks: order.totalKopecks.toString() },
    });
    await notify(tx, {
      type: "order_created",
      recipients: { orgIds: [o.supplierOrgId] },
      params: { number: order.number },
      link: `/orders/${order.id}`,
      aggregateId: order.id,
    });
    created.push({ orderId: order.id, supplierOrgId: o.supplierOrgId, number: order.number });
  }
  return created;
}
