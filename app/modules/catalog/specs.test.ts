import { describe, expect, it } from "vitest";
import type { AttributeDef } from "./attributes";
import { productSlug, slugify } from "./slug";
import { canonicalSpecs, parseDecimal, parseSpecs, validateSpecs } from "./specs";

const attr = (a: Partial<AttributeDef> & Pick<AttributeDef, "code" | "type">): AttributeDef => ({
  nameRu: a.code,
  nameEn: a.code,
  unit: null,
  options: null,
  filterable: true,
  required: false,
  position: 0,
  ...a,
});

const transformer: AttributeDef[] = [
  attr({ code: "power_kva", type: "NUMBER", unit: "kVA", required: true }),
  attr({
    code: "cooling",
    type: "ENUM",
    options: [
      { value: "oil", ru: "Масляное", en: "Oil" },
      { value: "dry", ru: "Сухое", en: "Dry" },
    ],
  }),
  attr({ code: "hermetic", type: "BOOLEAN" }),
  attr({ code: "climate", type: "TEXT" }),
];

describe("parseSpecs", () => {
  it("types form values: Russian decimals, enum labels, yes/no words", () => {
    const { specs, errors } = parseSpecs(
      { power_kva: "1 000,5", cooling: "Масляное", hermetic: "да", climate: " У1 " },
      transformer,
    );
    expect(errors).toEqual({});
    expect(specs).toEqual({ power_kva: 1000.5, cooling: "oil", hermetic: true, climate: "У1" });
  });

  it("reports a field error per bad value and a missing required attribute", () => {
    const { errors } = parseSpecs({ cooling: "водяное", hermetic: "может быть", voltage: "10" }, transformer);
    expect(errors).toEqual({
      power_kva: "spec.required",
      cooling: "spec.notOption",
      hermetic: "spec.notBoolean",
      voltage: "spec.unknown",
    });
    expect(parseSpecs({ power_kva: "тысяча" }, transformer).errors.power_kva).toBe("spec.notNumber");
  });

  it("leaves empty optional values unset", () => {
    expect(parseSpecs({ power_kva: "630", cooling: "", hermetic: "" }, transformer).specs).toEqual({ power_kva: 630 });
  });
});

describe("validateSpecs", () => {
  it("accepts typed JSON that matches the attributes and refuses wrong types", () => {
    expect(validateSpecs({ power_kva: 630, cooling: "dry", hermetic: false }, transformer)).toEqual({});
    expect(validateSpecs({ power_kva: "630", cooling: "Сухое", hermetic: 1 }, transformer)).toEqual({
      power_kva: "spec.invalidNumber",
      cooling: "spec.invalidEnum",
      hermetic: "spec.invalidBoolean",
    });
    expect(validateSpecs([], transformer)).toEqual({ _: "spec.notObject" });
  });
});

describe("helpers", () => {
  it("parses decimals the Russian way", () => {
    expect(parseDecimal("1 250,75")).toBe(1250.75);
    expect(Number.isNaN(parseDecimal("12a"))).toBe(true);
  });

  it("makes stable ASCII slugs", () => {
    expect(slugify("Трансформатор ТМГ-1000/10/0,4 У1")).toBe("transformator-tmg-1000-10-0-4-u1");
    expect(productSlug("Котёл", "org1", "A")).toBe(productSlug("Котёл", "org1", "A"));
    expect(productSlug("Котёл", "org1", "A")).not.toBe(productSlug("Котёл", "org2", "A"));
  });

  it("compares specs regardless of key order", () => {
    expect(canonicalSpecs({ b: 1, a: "x" })).toBe(canonicalSpecs({ a: "x", b: 1 }));
  });
});
