/**
 * Deviations of an offer from the request (pure, client-safe): where the supplier's terms depart from what the buyer
 * asked for. Each is a flag with an i18n code (`deviation.<code>` in the quotes namespace) and its figures; a blocking
 * deviation (an expired validity) keeps the offer out of the award until the supplier re-confirms it.
 */
import type { CompareItem, CompareOffer } from "./compare";

export type DeviationCode =
  | "payment_terms"
  | "late"
  | "quantity"
  | "analogue"
  | "missing_lines"
  | "validity_before_award"
  | "expired"
  | "basis_not_stated";

export interface Deviation {
  code: DeviationCode;
  /** blocking: the offer cannot be awarded until the supplier acts */
  blocking: boolean;
  /** the RFQ lines concerned (line flags) */
  itemIds?: string[];
  params?: Record<string, string | number>;
}

export interface DeviationRequest {
  /** the buyer's wanted payment terms: rfq PAYMENT_TERMS code */
  paymentTerms: string | null;
  /** ISO date-time the goods are needed by */
  neededBy: string | null;
  /** ISO date-time the buyer plans to award (null: now) */
  plannedAwardAt: string | null;
}

type OfferForDeviations = Pick<
  CompareOffer,
  "lines" | "prepaymentPercent" | "paymentDaysAfterDelivery" | "validUntil" | "expired"
> & { deliveryBasis?: string | null };

const DAY = 24 * 3600 * 1000;

/** Does the offer's payment meet the wanted terms? (BY_AGREEMENT / none: anything goes) */
export function meetsPaymentTerms(wanted: string | null, prepay: number, days: number | null): boolean {
  switch (wanted) {
    case "POSTPAY_30":
      return prepay === 0 && (days ?? 0) >= 30;
    case "ON_DELIVERY":
      return prepay === 0;
    case "PREPAY_30":
      return prepay <= 30;
    case "PREPAY_50":
      return prepay <= 50;
    default:
      return true;
  }
}

/** "2026-05-01" (Moscow date) → end of that day (Moscow) in ms. */
function endOfMoscowDay(date: string): number {
  return new Date(`${date}T23:59:59.999+03:00`).getTime();
}

export function offerDeviations(
  request: DeviationRequest,
  items: Pick<CompareItem, "id">[],
  offer: OfferForDeviations,
  now: Date,
): Deviation[] {
  const out: Deviation[] = [];
  if (!meetsPaymentTerms(request.paymentTerms, offer.prepaymentPercent, offer.paymentDaysAfterDelivery))
    out.push({
      code: "payment_terms",
      blocking: false,
      params: {
        wanted: request.paymentTerms ?? "",
        prepay: offer.prepaymentPercent,
        days: offer.paymentDaysAfterDelivery ?? 0,
      },
    });
  const awardAt = request.plannedAwardAt ? new Date(request.plannedAwardAt).getTime() : now.getTime();
  const base = Math.max(awardAt, now.getTime());
  if (request.neededBy) {
    const neededBy = new Date(request.neededBy).getTime();
    const late = items.filter((i) => {
      const d = offer.lines[i.id]?.leadTimeDays;
      return d != null && base + d * DAY > neededBy;
    });
    if (late.length) {
      const maxLead = Math.max(...late.map((i) => offer.lines[i.id]?.leadTimeDays ?? 0));
      out.push({
        code: "late",
        blocking: false,
        itemIds: late.map((i) => i.id),
        params: { days: maxLead, neededBy: request.neededBy },
      });
    }
  }
  const partial = items.filter((i) => offer.lines[i.id]?.partial).map((i) => i.id);
  if (partial.length) out.push({ code: "quantity", blocking: false, itemIds: partial });
  const analogue = items.filter((i) => offer.lines[i.id]?.analogueModel).map((i) => i.id);
  if (analogue.length) out.push({ code: "analogue", blocking: false, itemIds: analogue });
  const missing = items.filter((i) => !offer.lines[i.id]).map((i) => i.id);
  if (missing.length)
    out.push({ code: "missing_lines", blocking: false, itemIds: missing, params: { count: missing.length } });
  if (offer.expired || (offer.validUntil && endOfMoscowDay(offer.validUntil) < now.getTime()))
    out.push({ code: "expired", blocking: true, params: { validUntil: offer.validUntil ?? "" } });
  else if (offer.validUntil && request.plannedAwardAt && endOfMoscowDay(offer.validUntil) < awardAt)
    out.push({
      code: "validity_before_award",
      blocking: false,
      params: { validUntil: offer.validUntil, plannedAwardAt: request.plannedAwardAt },
    });
  if (offer.deliveryBasis === null) out.push({ code: "basis_not_stated", blocking: false });
  return out;
}

export function isBlocked(deviations: Deviation[]): boolean {
  return deviations.some((d) => d.blocking);
}
