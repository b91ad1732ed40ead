/**
 * Calendar arithmetic for the date picker of `DateInput` (ADR 0028). Dates are ISO strings (YYYY-MM-DD) handled in
 * UTC, so no time zone or daylight-saving shift can move a day. Weeks start on Monday, as on Russian calendars.
 */

function toUtc(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** The same day `months` months later, clamped to the month's last day (31.01 + 1 month → 28/29.02). */
export function addMonths(iso: string, months: number): string {
  const date = toUtc(iso);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIso(target);
}

/** 0 for Monday … 6 for Sunday. */
function weekdayFromMonday(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** The month containing `iso` as 6 weeks × 7 days (ISO dates), Monday first, padded with the neighbouring months. */
export function monthGrid(iso: string): string[][] {
  const first = `${iso.slice(0, 7)}-01`;
  let day = addDays(first, -weekdayFromMonday(first));
  const weeks: string[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: string[] = [];
    for (let d = 0; d < 7; d++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export function isOutOfRange(iso: string, min?: string | null, max?: string | null): boolean {
  return Boolean((min && iso < min) || (max && iso > max));
}

export function clampDate(iso: string, min?: string | null, max?: string | null): string {
  if (min && iso < min) return min;
  if (max && iso > max) return max;
  return iso;
}

/** Where a key moves the focused day (the WAI-ARIA date grid keys), kept within min/max; null for other keys. */
export function moveByKey(iso: string, key: string, min?: string | null, max?: string | null): string | null {
  const wd = weekdayFromMonday(iso);
  const moves: Record<string, () => string> = {
    ArrowLeft: () => addDays(iso, -1),
    ArrowRight: () => addDays(iso, 1),
    ArrowUp: () => addDays(iso, -7),
    ArrowDown: () => addDays(iso, 7),
    PageUp: () => addMonths(iso, -1),
    PageDown: () => addMonths(iso, 1),
    Home: () => addDays(iso, -wd),
    End: () => addDays(iso, 6 - wd),
  };
  const move = moves[key];
  return move ? clampDate(move(), min, max) : null;
}

/** Today in the browser's time zone, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
