/** Organisation slugs: the short name transliterated (ГОСТ 7.79-2000 system B, simplified) to lowercase Latin. */
import { transliterate as toLatin, slugify as toSlug } from "~/utils/slug";

/** Legal-form words that add nothing to a slug. */
const LEGAL_FORMS = new Set(["ooo", "oao", "zao", "pao", "ao", "ip", "nao", "gup", "mup", "fgup", "llc", "jsc"]);

export function transliterate(input: string): string {
  return toLatin(input, "gost");
}

/** "ООО «ЭнергоМаш-Север»" → "energomash-sever". Never empty (falls back to "org"), at most 60 characters. */
export function slugify(input: string): string {
  return toSlug(input, {
    scheme: "gost",
    decompose: "nfkd-strip",
    dropWords: LEGAL_FORMS,
    maxLength: 60,
    cut: "hard",
    fallback: "org",
  });
}
