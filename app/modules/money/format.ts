import { kopecksToDecimalString, toKopecks } from "./money";

/**
 * Formatting money: the one place. Screens use `formatMoney` ("1 234 567,89 ₽" / "RUB 1,234,567.89"), documents
 * (счёт PDF) use `formatRub` ("1 234 567,89", the ₽ sign is in the column header). Exact for any kopeck amount (the
 * decimal string goes to Intl, never a float).
 */
type Lang = "ru" | "en";
const intlLocale: Record<Lang, string> = { ru: "ru-RU", en: "en-GB" };
const cache = new Map<string, Intl.NumberFormat>();

function moneyFormat(lang: Lang, digits: 0 | 2): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale[lang], {
      style: "currency",
      currency: "RUB",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    cache.set(key, f);
  }
  return f;
}

/** Kopecks → "1 234 567,89 ₽" (ru) / "RUB 1,234,567.89" (en). */
export function formatMoney(
  kopecks: bigint | number | string,
  lang: Lang,
  opts: { fractionDigits?: 0 | 2 } = {},
): string {
  const digits = opts.fractionDigits ?? 2;
  const k = toKopecks(typeof kopecks === "number" ? Math.round(kopecks) : kopecks);
  // Intl accepts decimal strings exactly (ES2023); the cast is for older lib typings.
  return moneyFormat(lang, digits).format(kopecksToDecimalString(k) as unknown as number);
}

/** Kopecks → "1 234 567,89" with a regular space between thousands, as 1C prints amounts in documents. */
export function formatRub(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const rub = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${negative ? "-" : ""}${rub},${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Kopecks → what a price input shows back: "1234567,89", "1500" (no thousands separators, comma decimal). */
export function kopecksToInput(k: bigint | null | undefined): string {
  if (k === null || k === undefined) return "";
  const negative = k < 0n;
  const abs = negative ? -k : k;
  const rub = abs / 100n;
  const kop = abs % 100n;
  const s = kop === 0n ? String(rub) : `${rub},${String(kop).padStart(2, "0")}`;
  return negative ? `-${s}` : s;
}
