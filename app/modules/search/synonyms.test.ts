import { describe, expect, it } from "vitest";
import { aliasText } from "./synonyms";
import { parseQuery, queryTokens } from "./text";

describe("query tokens both engines match", () => {
  it("splits a hyphenated compound of words, keeps codes whole", () => {
    expect(queryTokens("подметально-уборочная машина")).toEqual(["подметально", "уборочная", "машина"]);
    expect(queryTokens("ППУ-изоляция")).toEqual(["ППУ", "изоляция"]);
    expect(queryTokens("КВ-ГМ-1,16-115")).toEqual(["КВ-ГМ-1,16-115"]);
    expect(queryTokens("КВ-ГМ")).toEqual(["КВ-ГМ"]);
  });

  it("drops stop words and units, keeps the number; a query of only those is kept", () => {
    expect(queryTokens("теплообменник на 100 кВт")).toEqual(["теплообменник", "100"]);
    expect(queryTokens("фильтр для воды 100 м3/ч")).toEqual(["фильтр", "воды", "100"]);
    expect(queryTokens("насос 400кВт")).toEqual(["насос", "400"]);
    expect(queryTokens("на")).toEqual(["на"]);
    expect(parseQuery("БТП на 12 Гкал/ч").map((t) => t.raw)).toEqual(["БТП", "12"]);
  });
});

describe("trade abbreviations on the index side", () => {
  it("a product named by its abbreviation gets the full names, and the other way round", () => {
    expect(aliasText("Подстанция 2КТПН-630/10/0,4-У1 наружной установки")).toMatch(
      /комплектная трансформаторная подстанция наружной установки/,
    );
    expect(aliasText("Терминал защиты присоединения ТЗП-110")).toMatch(/РЗА/);
    expect(aliasText("Труба стальная в ППУ-изоляции 89×4-1-ППУ-ПЭ")).toMatch(/предизолированная труба/);
    expect(aliasText("Канализационная насосная станция в корпусе")).toMatch(/КНС/);
  });

  it("an abbreviation inside another word or code does not count", () => {
    expect(aliasText("Трансформатор ТМГ-1000/10/0,4")).not.toMatch(/\bТСЛ\b/);
    expect(aliasText("Котёл паровой ДЕ-10-14ГМ")).toBe("");
  });
});
