import { describe, expect, it } from "vitest";
import { addCalendarDays, orderSchedule, TRANSIT_DAYS } from "./schedule";

const lines = [{ leadTimeDays: 10 }, { leadTimeDays: 21 }, { leadTimeDays: null }];

describe("orderSchedule", () => {
  it("counts from the confirmation when there is no advance: longest lead time, then transit", () => {
    const s = orderSchedule({
      confirmedAt: new Date("2026-03-02T09:00:00+03:00"),
      paidAt: null,
      prepaymentPercent: 0,
      deliveryTerms: "До склада покупателя",
      lines,
    });
    expect(s).toEqual({
      state: "planned",
      basis: "confirmation",
      startsOn: "2026-03-02",
      shipBy: "2026-03-23",
      deliverBy: `2026-03-${23 + TRANSIT_DAYS}`,
      leadDays: 21,
      transitDays: TRANSIT_DAYS,
    });
  });

  it("waits for the advance when there is one, then counts from its Moscow date (not the UTC one)", () => {
    const base = {
      confirmedAt: new Date("2026-03-02T09:00:00+03:00"),
      prepaymentPercent: 30,
      deliveryTerms: "Самовывоз со склада поставщика",
      lines,
    };
    expect(orderSchedule({ ...base, paidAt: null })).toEqual({
      state: "awaitingAdvance",
      leadDays: 21,
      transitDays: 0,
    });
    // 23:30 UTC on 9 March is 02:30 on 10 March in Moscow
    const s = orderSchedule({ ...base, paidAt: new Date("2026-03-09T23:30:00Z") });
    expect(s).toMatchObject({
      basis: "advance",
      startsOn: "2026-03-10",
      shipBy: "2026-03-31",
      deliverBy: "2026-03-31",
    });
  });

  it("has no dates before the supplier confirms", () => {
    expect(
      orderSchedule({ confirmedAt: null, paidAt: null, prepaymentPercent: 0, deliveryTerms: null, lines: [] }),
    ).toEqual({ state: "awaitingConfirmation", leadDays: 0, transitDays: TRANSIT_DAYS });
  });

  it("adds calendar days across months, leap days and year ends", () => {
    expect(addCalendarDays("2028-02-27", 2)).toBe("2028-02-29");
    expect(addCalendarDays("2026-12-30", 5)).toBe("2027-01-04");
    expect(addCalendarDays("2026-10-24", 1)).toBe("2026-10-25");
  });
});
