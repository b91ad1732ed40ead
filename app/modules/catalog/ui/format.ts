import { formatNumber } from "~/modules/i18n/format";
import type { Lang } from "~/modules/i18n/i18n";
import { localizeUnit } from "~/modules/i18n/units";
import type { AttributeDef, SpecValue } from "../attributes";

/** The display text of a spec value: number with unit, option label, yes/no, text. */
export function formatSpec(
  attr: AttributeDef,
  value: SpecValue | undefined,
  lang: Lang,
  yesNo: [string, string],
): string {
  if (value === undefined) return "—";
  switch (attr.type) {
    case "NUMBER":
      return `${typeof value === "number" ? formatNumber(value, lang) : String(value)}${attr.unit ? ` ${localizeUnit(attr.unit, lang)}` : ""}`;
    case "ENUM": {
      const option = attr.options?.find((o) => o.value === value);
      return option ? option[lang] : String(value);
    }
    case "BOOLEAN":
      return value ? yesNo[0] : yesNo[1];
    default:
      return String(value);
  }
}

export function attributeName(attr: Pick<AttributeDef, "nameRu" | "nameEn">, lang: Lang): string {
  return lang === "en" ? attr.nameEn : attr.nameRu;
}
