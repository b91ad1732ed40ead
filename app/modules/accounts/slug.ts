/** Organisation slugs: the short name transliterated (ГОСТ 7.79-2000 system B, simplified) to lowercase Latin. */

const MAP: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  й: "j",
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
  ц: "c",
  ч: "ch",
  ш: "sh",
  щ: "shh",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** Legal-form words that add nothing to a slug. */
const LEGAL_FORMS = new Set(["ooo", "oao", "zao", "pao", "ao", "ip", "nao", "gup", "mup", "fgup", "llc", "jsc"]);

export function transliterate(input: string): string {
  let out = "";
  for (const ch of input.toLowerCase()) out += MAP[ch] ?? ch;
  return out;
}

/** "ООО «ЭнергоМаш-Север»" → "energomash-sever". Never empty (falls back to "org"), at most 60 characters. */
export function slugify(input: string): string {
  const words = transliterate(input)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  const meaningful = words.filter((w) => !LEGAL_FORMS.has(w));
  const slug = (meaningful.length > 0 ? meaningful : words).join("-").slice(0, 60).replace(/-+$/, "");
  return slug === "" ? "org" : slug;
}
