import { describe, expect, it } from "vitest";
import { stemRussian } from "./stemmer-ru";
import {
  codeKey,
  codeLexemes,
  highlight,
  isCodeToken,
  nameMatcher,
  normalizeText,
  parseQuery,
  splitNegated,
  switchLayout,
  tokenize,
} from "./text";

describe("normalisation", () => {
  it("folds ё to е and lower-cases", () => {
    expect(normalizeText("Котёл ЁМКОСТНЫЙ")).toBe("котел емкостный");
  });

  it("gives look-alike and transliterated codes one key", () => {
    expect(codeKey("ТМГ-1000/10/0,4")).toBe("tmg10001004");
    expect(codeKey("TMG 1000/10/0.4")).toBe("tmg10001004");
    expect(codeKey("12Х18Н10Т")).toBe(codeKey("12X18H10T")); // Cyrillic vs Latin X, H, T
    expect(codeKey("КТП")).toBe(codeKey("KTP"));
    expect(codeKey("М")).toBe(codeKey("M"));
    expect(codeKey("4х240")).toBe(codeKey("4×240")); // cable cross-sections typed with a letter x
    expect(codeKey("4x240")).toBe("4240");
  });

  it("keeps codes as one token and recognises them", () => {
    expect(tokenize("Трансформатор ТМГ-1000/10/0,4 У1, 10 кВ")).toEqual([
      "Трансформатор",
      "ТМГ-1000/10/0,4",
      "У1",
      "10",
      "кВ",
    ]);
    expect(isCodeToken("ТМГ")).toBe(true);
    expect(isCodeToken("12Х18Н10Т")).toBe(true);
    expect(isCodeToken("Трансформатор")).toBe(false);
  });

  it("indexes a code whole, by parts and by leading parts", () => {
    expect(codeLexemes("ТМГ-1000/10/0,4")).toEqual(
      expect.arrayContaining(["tmg10001004", "tmg", "tmg1000", "1000", "10", "04"]),
    );
    expect(codeLexemes("2КТПН-630/10/0,4")).toEqual(expect.arrayContaining(["2ktph", "ktph", "630"]));
  });
});

describe("Russian stemmer (Snowball)", () => {
  it.each([
    ["трансформаторы", "трансформатор"],
    ["трансформатора", "трансформатор"],
    ["масляные", "маслян"],
    ["масляный", "маслян"],
    ["котлы", "котл"],
    ["водогрейного", "водогрейн"],
    ["насосами", "насос"],
    ["подстанции", "подстанц"],
    ["комплектная", "комплектн"],
  ])("%s → %s", (word, stem) => {
    expect(stemRussian(word)).toBe(stem);
  });

  it("leaves Latin and short words alone", () => {
    expect(stemRussian("tmg")).toBe("tmg");
    expect(stemRussian("на")).toBe("на");
  });
});

describe("parseQuery", () => {
  it("splits terms, stems words, marks codes and the typed prefix", () => {
    const [word, code] = parseQuery("Трансформаторы ТМГ-10");
    expect(word).toMatchObject({
      words: ["трансформаторы"],
      stems: ["трансформатор"],
      looksLikeCode: false,
      prefix: false,
    });
    expect(code).toMatchObject({ codeKey: "tmg10", codeParts: ["tmg", "10"], looksLikeCode: true, prefix: true });
    expect(parseQuery("котел ")[0].prefix).toBe(false);
  });

  it("bounds the number of terms and the length", () => {
    expect(parseQuery("а б в г д е ж з и к л м").length).toBe(8);
    expect(parseQuery("я".repeat(1000))[0].raw.length).toBe(200);
  });

  it("ignores punctuation-only input and tsquery syntax", () => {
    expect(parseQuery("!!! & | :* ()")).toEqual([]);
    expect(parseQuery("котел & | !насос").map((t) => t.raw)).toEqual(["котел", "насос"]);
  });
});

describe("highlight", () => {
  it("marks word forms and codes, never returns HTML", () => {
    const segs = highlight("Трансформатор <b> масляный ТМГ-1000/10/0,4", parseQuery("трансформаторы tmg-1000"));
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(["Трансформатор", "ТМГ-1000/10/0,4"]);
    expect(segs.map((s) => s.text).join("")).toBe("Трансформатор <b> масляный ТМГ-1000/10/0,4");
  });
});

describe("switchLayout", () => {
  it("retypes a query typed in the wrong keyboard layout", () => {
    expect(switchLayout("nhfycajhvfnjh")).toBe("трансформатор");
    expect(switchLayout("Rjntk djljuhtqysq")).toBe("Котел водогрейный");
    expect(switchLayout("ЕЬП-1000")).toBe("TMG-1000");
    expect(switchLayout("k.,jq")).toBe("любой");
  });
  it("leaves mixed and letterless queries alone", () => {
    expect(switchLayout("ТМГ-1000 abb")).toBeNull();
    expect(switchLayout("1000/10")).toBeNull();
  });
});

describe("nameMatcher", () => {
  it("ranks a name that starts with the query first, a negated mention last", () => {
    const score = nameMatcher("трансформатор");
    expect(score("Трансформатор масляный ТМГ-1000")).toBe(2);
    expect(score("Подстанция КТП-630 с трансформатором")).toBe(1);
    expect(score("Подстанция блочная без трансформатора")).toBe(0);
  });
  it("meets word forms with a fleeting vowel and a prefix as typed", () => {
    expect(nameMatcher("котёл")("Котлы водогрейные")).toBe(2);
    expect(nameMatcher("котёл")("Насосы сетевые")).toBe(0);
    expect(nameMatcher("тран")("Трансформаторы силовые")).toBe(2);
  });
});

describe("splitNegated", () => {
  it("takes what a title says the product lacks out of what it names", () => {
    expect(splitNegated("Подстанция 2КТПН-630/10/0,4-У1 наружной установки, проходная (без трансформатора)")).toEqual({
      named: "Подстанция 2КТПН-630/10/0,4-У1 наружной установки, проходная",
      negated: "без трансформатора",
    });
    expect(splitNegated("Трансформатор ТМГ-1000")).toEqual({ named: "Трансформатор ТМГ-1000", negated: "" });
  });
});
