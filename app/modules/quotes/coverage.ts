/**
 * Coverage of an offer (pure, client-safe): how many of the RFQ's lines it quotes at all, at the full quantity and
 * partly. An offer that skips or shortens lines is not comparable by its total: it is marked and sorted after the
 * complete offers unless the buyer asks otherwise.
 */
import type { CompareItem, CompareOffer } from "./compare";

export interface Coverage {
  /** lines of the RFQ */
  total: number;
  /** lines quoted (any quantity) */
  quoted: number;
  /** lines quoted at the full requested quantity */
  full: number;
  /** lines quoted at less than the requested quantity («частично») */
  partial: number;
  /** lines not quoted */
  missing: number;
  /** every line at the full quantity */
  complete: boolean;
}

export function offerCoverage(items: Pick<CompareItem, "id">[], offer: Pick<CompareOffer, "lines">): Coverage {
  let quoted = 0;
  let partial = 0;
  for (const item of items) {
    const line = offer.lines[item.id];
    if (!line) continue;
    quoted++;
    if (line.partial) partial++;
  }
  const full = quoted - partial;
  return {
    total: items.length,
    quoted,
    full,
    partial,
    missing: items.length - quoted,
    complete: full === items.length,
  };
}

/**
 * Stable re-order putting complete offers first (keeping the given order inside each group) — applied after any sort
 * unless the buyer turned it off.
 */
export function completeFirst<T extends { complete: boolean }>(offers: T[]): T[] {
  return [...offers.filter((o) => o.complete), ...offers.filter((o) => !o.complete)];
}
