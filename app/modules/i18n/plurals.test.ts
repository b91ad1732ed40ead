import fs from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { baseI18nConfig } from "./i18n";

/**
 * Issue #25: «5 из 5 (1 оценок)», «Импортировать 4 строк». Every counted noun goes through i18next plurals:
 * Russian needs _one/_few/_many (1 товар, 2 товара, 5 товаров, 11 товаров, 21 товар), English _one/_other.
 */

const dir = path.resolve(__dirname, "../../locales");
type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );
}
function load(lang: string) {
  const resources: Record<string, Tree> = {};
  for (const file of fs.readdirSync(path.join(dir, lang))) {
    if (file.endsWith(".json"))
      resources[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir, lang, file), "utf8"));
  }
  return resources;
}
const ru = load("ru");
const en = load("en");
const flat = (r: Record<string, Tree>) => Object.entries(r).flatMap(([ns, t]) => flatten(t, `${ns}:`));

describe("plural forms in the locale files", () => {
  it("every Russian plural has _one, _few and _many; every English one has _one and _other", () => {
    const ruKeys = new Set(flat(ru).map(([k]) => k));
    const enKeys = new Set(flat(en).map(([k]) => k));
    const missing: string[] = [];
    for (const key of ruKeys) {
      const base = key.match(/^(.*)_(one|few|many|other)$/)?.[1];
      if (!base) continue;
      for (const form of ["one", "few", "many"]) if (!ruKeys.has(`${base}_${form}`)) missing.push(`ru ${base}_${form}`);
      for (const form of ["one", "other"]) if (!enKeys.has(`${base}_${form}`)) missing.push(`en ${base}_${form}`);
    }
    expect(missing).toEqual([]);
  });

  it("no Russian string puts a noun after {{count}} without plural forms (abbreviations like «шт.» and «N из M» are fine)", () => {
    const offenders = flat(ru)
      .filter(([key]) => !/_(one|few|many|other)$/.test(key))
      .filter(([, value]) => /\{\{count\}\}\s+(?!из\s)[а-яё]+(?![.а-яё])/i.test(value))
      .map(([key, value]) => `${key}: ${value}`);
    expect(offenders).toEqual([]);
  });
});

describe("counted nouns read right for 1, 2, 5, 11, 21", () => {
  const ruT = i18next.createInstance();
  const enT = i18next.createInstance();
  beforeAll(async () => {
    await ruT.init({ ...baseI18nConfig, lng: "ru", resources: { ru }, ns: Object.keys(ru) });
    await enT.init({ ...baseI18nConfig, lng: "en", resources: { en }, ns: Object.keys(en) });
  });
  const counts = [1, 2, 5, 11, 21];

  it.each([
    ["catalog:supplier.ratingValue", ["(1 оценка)", "(2 оценки)", "(5 оценок)", "(11 оценок)", "(21 оценка)"]],
    ["catalog:import.run", ["1 строку", "2 строки", "5 строк", "11 строк", "21 строку"]],
    ["rfq:cart.linkLabel", ["1 товар", "2 товара", "5 товаров", "11 товаров", "21 товар"]],
    [
      "search:found",
      ["Найден 1 товар", "Найдено 2 товара", "Найдено 5 товаров", "Найдено 11 товаров", "Найден 21 товар"],
    ],
    [
      "search:foundMore",
      ["более 1 товара", "более 2 товаров", "более 5 товаров", "более 11 товаров", "более 21 товара"],
    ],
  ])("ru %s", (key, expected) => {
    expect(counts.map((count) => ruT.t(key, { count, value: "5" }))).toEqual(
      expected.map((e) => expect.stringContaining(e)),
    );
  });

  it.each([
    ["catalog:supplier.ratingValue", ["(1 rating)", "(2 ratings)", "(5 ratings)", "(11 ratings)", "(21 ratings)"]],
    ["catalog:import.run", ["1 row", "2 rows", "5 rows", "11 rows", "21 rows"]],
    ["rfq:cart.linkLabel", ["1 product", "2 products", "5 products", "11 products", "21 products"]],
  ])("en %s", (key, expected) => {
    expect(counts.map((count) => enT.t(key, { count, value: "5" }))).toEqual(
      expected.map((e) => expect.stringContaining(e)),
    );
  });
});
