import ruCommon from "~/locales/ru/common.json";
import { UNITS } from "~/modules/catalog/pricing";

/**
 * The ОКЕИ code and Russian short name of an order line's unit — the one call the УПД and the contract make. Codes come
 * from the catalog's unit list (`UNITS`), names from the Russian `common:units` strings, so a unit added there is picked
 * up here. Lines store the unit code ("pcs"); older/demo lines store the Russian short name ("шт"), which maps back.
 * When the ОКЕИ list moves into the money module (issue 14), only this function changes.
 */
const NAMES: Record<string, string> = ruCommon.units;

export function okeiUnit(unit: string): { code: string | null; name: string } {
  const key = unit in UNITS ? unit : Object.keys(NAMES).find((k) => NAMES[k] === unit);
  if (key && key in UNITS) return { code: UNITS[key as keyof typeof UNITS], name: NAMES[key] ?? unit };
  // not in the list: no code is guessed, the name stays as written (the УПД then carries only НаимЕдИзм)
  return { code: null, name: unit };
}
