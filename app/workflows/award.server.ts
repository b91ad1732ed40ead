/**
 * Award workflow: the buyer awards an RFQ — whole to one supplier or split by line. In one transaction it orchestrates
 * the modules through their use cases, never their tables: the RFQ module says whether the RFQ may be awarded and
 * moves it to AWARDED; the quotes module lists the awardable offers and records the decision on the quotes (award
 * lines, AWARDED / NOT_SELECTED, suppliers told); the orders module creates one order per awarded supplier.
 */
import { type Actor, requireBuyer } from "~/modules/accounts/actor";
import { unverifiedOrganizationNames } from "~/modules/accounts/index.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { type AwardOrderInput, createOrdersFromAward } from "~/modules/orders/orders.server";
import {
  type AwardableQuote,
  awardableQuotes,
  QuoteValidationError,
  recordAward,
} from "~/modules/quotes/quotes.server";
import { loadAwardableRfq, markRfqAwarded } from "~/modules/rfq/rfq.server";
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
  return getPrisma().$transaction(async (tx) => {
    const rfq = await loadAwardableRfq(tx, actor, rfqId);
    const quotes = await awardableQuotes(tx, rfqId, now);
    const live = new Map(quotes.map((q) => [q.id, q]));
    const currentVersion = (q: AwardableQuote | undefined) => q?.versions.find((x) => x.version === q.currentVersion);
    const assignment = new Map<string, string>(); // rfqItemId → quoteId
    if (choice.mode === "whole") {
      const q = live.get(choice.quoteId);
      if (!q) throw new QuoteValidationError({ quoteId: ["errors.quoteNotAwardable"] });
      for (const l of currentVersion(q)?.lines ?? []) assignment.set(l.rfqItemId, q.id);
    } else {
      const errors: Record<string, string[]> = {};
      for (const [itemId, quoteId] of Object.entries(choice.lines)) {
        if (!quoteId) continue;
        const item = rfq.items.find((i) => i.id === itemId);
        const v = currentVersion(live.get(quoteId));
        if (!item || !v?.lines.some((l) => l.rfqItemId === itemId)) {
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
      const v = currentVersion(live.get(quoteId));
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
    const unverified = await unverifiedOrganizationNames(tx, chosen);
    if (unverified.length)
      throw new QuoteValidationError({}, [
        `errors.supplierNotVerified::${JSON.stringify({ name: unverified.join(", ") })}`,
      ]);

    const { awardId, winners } = await recordAward(tx, actor, {
      rfq: { id: rfq.id, number: rfq.number, title: rfq.title, itemCount: rfq.items.length },
      quotes,
      assignment,
      reason,
    });
    const orders: AwardOrderInput[] = winners.map((quoteId) => {
      const q = live.get(quoteId);
      const v = currentVersion(q);
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
    await markRfqAwarded(tx, actor, rfqId, now, {
      awardId,
      mode: choice.mode,
      reason: reason || null,
      lines: Object.fromEntries(assignment),
      orders: created.map((o) => o.orderId),
    });
    await emitWebhookEvent(tx, {
      type: "award.made",
      orgIds: [rfq.buyerOrgId, ...quotes.filter((x) => winners.includes(x.id)).map((q) => q.supplierOrgId)],
      data: { rfqId, awardId, number: rfq.number, orderIds: created.map((o) => o.orderId) },
    });
    return { awardId, orders: created };
  });
}
