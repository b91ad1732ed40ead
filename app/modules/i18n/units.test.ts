import { describe, expect, it } from "vitest";
import { localizeUnit } from "./units";

describe("units of measure", () => {
  it("shows Russian unit symbols on Russian pages and international ones in English", () => {
    expect(localizeUnit("kVA", "ru")).toBe("кВА");
    expect(localizeUnit("m³/h", "ru")).toBe("м³/ч");
    expect(localizeUnit("rpm", "ru")).toBe("об/мин");
    expect(localizeUnit("kVA", "en")).toBe("kVA");
    expect(localizeUnit("°C", "ru")).toBe("°C");
    expect(localizeUnit(undefined, "ru")).toBe("");
  });
});
