import { isVatRateCode, VAT_RATE_CODES, VAT_RATES, type VatRateCode } from "./money";
import { toMoscowDateInput } from "./moscow-time";

/**
 * НДС rates as data with the Moscow dates they apply (inclusive, "YYYY-MM-DD"; null = open). ст. 164 НК РФ:
 * 22 % base rate from 01.01.2026 (Федеральный закон от 28.11.2025 № 425-ФЗ), 20 % until 31.12.2025; 10 % for the
 * listed goods; 5 % and 7 % for sellers on УСН (п. 8, from 01.01.2025); 0 % (export etc.); «без НДС» (not a payer).
 * A stored document keeps the rate it was issued with — these dates only decide what a NEW document may use.
 */
export const VAT_RATE_VALIDITY: Readonly<Record<VatRateCode, { from: string | null; until: string | null }>> = {
  VAT22: { from: "2026-01-01", until: null },
  VAT20: { from: null, until: "2025-12-31" },
  VAT10: { from: null, until: null },
  VAT7: { from: "2025-01-01", until: null },
  VAT5: { from: "2025-01-01", until: null },
  VAT0: { from: null, until: null },
  NO_VAT: { from: null, until: null },
};

export type TaxRegimeCode = "OSN" | "USN_VAT5" | "USN_VAT7" | "USN_NO_VAT";
export const TAX_REGIMES: readonly TaxRegimeCode[] = ["OSN", "USN_VAT5", "USN_VAT7", "USN_NO_VAT"];

export function isTaxRegime(value: unknown): value is TaxRegimeCode {
  return typeof value === "string" && (TAX_REGIMES as readonly string[]).includes(value);
}

/**
 * Rates a regime may charge (before the date filter): ОСН — the base rate, 10 % and 0 %, or без НДС for exempt goods
 * (ст. 149); УСН with 5 % / 7 % — that rate, 0 % for export, без НДС for exempt goods; УСН без НДС — only «без НДС».
 */
const REGIME_RATES: Readonly<Record<TaxRegimeCode, readonly VatRateCode[]>> = {
  OSN: ["VAT22", "VAT20", "VAT10", "VAT0", "NO_VAT"],
  USN_VAT5: ["VAT5", "VAT0", "NO_VAT"],
  USN_VAT7: ["VAT7", "VAT0", "NO_VAT"],
  USN_NO_VAT: ["NO_VAT"],
};

export function isVatRateInForce(rate: VatRateCode, on: Date | string = new Date()): boolean {
  const day = toMoscowDateInput(on);
  const v = VAT_RATE_VALIDITY[rate];
  return (v.from === null || day >= v.from) && (v.until === null || day <= v.until);
}

/** The rates in force on a date, in form order. */
export function vatRatesInForce(on: Date | string = new Date()): VatRateCode[] {
  return VAT_RATE_CODES.filter((r) => isVatRateInForce(r, on));
}

/** The rates a supplier with `regime` may put on a new price, quote or order dated `on`. */
export function allowedVatRates(regime: TaxRegimeCode, on: Date | string = new Date()): VatRateCode[] {
  return REGIME_RATES[regime].filter((r) => isVatRateInForce(r, on));
}

/** The default rate for a new document of a supplier with `regime` dated `on`: 22 % on ОСН from 2026. */
export function defaultVatRate(regime: TaxRegimeCode = "OSN", on: Date | string = new Date()): VatRateCode {
  return allowedVatRates(regime, on)[0] ?? "NO_VAT";
}

/** The base (general) rate in force on a date: VAT22 from 01.01.2026, VAT20 before. */
export function baseVatRate(on: Date | string = new Date()): VatRateCode {
  return isVatRateInForce("VAT22", on) ? "VAT22" : "VAT20";
}

type Lang = "ru" | "en";
const NBSP = "\u00a0";

/** "22 %" / "без НДС" (ru) or "22%" / "no VAT" (en): the rate column of a document. */
export function vatPercentLabel(rate: VatRateCode, lang: Lang = "ru"): string {
  const p = VAT_RATES[rate];
  if (p === null) return lang === "ru" ? "без НДС" : "no VAT";
  return lang === "ru" ? `${p}${NBSP}%` : `${p}%`;
}

/** "НДС 22 %" / "Без НДС" (ru) or "VAT 22%" / "No VAT" (en): a rate on its own. 0 % is «НДС 0 %», never «без НДС». */
export function vatRateLabel(rate: VatRateCode, lang: Lang = "ru"): string {
  const p = VAT_RATES[rate];
  if (p === null) return lang === "ru" ? "Без НДС" : "No VAT";
  return lang === "ru" ? `НДС${NBSP}${p}${NBSP}%` : `VAT ${p}%`;
}

/** A rate that is not in force on the document date says so: «НДС 20 % (ставка на дату документа)». */
export function isHistoricRate(rate: VatRateCode, on: Date | string = new Date()): boolean {
  return !isVatRateInForce(rate, on);
}

const REGIME_LABELS: Readonly<Record<TaxRegimeCode, Record<Lang, string>>> = {
  OSN: { ru: "ОСН (общая система)", en: "General tax system (ОСН)" },
  USN_VAT5: { ru: "УСН с НДС 5 %", en: "Simplified (УСН) with VAT 5%" },
  USN_VAT7: { ru: "УСН с НДС 7 %", en: "Simplified (УСН) with VAT 7%" },
  USN_NO_VAT: { ru: "УСН без НДС", en: "Simplified (УСН), no VAT" },
};

export function taxRegimeLabel(regime: TaxRegimeCode, lang: Lang = "ru"): string {
  return REGIME_LABELS[regime][lang];
}

/**
 * A rate typed or imported as text: "22", "22%", "НДС 22 %", "0,22", "VAT22", "без НДС", "не облагается", "-" → code;
 * undefined for anything else (18 %, "abc"), so the caller can say which rates exist.
 */
export function parseVatRate(text: string): VatRateCode | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]/g, "");
  if (isVatRateCode(text.trim())) return text.trim() as VatRateCode;
  if (/^(безндс|необлагается|ндснеоблагается|novat|no_vat|-|—)$/.test(t)) return "NO_VAT";
  const m = /^(?:ндс|vat)?(\d+(?:[.,]\d+)?)%?$/.exec(t);
  if (!m) return undefined;
  let n = Number(m[1].replace(",", "."));
  if (n > 0 && n < 1) n = Math.round(n * 100); // 0,22 from a spreadsheet cell formatted as percent
  return VAT_RATE_CODES.find((c) => VAT_RATES[c] === n);
}
