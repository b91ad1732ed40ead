import { describe, expect, it } from "vitest";
import { addMonths, clampDate, isOutOfRange, monthGrid, moveByKey } from "./calendar-grid";

describe("monthGrid", () => {
  it("starts the month's first week on Monday and pads with the neighbouring months", () => {
    const weeks = monthGrid("2026-12-15");
    expect(weeks).toHaveLength(6);
    // 1 December 2026 is a Tuesday: the grid opens on Monday 30 November.
    expect(weeks[0]).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(weeks.flat()).toContain("2026-12-31");
    expect(weeks[5]?.[6]).toBe("2027-01-10");
  });

  it("puts a month that begins on Monday in the first cell", () => {
    expect(monthGrid("2027-02-20")[0]?.[0]).toBe("2027-02-01");
  });
});

describe("moveByKey", () => {
  it("moves by day and week across month and year ends", () => {
    expect(moveByKey("2026-12-31", "ArrowRight")).toBe("2027-01-01");
    expect(moveByKey("2027-01-01", "ArrowLeft")).toBe("2026-12-31");
    expect(moveByKey("2026-11-28", "ArrowDown")).toBe("2026-12-05");
    expect(moveByKey("2026-12-03", "ArrowUp")).toBe("2026-11-26");
  });

  it("moves by month with PageUp/PageDown, keeping the day or the month's last one", () => {
    expect(moveByKey("2026-12-15", "PageDown")).toBe("2027-01-15");
    expect(moveByKey("2027-01-31", "PageDown")).toBe("2027-02-28");
    expect(moveByKey("2028-03-31", "PageUp")).toBe("2028-02-29");
    expect(addMonths("2026-01-31", -2)).toBe("2025-11-30");
  });

  it("goes to the week's Monday with Home and Sunday with End", () => {
    expect(moveByKey("2026-12-03", "Home")).toBe("2026-11-30");
    expect(moveByKey("2026-12-03", "End")).toBe("2026-12-06");
  });

  it("stays within min and max and ignores other keys", () => {
    expect(moveByKey("2026-12-10", "ArrowLeft", "2026-12-10")).toBe("2026-12-10");
    expect(moveByKey("2026-12-10", "PageDown", null, "2026-12-20")).toBe("2026-12-20");
    expect(moveByKey("2026-12-10", "a")).toBeNull();
  });
});

describe("min/max", () => {
  it("marks days outside the range and clamps to it", () => {
    expect(isOutOfRange("2026-12-09", "2026-12-10", "2026-12-20")).toBe(true);
    expect(isOutOfRange("2026-12-21", "2026-12-10", "2026-12-20")).toBe(true);
    expect(isOutOfRange("2026-12-10", "2026-12-10", "2026-12-20")).toBe(false);
    expect(clampDate("2027-01-01", undefined, "2026-12-20")).toBe("2026-12-20");
  });
});
