import { describe, expect, it } from "vitest";
import { completeFirst, offerCoverage } from "./coverage";

describe("coverage", () => {
  it("counts quoted, full, partial and missing lines", () => {
    const items = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
    const cov = offerCoverage(items, {
      lines: { a: { partial: false }, b: { partial: true }, c: { partial: false } } as never,
    });
    expect(cov).toEqual({ total: 4, quoted: 3, full: 2, partial: 1, missing: 1, complete: false });
    const all = offerCoverage(items.slice(0, 1), { lines: { a: { partial: false } } as never });
    expect(all.complete).toBe(true);
  });

  it("puts complete offers first, keeping the order inside each group", () => {
    const sorted = completeFirst([
      { id: 1, complete: false },
      { id: 2, complete: true },
      { id: 3, complete: false },
      { id: 4, complete: true },
    ]);
    expect(sorted.map((o) => o.id)).toEqual([2, 4, 1, 3]);
  });
});
