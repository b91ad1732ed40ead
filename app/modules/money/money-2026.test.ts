import { describe, expect, it } from "vitest";
import { formatMoney, formatRub, kopecksToInput } from "./format";
import {
  documentTotals,
  lineAmounts,
  parseRublesToKopecks,
  type RatedAmounts,
  splitAdvance,
  sumAmounts,
} from "./money";
import { formatMoscowDateRu, moscowEndOfDay, parseMoscowDate, toMoscowDateInput } from "./moscow-time";
import { parseUnit, UNITS, unitName, unitOkei } from "./units";
import {
  allowedVatRates,
  baseVatRate,
  defaultVatRate,
  isVatRateInForce,
  parseVatRate,
  vatPercentLabel,
  vatRateLabel,
} from "./vat";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const line = (price: bigint, quantity: string, vatRate: RatedAmounts["vatRate"]): RatedAmounts => ({
  ...lineAmounts({ unitPriceKopecks: price, quantity, vatRate }),
  vatRate,
});

describe("VAT rates by date (425-ФЗ)", () => {
  it("22 % from 01.01.2026 in Moscow, 20 % until 31.12.2025", () => {
    expect(isVatRateInForce("VAT22", "2025-12-31T20:59:59Z")).toBe(false); // 23:59:59 on 31.12 in Moscow
    expect(isVatRateInForce("VAT22", "2025-12-31T21:00:00Z")).toBe(true); // 00:00 on 01.01.2026 in Moscow
    expect(isVatRateInForce("VAT20", "2025-12-31T20:59:59Z")).toBe(true);
    expect(isVatRateInForce("VAT20", "2025-12-31T21:00:00Z")).toBe(false);
    expect(baseVatRate(new Date("2026-03-01"))).toBe("VAT22");
    expect(baseVatRate(new Date("2025-06-01"))).toBe("VAT20");
  });

  it("defaults and allowed rates follow the tax regime", () => {
    const d = new Date("2026-12-02");
    expect(defaultVatRate("OSN", d)).toBe("VAT22");
    expect(allowedVatRates("OSN", d)).toEqual(["VAT22", "VAT10", "VAT0", "NO_VAT"]);
    expect(allowedVatRates("USN_VAT5", d)).toEqual(["VAT5", "VAT0", "NO_VAT"]);
    expect(allowedVatRates("USN_VAT7", d)).toEqual(["VAT7", "VAT0", "NO_VAT"]);
    expect(allowedVatRates("USN_NO_VAT", d)).toEqual(["NO_VAT"]);
    expect(defaultVatRate("USN_NO_VAT", d)).toBe("NO_VAT");
    expect(allowedVatRates("OSN", new Date("2025-06-01"))).toContain("VAT20");
  });

  it("labels keep 0 % apart from «без НДС»", () => {
    expect(plain(vatRateLabel("VAT0"))).toBe("НДС 0 %");
    expect(vatRateLabel("NO_VAT")).toBe("Без НДС");
    expect(plain(vatRateLabel("VAT22"))).toBe("НДС 22 %");
    expect(vatRateLabel("VAT22", "en")).toBe("VAT 22%");
    expect(plain(vatPercentLabel("VAT7"))).toBe("7 %");
  });

  it("parses typed and imported rates, refuses 18 %", () => {
    expect(parseVatRate("22%")).toBe("VAT22");
    expect(parseVatRate("НДС 22 %")).toBe("VAT22");
    expect(parseVatRate("0,22")).toBe("VAT22");
    expect(parseVatRate("20")).toBe("VAT20");
    expect(parseVatRate("5%")).toBe("VAT5");
    expect(parseVatRate("0%")).toBe("VAT0");
    expect(parseVatRate("без НДС")).toBe("NO_VAT");
    expect(parseVatRate("18%")).toBeUndefined();
    expect(parseVatRate("abc")).toBeUndefined();
  });
});

describe("rouble input (the one parser)", () => {
  it("accepts the Russian ways of typing an amount", () => {
    expect(parseRublesToKopecks("1 234 567,89")).toBe(123456789n);
    expect(parseRublesToKopecks("1234567.89")).toBe(123456789n);
    expect(parseRublesToKopecks("1 234 567 руб.")).toBe(123456700n);
    expect(parseRublesToKopecks("1\u00a0234,5 ₽")).toBe(123450n);
    expect(parseRublesToKopecks("-5")).toBe(-500n);
  });
  it("refuses what is not an amount", () => {
    expect(parseRublesToKopecks("abc")).toBeNull();
    expect(parseRublesToKopecks("1,234,567.89")).toBeNull();
    expect(parseRublesToKopecks("10,555")).toBeNull();
    expect(parseRublesToKopecks("")).toBeNull();
  });
});

describe("formatting", () => {
  it("screens and documents", () => {
    expect(plain(formatMoney(123456789n, "ru"))).toBe("1 234 567,89 ₽");
    expect(plain(formatMoney(123456789n, "en"))).toBe("RUB 1,234,567.89");
    // exact beyond 2^53 kopecks
    expect(plain(formatMoney(9007199254740993n, "ru"))).toBe("90 071 992 547 409,93 ₽");
    expect(formatRub(123456789n)).toBe("1 234 567,89");
    expect(formatRub(5n)).toBe("0,05");
    expect(kopecksToInput(123450n)).toBe("1234,50");
    expect(kopecksToInput(100000n)).toBe("1000");
  });
});

describe("ОКЕИ units", () => {
  it("one list with codes; Russian names on Russian documents", () => {
    expect(UNITS.find((u) => u.code === "pcs")?.okei).toBe("796");
    expect(unitOkei("m2")).toBe("055");
    expect(unitOkei("svc")).toBe("876");
    expect(unitName("pcs", "ru")).toBe("шт");
    expect(unitName("pcs", "en")).toBe("pcs");
    expect(unitName("set", "ru")).toBe("компл");
    expect(unitName("шт")).toBe("шт");
    expect(parseUnit("шт.")).toBe("pcs");
    expect(parseUnit("796")).toBe("pcs");
    expect(parseUnit("м³")).toBe("m3");
    expect(parseUnit("кв.м")).toBe("m2");
    // every code has a distinct ОКЕИ number and a Russian name without Latin letters
    expect(new Set(UNITS.map((u) => u.okei)).size).toBe(UNITS.length);
    for (const u of UNITS) expect(u.ru).not.toMatch(/[a-z]/i);
  });
});

describe("Moscow time", () => {
  it("dates of documents are Moscow dates", () => {
    expect(toMoscowDateInput(new Date("2026-03-01T21:30:00Z"))).toBe("2026-03-02");
    expect(formatMoscowDateRu(new Date("2026-03-01T21:30:00Z"))).toBe("02.03.2026");
    expect(parseMoscowDate("2026-01-01")?.toISOString()).toBe("2025-12-31T21:00:00.000Z");
    expect(moscowEndOfDay("2026-05-01").toISOString()).toBe("2026-05-01T20:59:59.999Z");
  });
});

describe("rounding edge cases (per line, to the kopeck)", () => {
  it("many lines of 0,01 ₽: each line's VAT rounds on its own, the document sums the lines", () => {
    const lines = Array.from({ length: 1000 }, () => line(1n, "1", "VAT22"));
    const t = documentTotals(lines);
    // 0,01 × 22 % = 0,0022 → 0,00 per line: a thousand lines carry no VAT, as a 1C invoice would print them
    expect(t.total).toEqual({ net: 1000n, vat: 0n, gross: 1000n });
    // the same amount as one line of 1000 × 0,01 ₽ has 2,20 ₽ VAT
    expect(documentTotals([line(1n, "1000", "VAT22")]).total.vat).toBe(220n);
  });

  it("7 % and 5 % round half up per line", () => {
    expect(lineAmounts({ unitPriceKopecks: 1050n, quantity: "1", vatRate: "VAT7" })).toEqual({
      net: 1050n,
      vat: 74n, // 73,5 → 74
      gross: 1124n,
    });
    expect(lineAmounts({ unitPriceKopecks: 10n, quantity: "1", vatRate: "VAT5" })).toEqual({
      net: 10n,
      vat: 1n, // 0,5 → 1
      gross: 11n,
    });
    expect(lineAmounts({ unitPriceKopecks: 9n, quantity: "1", vatRate: "VAT5" }).vat).toBe(0n); // 0,45 → 0
  });

  it("без НДС mixed with 22 %: totals by rate, «без НДС» its own entry, delivery its own line", () => {
    const t = documentTotals([line(100000n, "3", "VAT22"), line(50000n, "2,5", "NO_VAT"), line(333n, "1", "VAT0")], {
      kopecks: 150000n,
      vatRate: "VAT22",
    });
    expect(t.goods).toEqual({ net: 425333n, vat: 66000n, gross: 491333n });
    expect(t.delivery).toEqual({ net: 150000n, vat: 33000n, gross: 183000n });
    expect(t.total).toEqual(sumAmounts([t.goods, t.delivery]));
    expect(t.byRate.map((r) => r.vatRate)).toEqual(["VAT22", "VAT0", "NO_VAT"]);
    expect(t.byRate.find((r) => r.vatRate === "VAT22")).toMatchObject({ net: 450000n, vat: 99000n });
    expect(t.byRate.find((r) => r.vatRate === "NO_VAT")).toMatchObject({ net: 125000n, vat: 0n });
    expect(t.byRate.reduce((s, r) => s + r.vat, 0n)).toBe(t.total.vat);
  });
});

describe("advance and balance", () => {
  it("the advance is exactly N % of the total, and advance + balance = the order, rate by rate", () => {
    const t = documentTotals([line(100001n, "3", "VAT22"), line(50001n, "1", "NO_VAT"), line(7n, "3", "VAT10")], {
      kopecks: 99999n,
      vatRate: "VAT22",
    });
    for (const pct of [0, 1, 30, 50, 99, 100]) {
      const { advance, balance } = splitAdvance(t, pct);
      expect(advance.total.gross).toBe((t.total.gross * BigInt(pct) * 2n + 100n) / 200n);
      expect(sumAmounts([advance.total, balance.total])).toEqual(t.total);
      for (const r of t.byRate) {
        const a = advance.byRate.find((x) => x.vatRate === r.vatRate) ?? { net: 0n, vat: 0n, gross: 0n };
        const b = balance.byRate.find((x) => x.vatRate === r.vatRate);
        expect(sumAmounts([a, b ?? { net: 0n, vat: 0n, gross: 0n }])).toEqual({
          net: r.net,
          vat: r.vat,
          gross: r.gross,
        });
      }
    }
  });

  it("the VAT in an advance is «в том числе» at 22/122", () => {
    const t = documentTotals([line(100000n, "1", "VAT22")]);
    const { advance } = splitAdvance(t, 50);
    expect(advance.total).toEqual({ gross: 61000n, vat: 11000n, net: 50000n });
  });
});
