import type { AttributeDef, Specs, SpecValue } from "./attributes";

/**
 * Typed specification values, validated against the category's attributes. Error values are i18n keys of the
 * `catalog` namespace (resolved in the UI), so the same validator serves forms, the import and the API.
 */
export type SpecErrors = Record<string, string>;

const TRUE_WORDS = new Set(["true", "1", "да", "yes", "y", "+", "есть", "on"]);
const FALSE_WORDS = new Set(["false", "0", "нет", "no", "n", "-", "—", "off"]);

/** "1 250,5" / "1250.5" / "1 250" → 1250.5; anything else → NaN. */
export function parseDecimal(raw: string): number {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s);
}

/** Parses one raw (form/spreadsheet) value for an attribute. Empty → undefined (not set). */
export function parseSpecValue(attr: AttributeDef, raw: unknown): { value?: SpecValue; error?: string } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === "string" && raw.trim() === "") return {};
  switch (attr.type) {
    case "NUMBER": {
      const n = typeof raw === "number" ? raw : parseDecimal(String(raw));
      if (!Number.isFinite(n)) return { error: "spec.notNumber" };
      return { value: n };
    }
    case "BOOLEAN": {
      if (typeof raw === "boolean") return { value: raw };
      const s = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(s)) return { value: true };
      if (FALSE_WORDS.has(s)) return { value: false };
      return { error: "spec.notBoolean" };
    }
    case "ENUM": {
      const s = String(raw).trim().toLowerCase();
      const option = attr.options?.find(
        (o) => o.value.toLowerCase() === s || o.ru.toLowerCase() === s || o.en.toLowerCase() === s,
      );
      if (!option) return { error: "spec.notOption" };
      return { value: option.value };
    }
    case "TEXT": {
      const s = String(raw).trim();
      if (s.length > 500) return { error: "spec.tooLong" };
      return { value: s };
    }
  }
}

/**
 * Parses raw values keyed by attribute code into typed specs. Unknown codes with a value are errors, required
 * attributes must be present.
 */
export function parseSpecs(
  raw: Record<string, unknown>,
  attributes: readonly AttributeDef[],
): { specs: Specs; errors: SpecErrors } {
  const specs: Specs = {};
  const errors: SpecErrors = {};
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  for (const [code, value] of Object.entries(raw)) {
    if (byCode.has(code)) continue;
    if (value !== undefined && value !== null && String(value).trim() !== "") errors[code] = "spec.unknown";
  }
  for (const attr of attributes) {
    const { value, error } = parseSpecValue(attr, raw[attr.code]);
    if (error) errors[attr.code] = error;
    else if (value !== undefined) specs[attr.code] = value;
    else if (attr.required) errors[attr.code] = "spec.required";
  }
  return { specs, errors };
}

/** Checks already-typed specs (e.g. JSON from the API or the database) against the attributes. */
export function validateSpecs(specs: unknown, attributes: readonly AttributeDef[]): SpecErrors {
  if (typeof specs !== "object" || specs === null || Array.isArray(specs)) return { _: "spec.notObject" };
  const errors: SpecErrors = {};
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  for (const [code, value] of Object.entries(specs)) {
    const attr = byCode.get(code);
    if (!attr) {
      errors[code] = "spec.unknown";
      continue;
    }
    const ok =
      (attr.type === "NUMBER" && typeof value === "number" && Number.isFinite(value)) ||
      (attr.type === "BOOLEAN" && typeof value === "boolean") ||
      (attr.type === "TEXT" && typeof value === "string" && value.trim() !== "") ||
      (attr.type === "ENUM" && typeof value === "string" && (attr.options ?? []).some((o) => o.value === value));
    if (!ok) errors[code] = `spec.invalid${attr.type.charAt(0)}${attr.type.slice(1).toLowerCase()}`;
  }
  for (const attr of attributes) {
    if (attr.required && !(attr.code in (specs as object))) errors[attr.code] = "spec.required";
  }
  return errors;
}

/** A stable string of specs (sorted keys) to compare products for "unchanged". */
export function canonicalSpecs(specs: unknown): string {
  if (typeof specs !== "object" || specs === null) return "{}";
  const entries = Object.entries(specs as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}
