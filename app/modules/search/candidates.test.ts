import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countFacets, packCandidate, rankPage, searchSlot, specPair, unpackCandidates } from "./candidates";

const F = "\x1f";
const R = "\x1e";
const S = "\x1d";

/** A candidate row as the search SQL returns it: the stored part (defaults below), the rank, then the spec pairs. */
let nextId = 0;
function row({
  rank = 0,
  specs = [],
  ...fields
}: Partial<Parameters<typeof packCandidate>[0]> & { rank?: number; specs?: string[] }): string {
  nextId++;
  const stored = packCandidate({
    productId: `p${nextId}`,
    sector: "GRID",
    categoryId: "c",
    supplierId: "s",
    verified: false,
    stockStatus: "IN_STOCK",
    priceKopecks: null,
    leadTimeDays: null,
    ...fields,
  });
  return [stored, String(rank), specs.join(S)].join(F);
}

const facetsOf = (packed: string | null, specCodes: string[]) => countFacets(unpackCandidates(packed), specCodes);

describe("countFacets", () => {
  const packed = [
    row({
      categoryId: "c1",
      supplierId: "s1",
      verified: true,
      priceKopecks: 500,
      leadTimeDays: 10,
      specs: ["power=1000", "cooling=oil"],
    }),
    row({
      categoryId: "c1",
      supplierId: "s2",
      stockStatus: "ON_ORDER",
      leadTimeDays: 30,
      specs: ["power=630", "cooling=oil"],
    }),
    row({
      sector: "HEAT_POWER",
      categoryId: "c2",
      supplierId: "s1",
      verified: true,
      priceKopecks: 90,
      specs: ["power=400", "cooling=dry", "other=x"],
    }),
  ].join(R);

  it("counts sector, category and supplier values, most frequent first", () => {
    const f = facetsOf(packed, []);
    expect(f.sector).toEqual([
      { value: "GRID", count: 2 },
      { value: "HEAT_POWER", count: 1 },
    ]);
    expect(f.category).toEqual([
      { value: "c1", count: 2 },
      { value: "c2", count: 1 },
    ]);
    expect(f.supplier).toEqual([
      { value: "s1", count: 2 },
      { value: "s2", count: 1 },
    ]);
    expect(f.verified).toBe(2);
    expect(f.inStock).toBe(2);
  });

  it("price and lead-time ranges skip products without a value", () => {
    const f = facetsOf(packed, []);
    expect(f.price).toEqual({ min: 90, max: 500 });
    expect(f.leadTime).toEqual({ min: 10, max: 30 });
    expect(facetsOf(row({ stockStatus: "ON_ORDER" }), []).price).toBeNull();
  });

  it("counts only the requested spec attributes, numbers in numeric order", () => {
    const f = facetsOf(packed, ["power", "cooling"]);
    expect(f.specs.power.map((v) => v.value)).toEqual(["400", "630", "1000"]);
    expect(f.specs.cooling).toEqual([
      { value: "dry", count: 1 },
      { value: "oil", count: 2 },
    ]);
    expect(f.specs.other).toBeUndefined();
    expect(facetsOf(packed, []).specs).toEqual({});
  });

  it("products sharing one spec string are each counted", () => {
    const same = ["power=630", "cooling=oil"];
    const rows = [1, 2, 3]
      .map((i) =>
        row({
          supplierId: `s${i}`,
          specs: same,
        }),
      )
      .join(R);
    const f = facetsOf(`${rows}${R}${row({ specs: ["power=1000", "cooling=oil"] })}`, ["power", "cooling"]);
    expect(f.specs.power).toEqual([
      { value: "630", count: 3 },
      { value: "1000", count: 1 },
    ]);
    expect(f.specs.cooling).toEqual([{ value: "oil", count: 4 }]);
  });

  it("an empty candidate set gives empty facets", () => {
    expect(facetsOf(null, ["power"])).toEqual({
      sector: [],
      category: [],
      supplier: [],
      verified: 0,
      inStock: 0,
      specs: {},
      price: null,
      leadTime: null,
    });
  });

  it("a spec value keeps '=' and loses the separators used for packing", () => {
    expect(specPair("thread", "G=1/2")).toBe("thread=G=1/2");
    expect(specPair("note", "a\x1fb\x1ec")).toBe("note=a b c");
    const f = facetsOf(
      row({
        specs: [specPair("thread", "G=1/2")],
      }),
      ["thread"],
    );
    expect(f.specs.thread).toEqual([{ value: "G=1/2", count: 1 }]);
  });
});

describe("rankPage", () => {
  const rows = unpackCandidates(
    [
      row({
        productId: "b",
        rank: 0.5,
        verified: true,
      }),
      row({
        productId: "a",
        rank: 0.5,
        verified: true,
      }),
      row({
        productId: "c",
        rank: 0.9,
        verified: true,
      }),
      row({
        productId: "d",
        rank: 0.1,
        verified: true,
      }),
      row({
        productId: "e",
        rank: 1e-7,
        verified: true,
      }),
    ].join(R),
  );

  it("orders by rank, highest first, equal ranks by id", () => {
    expect(rankPage(rows, 0, 10)).toEqual(["c", "a", "b", "d", "e"]);
  });

  it("products of verified suppliers get a 15 % boost", () => {
    const two = unpackCandidates(
      [
        row({
          productId: "a",
          rank: 0.5,
        }),
        row({
          productId: "b",
          rank: 0.45,
          supplierId: "t",
          verified: true,
        }),
        row({
          productId: "c",
          rank: 0.4,
          supplierId: "t",
          verified: true,
        }),
      ].join(R),
    );
    // 0.45 × 1.15 = 0.5175 > 0.5 > 0.4 × 1.15 = 0.46
    expect(rankPage(two, 0, 3)).toEqual(["b", "a", "c"]);
  });

  it("pages neither overlap nor skip, and a page past the end is empty", () => {
    expect([...rankPage(rows, 0, 2), ...rankPage(rows, 2, 2), ...rankPage(rows, 4, 2)]).toEqual([
      "c",
      "a",
      "b",
      "d",
      "e",
    ]);
    expect(rankPage(rows, 5, 2)).toEqual([]);
    expect(rankPage(rows, 0, 0)).toEqual([]);
  });

  it("any page equals the same slice of a full sort (ties, boosts, deep pages)", () => {
    const candidate = fc.record({
      rank: fc.constantFrom(0, 0.1, 0.2, 0.25, 0.5, 1),
      verified: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 400 }),
        fc.nat(450),
        fc.integer({ min: 1, max: 300 }),
        (cs, offset, limit) => {
          const packed = cs
            .map((c, i) =>
              row({
                productId: `p${String(i).padStart(4, "0")}`,
                rank: c.rank,
                verified: c.verified,
              }),
            )
            .join(R);
          const rs = unpackCandidates(packed || null);
          const expected = rs
            .map((r) => ({ id: r[0], score: Number(r[8]) * (r[4] === "1" ? 1.15 : 1) }))
            .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
            .slice(offset, offset + limit)
            .map((r) => r.id);
          expect(rankPage(rs, offset, limit)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("searchSlot", () => {
  it("puts ~1/16, 3/16 and 12/16 of the products in partitions 0, 1, 2, the same one every time", () => {
    const n = 64_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[searchSlot(`cp${(i * 7919).toString(36).padStart(10, "0")}x${i}`)]++;
    expect(counts[0] / n).toBeCloseTo(1 / 16, 2);
    expect(counts[1] / n).toBeCloseTo(3 / 16, 2);
    expect(counts[2] / n).toBeCloseTo(12 / 16, 2);
    expect(searchSlot("cmx4hfiov000wuk7dp8blzs6i")).toBe(searchSlot("cmx4hfiov000wuk7dp8blzs6i"));
    // cuid-like ids that differ in one character spread over the partitions too
    const near = new Set(Array.from({ length: 64 }, (_, i) => searchSlot(`cmx4hfiov000wuk7dp8blzs${i}`)));
    expect(near).toEqual(new Set([0, 1, 2]));
  });
});
