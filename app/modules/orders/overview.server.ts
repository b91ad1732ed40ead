import { type Actor, NotFoundError } from "~/modules/accounts/actor";
import { getOrganizationCards, type OrganizationCard } from "~/modules/accounts/index.server";
import { getPrisma } from "~/utils/db.server";
import { partyOf } from "./orders.server";
import { type OrderSchedule, orderSchedule } from "./schedule";

export interface OrderOverview {
  buyer: OrganizationCard;
  supplier: OrganizationCard;
  rfq: { id: string; number: number | null; title: string; href: string } | null;
  quote: { version: number; href: string } | null;
  /** The award protocol (XLSX) is the buyer's document */
  awardProtocolHref: string | null;
  schedule: OrderSchedule;
}

/**
 * The order page's header facts: both parties' requisites and contacts (from the accounts module), the links back to the
 * RFQ, the awarded quote version and the award protocol, and the expected dates. Only the two parties read it (the
 * order is looked up in the reader's organisation scope).
 */
export async function getOrderOverview(actor: Actor, orderId: string): Promise<OrderOverview> {
  if (!actor.organizationId) throw new NotFoundError("order");
  const order = await getPrisma().order.findFirst({
    where: { id: orderId, OR: [{ buyerOrgId: actor.organizationId }, { supplierOrgId: actor.organizationId }] },
    select: {
      id: true,
      buyerOrgId: true,
      supplierOrgId: true,
      confirmedAt: true,
      paidAt: true,
      prepaymentPercent: true,
      deliveryTerms: true,
      lines: { select: { leadTimeDays: true } },
      rfq: { select: { id: true, number: true, title: true } },
      quote: { select: { currentVersion: true } },
    },
  });
  if (!order) throw new NotFoundError("order");
  const party = partyOf(actor, order);
  const cards = await getOrganizationCards([order.buyerOrgId, order.supplierOrgId]);
  const buyer = cards.get(order.buyerOrgId);
  const supplier = cards.get(order.supplierOrgId);
  if (!buyer || !supplier) throw new NotFoundError("order");
  const rfq = order.rfq;
  return {
    buyer,
    supplier,
    rfq: rfq ? { ...rfq, href: party === "BUYER" ? `/buyer/rfqs/${rfq.id}` : `/supplier/rfqs/${rfq.id}` } : null,
    quote:
      rfq && order.quote
        ? {
            version: order.quote.currentVersion,
            href: party === "BUYER" ? `/buyer/rfqs/${rfq.id}/compare` : `/supplier/rfqs/${rfq.id}`,
          }
        : null,
    awardProtocolHref: rfq && party === "BUYER" ? `/buyer/rfqs/${rfq.id}/award-protocol.xlsx` : null,
    schedule: orderSchedule(order),
  };
}
