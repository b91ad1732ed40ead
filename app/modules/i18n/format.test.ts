import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format";

const nbsp = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(nbsp, " ");

describe("Russian formats", () => {
  it("formats money from kopecks the Russian way", () => {
    expect(plain(formatMoney(123456789, "ru"))).toBe("1 234 567,89 ₽");
    expect(plain(formatMoney(123456789n, "ru"))).toBe("1 234 567,89 ₽");
    expect(plain(formatMoney(5, "ru"))).toBe("0,05 ₽");
    expect(plain(formatMoney(123456700, "ru", { fractionDigits: 0 }))).toBe("1 234 567 ₽");
  });

  it("formats money in English with the same amount", () => {
    expect(plain(formatMoney(123456789, "en"))).toBe("RUB 1,234,567.89");
  });

  it("formats numbers and dates", () => {
    expect(plain(formatNumber(1234.5, "ru"))).toBe("1 234,5");
    expect(formatDate(new Date("2026-11-25T10:00:00Z"), "ru")).toBe("25.11.2026");
    expect(formatDate("2026-11-25T10:00:00Z", "en")).toBe("25/11/2026");
    // Moscow is UTC+3: 22:30Z is already the next day there
    expect(formatDateTime(new Date("2026-11-25T22:30:00Z"), "ru")).toBe("26.11.2026, 01:30");
  });
});
