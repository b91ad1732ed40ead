import { describe, expect, it } from "vitest";
import { generateProducts, slugify as seedSlug } from "../../prisma/seed/products";
import { slugify as orgSlug } from "../modules/accounts/slug";
import { slugify as catalogSlug, productSlug } from "../modules/catalog/slug";
import { slugify, transliterate } from "./slug";

// Outputs pinned from the three implementations this module replaced; existing URLs depend on them.
const CASES: [input: string, catalog: string, org: string, seed: string][] = [
  [
    "Невский трансформаторный завод",
    "nevskiy-transformatornyy-zavod",
    "nevskij-transformatornyj-zavod",
    "nevskiy-transformatornyy-zavod",
  ],
  [
    "ООО «Невский трансформаторный завод»",
    "ooo-nevskiy-transformatornyy-zavod",
    "nevskij-transformatornyj-zavod",
    "ooo-nevskiy-transformatornyy-zavod",
  ],
  [
    "Трансформатор ТМГ-1000/10/0,4 У1",
    "transformator-tmg-1000-10-0-4-u1",
    "transformator-tmg-1000-10-0-4-u1",
    "transformator-tmg-1000-10-0-4-u1",
  ],
  [
    "Кабель ВВГнг(А)-LS 3×2,5 мм²",
    "kabel-vvgng-a-ls-3-2-5-mm2",
    "kabel-vvgng-a-ls-3-2-5-mm2",
    "kabel-vvgng-a-ls-3x2-5-mm",
  ],
  ["Щётка «Ёж» × 2", "schetka-ezh-2", "shhyotka-yozh-2", "schetka-ezh-x-2"],
  ["Café № 5", "cafe-o-5", "cafe-o-5", "caf-5"],
  ["Щит и Ёлка", "schit-i-elka", "shhit-i-yolka", "schit-i-elka"],
  ["ЗАО «Цемент»", "zao-tsement", "cement", "zao-tsement"],
  ["Подъезд; ЙОД", "podezd-yod", "podezd-jod", "podezd-yod"],
  ["  ", "item", "org", ""],
];

describe("slug callers keep their outputs", () => {
  it.each(CASES)("%s", (input, catalog, org, seed) => {
    expect(catalogSlug(input)).toBe(catalog);
    expect(orgSlug(input)).toBe(org);
    expect(seedSlug(input)).toBe(seed);
  });

  it("product slugs: title + supplier/SKU hash", () => {
    expect(productSlug("Невский трансформаторный завод", "s1", "A-1")).toBe("nevskiy-transformatornyy-zavod-1494kq");
    expect(productSlug("  ", "s1", "A-1")).toBe("item-1494kq");
  });

  it("length limits: catalog cuts hard at 80, the seed at a word boundary", () => {
    const title = "Счётчик электроэнергии трёхфазный трансформаторного включения СЭ3Т-02-P 5(10) А, кл. 0,2S/0,5, PLC";
    expect(catalogSlug(title)).toBe("schetchik-elektroenergii-trehfaznyy-transformatornogo-vklyucheniya-se3t-02-p-5-1");
    expect(seedSlug(title, 72)).toBe("schetchik-elektroenergii-trehfaznyy-transformatornogo-vklyucheniya-se3t");
    expect(seedSlug("Невский трансформаторный завод", 10)).toBe("nevskiy");
    expect(seedSlug("Трансформатор ТМГ", 10)).toBe("transforma");
    expect(orgSlug("Очень ".repeat(30)).length).toBeLessThanOrEqual(60);
  });

  it("seeded product slugs are unchanged", () => {
    const p = generateProducts({ count: 3000 }).find((x) =>
      x.title.startsWith("Трансформатор силовой масляный ТМГ-1000"),
    );
    expect(p?.slug).toMatch(/^transformator-silovoy-maslyanyy-tmg-1000-10-0-4-/);
    const known = generateProducts({ count: 3000 }).find((x) =>
      x.slug.startsWith("transformator-silovoy-maslyanyy-tmg-1000-10-0-4-uhl1-y-yn-0-1ka-1a"),
    );
    expect(known?.title).toBe("Трансформатор силовой масляный ТМГ-1000/10/0,4 УХЛ1, Y/Yн-0");
  });
});

describe("slugify options", () => {
  const base = { scheme: "simple", decompose: "none", maxLength: 80, cut: "hard", fallback: "x" } as const;
  it("transliterates by scheme", () => {
    expect(transliterate("Ёж Йод Цех Щи", "simple")).toBe("ezh yod tseh schi");
    expect(transliterate("Ёж Йод Цех Щи", "gost")).toBe("yozh jod ceh shhi");
    expect(transliterate("3×2", "simple", { "×": "x" })).toBe("3x2");
  });
  it("drops listed words unless nothing else is left", () => {
    expect(slugify("ООО Ромашка", { ...base, dropWords: new Set(["ooo"]) })).toBe("romashka");
    expect(slugify("ООО", { ...base, dropWords: new Set(["ooo"]) })).toBe("ooo");
  });
  it("decomposes only when asked", () => {
    expect(slugify("résumé м²", base)).toBe("r-sum-m");
    expect(slugify("résumé м²", { ...base, decompose: "nfkd" })).toBe("re-sume-m2");
    expect(slugify("résumé м²", { ...base, decompose: "nfkd-strip" })).toBe("resume-m2");
  });
});
