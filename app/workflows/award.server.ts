/**
 * Award workflow (issue 7): the buyer awards an RFQ — whole to one supplier or split by line — and, in one
 * transaction, the award is recorded, one order per awarded supplier is created through the orders module, the RFQ
 * becomes AWARDED, winning quotes AWARDED, the others NOT_SELECTED, and everyone is notified.
 */
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { notify } from "~/modules/notifications/notifications.server";
import { type AwardOrderInput, createOrdersFromAward } from "~/modules/orders/orders.server";
import { QuoteValidationError } from "~/modules/quotes/quotes.server";
import type { RfqEvent } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";

export type AwardChoice =
  | { mode: "whole"; quoteId: string }
  /** rfqItemId → quoteId; items left out are not awarded */
  | { mode: "split"; lines: Record<string, string> };

const PAYMENT = (prepay: number, days: number | null) =>
  `Предоплата ${prepay}%${days != null ? `, оплата остатка в течение ${days} дн. после поставки` : ""}`;

export async function awardRfq(
  actor: Actor,
  rfqId: string,
  choice: AwardChoice,
  reason: string | null,
  now: Date = new Date(),
) {
  requireBuyer(actor);
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const rfq = await tx.rfq.findFirst({
      where: { id: rfqId, buyerOrgId: actor.organizationId },
      include: { items: { orderBy: { position: "asc" } } },
    });
    if (!rfq) throw new NotFoundError("rfq");
    if (rfq.status !== "CLOSED") throw new QuoteValidationError({}, ["errors.awardNotAllowed"]);
    if (rfq.sealed && !rfq.openedAt) throw new QuoteValidationError({}, ["errors.awardNotAllowed"]);
    // a re-bid round still running: its offers are not final yet
    if (await tx.rebidRound.count({ where: { rfqId, deadline: { gt: now } } }))
      throw new QuoteValidationError({}, ["errors.roundOpen"]);
    // Only submitted (never draft, never withdrawn) quotes, at their latest submitted version.
    const quotes = await tx.quote.findMany({
      where: { rfqId, status: "SUBMITTED", currentVersion: { gt: 0 } },
      include: { versions: { include: { lines: true } } },
    });
    const live = new Map(quotes.map((q) => [q.id, q]));
    const assignment = new Map<string, string>(); // rfqItemId → quoteId
    if (choice.mode === "whole") {
      const q = live.get(choice.quoteId);
      if (!q) throw new QuoteValidationError({ quoteId: ["errors.quoteNotAwardable"] });
      const v = q.versions.find((x) => x.version === q.currentVersion);
      for (const l of v?.lines ?? []) assignment.set(l.rfqItemId, q.id);
    } else {
      const errors: Record<string, string[]> = {};
      for (const [itemId, quoteId] of Object.entries(choice.lines)) {
        if (!quoteId) continue;
        const item = rfq.items.find((i) => i.id === itemId);
        const q = live.get(quoteId);
        const v = q?.versions.find((x) => x.version === q.currentVersion);
        if (!item || !q || !v?.lines.some((l) => l.rfqItemId === itemId)) {
          errors[`item.${itemId}`] = ["errors.quoteNotAwardable"];
          continue;
        }
        assignment.set(itemId, quoteId);
      }
      if (Object.keys(errors).length) throw new QuoteValidationError(errors);
    }
    if (assignment.size === 0) throw new QuoteValidationError({}, ["errors.nothingAwarded"]);
    // an offer whose validity has passed is not binding: the supplier must re-confirm it first
    for (const quoteId of new Set(assignment.values())) {
      const q = live.get(quoteId);
      const v = q?.versions.find((x) => x.version === q.currentVersion);
      if (v?.validUntil && v.validUntil.getTime() < now.getTime())
        throw new QuoteValidationError(
          choice.mode === "whole"
            ? { quoteId: ["errors.quoteExpired"] }
            : Object.fromEntries(
                [...assignment]
                  .filter(([, id]) => id === quoteId)
                  .map(([itemId]) => [`item.${itemId}`, ["errors.quoteExpired"]]),
              ),
        );
    }

    // a supplier who joined by invitation is awarded only once the operator has verified its organisation
    const chosen = [...new Set(assignment.values())].flatMap((id) => {
      const q = live.get(id);
      return q ? [q.supplierOrgId] : [];
    });
    const unverified = await tx.organization.findMany({
      where: { id: { in: chosen }, verifiedAt: null },
      select: { shortName: true },
    });
    if (unverified.length)
      throw new QuoteValidationError({}, [
        `errors.supplierNotVerified::${JSON.stringify({ name: unverified.map((o) => o.shortName).join(", ") })}`,
      ]);

    const award = await tx.award.create({
      data: {
        rfqId,
        reason: reason || null,
        awardedById: actor.userId,
        lines: {
          create: [...assignment].map(([rfqItemId, quoteId]) => ({
            rfqItemId,
            quoteId,
            quoteVersion: live.get(quoteId)?.currentVersion ?? 0,
          })),
        },
      },
    });
    const winners = [...new Set(assignment.values())];
    const orders: AwardOrderInput[] = winners.map((quoteId) => {
      const q = live.get(quoteId);
      const v = q?.versions.find((x) => x.version === q.currentVersion);
      if (!q || !v) throw new Error("unreachable: awarded quote without version");
      return {
        supplierOrgId: q.supplierOrgId,
        quoteId: q.id,
        deliveryCostKopecks: v.deliveryCostKopecks,
        deliveryVatRate: v.deliveryVatRate,
        deliveryTerms: v.deliveryTerms,
        paymentTerms: PAYMENT(v.prepaymentPercent, v.paymentDaysAfterDelivery),
        prepaymentPercent: v.prepaymentPercent,
        lines: rfq.items
          .filter((item) => assignment.get(item.id) === q.id)
          .map((item) => {
            const l = v.lines.find((x) => x.rfqItemId === item.id);
            if (!l) throw new Error("unreachable: awarded line missing");
            return {
              rfqItemId: item.id,
              productId: item.productId,
              name: l.analogueModel ? `${item.name} — аналог: ${l.analogueModel}` : item.name,
              quantity: l.quantity.toString(),
              unit: item.unit,
              unitPriceKopecks: l.unitPriceKopecks,
              vatRate: l.vatRate,
              leadTimeDays: l.leadTimeDays,
            };
          }),
      };
    });
    const created = await createOrdersFromAward(tx, {
      actor,
      rfqId,
      buyerOrgId: rfq.buyerOrgId,
      deliveryAddress: rfq.deliveryAddress,
      orders,
    });

    const { count } = await tx.rfq.updateMany({
      where: { id: rfqId, status: "CLOSED" },
      data: { status: "AWARDED", awardedAt: now },
    });
    if (count !== 1) throw new QuoteValidationError({}, ["errors.awardNotAllowed"]);
    await tx.quote.updateMany({ where: { id: { in: winners } }, data: { status: "AWARDED" } });
    const losers = quotes.filter((q) => !winners.includes(q.id));
    if (losers.length)
      await tx.quote.updateMany({ where: { id: { in: losers.map((q) => q.id) } }, data: { status: "NOT_SELECTED" } });
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: rfqId,
      action: "awarded" satisfies RfqEvent,
      actor,
      data: {
        awardId: award.id,
        mode: choice.mode,
        reason: reason || null,
        lines: Object.fromEntries(assignment),
        orders: created.map((o) => o.orderId),
      },
    });
    for (const q of quotes)
      await recordAudit(tx, {
        entityType: "quote",
        entityId: q.id,
        action: winners.includes(q.id) ? "awarded" : "not_selected",
        actor,
        data: { rfqId, awardId: award.id },
      });
    const params = { number: rfq.number, title: rfq.title };
    for (const q of quotes.filter((x) => winners.includes(x.id))) {
      const lines = [...assignment.values()].filter((id) => id === q.id).length;
      await notify(tx, {
        type: "quote_awarded",
        recipients: { orgIds: [q.supplierOrgId] },
        params: { ...params, lines, total: rfq.items.length },
        link: `/supplier/rfqs/${rfqId}`,
        aggregateId: q.id,
      });
    }
    if (losers.length)
      await notify(tx, {
        type: "quote_not_selected",
        recipients: { orgIds: losers.map((q) => q.supplierOrgId) },
        params,
        link: `/supplier/rfqs/${rfqId}`,
        aggregateId: rfqId,
      });
    await emitWebhookEvent(tx, {
      type: "award.made",
      orgIds: [rfq.buyerOrgId, ...quotes.filter((x) => winners.includes(x.id)).map((q) => q.supplierOrgId)],
      data: { rfqId, awardId: award.id, number: rfq.number, orderIds: created.map((o) => o.orderId) },
    });
    return { awardId: award.id, orders: created };
  });
}

/**
 * Closes a non-sealed published RFQ before its deadline so it can be awarded now (sealed RFQs open only at the
 * deadline). Silent recipients expire, as at the deadline.
 */
export async function closeRfqEarly(actor: Actor, rfqId: string, now: Date = new Date()) {
  requireBuyer(actor);
  return getPrisma().$transaction(async (tx) => {
    const rfq = await tx.rfq.findFirst({ where: { id: rfqId, buyerOrgId: actor.organizationId } });
    if (!rfq) throw new NotFoundError("rfq");
    if (rfq.sealed || rfq.status !== "PUBLISHED") throw new QuoteValidationError({}, ["errors.closeEarlyNotAllowed"]);
    const { count } = await tx.rfq.updateMany({
      where: { id: rfqId, status: "PUBLISHED", sealed: false },
      data: { status: "CLOSED", closedAt: now },
    });
    if (count !== 1) throw new QuoteValidationError({}, ["errors.closeEarlyNotAllowed"]);
    await tx.rfqRecipient.updateMany({
      where: { rfqId, status: { in: ["NEW", "VIEWED"] } },
      data: { status: "EXPIRED" },
    });
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: rfqId,
      action: "closed_early" satisfies RfqEvent,
      actor,
      data: {},
    });
    const recipients = await tx.rfqRecipient.findMany({ where: { rfqId }, select: { supplierOrgId: true } });
    await notify(tx, {
      type: "rfq_closed_early",
      recipients: { orgIds: recipients.map((r) => r.supplierOrgId) },
      params: { number: rfq.number, title: rfq.title },
      link: `/supplier/rfqs/${rfqId}`,
      aggregateId: rfqId,
    });
    await emitWebhookEvent(tx, {
      type: "rfq.closed",
      orgIds: [rfq.buyerOrgId, ...recipients.map((r) => r.supplierOrgId)],
      data: { rfqId, number: rfq.number, reason: "closed_early" },
    });
  });
}
