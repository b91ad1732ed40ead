import { toMoscowDateInput } from "~/modules/money/moscow-time";

/**
 * The order's expected dates, pure and client-safe (unit-tested in schedule.test.ts).
 *
 * - The clock starts on the Moscow calendar date of the advance payment when the order has an advance (prepayment > 0),
 *   otherwise on the date the supplier confirmed the order. Before that there are no dates, only the lead time.
 * - Ship by = start + the longest lead time of the lines (the quote's «срок поставки»; the договор's clause 3.2 «Срок
 *   отгрузки»). Calendar days: the project has no production calendar of Russian working days and holidays, so a
 *   weekend is counted like any day (stated on the page).
 * - Delivered by = ship by + transit days: none for самовывоз (pickup), else TRANSIT_DAYS.
 */
export const TRANSIT_DAYS = 2;

export interface ScheduleSource {
  confirmedAt: Date | null;
  /** When the first счёт (the advance, or the whole order) was covered */
  paidAt: Date | null;
  prepaymentPercent: number;
  deliveryTerms: string | null;
  lines: { leadTimeDays: number | null }[];
}

export type OrderSchedule =
  | { state: "awaitingConfirmation" | "awaitingAdvance"; leadDays: number; transitDays: number }
  | {
      state: "planned";
      basis: "confirmation" | "advance";
      /** Moscow calendar dates, YYYY-MM-DD */
      startsOn: string;
      shipBy: string;
      deliverBy: string;
      leadDays: number;
      transitDays: number;
    };

/** Adds calendar days to a YYYY-MM-DD date (UTC arithmetic on the date itself: no time zone can shift it). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isPickup(deliveryTerms: string | null): boolean {
  return /самовывоз|pickup|\bEXW\b|\bFCA\b/i.test(deliveryTerms ?? "");
}

export function orderSchedule(src: ScheduleSource): OrderSchedule {
  const leadDays = Math.max(0, ...src.lines.map((l) => l.leadTimeDays ?? 0));
  const transitDays = isPickup(src.deliveryTerms) ? 0 : TRANSIT_DAYS;
  const advance = src.prepaymentPercent > 0;
  if (!src.confirmedAt) return { state: "awaitingConfirmation", leadDays, transitDays };
  if (advance && !src.paidAt) return { state: "awaitingAdvance", leadDays, transitDays };
  const start = advance ? (src.paidAt as Date) : src.confirmedAt;
  const startsOn = toMoscowDateInput(start);
  const shipBy = addCalendarDays(startsOn, leadDays);
  return {
    state: "planned",
    basis: advance ? "advance" : "confirmation",
    startsOn,
    shipBy,
    deliverBy: addCalendarDays(shipBy, transitDays),
    leadDays,
    transitDays,
  };
}
