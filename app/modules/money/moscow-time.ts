/**
 * Moscow time (UTC+3 all year since 2014), the time zone of every date a Russian document or form shows. The one
 * place that converts between instants and Moscow calendar dates; pure and client-safe.
 */

export const MOSCOW_TIME_ZONE = "Europe/Moscow";
const MSK_OFFSET = "+03:00";

const partsFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: MOSCOW_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** Date → "2026-11-25T18:00" in Moscow (sv-SE prints ISO-like "2026-11-25 18:00"). */
function moscowParts(date: Date): string {
  return partsFormat.format(date).replace(" ", "T");
}

/** Date → "2026-11-25" (the Moscow calendar date of an instant). */
export function toMoscowDateInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return moscowParts(new Date(date)).slice(0, 10);
}

/** Date → "2026-11-25T18:00" for a datetime-local input (Moscow). */
export function toMoscowDateTimeInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return moscowParts(new Date(date)).slice(0, 16);
}

/** "2026-11-25T18:00" (datetime-local, Moscow) → Date; null when empty or invalid. */
export function parseMoscowDateTime(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}${MSK_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-25" (Moscow date) → Date at 00:00 Moscow; null when empty or invalid. */
export function parseMoscowDate(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00${MSK_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-05-01" → the last millisecond of that day in Moscow. */
export function moscowEndOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999${MSK_OFFSET}`);
}

/** Date → "25.11.2026" (Moscow), the date format of Russian documents. */
export function formatMoscowDateRu(date: Date | string): string {
  const [y, m, d] = toMoscowDateInput(date).split("-");
  return `${d}.${m}.${y}`;
}

/** Adds whole days to a Moscow calendar date: ("2026-11-25", 5) → "2026-11-30". */
export function addMoscowDays(date: Date | string, days: number): Date {
  return new Date(new Date(date).getTime() + days * 86_400_000);
}
