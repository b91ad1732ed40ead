/**
 * Units of measure: the one list, with ОКЕИ codes (ОК 015-94) and short names. Stored rows keep the short code
 * (`pcs`, `m`…); every screen, export and document prints `unitName(code, lang)` — the Russian ОКЕИ name on Russian
 * pages and documents, so an English code never reaches them. Pure and client-safe.
 */
export const UNITS = [
  { code: "pcs", okei: "796", ru: "шт", en: "pcs" },
  { code: "m", okei: "006", ru: "м", en: "m" },
  { code: "km", okei: "008", ru: "км", en: "km" },
  { code: "set", okei: "839", ru: "компл", en: "set" },
  { code: "t", okei: "168", ru: "т", en: "t" },
  { code: "kg", okei: "166", ru: "кг", en: "kg" },
  { code: "m3", okei: "113", ru: "м³", en: "m³" },
  { code: "l", okei: "112", ru: "л", en: "l" },
  { code: "m2", okei: "055", ru: "м²", en: "m²" },
  { code: "pack", okei: "778", ru: "упак", en: "pack" },
  { code: "svc", okei: "876", ru: "усл. ед.", en: "service" },
] as const;

export type UnitCode = (typeof UNITS)[number]["code"];
export const UNIT_CODES = UNITS.map((u) => u.code) as readonly UnitCode[] as [UnitCode, ...UnitCode[]];
/** The unit of a service line such as delivery. */
export const SERVICE_UNIT: UnitCode = "svc";

const byCode = new Map<string, (typeof UNITS)[number]>(UNITS.map((u) => [u.code, u]));
/** Everything people type or import for a unit (Russian and English names, ОКЕИ numbers) → code. */
const aliases = new Map<string, UnitCode>();
for (const u of UNITS) for (const a of [u.code, u.okei, u.ru, u.en]) aliases.set(normalize(a), u.code);
for (const [a, code] of [
  // штуки
  ["штука", "pcs"],
  ["штуки", "pcs"],
  ["штук", "pcs"],
  ["pc", "pcs"],
  ["piece", "pcs"],
  ["pieces", "pcs"],
  ["ea", "pcs"],
  ["each", "pcs"],
  // метры (погонный метр — тоже метр)
  ["метр", "m"],
  ["метра", "m"],
  ["метров", "m"],
  ["мп", "m"],
  ["пм", "m"],
  ["погм", "m"],
  ["погонныйметр", "m"],
  ["погонныхметров", "m"],
  ["километр", "km"],
  ["километров", "km"],
  // комплекты
  ["комплект", "set"],
  ["комплекта", "set"],
  ["комплектов", "set"],
  ["комп", "set"],
  ["кт", "set"],
  ["кмпл", "set"],
  ["sets", "set"],
  // масса
  ["тонна", "t"],
  ["тонны", "t"],
  ["тонн", "t"],
  ["тн", "t"],
  ["килограмм", "kg"],
  ["килограмма", "kg"],
  ["килограммов", "kg"],
  // объём и площадь
  ["м3", "m3"],
  ["кубм", "m3"],
  ["мкуб", "m3"],
  ["кубометр", "m3"],
  ["кубическийметр", "m3"],
  ["кубическихметров", "m3"],
  ["м2", "m2"],
  ["квм", "m2"],
  ["мкв", "m2"],
  ["квадратныйметр", "m2"],
  ["квадратныхметров", "m2"],
  ["литр", "l"],
  ["литра", "l"],
  ["литров", "l"],
  // упаковки, услуги
  ["упаковка", "pack"],
  ["упаковки", "pack"],
  ["упаковок", "pack"],
  ["уп", "pack"],
  ["усл.ед", "svc"],
  ["услуга", "svc"],
  ["услуги", "svc"],
  ["усл", "svc"],
] as const)
  aliases.set(normalize(a), code);

/** «Пог. м», «м.п.», «М³», «к-т» → "погм", "мп", "м3", "кт": case, ё, spaces, dots, dashes and slashes do not count. */
function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/³/g, "3")
    .replace(/²/g, "2")
    .replace(/[\s.\-/]+/g, "");
}

export function isUnitCode(value: unknown): value is UnitCode {
  return typeof value === "string" && byCode.has(value);
}

/**
 * "шт." / "штук" / "796" / "pcs" / "Штука" → "pcs", "м.п." / "пог. м" → "m", "компл." / "к-т" → "set", "куб. м" → "m3";
 * undefined when not a known unit.
 */
export function parseUnit(text: string): UnitCode | undefined {
  return aliases.get(normalize(text));
}

/** The short name to print: "шт" (ru) / "pcs" (en). A free-text unit outside the list is printed as typed, except
 *  that a known alias (e.g. an English code) is mapped to its Russian name first. */
export function unitName(code: string, lang: "ru" | "en" = "ru"): string {
  const u = byCode.get(code) ?? byCode.get(parseUnit(code) ?? "");
  return u ? u[lang] : code;
}

/** ОКЕИ code of a unit ("796" for pcs), or "" when the unit is not in the list. */
export function unitOkei(code: string): string {
  return (byCode.get(code) ?? byCode.get(parseUnit(code) ?? ""))?.okei ?? "";
}
