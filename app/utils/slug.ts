/**
 * Latin URL slugs from Russian (or mixed) text. Pure; one algorithm with options, because callers pinned different
 * outputs long ago (organisation slugs, catalog product slugs, seeded demo slugs) and existing URLs must not change:
 *
 * 1. lowercase and transliterate Cyrillic letter by letter (`scheme`, plus caller `extra` letters);
 * 2. optionally decompose (NFKD) what is left, so «é» → "e", «м²» → "m2";
 * 3. split on everything that is not `[a-z0-9]`, optionally drop `dropWords` (unless that leaves nothing);
 * 4. join with "-", cut to `maxLength` (hard cut, or at the last word boundary past half the limit);
 * 5. fall back to `fallback` when nothing is left.
 */

/** Letters common to both schemes (also the base of search's code folding, modules/search/text.ts). */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  и: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "h",
  ч: "ch",
  ш: "sh",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const SCHEMES = {
  /** The everyday web spelling (catalog and seed): ё→e, й→y, ц→ts, щ→sch. */
  simple: { ...CYRILLIC_TO_LATIN, ё: "e", й: "y", ц: "ts", щ: "sch" },
  /** ГОСТ 7.79-2000 system B, simplified (organisation slugs): ё→yo, й→j, ц→c, щ→shh. */
  gost: { ...CYRILLIC_TO_LATIN, ё: "yo", й: "j", ц: "c", щ: "shh" },
} satisfies Record<string, Record<string, string>>;

export type TranslitScheme = keyof typeof SCHEMES;

/** Lowercases and transliterates Cyrillic letters; every other character is kept as is. */
export function transliterate(input: string, scheme: TranslitScheme, extra?: Record<string, string>): string {
  const map = SCHEMES[scheme];
  let out = "";
  for (const ch of input.toLowerCase()) out += extra?.[ch] ?? map[ch as keyof typeof map] ?? ch;
  return out;
}

export interface SlugOptions {
  scheme: TranslitScheme;
  /** Additional character mappings applied before the scheme (e.g. { "×": "x" }). */
  extra?: Record<string, string>;
  /**
   * What to do with non-Cyrillic characters before splitting: "none" — nothing (they separate words);
   * "nfkd" — compatibility-decompose (combining marks then separate words: «é» → "e-"); "nfkd-strip" — decompose and
   * drop combining marks («é» → "e").
   */
  decompose: "none" | "nfkd" | "nfkd-strip";
  /** Words (after transliteration) to leave out, unless nothing else remains. */
  dropWords?: ReadonlySet<string>;
  maxLength: number;
  /** "hard": cut at maxLength; "word": cut at the last "-" within maxLength if it is past half of it. */
  cut: "hard" | "word";
  /** Returned when the slug would be empty. */
  fallback: string;
}

export function slugify(text: string, o: SlugOptions): string {
  let s = transliterate(text, o.scheme, o.extra);
  if (o.decompose !== "none") s = s.normalize("NFKD");
  if (o.decompose === "nfkd-strip") s = s.replace(/[\u0300-\u036f]/g, "");
  const words = s.split(/[^a-z0-9]+/).filter((w) => w !== "");
  const kept = o.dropWords ? words.filter((w) => !o.dropWords?.has(w)) : words;
  let slug = (kept.length > 0 ? kept : words).join("-");
  if (slug.length > o.maxLength) {
    const cut = slug.slice(0, o.maxLength);
    const lastDash = cut.lastIndexOf("-");
    slug = o.cut === "word" && lastDash > o.maxLength / 2 ? cut.slice(0, lastDash) : cut.replace(/-+$/, "");
  }
  return slug === "" ? o.fallback : slug;
}
