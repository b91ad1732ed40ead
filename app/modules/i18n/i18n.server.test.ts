import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nFor } from "./i18n.server";
import { i18nConfig } from "./i18n-resources.server";

/** A fresh, unmemoized instance: what i18next itself answers. */
async function plain(lng: "ru" | "en") {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng });
  return instance;
}

/** Runs `work` counting the calls that reach i18next's translator (not answered from a memo). */
async function countTranslations(
  instance: Awaited<ReturnType<typeof i18nFor>>,
  work: (calls: () => number) => Promise<void>,
) {
  const translator = (instance as unknown as { translator: { translate: (...a: unknown[]) => unknown } }).translator;
  const translate = translator.translate;
  let calls = 0;
  translator.translate = (...a: unknown[]) => {
    calls += 1;
    return translate.apply(translator, a);
  };
  try {
    await work(() => calls);
  } finally {
    translator.translate = translate;
  }
}

describe("server translations (memoized plain lookups)", () => {
  it("answer exactly what i18next answers, for plain keys, values, plurals, prefixes and both languages", async () => {
    for (const lng of ["ru", "en"] as const) {
      const [memo, reference] = [await i18nFor(lng), await plain(lng)];
      const cases: [string, string, Record<string, unknown>?, string?][] = [
        ["common", "brand"],
        ["common", "skipToContent"],
        ["common", "footer.rights", { year: 2026 }],
        ["common", "errors.requestId", { id: "abc" }],
        ["search", "found", { count: 3 }],
        ["search", "found", { count: 21 }],
        ["catalog", "leadTimeDays", { count: 5 }, "product"],
        ["catalog", "leadTimeDays", { count: 2 }, "product"],
        ["common", "no.such.key"],
      ];
      // twice: the second round comes from the memo
      for (let round = 0; round < 2; round += 1)
        for (const [ns, key, values, prefix] of cases) {
          const got = memo.getFixedT(lng, ns, prefix)(key, values as never);
          const want = reference.getFixedT(lng, ns, prefix)(key, values as never);
          expect(got, `${lng} ${ns}:${prefix ?? ""}.${key} ${JSON.stringify(values)}`).toBe(want);
        }
    }
  });

  it("keeps languages and namespaces apart", async () => {
    const [ru, en] = [await i18nFor("ru"), await i18nFor("en")];
    expect(ru.getFixedT("ru", "common")("brand")).toBe("СнабМост");
    expect(en.getFixedT("en", "common")("brand")).not.toBe(ru.getFixedT("ru", "common")("skipToContent"));
    expect(ru.getFixedT("ru", "common")("skipToContent")).not.toBe(en.getFixedT("en", "common")("skipToContent"));
    const rights = ru.getFixedT("ru", "common");
    expect(rights("footer.rights", { year: 2026 })).toContain("2026");
    expect(rights("footer.rights", { year: 2027 })).toContain("2027");
    expect(rights("footer.rights", { year: "2026" })).toContain("2026");
    expect(ru.getFixedT("ru", "search")("found", { count: 1 })).toMatch(/1/);
    expect(ru.getFixedT("ru", "search")("found", { count: 1 })).not.toBe(
      ru.getFixedT("ru", "search")("found", { count: 2 }),
    );
  });

  it("answers a repeated call from memory, as react-i18next makes it (a fixed t with no language list: lngs null)", async () => {
    const ru = await i18nFor("ru");
    await countTranslations(ru, async (calls) => {
      const t = ru.getFixedT(null as unknown as string, "search");
      const first = [t("found", { count: 7 }), t("found", { count: 7 }), t("found", { count: 8 })];
      expect(first[0]).toBe(first[1]);
      expect(first[0]).toBe((await plain("ru")).getFixedT(null as unknown as string, "search")("found", { count: 7 }));
      expect(first[2]).not.toBe(first[0]);
      expect(calls()).toBe(2);
    });
  });

  it("never answers one call with another's text, whatever a value contains (a search query with separators)", async () => {
    const ru = await i18nFor("ru");
    const t = ru.getFixedT("ru", "common");
    const crafted = t("errors.requestId", { id: "abc\u0000count=n:5" });
    const honest = t("errors.requestId", { id: "abc", count: 5 });
    expect(honest).toBe((await plain("ru")).getFixedT("ru", "common")("errors.requestId", { id: "abc", count: 5 }));
    expect(honest).not.toBe(crafted);
  });

  it("gives every render the same fixed t per namespace and prefix, answering key-only calls from memory", async () => {
    const ru = await i18nFor("ru");
    await countTranslations(ru, async (calls) => {
      const reference = await plain("ru");
      // as useTranslation asks on each render: no language of its own
      const first = ru.getFixedT(null as unknown as string, "search");
      const again = ru.getFixedT(null as unknown as string, "search");
      expect(again).toBe(first);
      expect(ru.getFixedT(null as unknown as string, "catalog")).not.toBe(first);
      expect(ru.getFixedT(null as unknown as string, "catalog", "product")).not.toBe(
        ru.getFixedT(null as unknown as string, "catalog"),
      );
      expect((first as unknown as { ns: string }).ns).toBe("search");
      const keys = ["heading", "card.sku", "sort.relevance", "no.such.key"];
      const got = keys.map((k) => first(k));
      const before = calls();
      expect(keys.map((k) => again(k))).toEqual(got);
      expect(calls()).toBe(before);
      expect(got).toEqual(keys.map((k) => reference.getFixedT(null as unknown as string, "search")(k)));
      // a call with values still goes to i18next's interpolation (then the per-options memo)
      expect(first("found", { count: 3 })).toBe(reference.getFixedT("ru", "search")("found", { count: 3 }));
      // a list of namespaces is not cached here
      expect(ru.getFixedT("ru", ["search", "common"])).not.toBe(ru.getFixedT("ru", ["search", "common"]));
    });
  });
});
