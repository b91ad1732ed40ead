import { describe, expect, it } from "vitest";
import type { CompareLine } from "./compare";
import { isBlocked, meetsPaymentTerms, offerDeviations } from "./deviations";

const line = (extra: Partial<CompareLine> = {}): CompareLine => ({
  unitPrice: "100",
  quantity: "1",
  vatRate: "VAT20",
  leadTimeDays: 10,
  analogueModel: null,
  analogueNote: null,
  net: "100",
  vat: "20",
  gross: "120",
  partial: false,
  ...extra,
});
const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
const now = new Date("2026-12-01T09:00:00Z");
const base = {
  prepaymentPercent: 0,
  paymentDaysAfterDelivery: 30,
  validUntil: "2026-12-31",
  expired: false,
  deliveryBasis: "BUYER_WAREHOUSE",
};

describe("deviations", () => {
  it("checks payment terms against the wanted code", () => {
    expect(meetsPaymentTerms("POSTPAY_30", 0, 30)).toBe(true);
    expect(meetsPaymentTerms("POSTPAY_30", 0, 14)).toBe(false);
    expect(meetsPaymentTerms("POSTPAY_30", 30, 30)).toBe(false);
    expect(meetsPaymentTerms("PREPAY_30", 50, null)).toBe(false);
    expect(meetsPaymentTerms("PREPAY_50", 50, null)).toBe(true);
    expect(meetsPaymentTerms("BY_AGREEMENT", 100, null)).toBe(true);
    expect(meetsPaymentTerms(null, 100, null)).toBe(true);
  });

  it("flags every departure with the lines concerned", () => {
    const d = offerDeviations(
      { paymentTerms: "POSTPAY_30", neededBy: "2026-12-21T00:00:00Z", plannedAwardAt: null },
      items,
      {
        ...base,
        prepaymentPercent: 50,
        lines: { a: line({ leadTimeDays: 30 }), b: line({ partial: true, analogueModel: "X-1" }) },
      },
      now,
    );
    expect(d.map((x) => x.code)).toEqual(["payment_terms", "late", "quantity", "analogue", "missing_lines"]);
    expect(d.find((x) => x.code === "late")?.itemIds).toEqual(["a"]);
    expect(d.find((x) => x.code === "missing_lines")?.itemIds).toEqual(["c"]);
    expect(isBlocked(d)).toBe(false);
  });

  it("an expired validity blocks; one ending before the planned award only warns", () => {
    const req = { paymentTerms: null, neededBy: null, plannedAwardAt: null };
    const lines = { a: line(), b: line(), c: line() };
    const expired = offerDeviations(req, items, { ...base, lines, validUntil: "2026-11-30" }, now);
    expect(expired.map((x) => x.code)).toEqual(["expired"]);
    expect(isBlocked(expired)).toBe(true);
    const before = offerDeviations(
      { ...req, plannedAwardAt: "2026-12-10T09:00:00Z" },
      items,
      { ...base, lines, validUntil: "2026-12-05" },
      now,
    );
    expect(before.map((x) => x.code)).toEqual(["validity_before_award"]);
    expect(isBlocked(before)).toBe(false);
    expect(offerDeviations(req, items, { ...base, lines }, now)).toEqual([]);
    expect(offerDeviations(req, items, { ...base, lines, deliveryBasis: null }, now).map((x) => x.code)).toEqual([
      "basis_not_stated",
    ]);
  });
});
