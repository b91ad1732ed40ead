import { describe, expect, it } from "vitest";
import { priceOrderLines } from "./lines";

describe("priceOrderLines", () => {
  it("numbers lines from 1, prices each line and sums the goods", () => {
    const { lines, goods } = priceOrderLines([
      {
        rfqItemId: "i1",
        productId: "p1",
        name: "ТМГ-1000",
        quantity: "2",
        unit: "pcs",
        unitPriceKopecks: 10000n,
        vatRate: "VAT20",
        leadTimeDays: 10,
      },
      {
        rfqItemId: "i2",
        name: "Кабель",
        quantity: "1.5",
        unit: "m",
        unitPriceKopecks: 333n,
        vatRate: "NO_VAT",
        leadTimeDays: null,
      },
    ]);
    expect(lines.map((l) => [l.position, l.rfqItemId, l.productId])).toEqual([
      [1, "i1", "p1"],
      [2, "i2", undefined],
    ]);
    expect(lines[0]).toMatchObject({ netKopecks: 20000n, vatKopecks: 4000n, grossKopecks: 24000n });
    expect(lines[1]).toMatchObject({ netKopecks: 500n, vatKopecks: 0n, grossKopecks: 500n });
    expect(goods).toEqual({ net: 20500n, vat: 4000n, gross: 24500n });
  });
});
