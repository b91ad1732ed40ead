import type { Lang } from "./i18n";

/**
 * Units of measure of specification attributes are stored in their international form (kVA, m³/h) and shown the
 * Russian way on Russian pages (кВА, м³/ч), as in ГОСТ 8.417.
 */
const ru: Record<string, string> = {
  A: "А",
  kA: "кА",
  V: "В",
  kV: "кВ",
  W: "Вт",
  kW: "кВт",
  MW: "МВт",
  kVA: "кВА",
  MVA: "МВА",
  "Gcal/h": "Гкал/ч",
  Pa: "Па",
  kPa: "кПа",
  MPa: "МПа",
  "l/s": "л/с",
  m: "м",
  km: "км",
  mm: "мм",
  "mm²": "мм²",
  "m²": "м²",
  "m²/h": "м²/ч",
  "m³": "м³",
  "m³/h": "м³/ч",
  "m³/s": "м³/с",
  rpm: "об/мин",
  t: "т",
  "t/h": "т/ч",
  kg: "кг",
  h: "ч",
  Hz: "Гц",
};

export function localizeUnit(unit: string | null | undefined, lang: Lang): string {
  if (!unit) return "";
  return lang === "ru" ? (ru[unit] ?? unit) : unit;
}
