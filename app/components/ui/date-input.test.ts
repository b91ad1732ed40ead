import { describe, expect, it } from "vitest";
import { formatDateText, parseDateText } from "./date-input";

describe("date input text", () => {
  it("reads дд.мм.гггг (and the ISO date tests and pasted values use) as an ISO date", () => {
    expect(parseDateText("31.12.2026")).toBe("2026-12-31");
    expect(parseDateText(" 1.2.2027 ")).toBe("2027-02-01");
    expect(parseDateText("01/02/2027")).toBe("2027-02-01");
    expect(parseDateText("31122026")).toBe("2026-12-31");
    expect(parseDateText("2026-05-01")).toBe("2026-05-01");
  });

  it("refuses what is not a calendar date", () => {
    for (const text of ["31.02.2026", "00.01.2026", "12.13.2026", "2026", "завтра", ""]) {
      expect(parseDateText(text), text).toBeNull();
    }
  });

  it("shows an ISO date (or a timestamp) as дд.мм.гггг and keeps other text as typed", () => {
    expect(formatDateText("2026-12-31")).toBe("31.12.2026");
    expect(formatDateText("2026-12-31T21:00:00.000Z")).toBe("31.12.2026");
    expect(formatDateText("32.13.2026")).toBe("32.13.2026");
    expect(formatDateText(null)).toBe("");
  });
});
