import { describe, expect, it } from "vitest";
import {
  amountInWordsRu,
  chargeAmounts,
  divRound,
  kopecksToDecimalString,
  lineAmounts,
  parseRublesToKopecks,
  pluralRu,
  quantityToMilli,
  sumAmounts,
  VAT_RATES,
  vatIncluded,
} from "./money";

describe("VAT_RATES", () => {
  it("maps codes to percent, без НДС to null", () => {
    expect(VAT_RATES).toEqual({ VAT22: 22, VAT20: 20, VAT10: 10, VAT7: 7, VAT5: 5, VAT0: 0, NO_VAT: null });
  });
});

describe("divRound (half away from zero)", () => {
  it("rounds halves up and keeps exact values", () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(4n, 2n)).toBe(2n);
    expect(divRound(149n, 100n)).toBe(1n);
    expect(divRound(150n, 100n)).toBe(2n);
    expect(divRound(-150n, 100n)).toBe(-2n);
    expect(divRound(-149n, 100n)).toBe(-1n);
  });
});

describe("quantityToMilli", () => {
  it("accepts up to 3 decimals with dot or comma, strings or numbers", () => {
    expect(quantityToMilli("12")).toBe(12000n);
    expect(quantityToMilli("12,5")).toBe(12500n);
    expect(quantityToMilli("0.001")).toBe(1n);
    expect(quantityToMilli(1.5)).toBe(1500n);
    expect(quantityToMilli(0.1 + 0.2)).toBe(300n);
  });
  it("rejects more decimals and garbage", () => {
    expect(() => quantityToMilli("1.0005")).toThrow();
    expect(() => quantityToMilli("abc")).toThrow();
    expect(() => quantityToMilli(1.0005)).toThrow();
  });
});

describe("lineAmounts — VAT on top («сверху»)", () => {
  it("computes net, VAT, gross in kopecks", () => {
    expect(lineAmounts({ unitPriceKopecks: 10_000n, quantity: "3", vatRate: "VAT20" })).toEqual({
      net: 30_000n,
      vat: 6_000n,
      gross: 36_000n,
    });
  });
  it("rounds the line net half-up to the kopeck (33,33 × 1,5 = 49,995 → 50,00)", () => {
    expect(lineAmounts({ unitPriceKopecks: 3333, quantity: "1.5", vatRate: "VAT20" })).toEqual({
      net: 5000n,
      vat: 1000n,
      gross: 6000n,
    });
  });
  it("rounds the line VAT half-up (10 % of 10,55 = 1,055 → 1,06)", () => {
    expect(lineAmounts({ unitPriceKopecks: 1055, quantity: 1, vatRate: "VAT10" })).toEqual({
      net: 1055n,
      vat: 106n,
      gross: 1161n,
    });
  });
  it("0 % and без НДС carry no VAT", () => {
    expect(lineAmounts({ unitPriceKopecks: 999, quantity: 2, vatRate: "VAT0" })).toEqual({
      net: 1998n,
      vat: 0n,
      gross: 1998n,
    });
    expect(lineAmounts({ unitPriceKopecks: 999, quantity: 2, vatRate: "NO_VAT" })).toEqual({
      net: 1998n,
      vat: 0n,
      gross: 1998n,
    });
  });
  it("handles amounts beyond Number.MAX_SAFE_INTEGER exactly", () => {
    const r = lineAmounts({ unitPriceKopecks: 9_007_199_254_740_993n, quantity: "1000", vatRate: "VAT20" });
    expect(r.net).toBe(9_007_199_254_740_993_000n);
    expect(r.vat).toBe(1_801_439_850_948_198_600n);
  });
});

describe("lineAmounts — VAT included («в том числе»)", () => {
  it("extracts VAT as gross × rate / (100 + rate)", () => {
    expect(lineAmounts({ unitPriceKopecks: 12_000, quantity: 1, vatRate: "VAT20", priceIncludesVat: true })).toEqual({
      net: 10_000n,
      vat: 2_000n,
      gross: 12_000n,
    });
    // 100,00 incl. 20 % → VAT 16,666… → 16,67; net 83,33
    expect(lineAmounts({ unitPriceKopecks: 10_000, quantity: 1, vatRate: "VAT20", priceIncludesVat: true })).toEqual({
      net: 8_333n,
      vat: 1_667n,
      gross: 10_000n,
    });
  });
  it("differs from «сверху» for the same price", () => {
    const top = lineAmounts({ unitPriceKopecks: 10_000, quantity: 1, vatRate: "VAT20" });
    const incl = lineAmounts({ unitPriceKopecks: 10_000, quantity: 1, vatRate: "VAT20", priceIncludesVat: true });
    expect(top.gross).toBe(12_000n);
    expect(incl.gross).toBe(10_000n);
  });
  it("vatIncluded for 10 % and no VAT", () => {
    expect(vatIncluded(11_000n, 10)).toBe(1_000n);
    expect(vatIncluded(11_000n, null)).toBe(0n);
    expect(vatIncluded(11_000n, 0)).toBe(0n);
  });
});

describe("sumAmounts — documents sum rounded lines", () => {
  it("sums per-line rounded VAT (not VAT of the total)", () => {
    const line = lineAmounts({ unitPriceKopecks: 3, quantity: 1, vatRate: "VAT20" }); // VAT 0,6 коп → 1
    expect(line.vat).toBe(1n);
    const total = sumAmounts([line, line]);
    expect(total).toEqual({ net: 6n, vat: 2n, gross: 8n }); // VAT of the total would be 1
  });
  it("delivery as a single charge", () => {
    expect(chargeAmounts(500_000n, "VAT20")).toEqual({ net: 500_000n, vat: 100_000n, gross: 600_000n });
  });
  it("empty sum is zero", () => {
    expect(sumAmounts([])).toEqual({ net: 0n, vat: 0n, gross: 0n });
  });
});

describe("parsing and formatting helpers", () => {
  it("parses roubles typed by users", () => {
    expect(parseRublesToKopecks("1 234,56")).toBe(123_456n);
    expect(parseRublesToKopecks("1234.5")).toBe(123_450n);
    expect(parseRublesToKopecks("12")).toBe(1_200n);
    expect(parseRublesToKopecks("1.234")).toBeNull();
    expect(parseRublesToKopecks("abc")).toBeNull();
    expect(kopecksToDecimalString(123_405n)).toBe("1234.05");
    expect(kopecksToDecimalString(-5n)).toBe("-0.05");
  });
});

describe("amountInWordsRu", () => {
  it("writes the invoice phrase", () => {
    expect(amountInWordsRu(120_000_000n)).toBe("Один миллион двести тысяч рублей 00 копеек");
  });
  it("uses feminine тысяча and correct plural forms", () => {
    expect(amountInWordsRu(100_000n)).toBe("Одна тысяча рублей 00 копеек");
    expect(amountInWordsRu(200_000n)).toBe("Две тысячи рублей 00 копеек");
    expect(amountInWordsRu(500_000_000n)).toBe("Пять миллионов рублей 00 копеек");
    expect(amountInWordsRu(2_101n)).toBe("Двадцать один рубль 01 копейка");
    expect(amountInWordsRu(222n)).toBe("Два рубля 22 копейки");
    expect(amountInWordsRu(1_105n)).toBe("Одиннадцать рублей 05 копеек");
    expect(amountInWordsRu(0n)).toBe("Ноль рублей 00 копеек");
    expect(amountInWordsRu(2_100_211_456_78n)).toBe(
      "Два миллиарда сто миллионов двести одиннадцать тысяч четыреста пятьдесят шесть рублей 78 копеек",
    );
    expect(amountInWordsRu(21_000_01n)).toBe("Двадцать одна тысяча рублей 01 копейка");
  });
  it("pluralRu edge cases 11–14", () => {
    const f = ["рубль", "рубля", "рублей"] as const;
    expect(pluralRu(11, f)).toBe("рублей");
    expect(pluralRu(111, f)).toBe("рублей");
    expect(pluralRu(101, f)).toBe("рубль");
    expect(pluralRu(34, f)).toBe("рубля");
  });
});
