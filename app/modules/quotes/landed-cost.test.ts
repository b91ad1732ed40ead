import { describe, expect, it } from "vitest";
import { freightEstimate, freightFromRates, landedCost, paymentCost } from "./landed-cost";

const settings = {
  perTonneKopecks: null,
  perM3Kopecks: null,
  cargoWeightKg: null,
  cargoVolumeM3: null,
  bySupplier: {},
};

describe("freight", () => {
  it("never treats pickup or a terminal as free: the buyer's figure for the supplier applies", () => {
    const s = { ...settings, bySupplier: { sup: "5000000" } };
    expect(freightEstimate("sup", "PICKUP", s)).toEqual({ amount: 5_000_000n, source: "supplier" });
    expect(freightEstimate("sup", "TERMINAL", s)).toEqual({ amount: 5_000_000n, source: "supplier" });
    expect(freightEstimate("sup", "BUYER_WAREHOUSE", s)).toEqual({ amount: 0n, source: "included" });
    expect(freightEstimate("other", "PICKUP", s)).toEqual({ amount: 0n, source: "missing" });
    expect(freightEstimate("sup", null, s).source).toBe("supplier");
  });

  it("applies the rate per tonne or per m³ to the cargo, the larger of the two", () => {
    // 12 000 ₽/t × 2.5 t = 30 000 ₽; 3 500 ₽/m³ × 10 m³ = 35 000 ₽ → 35 000 ₽
    const s = { perTonneKopecks: "1200000", perM3Kopecks: "350000", cargoWeightKg: "2500", cargoVolumeM3: "10" };
    expect(freightFromRates(s)).toBe(3_500_000n);
    expect(freightFromRates({ ...s, cargoVolumeM3: null })).toBe(3_000_000n);
    expect(freightEstimate("x", "PICKUP", { ...s, bySupplier: {} })).toEqual({ amount: 3_500_000n, source: "rate" });
  });
});

describe("payment cost", () => {
  it("charges the prepaid part for the lead time and credits the deferred part for the deferral", () => {
    // 1 000 000 ₽, 50 % prepaid 30 days before delivery at 16.5 %: 500 000 × 0.165 × 30/365 = 6 780.82 ₽
    const c = paymentCost({
      landed: 100_000_000n,
      prepaymentPercent: 50,
      paymentDaysAfterDelivery: null,
      leadTimeDays: 30,
      rateBp: 1650,
    });
    expect(c.amount).toBe("678082");
    expect(c.prepaid).toBe("50000000");
    expect(c.deferred).toBe("0");
    // no prepayment, 45 days deferral: −1 000 000 × 0.165 × 45/365 = −20 342.47 ₽
    const d = paymentCost({
      landed: 100_000_000n,
      prepaymentPercent: 0,
      paymentDaysAfterDelivery: 45,
      leadTimeDays: 30,
      rateBp: 1650,
    });
    expect(d.amount).toBe("-2034247");
    expect(d.prepaidDays).toBe(0);
  });

  it("landed adds goods, the supplier's delivery and the buyer's freight estimate; payment cost stays apart", () => {
    const l = landedCost({
      supplierOrgId: "sup",
      goodsGross: "1000000",
      deliveryGross: "0",
      deliveryBasis: "PICKUP",
      prepaymentPercent: 100,
      paymentDaysAfterDelivery: null,
      leadTimeDays: 365,
      settings: { ...settings, bySupplier: { sup: "200000" } },
      rateBp: 1000,
    });
    expect(l.landed).toBe("1200000");
    expect(l.freightEstimate).toBe("200000");
    // 10 000 ₽ paid a year ahead at 10 %: 1 000 ₽
    expect(l.paymentCost.amount).toBe("100000");
  });
});
