import { describe, expect, it } from "vitest";
import { parseUnit, unitName, unitOkei } from "./units";

describe("parseUnit: units as people write them in a спецификация", () => {
  it.each([
    ["шт.", "pcs"],
    ["шт", "pcs"],
    ["Шт", "pcs"],
    ["штук", "pcs"],
    ["штуки", "pcs"],
    [" ШТ. ", "pcs"],
    ["796", "pcs"],
    ["м.п.", "m"],
    ["пог. м", "m"],
    ["пог.м.", "m"],
    ["п.м.", "m"],
    ["м", "m"],
    ["метров", "m"],
    ["компл.", "set"],
    ["компл", "set"],
    ["комплект", "set"],
    ["к-т", "set"],
    ["кг", "kg"],
    ["кг.", "kg"],
    ["т", "t"],
    ["тн", "t"],
    ["тонн", "t"],
    ["м3", "m3"],
    ["м³", "m3"],
    ["куб. м", "m3"],
    ["м2", "m2"],
    ["кв. м", "m2"],
    ["упак.", "pack"],
    ["уп.", "pack"],
    ["л", "l"],
    ["усл. ед.", "svc"],
  ])("%s → %s", (text, code) => {
    expect(parseUnit(text)).toBe(code);
  });

  it("does not guess at unknown or empty units", () => {
    expect(parseUnit("")).toBeUndefined();
    expect(parseUnit("бочка")).toBeUndefined();
    expect(parseUnit("ящ")).toBeUndefined();
  });

  it("prints the ОКЕИ name and code of what it recognised", () => {
    expect(unitName(parseUnit("пог. м") ?? "", "ru")).toBe("м");
    expect(unitOkei(parseUnit("компл.") ?? "")).toBe("839");
  });
});
