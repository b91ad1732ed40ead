/**
 * The comparison matrix logic (pure, client-safe): marks and sorting of offers. Amounts are kopecks as decimal strings
 * (loader data is JSON); compare them as BigInt.
 */

export interface CompareItem {
  id: string;
  position: number;
  name: string;
  quantity: string;
  unit: string;
  analoguesAllowed: boolean;
}

export interface CompareLine {
  unitPrice: string;
  quantity: string;
  vatRate: string;
  leadTimeDays: number | null;
  analogueModel: string | null;
  analogueNote: string | null;
  net: string;
  vat: string;
  gross: string;
  /** offered less than requested */
  partial: boolean;
}

export interface CompareOffer {
  quoteId: string;
  supplierOrgId: string;
  supplierName: string;
  verified: boolean;
  rating: number | null;
  ratingCount: number;
  status: string;
  version: number;
  submittedAt: string | null;
  validUntil: string | null;
  expired: boolean;
  prepaymentPercent: number;
  paymentDaysAfterDelivery: number | null;
  deliveryTerms: string | null;
  comment: string | null;
  deliveryNet: string;
  deliveryVatRate: string;
  deliveryGross: string;
  goodsNet: string;
  goodsVat: string;
  goodsGross: string;
  landed: string;
  lines: Record<string, CompareLine>;
  /** every RFQ line quoted at the full quantity */
  complete: boolean;
  attachments: { id: string; name: string }[];
}

export interface Marks {
  /** rfqItemId → quoteIds with the lowest unit price net */
  bestPrice: Record<string, string[]>;
  /** rfqItemId → quoteIds with the shortest lead time */
  bestLead: Record<string, string[]>;
  /** quoteIds with the lowest landed total among complete offers */
  bestLanded: string[];
}

function minBy<T>(entries: T[], key: (t: T) => bigint | null): T[] {
  let best: bigint | null = null;
  let winners: T[] = [];
  for (const e of entries) {
    const k = key(e);
    if (k === null) continue;
    if (best === null || k < best) {
      best = k;
      winners = [e];
    } else if (k === best) winners.push(e);
  }
  return winners;
}

/**
 * Best price per line (lowest unit price net), best lead time per line (shortest) and best landed total — each
 * independently; ties are all best. Landed totals are compared among complete offers only: an offer that skips lines
 * is always "cheaper" and would be marked best for the wrong reason.
 */
export function computeMarks(items: CompareItem[], offers: CompareOffer[]): Marks {
  const bestPrice: Record<string, string[]> = {};
  const bestLead: Record<string, string[]> = {};
  for (const item of items) {
    const quoting = offers.filter((o) => o.lines[item.id]);
    bestPrice[item.id] = minBy(quoting, (o) => BigInt(o.lines[item.id].unitPrice)).map((o) => o.quoteId);
    bestLead[item.id] = minBy(quoting, (o) => {
      const d = o.lines[item.id].leadTimeDays;
      return d === null ? null : BigInt(d);
    }).map((o) => o.quoteId);
  }
  const bestLanded = minBy(
    offers.filter((o) => o.complete),
    (o) => BigInt(o.landed),
  ).map((o) => o.quoteId);
  return { bestPrice, bestLead, bestLanded };
}

export const SORTS = ["landed", "lead", "rating"] as const;
export type SortKey = (typeof SORTS)[number];

/** The longest lead time of an offer's lines (when the whole delivery is ready); null if none given. */
export function offerLeadTime(offer: CompareOffer): number | null {
  const days = Object.values(offer.lines)
    .map((l) => l.leadTimeDays)
    .filter((d): d is number => d !== null);
  return days.length ? Math.max(...days) : null;
}

/** Sorted copy: landed ascending, lead time ascending (unknown last) or rating descending (unrated last). */
export function sortOffers(offers: CompareOffer[], by: SortKey): CompareOffer[] {
  const copy = [...offers];
  const byName = (a: CompareOffer, b: CompareOffer) => a.supplierName.localeCompare(b.supplierName, "ru");
  copy.sort((a, b) => {
    if (by === "landed") {
      const d = BigInt(a.landed) - BigInt(b.landed);
      return d < 0n ? -1 : d > 0n ? 1 : byName(a, b);
    }
    if (by === "lead") {
      const la = offerLeadTime(a) ?? Number.POSITIVE_INFINITY;
      const lb = offerLeadTime(b) ?? Number.POSITIVE_INFINITY;
      return la === lb ? byName(a, b) : la - lb;
    }
    const ra = a.rating ?? -1;
    const rb = b.rating ?? -1;
    return ra === rb ? byName(a, b) : rb - ra;
  });
  return copy;
}

export function filterOffers(offers: CompareOffer[], completeOnly: boolean): CompareOffer[] {
  return completeOnly ? offers.filter((o) => o.complete) : offers;
}

/** Spreadsheet formula injection guard: text starting with = + - @ (or tab / CR) is prefixed with an apostrophe. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
