/**
 * Which drawing stands in for a product photo: chosen by the category tree, never per product. A category's own
 * slug decides; a category not listed (a new one, an imported one) takes its parent's; otherwise «generic».
 * Slugs listed as "generic" have no family of their own and do not inherit the sector's.
 */
export const ILLUSTRATION_FAMILIES = [
  "transformer",
  "boiler",
  "pump",
  "cable",
  "switchgear",
  "valve",
  "meter",
  "pipe",
  "hydro",
  "generic",
] as const;
export type IllustrationFamily = (typeof ILLUSTRATION_FAMILIES)[number];

const BY_SLUG: Record<string, IllustrationFamily> = {
  // sectors (parents): the family a new category under them falls back to
  teploenergetika: "boiler",
  gidroenergetika: "hydro",
  "elektrosetevoe-hozyaystvo": "switchgear",
  "kommunalnaya-tehnika": "generic",
  // heat power
  "kotly-vodogreynye": "boiler",
  "kotly-parovye": "boiler",
  gorelki: "boiler",
  teploobmenniki: "boiler",
  "nasosy-setevye": "pump",
  "itp-btp": "pipe",
  "truby-ppu": "pipe",
  "armatura-truboprovodnaya": "valve",
  "dymososy-ventilyatory": "pump",
  // hydropower
  gidroturbiny: "hydro",
  gidrogeneratory: "hydro",
  zatvory: "valve",
  "gidroagregaty-malyh-ges": "hydro",
  "sistemy-avtomatiki-ges": "switchgear",
  "maslonapornye-ustanovki": "pump",
  // electric grid
  "silovye-transformatory": "transformer",
  "ktp-bktp": "transformer",
  "kru-kso": "switchgear",
  "kabel-i-provod": "cable",
  rza: "switchgear",
  "pribory-ucheta": "meter",
  "opory-lep": "generic",
  opn: "generic",
  // municipal
  kdm: "generic",
  "snegouborochnaya-tehnika": "generic",
  "podmetalno-uborochnye-mashiny": "generic",
  musorovozy: "generic",
  assenizatory: "generic",
  vodoochistka: "pipe",
  kns: "pump",
};

export function illustrationFamily(category: {
  slug: string;
  parent?: { slug: string } | null;
  parentSlug?: string | null;
}): IllustrationFamily {
  const own = BY_SLUG[category.slug];
  if (own) return own;
  const parent = category.parent?.slug ?? category.parentSlug;
  return (parent && BY_SLUG[parent]) || "generic";
}
