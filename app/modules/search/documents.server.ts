import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getPrisma } from "~/utils/db.server";
import type { SearchCard, SearchDocumentInput } from "./search.types";
import { aliasText } from "./synonyms";

/**
 * Builds engine-neutral search documents from the catalog. A product is searchable when it is PUBLISHED and its
 * supplier is not suspended; every other product id is returned in `hidden` so the engines delete it.
 */

const productInclude = {
  supplier: {
    select: {
      id: true,
      slug: true,
      shortName: true,
      verifiedAt: true,
      suspendedAt: true,
      ratingSum: true,
      ratingCount: true,
    },
  },
  // the card's main photo: the first photo by position (as the product page and the RFQ cart show it)
  media: { where: { kind: "PHOTO" }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { fileId: true } },
} satisfies Prisma.ProductInclude;

type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;

interface CategoryInfo {
  id: string;
  parentId: string | null;
  slug: string;
  sector: SearchDocumentInput["sector"];
  nameRu: string;
  nameEn: string;
  attributes: {
    code: string;
    nameRu: string;
    nameEn: string;
    type: string;
    unit: string | null;
    options: unknown;
    filterable: boolean;
    position: number;
  }[];
}

export async function loadCategories(prisma: PrismaClient = getPrisma()): Promise<Map<string, CategoryInfo>> {
  const rows = await prisma.category.findMany({
    select: {
      id: true,
      parentId: true,
      slug: true,
      sector: true,
      nameRu: true,
      nameEn: true,
      attributes: {
        select: {
          code: true,
          nameRu: true,
          nameEn: true,
          type: true,
          unit: true,
          options: true,
          filterable: true,
          position: true,
        },
        orderBy: { position: "asc" },
      },
    },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

function categoryChain(categories: Map<string, CategoryInfo>, id: string): CategoryInfo[] {
  const chain: CategoryInfo[] = [];
  let current = categories.get(id);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId ? categories.get(current.parentId) : undefined;
  }
  return chain;
}

function specValueText(attr: CategoryInfo["attributes"][number], value: unknown): string {
  if (attr.type === "BOOLEAN") return value ? "да" : "нет";
  if (attr.type === "ENUM" && Array.isArray(attr.options)) {
    const option = (attr.options as { value: string; ru?: string }[]).find((o) => o.value === value);
    if (option?.ru) return option.ru;
  }
  if (typeof value === "number") return String(value).replace(".", ",");
  return String(value);
}

export function isSearchable(p: Pick<ProductRow, "status"> & { supplier: { suspendedAt: Date | null } }): boolean {
  return p.status === "PUBLISHED" && p.supplier.suspendedAt === null;
}

export function buildDocument(p: ProductRow, categories: Map<string, CategoryInfo>): SearchDocumentInput {
  const chain = categoryChain(categories, p.categoryId);
  const leaf = chain[chain.length - 1];
  const specs = (p.specs && typeof p.specs === "object" && !Array.isArray(p.specs) ? p.specs : {}) as Record<
    string,
    unknown
  >;
  const attributes = leaf?.attributes ?? [];
  const specParts: string[] = [];
  const specFacets: Record<string, string> = {};
  const keySpecs: SearchCard["keySpecs"] = [];
  for (const attr of attributes) {
    const value = specs[attr.code];
    if (value === undefined || value === null || value === "") continue;
    const text = specValueText(attr, value);
    specParts.push(`${attr.nameRu} ${text}${attr.unit ? ` ${attr.unit}` : ""}`);
    if (attr.filterable) specFacets[attr.code] = typeof value === "boolean" ? String(value) : String(value);
    if (keySpecs.length < 4) {
      keySpecs.push({ code: attr.code, nameRu: attr.nameRu, nameEn: attr.nameEn, value: text, unit: attr.unit });
    }
  }
  const rating = p.supplier.ratingCount > 0 ? p.supplier.ratingSum / p.supplier.ratingCount : null;
  const card: SearchCard = {
    slug: p.slug,
    title: p.title,
    sku: p.sku,
    manufacturer: p.manufacturer,
    categoryId: p.categoryId,
    categorySlug: leaf?.slug ?? "",
    categoryNameRu: leaf?.nameRu ?? "",
    categoryNameEn: leaf?.nameEn ?? "",
    supplierId: p.supplier.id,
    supplierSlug: p.supplier.slug,
    supplierName: p.supplier.shortName,
    verified: p.supplier.verifiedAt !== null,
    rating: rating === null ? null : Math.round(rating * 10) / 10,
    ratingCount: p.supplier.ratingCount,
    priceKopecks: p.priceKopecks === null ? null : Number(p.priceKopecks),
    vatRate: p.vatRate,
    unit: p.unit,
    stockStatus: p.stockStatus,
    leadTimeDays: p.leadTimeDays,
    keySpecs,
    photoFileId: p.media[0]?.fileId ?? null,
  };
  return {
    id: p.id,
    card,
    sector: leaf?.sector ?? "GRID",
    categoryPath: chain.map((c) => c.id),
    // the names of the category path, then the trade abbreviations/full names the product goes by (synonyms.ts)
    categoryText: [
      ...chain.map((c) => c.nameRu),
      ...chain.map((c) => c.nameEn),
      aliasText(`${p.title} ${p.sku} ${chain.map((c) => c.nameRu).join(" ")}`),
    ]
      .filter(Boolean)
      .join(" › "),
    description: p.description ?? "",
    specText: specParts.join("; "),
    specFacets,
    updatedAt: p.updatedAt,
  };
}

/** Documents for these product ids; ids that are not searchable (or gone) come back in `hidden`. */
export async function documentsForProducts(
  ids: string[],
  prisma: PrismaClient = getPrisma(),
  categories?: Map<string, CategoryInfo>,
): Promise<{ docs: SearchDocumentInput[]; hidden: string[] }> {
  if (ids.length === 0) return { docs: [], hidden: [] };
  const [rows, cats] = await Promise.all([
    prisma.product.findMany({ where: { id: { in: ids } }, include: productInclude }),
    categories ? Promise.resolve(categories) : loadCategories(prisma),
  ]);
  const docs: SearchDocumentInput[] = [];
  const found = new Set<string>();
  for (const row of rows) {
    if (!isSearchable(row)) continue;
    found.add(row.id);
    docs.push(buildDocument(row, cats));
  }
  return { docs, hidden: ids.filter((id) => !found.has(id)) };
}

/** Every searchable product, in batches (keyset pagination by id), for a full reindex. */
export async function* allDocuments(
  batchSize = 1000,
  prisma: PrismaClient = getPrisma(),
): AsyncGenerator<SearchDocumentInput[]> {
  const categories = await loadCategories(prisma);
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.product.findMany({
      where: { status: "PUBLISHED", supplier: { suspendedAt: null }, ...(after ? { id: { gt: after } } : {}) },
      include: productInclude,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map((r) => buildDocument(r, categories));
    if (rows.length < batchSize) return;
  }
}
