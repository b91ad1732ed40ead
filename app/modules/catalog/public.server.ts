import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import { ORGANIZATION_LISTING_SELECT } from "~/modules/accounts/index.server";
import { imageSize, registerFileReadPolicy, type StoredFile } from "~/modules/files/files.server";
import { getPrisma } from "~/utils/db.server";
import { TtlCache } from "~/utils/ttl-cache.server";
import { toAttributeDef } from "./attributes";

/** What visitors may see: published products of suppliers that are not suspended. */
export const PUBLIC_PRODUCT_WHERE = {
  status: "PUBLISHED",
  supplier: { suspendedAt: null, kind: "SUPPLIER" },
} satisfies Prisma.ProductWhereInput;

const supplierCardSelect = {
  ...ORGANIZATION_LISTING_SELECT,
  ratingSum: true,
  ratingCount: true,
  deliveryTerms: true,
  sectors: true,
} satisfies Prisma.OrganizationSelect;

/** A stored photo as the pages show it: its id and pixel size (for `width`/`height`), never its storage key. */
export async function photoData(file: { id: string; storageKey: string; mimeType: string }) {
  const size = await imageSize(file);
  return { fileId: file.id, width: size?.width ?? null, height: size?.height ?? null };
}

/** A rating average rounded to one decimal, or null without ratings. */
export function ratingAverage(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

/** A product page's category: every attribute (the specs table) and the parent's names (breadcrumbs). */
const PAGE_CATEGORY_INCLUDE = {
  attributes: { orderBy: [{ position: "asc" }, { code: "asc" }] },
  parent: { select: { slug: true, nameRu: true, nameEn: true } },
} satisfies Prisma.CategoryInclude;

/**
 * Product pages' categories, kept per process for PAGE_CATEGORY_TTL_MS: a page otherwise pays three of its eight
 * queries (category, attributes, parent) for reference data that a few dozen categories share and operators rarely
 * change. A category or attribute saved in this process is seen at once (categories.server.ts forgets them all); other
 * processes see it within the TTL, as they see the search module's reference data.
 */
export const PAGE_CATEGORY_TTL_MS = 30_000;
const pageCategories = new TtlCache<Prisma.CategoryGetPayload<{ include: typeof PAGE_CATEGORY_INCLUDE }>>(
  PAGE_CATEGORY_TTL_MS,
  1_000,
);

function pageCategory(categoryId: string) {
  return pageCategories.get(categoryId, () =>
    getPrisma().category.findUniqueOrThrow({ where: { id: categoryId }, include: PAGE_CATEGORY_INCLUDE }),
  );
}

/** After a category or attribute write: product pages read categories afresh. */
export function forgetPageCategories(): void {
  pageCategories.forgetPrefix("");
}

/**
 * The public product page: a published product of an active supplier, with category attributes (for the specs table),
 * photos, documents, certificates and the supplier card. The supplier's own members also see their drafts
 * (preview); anyone else gets null.
 */
export async function getPublicProduct(slug: string, actor: Actor | null = null) {
  const prisma = getPrisma();
  const product = await prisma.product.findFirst({
    where: {
      slug,
      OR: [
        PUBLIC_PRODUCT_WHERE,
        ...(actor?.organizationId && actor.orgKind === "SUPPLIER" ? [{ supplierId: actor.organizationId }] : []),
      ],
    },
    include: {
      supplier: { select: supplierCardSelect },
      media: {
        include: { file: { select: { id: true, originalName: true, mimeType: true, size: true, storageKey: true } } },
        orderBy: { position: "asc" },
      },
      certificates: { orderBy: { issuedAt: "desc" } },
    },
  });
  if (!product) return null;
  const { attributes, ...category } = await pageCategory(product.categoryId);
  const { media, ...rest } = product;
  return {
    ...rest,
    category,
    attributes: attributes.map(toAttributeDef),
    photos: await Promise.all(
      media.filter((m) => m.kind === "PHOTO").map(async (m) => ({ id: m.id, ...(await photoData(m.file)) })),
    ),
    documents: media
      .filter((m) => m.kind === "DOCUMENT")
      .map(({ file: { storageKey: _key, ...file }, ...m }) => ({ ...m, file })),
    supplier: {
      ...product.supplier,
      rating: ratingAverage(product.supplier.ratingSum, product.supplier.ratingCount),
    },
  };
}

export const SUPPLIER_PRODUCTS_PAGE_SIZE = 24;

/** A public supplier profile (active suppliers only) with a page of its published products. */
export async function getSupplierProfile(slug: string, opts: { page?: number } = {}) {
  const prisma = getPrisma();
  const supplier = await prisma.organization.findFirst({
    where: { slug, kind: "SUPPLIER", suspendedAt: null },
    select: {
      ...supplierCardSelect,
      kpp: true,
      ogrn: true,
      region: true,
      legalAddress: true,
      phone: true,
      email: true,
      website: true,
      description: true,
      createdAt: true,
    },
  });
  if (!supplier) return null;
  const page = Math.max(1, opts.page ?? 1);
  const where = { ...PUBLIC_PRODUCT_WHERE, supplierId: supplier.id } satisfies Prisma.ProductWhereInput;
  const [total, products, categories] = await Promise.all([
    prisma.product.count({ where }),
    prisma.product.findMany({
      where,
      select: publicCardSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * SUPPLIER_PRODUCTS_PAGE_SIZE,
      take: SUPPLIER_PRODUCTS_PAGE_SIZE,
    }),
    prisma.product.groupBy({ by: ["categoryId"], where, _count: { _all: true } }),
  ]);
  const categoryRows = await prisma.category.findMany({
    where: { id: { in: categories.map((c) => c.categoryId) } },
    select: { id: true, slug: true, nameRu: true, nameEn: true },
  });
  const counts = new Map(categories.map((c) => [c.categoryId, c._count._all]));
  return {
    supplier: { ...supplier, rating: ratingAverage(supplier.ratingSum, supplier.ratingCount) },
    products: await Promise.all(
      products.map(async ({ media, ...p }) => ({ ...p, photo: media[0] ? await photoData(media[0].file) : null })),
    ),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SUPPLIER_PRODUCTS_PAGE_SIZE)),
    categories: categoryRows.map((c) => ({ ...c, count: counts.get(c.id) ?? 0 })).sort((a, b) => b.count - a.count),
  };
}

/** Fields of a product card (listings, supplier pages). */
export const publicCardSelect = {
  id: true,
  slug: true,
  sku: true,
  title: true,
  manufacturer: true,
  priceKopecks: true,
  vatRate: true,
  unit: true,
  stockStatus: true,
  leadTimeDays: true,
  category: { select: { slug: true, parent: { select: { slug: true } } } },
  media: {
    where: { kind: "PHOTO" },
    orderBy: { position: "asc" },
    take: 1,
    select: { file: { select: { id: true, storageKey: true, mimeType: true } } },
  },
} satisfies Prisma.ProductSelect;

/** Verified, active suppliers with the most published products — the home page's «Проверенные поставщики». */
/**
 * The main photo (first by position) of each of these products, for result cards: one query for a page of hits.
 * Only published products of suppliers that are not suspended; products without a photo are absent from the map.
 */
export async function mainPhotoFileIds(productIds: string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map();
  const media = await getPrisma().productMedia.findMany({
    where: { productId: { in: productIds }, kind: "PHOTO", product: PUBLIC_PRODUCT_WHERE },
    select: { productId: true, fileId: true },
    orderBy: [{ productId: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  const main = new Map<string, string>();
  for (const m of media) if (!main.has(m.productId)) main.set(m.productId, m.fileId);
  return main;
}

export async function listFeaturedSuppliers(limit = 8) {
  const prisma = getPrisma();
  const suppliers = await prisma.organization.findMany({
    where: { kind: "SUPPLIER", suspendedAt: null, verifiedAt: { not: null } },
    select: {
      ...supplierCardSelect,
      _count: { select: { products: { where: { status: "PUBLISHED" } } } },
    },
    orderBy: [{ products: { _count: "desc" } }, { shortName: "asc" }],
    take: limit,
  });
  return suppliers.map(({ _count, ...s }) => ({
    ...s,
    productCount: _count.products,
    rating: ratingAverage(s.ratingSum, s.ratingCount),
  }));
}

/** Every public URL for the sitemap: products and suppliers with their last change. */
export async function listSitemapEntries() {
  const prisma = getPrisma();
  const [products, suppliers, categories] = await Promise.all([
    prisma.product.findMany({
      where: PUBLIC_PRODUCT_WHERE,
      select: { slug: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: 45_000,
    }),
    prisma.organization.findMany({
      where: { kind: "SUPPLIER", suspendedAt: null },
      select: { slug: true, updatedAt: true },
      orderBy: { slug: "asc" },
    }),
    prisma.category.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
  ]);
  return { products, suppliers, categories };
}

/**
 * Photos, documents and certificate scans of a product anyone may see (published, active supplier) are public.
 */
async function canReadCatalogFile(_actor: Actor | null, file: StoredFile): Promise<boolean> {
  const prisma = getPrisma();
  const [media, cert] = await Promise.all([
    prisma.productMedia.findFirst({ where: { fileId: file.id, product: PUBLIC_PRODUCT_WHERE }, select: { id: true } }),
    prisma.certificate.findFirst({ where: { fileId: file.id, product: PUBLIC_PRODUCT_WHERE }, select: { id: true } }),
  ]);
  return Boolean(media || cert);
}

export function registerCatalogFilePolicy(): void {
  registerFileReadPolicy("catalog", canReadCatalogFile);
}
