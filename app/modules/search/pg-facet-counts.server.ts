import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { byCount, bySpecValue } from "./candidates";
import type { FacetValue, SearchFacets, SearchQuery } from "./search.types";

/**
 * Category browse from pre-aggregated counts (embedded engine). `search_facet_count` holds, per category (with its
 * descendants) and for the whole catalog, the number of indexed products per facet value, split into four disjoint
 * buckets by the products' two flags (supplier verified × in stock); statement triggers on search_document keep it
 * exact in the same transaction as every indexing write (migrations search_facet_counts and search_facet_count_flags,
 * docs/decisions/0023). A browse — no text, at most one category, no filter other than «verified» and «in stock» —
 * reads its total and its facet counts there (one short index range per facet, summed over the buckets its flags
 * allow) instead of counting thousands of matching rows; price and lead-time ranges are the first and last of their
 * counted values. Anything else (text, other filters) keeps the engine's candidate and exact-budget counting.
 */

/** What a browse reads from the aggregate: the category ("" = the whole catalog) and the flag filters. */
export interface BrowseScope {
  scope: string;
  verifiedOnly: boolean;
  inStockOnly: boolean;
}

/** The category and flags a query browses, or null when its counts cannot come from the aggregate. */
export function browseScope(query: SearchQuery): BrowseScope | null {
  const f = query.filters;
  if (query.q.trim() !== "" || query.facets === false) return null;
  if ((f.categoryIds?.length ?? 0) > 1) return null;
  const filtered =
    (f.sectors?.length ?? 0) > 0 ||
    (f.supplierIds?.length ?? 0) > 0 ||
    f.priceMin !== undefined ||
    f.priceMax !== undefined ||
    f.leadTimeMax !== undefined ||
    Object.values(f.specs ?? {}).some((v) => v.length > 0) ||
    Object.values(f.specRanges ?? {}).some((r) => r.min !== undefined || r.max !== undefined);
  if (filtered) return null;
  return {
    scope: f.categoryIds?.[0] ?? "",
    verifiedOnly: f.verifiedOnly === true,
    inStockOnly: f.inStockOnly === true,
  };
}

interface BrowseRow {
  counts: [string, string, number][] | null;
  verified: number;
  inStock: number;
  priceMin: string | null;
  priceMax: string | null;
  leadMin: string | null;
  leadMax: string | null;
  page: string[] | null;
}

/** The facets read as lists (price and lead are read as range ends only). */
const COUNTED = ["total", "sector", "category", "supplier"];

/**
 * Total, facets and the page ids of a browse of `scope`; `page` = the statement that yields the page's product ids
 * in the requested order (run in the same statement: one round trip).
 *
 * Each count is the sum over the buckets the flags allow (all four without a flag filter). As over the matching rows
 * on the budget path (`countFacets`), the `verified` and `inStock` facets count the matches that are verified / in
 * stock: the totals of the allowed buckets with that flag set. Those are also the counts with the facet's own filter
 * left out (a verified product passes «verified only»), so the two toggles need no disjunctive search.
 */
export async function browseFromCounts(
  prisma: PrismaClient,
  browse: BrowseScope,
  specCodes: string[],
  page: Prisma.Sql,
): Promise<{ total: number; facets: SearchFacets; pageIds: string[] }> {
  const { scope } = browse;
  // the buckets the flag filters allow (no condition: all four)
  const buckets = Prisma.sql`${browse.verifiedOnly ? Prisma.sql` AND verified` : Prisma.empty}${
    browse.inStockOnly ? Prisma.sql` AND "inStock"` : Prisma.empty
  }`;
  // the ends of a range: the first and last counted value (zero-padded, so text order is numeric order)
  const end = (facet: "price" | "lead", direction: "ASC" | "DESC") =>
    Prisma.sql`(SELECT value FROM search_facet_count WHERE scope = ${scope} AND facet = ${facet} ${buckets} AND n > 0
                 ORDER BY value ${Prisma.raw(direction)} LIMIT 1)`;
  // only the asked attributes' values (the whole catalog holds every category's): one key range per code
  const specRanges = specCodes.length
    ? Prisma.join(
        specCodes.map((code) => Prisma.sql`(value >= ${`${code}=`} AND value < ${`${code}>`})`),
        " OR ",
      )
    : Prisma.sql`FALSE`;
  // the allowed buckets' products that are verified / in stock (their share of the total)
  const flagged = (flag: Prisma.Sql) =>
    Prisma.sql`(SELECT coalesce(sum(n), 0)::int FROM search_facet_count
                 WHERE scope = ${scope} AND facet = 'total' AND value = '' ${buckets} AND ${flag})`;
  const [row] = await prisma.$queryRaw<BrowseRow[]>`
    SELECT (SELECT json_agg(json_build_array(facet, value, n))
              FROM (SELECT facet, value, sum(n)::int AS n FROM search_facet_count
                     WHERE scope = ${scope} AND facet = ANY(${COUNTED}::text[]) ${buckets}
                     GROUP BY facet, value HAVING sum(n) > 0
                    UNION ALL
                    SELECT facet, value, sum(n)::int FROM search_facet_count
                     WHERE scope = ${scope} AND facet = 'spec' AND (${specRanges}) ${buckets}
                     GROUP BY facet, value HAVING sum(n) > 0) c) AS counts,
           ${flagged(Prisma.sql`verified`)} AS verified, ${flagged(Prisma.sql`"inStock"`)} AS "inStock",
           ${end("price", "ASC")} AS "priceMin", ${end("price", "DESC")} AS "priceMax",
           ${end("lead", "ASC")} AS "leadMin", ${end("lead", "DESC")} AS "leadMax",
           ${page} AS page`;
  const lists: Record<string, FacetValue[]> = { sector: [], category: [], supplier: [] };
  const specs: Record<string, FacetValue[]> = {};
  const wanted = new Set(specCodes);
  let total = 0;
  for (const [facet, value, n] of row.counts ?? []) {
    if (facet === "total") total = n;
    else if (facet === "spec") {
      const eq = value.indexOf("=");
      const code = value.slice(0, eq);
      if (!wanted.has(code)) continue;
      specs[code] ??= [];
      specs[code].push({ value: value.slice(eq + 1), count: n });
    } else lists[facet]?.push({ value, count: n });
  }
  for (const code of Object.keys(specs)) specs[code].sort(bySpecValue);
  const range = (min: string | null, max: string | null) =>
    min === null || max === null ? null : { min: Number(min), max: Number(max) };
  return {
    total,
    pageIds: row.page ?? [],
    facets: {
      sector: lists.sector.sort(byCount),
      category: lists.category.sort(byCount),
      supplier: lists.supplier.sort(byCount),
      verified: row.verified,
      inStock: row.inStock,
      specs,
      price: range(row.priceMin, row.priceMax),
      leadTime: range(row.leadMin, row.leadMax),
    },
  };
}
