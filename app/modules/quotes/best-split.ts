/**
 * Best split (pure, client-safe; ADR 0019): the cheapest allocation of the RFQ's lines to suppliers by landed cost.
 *
 * Each line costs its gross amount at the chosen supplier; each chosen supplier adds its fixed cost once — its delivery
 * charge plus the buyer's freight estimate for its shipment — however many lines it gets. Only lines quoted at the full
 * quantity by offers that can be awarded (validity not expired) are candidates; lines nobody can supply in full stay
 * `uncovered`.
 *
 * Exact for up to EXACT_MAX_SUPPLIERS suppliers: every non-empty subset of suppliers is tried (2^n − 1 ≤ 4095), each
 * line goes to the cheapest supplier of the subset, the subset's fixed costs are added, and the cheapest subset that
 * covers every coverable line wins (ties: fewer suppliers, then the earlier subset). Beyond that a local search runs
 * twice — dropping suppliers from "cheapest per line", and adding suppliers to the best single one, each while the
 * total falls — and the better result is returned with `exact: false`.
 */

export const EXACT_MAX_SUPPLIERS = 12;

export interface SplitCandidate {
  quoteId: string;
  /** delivery + freight estimate, charged once when the supplier gets any line (kopecks) */
  fixed: bigint;
  /** rfqItemId → line gross (kopecks), full-quantity lines only */
  lines: Record<string, bigint>;
}

export interface SplitPart {
  quoteId: string;
  itemIds: string[];
  goods: bigint;
  fixed: bigint;
  total: bigint;
}

export interface SplitResult {
  /** rfqItemId → quoteId */
  assignment: Record<string, string>;
  parts: SplitPart[];
  total: bigint;
  /** lines nobody offers in full */
  uncovered: string[];
  exact: boolean;
}

function evaluate(itemIds: string[], members: SplitCandidate[]): SplitResult | null {
  const assignment: Record<string, string> = {};
  const byQuote = new Map<string, SplitPart>();
  let total = 0n;
  for (const itemId of itemIds) {
    let best: SplitCandidate | null = null;
    for (const m of members) {
      const price = m.lines[itemId];
      if (price === undefined) continue;
      if (best === null || price < (best.lines[itemId] as bigint)) best = m;
    }
    if (!best) return null;
    const price = best.lines[itemId] as bigint;
    assignment[itemId] = best.quoteId;
    let part = byQuote.get(best.quoteId);
    if (!part) {
      part = { quoteId: best.quoteId, itemIds: [], goods: 0n, fixed: best.fixed, total: best.fixed };
      byQuote.set(best.quoteId, part);
      total += best.fixed;
    }
    part.itemIds.push(itemId);
    part.goods += price;
    part.total += price;
    total += price;
  }
  return { assignment, parts: [...byQuote.values()], total, uncovered: [], exact: true };
}

function better(a: SplitResult, b: SplitResult | null): boolean {
  if (b === null) return true;
  if (a.total !== b.total) return a.total < b.total;
  return a.parts.length < b.parts.length;
}

/** Greedy improvement from a start set: each step applies the best single add or drop; stops when none helps. */
function improve(itemIds: string[], all: SplitCandidate[], start: SplitCandidate[]): SplitResult | null {
  let members = start;
  let best = evaluate(itemIds, members);
  for (;;) {
    let step: { r: SplitResult; members: SplitCandidate[] } | null = null;
    const moves = [
      ...members.map((m) => members.filter((x) => x !== m)),
      ...all.filter((c) => !members.includes(c)).map((c) => [...members, c]),
    ];
    for (const next of moves) {
      const r = evaluate(itemIds, next);
      if (r && better(r, step?.r ?? best)) step = { r, members: next };
    }
    if (!step) return best;
    best = step.r;
    members = step.members;
  }
}

function localSearch(itemIds: string[], all: SplitCandidate[]): SplitResult | null {
  const fromAll = improve(itemIds, all, all);
  let single: SplitResult | null = null;
  let singleMember: SplitCandidate | null = null;
  for (const c of all) {
    const r = evaluate(itemIds, [c]);
    if (r && better(r, single)) {
      single = r;
      singleMember = c;
    }
  }
  const fromSingle = singleMember ? improve(itemIds, all, [singleMember]) : null;
  if (fromSingle && better(fromSingle, fromAll)) return fromSingle;
  return fromAll;
}

/** The cheapest allocation of `itemIds` (in the RFQ's order) to the candidates; null when no candidate quotes a line. */
export function bestSplit(itemIds: string[], candidates: SplitCandidate[]): SplitResult | null {
  const coverable = itemIds.filter((id) => candidates.some((c) => c.lines[id] !== undefined));
  const uncovered = itemIds.filter((id) => !coverable.includes(id));
  if (!coverable.length) return null;
  const useful = candidates.filter((c) => coverable.some((id) => c.lines[id] !== undefined));
  let best: SplitResult | null = null;
  if (useful.length <= EXACT_MAX_SUPPLIERS) {
    const n = useful.length;
    for (let mask = 1; mask < 1 << n; mask++) {
      const members = useful.filter((_, i) => mask & (1 << i));
      const r = evaluate(coverable, members);
      if (r && better(r, best)) best = r;
    }
  } else {
    best = localSearch(coverable, useful);
    if (best) best.exact = false;
  }
  if (!best) return null;
  best.uncovered = uncovered;
  return best;
}

/** The naive allocation — each line to its cheapest supplier, delivery of each added — for comparison. */
export function cheapestPerLine(itemIds: string[], candidates: SplitCandidate[]): SplitResult | null {
  const coverable = itemIds.filter((id) => candidates.some((c) => c.lines[id] !== undefined));
  if (!coverable.length) return null;
  const r = evaluate(coverable, candidates);
  if (r) r.uncovered = itemIds.filter((id) => !coverable.includes(id));
  return r;
}
