import type { Lang } from "./i18n";

const intlLocale: Record<Lang, string> = { ru: "ru-RU", en: "en-GB" };

export function intlLocaleOf(lang: Lang): string {
  return intlLocale[lang];
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(intlLocale[lang], options);
    cache.set(key, f);
  }
  return f;
}
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** Money is formatted by the money module; re-exported here so screens keep one import for numbers, dates and money. */
export { formatMoney } from "~/modules/money/format";

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 3): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

export function formatPercent(value: number, lang: Lang): string {
  return numberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

/** 25.11.2026 (ru) / 25/11/2026 (en) — dates are shown in Moscow time, the corridor's time zone. */
export function formatDate(date: Date | string, lang: Lang): string {
  return dateFormat(lang, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Moscow" }).format(
    new Date(date),
  );
}

export function formatDateTime(date: Date | string, lang: Lang): string {
  return dateFormat(lang, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Moscow",
  }).format(new Date(date));
}
