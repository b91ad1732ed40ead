import { slugify as toSlug } from "~/utils/slug";

/** «Трансформатор ТМГ-1000/10/0,4 У1» → "transformator-tmg-1000-10-0-4-u1" (lowercase ASCII, at most 80 chars). */
export function slugify(text: string): string {
  return toSlug(text, { scheme: "simple", decompose: "nfkd", maxLength: 80, cut: "hard", fallback: "item" });
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
