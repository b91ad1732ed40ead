import { unitName, unitOkei } from "~/modules/money/units";

/**
 * The ОКЕИ code and Russian short name of an order line's unit — the one call the УПД and the contract make, through
 * the money module's ОКЕИ list. A unit outside the list keeps its name and gets no code (the УПД then carries only
 * НаимЕдИзм).
 */
export function okeiUnit(unit: string): { code: string | null; name: string } {
  return { code: unitOkei(unit) || null, name: unitName(unit, "ru") };
}
