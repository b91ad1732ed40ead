import type { AttributeType } from "~/generated/prisma/enums";

/** A category attribute as the validators and forms need it (a plain projection of CategoryAttribute). */
export interface AttributeDef {
  code: string;
  nameRu: string;
  nameEn: string;
  type: AttributeType;
  unit: string | null;
  options: AttributeOptionDef[] | null;
  filterable: boolean;
  required: boolean;
  position: number;
}

export interface AttributeOptionDef {
  value: string;
  ru: string;
  en: string;
}

export type SpecValue = number | string | boolean;
export type Specs = Record<string, SpecValue>;

/** Reads CategoryAttribute.options (JSON) defensively. */
export function parseOptions(json: unknown): AttributeOptionDef[] | null {
  if (!Array.isArray(json)) return null;
  return json
    .filter((o): o is Record<string, unknown> => typeof o === "object" && o !== null && typeof o.value === "string")
    .map((o) => ({
      value: String(o.value),
      ru: typeof o.ru === "string" ? o.ru : String(o.value),
      en: typeof o.en === "string" ? o.en : String(o.value),
    }));
}

export function toAttributeDef(a: {
  code: string;
  nameRu: string;
  nameEn: string;
  type: AttributeType;
  unit: string | null;
  options: unknown;
  filterable: boolean;
  required: boolean;
  position: number;
}): AttributeDef {
  return {
    code: a.code,
    nameRu: a.nameRu,
    nameEn: a.nameEn,
    type: a.type,
    unit: a.unit,
    options: parseOptions(a.options),
    filterable: a.filterable,
    required: a.required,
    position: a.position,
  };
}
