import { describe, expect, it } from "vitest";
import {
  type DeadlineState,
  deadlineState,
  type RecipientStatusValue,
  type RecipientView,
  type RfqClock,
  recipientView,
} from "./rfq-state";

const now = Date.parse("2026-03-10T12:00:00Z");
const h = 3_600_000;
const at = (offsetHours: number) => new Date(now + offsetHours * h).toISOString();

// the RFQ situations the product can be in, each with its deadline/closedAt
const rfqs: Record<string, RfqClock> = {
  draft: { status: "DRAFT", deadline: at(71) },
  open: { status: "PUBLISHED", deadline: at(71) },
  openLastHours: { status: "PUBLISHED", deadline: at(5.5) },
  pastNotYetClosed: { status: "PUBLISHED", deadline: at(-1) },
  closedAtDeadline: { status: "CLOSED", deadline: at(-24), closedAt: at(-24) },
  closedEarly: { status: "CLOSED", deadline: at(71), closedAt: at(-1) },
  awardedAfterDeadline: { status: "AWARDED", deadline: at(-48), closedAt: at(-48) },
  awardedAfterEarlyClose: { status: "AWARDED", deadline: at(71), closedAt: at(-2) },
  cancelled: { status: "CANCELLED", deadline: at(71), closedAt: at(-1) },
};

describe("deadlineState: a countdown only while the RFQ takes quotes", () => {
  const expected: Record<keyof typeof rfqs, DeadlineState["kind"]> = {
    draft: "draft",
    open: "open",
    openLastHours: "open",
    pastNotYetClosed: "passed",
    closedAtDeadline: "closed",
    closedEarly: "closed",
    awardedAfterDeadline: "closed",
    awardedAfterEarlyClose: "closed",
    cancelled: "cancelled",
  };
  it.each(Object.entries(expected))("%s → %s", (name, kind) => {
    expect(deadlineState(rfqs[name], now).kind).toBe(kind);
  });

  it("breaks the time left into days, hours, minutes and flags the last day", () => {
    expect(deadlineState(rfqs.open, now)).toEqual({ kind: "open", days: 2, hours: 23, minutes: 0, urgent: false });
    expect(deadlineState(rfqs.openLastHours, now)).toEqual({
      kind: "open",
      days: 0,
      hours: 5,
      minutes: 30,
      urgent: true,
    });
    expect(deadlineState({ status: "PUBLISHED", deadline: at(0.001) }, now)).toMatchObject({ minutes: 1 });
  });

  it("tells an early close from a close at the deadline", () => {
    expect(deadlineState(rfqs.closedEarly, now)).toEqual({ kind: "closed", early: true });
    expect(deadlineState(rfqs.awardedAfterEarlyClose, now)).toEqual({ kind: "closed", early: true });
    expect(deadlineState(rfqs.closedAtDeadline, now)).toEqual({ kind: "closed", early: false });
    expect(deadlineState(rfqs.awardedAfterDeadline, now)).toEqual({ kind: "closed", early: false });
  });

  it("has no clock without a deadline", () => {
    expect(deadlineState({ status: "DRAFT", deadline: null }, now).kind).toBe("none");
    expect(deadlineState({ status: "PUBLISHED", deadline: null }, now).kind).toBe("none");
  });
});

describe("recipientView: every RFQ state × every recipient state", () => {
  const statuses: RecipientStatusValue[] = ["NEW", "VIEWED", "QUOTED", "DECLINED", "EXPIRED"];
  // rows: RFQ situation; columns: the stored recipient status, in the order above
  const table: Record<keyof typeof rfqs, RecipientView[]> = {
    draft: ["NEW", "NEW", "QUOTED", "DECLINED", "NEW"],
    open: ["NEW", "VIEWED", "QUOTED", "DECLINED", "VIEWED"],
    openLastHours: ["NEW", "VIEWED", "QUOTED", "DECLINED", "VIEWED"],
    pastNotYetClosed: ["EXPIRED", "EXPIRED", "QUOTED", "DECLINED", "EXPIRED"],
    closedAtDeadline: ["EXPIRED", "EXPIRED", "QUOTED", "DECLINED", "EXPIRED"],
    closedEarly: ["NO_RESPONSE", "NO_RESPONSE", "QUOTED", "DECLINED", "NO_RESPONSE"],
    awardedAfterDeadline: ["EXPIRED", "EXPIRED", "QUOTED", "DECLINED", "EXPIRED"],
    awardedAfterEarlyClose: ["NO_RESPONSE", "NO_RESPONSE", "QUOTED", "DECLINED", "NO_RESPONSE"],
    cancelled: ["CANCELLED", "CANCELLED", "QUOTED", "DECLINED", "CANCELLED"],
  };
  for (const [name, row] of Object.entries(table)) {
    it.each(statuses.map((s, i) => [s, row[i]] as const))(`${name}: %s → %s`, (stored, shown) => {
      expect(recipientView(rfqs[name], stored, now)).toBe(shown);
    });
  }

  it("a supplier who never quoted is not «Срок истёк» after an early close", () => {
    expect(recipientView(rfqs.closedEarly, "EXPIRED", now)).not.toBe("EXPIRED");
  });
});
