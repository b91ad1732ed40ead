/**
 * The catalog's facets (search module, behind `searchCatalog` in search.server.ts): disjunctive counts per selected
 * group, and the engine's raw counts labelled for the page and the API.
 */
import type { Sector } from "~/generated/prisma/enums";
import type { SearchParams } from "./search.schema";
import type { FacetValue, SearchFacets, SearchFilters, SearchQuery, SearchResult } from "./search.types";

export interface CategoryRef {
  id: string;
  slug: string;
  nameRu: string;
  nameEn: string;
}

export interface SpecFacet {
  code: string;
  nameRu: string;
  nameEn: string;
  unit: string | null;
  /** a NUMBER attribute: filtered by a from–to range (`spec.<code>.min` / `.max`) besides its values */
  numeric: boolean;
  /** the smallest and largest value among the matches (numeric attributes; null when none) */
  range: { min: number; max: number } | null;
  /** the chosen range */
  selectedRange: { min?: number; max?: number };
  values: { value: string; labelRu: string; labelEn: string; count: number; selected: boolean }[];
}

/**
 * Disjunctive facets (as Meilisearch's and Algolia's UIs do): the counts of a facet group with a selection are those of
 * the search without that group's own selection, so «6 кВ» stays selectable next to a chosen «10 кВ» and shows how many
 * «6 or 10 кВ» adds. One extra engine search per group with a selection (both engines; cached like any search). They
 * depend on the query only, so they go with the main search: `searchAll` (search.types.ts) sends them all as one
 * Meilisearch multi-search request. `queries` are those searches; `apply(results)` gives the function that puts those
 * groups' counts (from the results, in the order of `queries`) into the main search's facets.
 */
export interface DisjunctiveFacets {
  queries: SearchQuery[];
  apply(results: SearchResult[]): (facets: SearchFacets) => SearchFacets;
}

export function disjunctiveFacets(query: SearchQuery, pathCategoryIds: string[]): DisjunctiveFacets {
  const f = query.filters;
  const queries: SearchQuery[] = [];
  const applies: ((from: SearchFacets, out: SearchFacets) => void)[] = [];
  const run = (
    filters: SearchFilters,
    apply: (from: SearchFacets, out: SearchFacets) => void,
    specCodes: string[] = [],
  ) => {
    queries.push({ ...query, filters, facets: { specCodes }, page: 1, perPage: 1 });
    applies.push(apply);
  };
  if (f.sectors?.length) run({ ...f, sectors: undefined }, (from, out) => (out.sector = from.sector));
  const chosenCategories = f.categoryIds?.length && f.categoryIds.join() !== pathCategoryIds.join();
  if (chosenCategories) {
    run({ ...f, categoryIds: pathCategoryIds.length ? pathCategoryIds : undefined }, (from, out) => {
      out.category = from.category;
    });
  }
  if (f.supplierIds?.length) run({ ...f, supplierIds: undefined }, (from, out) => (out.supplier = from.supplier));
  if (f.priceMin !== undefined || f.priceMax !== undefined) {
    run({ ...f, priceMin: undefined, priceMax: undefined }, (from, out) => (out.price = from.price));
  }
  // a spec's values and its range are one group: its counts (and the range's bounds) without either
  const specGroups = new Set([
    ...Object.keys(f.specs ?? {}).filter((code) => f.specs?.[code]?.length),
    ...Object.keys(f.specRanges ?? {}),
  ]);
  for (const code of specGroups) {
    const { [code]: _own, ...rest } = f.specs ?? {};
    const { [code]: _ownRange, ...otherRanges } = f.specRanges ?? {};
    run(
      { ...f, specs: rest, specRanges: otherRanges },
      (from, out) => {
        if (from.specs[code]) out.specs = { ...out.specs, [code]: from.specs[code] };
      },
      [code],
    );
  }
  return {
    queries,
    apply: (results) => (facets) => {
      if (queries.length === 0) return facets;
      const out: SearchFacets = { ...facets, specs: { ...facets.specs } };
      results.forEach((r, i) => {
        if (r.facets) applies[i](r.facets, out);
      });
      return out;
    },
  };
}

/** No disjunctive searches (a search without facets). */
export const NO_DISJUNCTIVE_FACETS: DisjunctiveFacets = { queries: [], apply: () => (facets) => facets };

/** The engine's facets with names and labels from the reference data, and what the URL selected. */
export function labelFacets(
  result: SearchResult,
  params: SearchParams,
  ref: FacetRefs,
  attributes: FacetAttribute[],
  selectedCategoryIds: string[],
  selectedSupplierIds: string[],
): CatalogFacets {
  const f = result.facets;
  if (!f) throw new Error("no facets");
  const top = (list: FacetValue[], n: number) => list.slice(0, n);
  return {
    sectors: f.sector.map((s) => ({
      value: s.value as Sector,
      count: s.count,
      selected: params.sector.includes(s.value as Sector),
    })),
    categories: categoryCounts(top(f.category, 30), ref.categoryById).map((c) => ({
      ...c,
      selected: selectedCategoryIds.includes(c.id),
    })),
    suppliers: supplierCounts(top(f.supplier, 30), ref.supplierById).map((o) => ({
      ...o,
      selected: selectedSupplierIds.includes(o.id),
    })),
    verified: f.verified,
    inStock: f.inStock,
    specs: attributes.map((a) => {
      const options = Array.isArray(a.options) ? (a.options as { value: string; ru?: string; en?: string }[]) : [];
      const label = (v: string, lang: "ru" | "en") => {
        if (a.type === "BOOLEAN") return v === "true" ? (lang === "ru" ? "да" : "yes") : lang === "ru" ? "нет" : "no";
        const o = options.find((x) => x.value === v);
        return (lang === "ru" ? o?.ru : o?.en) ?? (lang === "ru" ? v.replace(".", ",") : v);
      };
      const numbers = a.type === "NUMBER" ? (f.specs[a.code] ?? []).map((v) => Number(v.value)) : [];
      const finite = numbers.filter((n) => Number.isFinite(n));
      return {
        code: a.code,
        nameRu: a.nameRu,
        nameEn: a.nameEn,
        unit: a.unit,
        numeric: a.type === "NUMBER",
        range: finite.length ? { min: Math.min(...finite), max: Math.max(...finite) } : null,
        selectedRange: params.specRanges[a.code] ?? {},
        values: (f.specs[a.code] ?? []).map((v) => ({
          value: v.value,
          labelRu: label(v.value, "ru"),
          labelEn: label(v.value, "en"),
          count: v.count,
          selected: params.specs[a.code]?.includes(v.value) ?? false,
        })),
      };
    }),
    price: f.price,
    leadTime: f.leadTime,
  };
}

/** The counted values of a facet whose values are ids, as `make(reference, count)`; ids not in `byId` are left out. */
function refCounts<T, R>(values: FacetValue[], byId: Map<string, T>, make: (ref: T, count: number) => R): R[] {
  return values.flatMap((v) => {
    const ref = byId.get(v.value);
    return ref ? [make(ref, v.count)] : [];
  });
}

/** Category facet values with the categories' slugs and names (the catalog's facets, the header's suggestions). */
export function categoryCounts(values: FacetValue[], byId: FacetRefs["categoryById"]) {
  return refCounts(values, byId, (c, count) => ({
    id: c.id,
    slug: c.slug,
    nameRu: c.nameRu,
    nameEn: c.nameEn,
    count,
  }));
}

/** Supplier facet values with the suppliers' slugs, names and verification. */
export function supplierCounts(values: FacetValue[], byId: FacetRefs["supplierById"]) {
  return refCounts(values, byId, (o, count) => ({
    id: o.id,
    slug: o.slug,
    name: o.shortName,
    verified: o.verifiedAt !== null,
    count,
  }));
}

/** A filterable attribute of the category, as facets label it. */
export interface FacetAttribute {
  code: string;
  nameRu: string;
  nameEn: string;
  unit: string | null;
  type: string;
  options: unknown;
}

/** Categories and suppliers by id (the module's cached reference data). */
export interface FacetRefs {
  categoryById: Map<string, CategoryRef>;
  supplierById: Map<string, { id: string; slug: string; shortName: string; verifiedAt: Date | null }>;
}

export interface CatalogFacets {
  sectors: { value: Sector; count: number; selected: boolean }[];
  categories: (CategoryRef & { count: number; selected: boolean })[];
  suppliers: { id: string; slug: string; name: string; verified: boolean; count: number; selected: boolean }[];
  verified: number;
  inStock: number;
  specs: SpecFacet[];
  price: { min: number; max: number } | null;
  leadTime: { min: number; max: number } | null;
}
