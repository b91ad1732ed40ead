import { describe, expect, it } from "vitest";
import { slugify, transliterate } from "./slug";

describe("slugify", () => {
  it("transliterates Cyrillic and drops the legal form and quotes", () => {
    expect(slugify("ООО «ЭнергоМаш-Север»")).toBe("energomash-sever");
    expect(slugify("Щит и Ёлка")).toBe("shhit-i-yolka");
  });
  it("keeps Latin and digits, collapses punctuation", () => {
    expect(slugify("  ТМГ 1000 / Power!! ")).toBe("tmg-1000-power");
  });
  it("never returns an empty slug", () => {
    expect(slugify("«»")).toBe("org");
    expect(slugify("ООО")).toBe("ooo");
  });
  it("is at most 60 characters", () => {
    expect(slugify("Очень ".repeat(30)).length).toBeLessThanOrEqual(60);
  });
  it("maps soft and hard signs to nothing", () => {
    expect(transliterate("подъезд соль")).toBe("podezd sol");
  });
});
