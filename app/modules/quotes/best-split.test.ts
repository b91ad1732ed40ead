import { describe, expect, it } from "vitest";
import { bestSplit, cheapestPerLine, EXACT_MAX_SUPPLIERS, type SplitCandidate } from "./best-split";

const c = (quoteId: string, fixed: number, lines: Record<string, number>): SplitCandidate => ({
  quoteId,
  fixed: BigInt(fixed),
  lines: Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, BigInt(v)])),
});

describe("bestSplit", () => {
  it("finds the cheapest subset by hand: Y takes A and B, Z takes C (550 against Z alone at 610)", () => {
    const X = c("X", 50, { A: 100, B: 200, C: 300 });
    const Y = c("Y", 40, { A: 80, B: 150 });
    const Z = c("Z", 30, { A: 120, B: 210, C: 250 });
    const r = bestSplit(["A", "B", "C"], [X, Y, Z]);
    expect(r?.assignment).toEqual({ A: "Y", B: "Y", C: "Z" });
    // goods 80 + 150 + 250 = 480, delivery 40 + 30 = 70
    expect(r?.total).toBe(550n);
    expect(r?.parts.map((p) => [p.quoteId, p.goods, p.fixed, p.total])).toEqual([
      ["Y", 230n, 40n, 270n],
      ["Z", 250n, 30n, 280n],
    ]);
    expect(r?.exact).toBe(true);
    expect(r?.uncovered).toEqual([]);
  });

  it("keeps one supplier when the delivery of a second one eats the line savings", () => {
    const X = c("X", 0, { A: 100, B: 100 }); // delivery included: 200
    const Y = c("Y", 50, { A: 90, B: 110 });
    const Z = c("Z", 50, { A: 110, B: 80 });
    // cheapest per line: A→Y 90, B→Z 80, but two deliveries: 170 + 100 = 270
    expect(cheapestPerLine(["A", "B"], [X, Y, Z])?.total).toBe(270n);
    const r = bestSplit(["A", "B"], [X, Y, Z]);
    expect(r?.assignment).toEqual({ A: "X", B: "X" });
    expect(r?.total).toBe(200n);
    expect(r?.parts).toHaveLength(1);
  });

  it("reports lines nobody offers in full as uncovered and splits the rest", () => {
    const r = bestSplit(["A", "B", "C"], [c("X", 10, { A: 5 }), c("Y", 10, { B: 7 })]);
    expect(r?.uncovered).toEqual(["C"]);
    expect(r?.assignment).toEqual({ A: "X", B: "Y" });
    expect(r?.total).toBe(32n);
  });

  it("prefers fewer suppliers on a tie", () => {
    const r = bestSplit(["A", "B"], [c("X", 0, { A: 10, B: 10 }), c("Y", 0, { A: 10, B: 10 })]);
    expect(r?.parts).toHaveLength(1);
    expect(r?.total).toBe(20n);
  });

  it("returns null when nothing is quoted", () => {
    expect(bestSplit(["A"], [c("X", 0, {})])).toBeNull();
  });

  it("falls back to a local search above the exact limit and never does worse than cheapest-per-line", () => {
    const many = Array.from({ length: EXACT_MAX_SUPPLIERS + 1 }, (_, i) =>
      c(`S${i}`, 100, { A: 1000 - i, B: 900 + i, C: 950 }),
    );
    const r = bestSplit(["A", "B", "C"], many);
    expect(r?.exact).toBe(false);
    const naive = cheapestPerLine(["A", "B", "C"], many);
    expect(r && naive && r.total <= naive.total).toBe(true);
    // one supplier (delivery 100 once) beats spreading three lines over three suppliers here
    expect(r?.parts).toHaveLength(1);
  });
});
