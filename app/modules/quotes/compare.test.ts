import { describe, expect, it } from "vitest";
import { offerHeader } from "../../../tests/fixtures/compare-offer";
import { type CompareItem, type CompareOffer, computeMarks, filterOffers, neutraliseCell, sortOffers } from "./compare";

const items: CompareItem[] = [
  { id: "i1", position: 0, name: "A", quantity: "10", unit: "pcs", analoguesAllowed: false },
  { id: "i2", position: 1, name: "B", quantity: "5", unit: "pcs", analoguesAllowed: true },
];

function offer(
  id: string,
  lines: Record<string, [price: number, lead: number | null]>,
  landed: number,
  extra: Partial<CompareOffer> = {},
): CompareOffer {
  return {
    ...offerHeader(id, id, id),
    deliveryNet: "0",
    deliveryVatRate: "VAT20",
    deliveryGross: "0",
    goodsNet: "0",
    goodsVat: "0",
    goodsGross: "0",
    landed: String(landed),
    complete: Object.keys(lines).length === 2,
    lines: Object.fromEntries(
      Object.entries(lines).map(([k, [p, lead]]) => [
        k,
        {
          unitPrice: String(p),
          quantity: "1",
          vatRate: "VAT20",
          leadTimeDays: lead,
          analogueModel: null,
          analogueNote: null,
          net: "0",
          vat: "0",
          gross: "0",
          partial: false,
        },
      ]),
    ),
    ...extra,
  };
}

describe("computeMarks", () => {
  it("marks price and lead time independently; ties are all best", () => {
    const a = offer("a", { i1: [100, 30], i2: [50, 10] }, 1000);
    const b = offer("b", { i1: [90, 40], i2: [50, 10] }, 900);
    const m = computeMarks(items, [a, b]);
    expect(m.bestPrice.i1).toEqual(["b"]); // cheaper but later
    expect(m.bestLead.i1).toEqual(["a"]);
    expect(m.bestPrice.i2).toEqual(["a", "b"]);
    expect(m.bestLead.i2).toEqual(["a", "b"]);
    expect(m.bestLanded).toEqual(["b"]);
  });
  it("compares landed totals among complete offers only; missing lines and unknown lead times are skipped", () => {
    const a = offer("a", { i1: [100, null], i2: [50, 10] }, 1000);
    const partial = offer("p", { i1: [80, 5] }, 100);
    const m = computeMarks(items, [a, partial]);
    expect(m.bestLanded).toEqual(["a"]);
    expect(m.bestPrice.i1).toEqual(["p"]);
    expect(m.bestLead.i1).toEqual(["p"]);
    expect(m.bestPrice.i2).toEqual(["a"]);
    expect(filterOffers([a, partial], true)).toEqual([a]);
  });
});

describe("sortOffers", () => {
  const a = offer("a", { i1: [1, 30], i2: [1, 5] }, 500, { rating: 4.5 });
  const b = offer("b", { i1: [1, 10], i2: [1, 20] }, 300, { rating: null });
  const c = offer("c", { i1: [1, null], i2: [1, null] }, 400, { rating: 5 });
  it("by landed, lead time (longest line; unknown last) and rating (unrated last)", () => {
    expect(sortOffers([a, b, c], "landed").map((o) => o.quoteId)).toEqual(["b", "c", "a"]);
    expect(sortOffers([a, b, c], "lead").map((o) => o.quoteId)).toEqual(["b", "a", "c"]);
    expect(sortOffers([a, b, c], "rating").map((o) => o.quoteId)).toEqual(["c", "a", "b"]);
  });
});

describe("neutraliseCell", () => {
  it("prefixes formula-like text", () => {
    for (const v of ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(neutraliseCell("ТМГ-1000")).toBe("ТМГ-1000");
  });
});
