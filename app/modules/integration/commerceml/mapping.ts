import { VAT_RATE_CODES, VAT_RATES, type VatRateCode } from "~/modules/money/money";

/**
 * The one place where CommerceML / 1C codes meet the marketplace's own: ОКЕИ unit codes and НДС rates.
 * When the money module gains rates (22 %, 7 %, 5 %) or the unit list grows, only these two tables change.
 */

/** ОКЕИ numeric code (БазоваяЕдиница Код) ↔ the product unit code stored on products. */
const OKEI_TO_UNIT: Readonly<Record<string, string>> = {
  "796": "pcs",
  "006": "m",
  "008": "km",
  "839": "set",
  "168": "t",
  "166": "kg",
  "113": "m3",
};
const UNIT_TO_OKEI: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(OKEI_TO_UNIT).map(([code, unit]) => [unit, code]),
);
/** Russian short names written next to the code in orders.xml */
const UNIT_SHORT_RU: Readonly<Record<string, string>> = {
  pcs: "шт",
  m: "м",
  km: "км",
  set: "компл",
  t: "т",
  kg: "кг",
  m3: "м3",
};

/** `БазоваяЕдиница Код="796"` → "pcs"; numbers without leading zeros ("6") are accepted too. Unknown → null. */
export function unitFromOkei(code: string | undefined | null): string | null {
  if (!code) return null;
  const trimmed = code.trim();
  return OKEI_TO_UNIT[trimmed] ?? OKEI_TO_UNIT[trimmed.padStart(3, "0")] ?? null;
}

/** A product unit code ("pcs") or a Russian short name as order lines store it ("шт") → ОКЕИ code + short name. */
export function okeiOfUnit(unit: string): { code: string; short: string } {
  const code = UNIT_TO_OKEI[unit] ?? Object.entries(UNIT_SHORT_RU).find(([, ru]) => ru === unit.trim())?.[0];
  const known = code ? (UNIT_TO_OKEI[code] ?? UNIT_TO_OKEI[unit]) : undefined;
  return { code: known ?? "796", short: UNIT_SHORT_RU[unit] ?? unit };
}

/**
 * `СтавкаНалога/Ставка` → the marketplace VAT code: "20", "20%", "10", "0", "Без налога", "Без НДС" … Unknown
 * rates (one the money module does not know yet) → null, reported as an error on the item.
 */
export function vatRateFromCommerceMl(rate: string | undefined | null): VatRateCode | null {
  if (rate === undefined || rate === null) return null;
  const text = rate.trim().toLowerCase();
  if (text === "" || /без/.test(text)) return "NO_VAT";
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(text);
  if (!m) return null;
  const pct = Number(m[1].replace(",", "."));
  return VAT_RATE_CODES.find((code) => VAT_RATES[code] === pct) ?? null;
}

/** The marketplace VAT code → what orders.xml writes into `Ставка` ("20", "0", "Без налога"). */
export function commerceMlVatRate(code: VatRateCode): string {
  const pct = VAT_RATES[code];
  return pct === null || pct === undefined ? "Без налога" : String(pct);
}

export function vatPercent(code: VatRateCode): number | null {
  return VAT_RATES[code] ?? null;
}
