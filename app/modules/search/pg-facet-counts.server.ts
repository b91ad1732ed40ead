import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { byCount, bySpecValue } from "./candidates";
import type { FacetValue, SearchFacets, SearchQuery } from "./search.types";

/**
 * Category browse from pre-aggregated counts (embedded engine). `search_facet_count` holds, per category (with its
 * descendants) and for the whole catalog, the number of indexed products per facet value; statement triggers on
 * search_document keep it exact in the same transaction as every indexing write (migration search_facet_counts,
 * docs/decisions/0023). A browse — no text, at most one category, no other filter — reads its total and its facet
 * counts there (one short index range) instead of counting thousands of matching rows; price and lead-time ranges
 * are the first and last entries of their sort indexes within the category. Anything else (text, filters) keeps the
 * engine's candidate and exact-budget counting.
 */

/** The category a query browses ("" = the whole catalog), or null when its counts cannot come from the aggregate. */
export function browseScope(query: SearchQuery): string | null {
  const f = query.filters;
  if (query.q.trim() !== "" || query.facets === false) return null;
  if ((f.categoryIds?.length ?? 0) > 1) return null;
  const filtered =
    (f.sectors?.length ?? 0) > 0 ||
    (f.supplierIds?.length ?? 0) > 0 ||
    f.verifiedOnly ||
    f.inStockOnly ||
    f.priceMin !== undefined ||
    f.priceMax !== undefined ||
    f.leadTimeMax !== undefined ||
    Object.values(f.specs ?? {}).some((v) => v.length > 0) ||
    Object.values(f.specRanges ?? {}).some((r) => r.min !== undefined || r.max !== undefined);
  if (filtered) return null;
  return f.categoryIds?.[0] ?? "";
}

interface BrowseRow {
  counts: [string, string, number][] | null;
  priceMin: bigint | null;
  priceMax: bigint | null;
  leadMin: number | null;
  leadMax: number | null;
  page: string[] | null;
}

/**
 * Total, facets and the page ids of a browse of `scope`; `page` = the statement that yields the page's product ids
 * in the requested order (run in the same statement: one round trip).
 */
export async function browseFromCounts(
  prisma: PrismaClient,
  scope: string,
  specCodes: string[],
  page: Prisma.Sql,
): Promise<{ total: number; facets: SearchFacets; pageIds: string[] }> {
  const inScope = scope ? Prisma.sql`d."categoryPath" && ARRAY[${scope}]::text[]` : Prisma.sql`TRUE`;
  const end = (column: string, direction: "ASC" | "DESC") => {
    const c = Prisma.raw(`d."${column}"`);
    return Prisma.sql`(SELECT ${c} FROM search_document d WHERE ${inScope} AND ${c} IS NOT NULL
                        ORDER BY ${c} ${Prisma.raw(direction)} LIMIT 1)`;
  };
  const [row] = await prisma.$queryRaw<BrowseRow[]>`
    SELECT (SELECT json_agg(json_build_array(facet, value, n)) FROM search_facet_count
             WHERE scope = ${scope} AND n > 0) AS counts,
           ${end("priceKopecks", "ASC")} AS "priceMin", ${end("priceKopecks", "DESC")} AS "priceMax",
           ${end("leadTimeDays", "ASC")} AS "leadMin", ${end("leadTimeDays", "DESC")} AS "leadMax",
           ${page} AS page`;
  const lists: Record<string, FacetValue[]> = { sector: [], category: [], supplier: [] };
  const specs: Record<string, FacetValue[]> = {};
  const wanted = new Set(specCodes);
  let total = 0;
  let verified = 0;
  let inStock = 0;
  for (const [facet, value, n] of row.counts ?? []) {
    if (facet === "total") total = n;
    else if (facet === "verified") verified = n;
    else if (facet === "stock") inStock = n;
    else if (facet === "spec") {
      const eq = value.indexOf("=");
      const code = value.slice(0, eq);
      if (!wanted.has(code)) continue;
      specs[code] ??= [];
      specs[code].push({ value: value.slice(eq + 1), count: n });
    } else lists[facet]?.push({ value, count: n });
  }
  for (const code of Object.keys(specs)) specs[code].sort(bySpecValue);
  const range = (min: bigint | number | null, max: bigint | number | null) =>
    min === null || max === null ? null : { min: Number(min), max: Number(max) };
  return {
    total,
    pageIds: row.page ?? [],
    facets: {
      sector: lists.sector.sort(byCount),
      category: lists.category.sort(byCount),
      supplier: lists.supplier.sort(byCount),
      verified,
      inStock,
      specs,
      price: range(row.priceMin, row.priceMax),
      leadTime: range(row.leadMin, row.leadMax),
    },
  };
}
