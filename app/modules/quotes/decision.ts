/**
 * The decision figures of a comparison (pure, client-safe): the best split by honest landed cost and its savings
 * against the best single supplier, the first offers and the buyer's budget (НМЦ). Amounts are kopeck strings.
 */
import { bestSplit, cheapestPerLine, type SplitCandidate } from "./best-split";
import type { CompareItem, CompareOffer } from "./compare";
import type { Coverage } from "./coverage";
import type { Deviation } from "./deviations";
import type { DeliveryBasisCode, LandedCost } from "./landed-cost";

export type ComparedOffer = CompareOffer & {
  coverage: Coverage;
  deliveryBasis: DeliveryBasisCode | null;
  deliveryPlace: string | null;
  /** honest landed cost: goods + delivery + the buyer's freight estimate; payment cost apart */
  landedCost: LandedCost;
  deviations: Deviation[];
  /** cannot be awarded now (expired validity) */
  blocked: boolean;
  /** the re-bid round the shown version was submitted in */
  roundNumber: number | null;
};

export interface SplitPartView {
  quoteId: string;
  supplierName: string;
  itemIds: string[];
  goods: string;
  /** delivery + freight estimate, once */
  delivery: string;
  total: string;
}

export interface Saving {
  /** the figure compared against */
  base: string;
  /** base − best split total (positive: the split is cheaper) */
  saving: string;
}

export interface BestSplitView {
  /** rfqItemId → quoteId: what «apply this split» pre-fills */
  assignment: Record<string, string>;
  parts: SplitPartView[];
  total: string;
  /** lines nobody can supply in full (not in the total) */
  uncovered: string[];
  /** exact enumeration (≤ 12 suppliers) or local search */
  exact: boolean;
  /** each line to its cheapest supplier, every delivery added — to show what delivery does to a naive split */
  cheapestPerLineTotal: string | null;
  savings: {
    vsBestSingle: (Saving & { quoteId: string; supplierName: string }) | null;
    vsFirstOffers: Saving | null;
    vsBudget: Saving | null;
  };
}

/** Split candidates: awardable offers, full-quantity lines, fixed cost = delivery + the buyer's freight estimate. */
export function splitCandidates(offers: ComparedOffer[]): SplitCandidate[] {
  return offers
    .filter((o) => !o.blocked)
    .map((o) => ({
      quoteId: o.quoteId,
      fixed: BigInt(o.landedCost.delivery) + BigInt(o.landedCost.freightEstimate),
      lines: Object.fromEntries(
        Object.entries(o.lines)
          .filter(([, l]) => !l.partial)
          .map(([id, l]) => [id, BigInt(l.gross)]),
      ),
    }));
}

/** The cheapest complete, awardable offer by honest landed cost. */
export function bestSingle(offers: ComparedOffer[]): ComparedOffer | null {
  let best: ComparedOffer | null = null;
  for (const o of offers) {
    if (!o.complete || o.blocked) continue;
    if (!best || BigInt(o.landedCost.landed) < BigInt(best.landedCost.landed)) best = o;
  }
  return best;
}

const saving = (base: bigint, total: bigint): Saving => ({ base: base.toString(), saving: (base - total).toString() });

export function decide(
  items: CompareItem[],
  offers: ComparedOffer[],
  firstOffers: ComparedOffer[],
  budgetKopecks: string | null,
): BestSplitView | null {
  const ids = items.map((i) => i.id);
  const candidates = splitCandidates(offers);
  const split = bestSplit(ids, candidates);
  if (!split) return null;
  const names = new Map(offers.map((o) => [o.quoteId, o.supplierName]));
  const single = bestSingle(offers);
  // the first offers compete on the same lines (expired ones included: they were valid then)
  const first = bestSplit(
    ids.filter((id) => !split.uncovered.includes(id)),
    splitCandidates(firstOffers.map((o) => ({ ...o, blocked: false }))),
  );
  const naive = cheapestPerLine(ids, candidates);
  return {
    assignment: split.assignment,
    parts: split.parts.map((p) => ({
      quoteId: p.quoteId,
      supplierName: names.get(p.quoteId) ?? "",
      itemIds: p.itemIds,
      goods: p.goods.toString(),
      delivery: p.fixed.toString(),
      total: p.total.toString(),
    })),
    total: split.total.toString(),
    uncovered: split.uncovered,
    exact: split.exact,
    cheapestPerLineTotal: naive ? naive.total.toString() : null,
    savings: {
      vsBestSingle: single
        ? {
            quoteId: single.quoteId,
            supplierName: single.supplierName,
            ...saving(BigInt(single.landedCost.landed), split.total),
          }
        : null,
      vsFirstOffers: first && first.uncovered.length === 0 ? saving(first.total, split.total) : null,
      vsBudget: budgetKopecks !== null ? saving(BigInt(budgetKopecks), split.total) : null,
    },
  };
}
