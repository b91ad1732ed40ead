const TRANSLIT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
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
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** «Трансформатор ТМГ-1000/10/0,4 У1» → "transformator-tmg-1000-10-0-4-u1" (lowercase ASCII, at most 80 chars). */
export function slugify(text: string): string {
  const out = text
    .toLowerCase()
    .split("")
    .map((c) => TRANSLIT[c] ?? c)
    .join("")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return out || "item";
}

/** A short deterministic suffix (base36 of FNV-1a) so slugs of different suppliers' identical titles differ. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(6, "0").slice(0, 6);
}

/** The slug of a product: title + a hash of (supplier, SKU), stable across re-imports. */
export function productSlug(title: string, supplierId: string, sku: string): string {
  return `${slugify(title).slice(0, 70).replace(/-+$/, "")}-${shortHash(`${supplierId}\u0000${sku}`)}`;
}
