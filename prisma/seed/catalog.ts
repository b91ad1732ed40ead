/**
 * Inserts the demo catalog (categories with attributes, supplier and buyer organisations, products with certificates)
 * and appends large generated catalogs for benchmarks. Meant for an empty database (seedCatalog) or one that already
 * holds the base catalog (seedBulkProducts). Search documents are not built here — run the search reindex afterwards.
 */
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client";
import { CATEGORIES, type CategorySeed } from "./categories";
import { DEFAULT_PRODUCT_SEED, type ProductSeed, productBatches, productIdPrefix } from "./products";
import { BUYERS, type OrganizationSeed, SUPPLIERS, type SupplierSeed } from "./suppliers";

export interface SeedCatalogResult {
  /** organisation slug → id, suppliers and buyers */
  orgIdsBySlug: Record<string, string>;
  /** ids of the Sevastopol buyer organisations, in BUYERS order */
  buyerOrgIds: string[];
  /** ids of the Petersburg supplier organisations, in SUPPLIERS order */
  supplierOrgIds: string[];
  /** category slug → id (roots and leaves) */
  categoryIdsBySlug: Record<string, string>;
  /** number of products inserted */
  products: number;
  /** number of certificates inserted */
  certificates: number;
}

export interface BulkSeedResult {
  inserted: number;
  /** index of the first generated product (products of this seed already present) */
  offset: number;
  seconds: number;
  rowsPerSecond: number;
}

const PRODUCT_CHUNK = 2000;

function orgData(o: OrganizationSeed): Prisma.OrganizationCreateManyInput {
  return {
    kind: o.kind,
    slug: o.slug,
    legalName: o.legalName,
    shortName: o.shortName,
    inn: o.inn,
    kpp: o.kpp,
    ogrn: o.ogrn,
    region: o.region,
    city: o.city,
    legalAddress: o.legalAddress,
    phone: o.phone,
    email: o.email,
    website: o.website,
    description: o.description,
    sectors: o.sectors,
    deliveryTerms: o.deliveryTerms,
    deliveryAddress: o.deliveryAddress,
    bankName: o.bankName,
    bik: o.bik,
    settlementAccount: o.settlementAccount,
    correspondentAccount: o.correspondentAccount,
    verifiedAt: o.verifiedAt,
    // a supplier that is not a VAT payer is on УСН without НДС; everyone else on ОСН (22 %)
    taxRegime: "vatPayer" in o && o.vatPayer === false ? "USN_NO_VAT" : "OSN",
    ...signatories(o.slug),
  };
}

const DIRECTORS = ["Смирнов А. В.", "Кузнецова Е. П.", "Соколов Д. И.", "Морозов С. Н.", "Волкова Т. А."];
const ACCOUNTANTS = ["Лебедева О. В.", "Новикова И. С.", "Козлова М. Ю.", "Павлова Н. Г.", "Фёдорова Л. К."];

/** Signatories printed on the счёт (руководитель, главный бухгалтер), picked deterministically from the slug. */
function signatories(slug: string): { directorName: string; accountantName: string } {
  let h = 0;
  for (const ch of slug) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return { directorName: DIRECTORS[h % DIRECTORS.length], accountantName: ACCOUNTANTS[(h >>> 8) % ACCOUNTANTS.length] };
}

async function insertCategories(
  prisma: PrismaClient,
  categories: readonly CategorySeed[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  // roots first, then children (a parent always precedes its children in this loop order)
  const ordered = [
    ...categories.filter((c) => c.parentSlug === null),
    ...categories.filter((c) => c.parentSlug !== null),
  ];
  for (const c of ordered) {
    const created = await prisma.category.create({
      data: {
        slug: c.slug,
        sector: c.sector,
        parentId: c.parentSlug ? ids[c.parentSlug] : null,
        nameRu: c.nameRu,
        nameEn: c.nameEn,
        descriptionRu: c.descriptionRu,
        descriptionEn: c.descriptionEn,
        position: c.position,
        attributes: {
          createMany: {
            data: c.attributes.map((a, position) => ({
              code: a.code,
              nameRu: a.nameRu,
              nameEn: a.nameEn,
              type: a.type,
              unit: a.unit ?? null,
              options: a.options ? (a.options as unknown as Prisma.InputJsonValue) : undefined,
              filterable: a.filterable,
              required: a.required,
              position,
            })),
          },
        },
      },
      select: { id: true },
    });
    ids[c.slug] = created.id;
  }
  return ids;
}

function productRow(p: ProductSeed, supplierId: string, categoryId: string): Prisma.ProductCreateManyInput {
  return {
    id: p.id,
    supplierId,
    categoryId,
    slug: p.slug,
    sku: p.sku,
    title: p.title,
    manufacturer: p.manufacturer,
    description: p.description,
    specs: p.specs as Prisma.InputJsonValue,
    priceKopecks: p.priceKopecks,
    vatRate: p.vatRate,
    unit: p.unit,
    minOrderQty: p.minOrderQty,
    leadTimeDays: p.leadTimeDays,
    stockStatus: p.stockStatus,
    status: p.status,
    publishedAt: p.publishedAt,
    createdAt: p.publishedAt ?? undefined,
  };
}

async function insertProducts(
  prisma: PrismaClient,
  batches: Iterable<ProductSeed[]>,
  supplierIds: Record<string, string>,
  categoryIds: Record<string, string>,
  onProgress?: (inserted: number) => void,
): Promise<{ products: number; certificates: number }> {
  let products = 0;
  let certificates = 0;
  for (const batch of batches) {
    const rows: Prisma.ProductCreateManyInput[] = [];
    const certs: Prisma.CertificateCreateManyInput[] = [];
    for (const p of batch) {
      const supplierId = supplierIds[p.supplierSlug];
      const categoryId = categoryIds[p.categorySlug];
      if (!supplierId || !categoryId) continue;
      rows.push(productRow(p, supplierId, categoryId));
      for (const c of p.certificates) {
        certs.push({
          id: c.id,
          productId: p.id,
          kind: c.kind,
          number: c.number,
          issuedAt: c.issuedAt,
          expiresAt: c.expiresAt,
        });
      }
    }
    if (rows.length === 0) continue;
    const created = await prisma.product.createMany({ data: rows, skipDuplicates: true });
    products += created.count;
    if (certs.length > 0) {
      if (created.count < rows.length) {
        // some products already existed (same seed, same index): keep only certificates of products now present
        const present = new Set(
          (await prisma.product.findMany({ where: { id: { in: rows.map((r) => r.id!) } }, select: { id: true } })).map(
            (r) => r.id,
          ),
        );
        const kept = certs.filter((c) => present.has(c.productId));
        certificates += (await prisma.certificate.createMany({ data: kept, skipDuplicates: true })).count;
      } else {
        certificates += (await prisma.certificate.createMany({ data: certs, skipDuplicates: true })).count;
      }
    }
    onProgress?.(products);
  }
  return { products, certificates };
}

// ─── raw multi-row INSERT (bulk path) ──────────────────────────────────────

function sqlText(s: string | null | undefined): string {
  if (s === null || s === undefined) return "NULL";
  return `'${s.replace(/'/g, "''").split(String.fromCharCode(0)).join("")}'`;
}

function sqlTime(d: Date | null | undefined): string {
  return d ? `'${d.toISOString().replace("T", " ").replace("Z", "")}'` : "NULL";
}

const PRODUCT_COLUMNS =
  '"id","supplierId","categoryId","slug","sku","title","manufacturer","description","specs","priceKopecks","vatRate","unit","minOrderQty","leadTimeDays","stockStatus","status","publishedAt","createdAt","updatedAt"';

/**
 * Inserts products and their certificates with one multi-row INSERT … ON CONFLICT DO NOTHING per chunk — several
 * times faster than createMany on PGlite. Values are literals escaped here (all generated, none user-supplied).
 */
async function insertProductsSql(
  prisma: PrismaClient,
  batches: Iterable<ProductSeed[]>,
  supplierIds: Record<string, string>,
  categoryIds: Record<string, string>,
  onProgress?: (inserted: number) => void,
): Promise<{ products: number; certificates: number }> {
  let products = 0;
  let certificates = 0;
  const now = sqlTime(new Date());
  for (const batch of batches) {
    const values: string[] = [];
    const certValues: string[] = [];
    for (const p of batch) {
      const supplierId = supplierIds[p.supplierSlug];
      const categoryId = categoryIds[p.categorySlug];
      if (!supplierId || !categoryId) continue;
      values.push(
        `(${sqlText(p.id)},${sqlText(supplierId)},${sqlText(categoryId)},${sqlText(p.slug)},${sqlText(p.sku)},${sqlText(p.title)},${sqlText(p.manufacturer)},${sqlText(p.description)},${sqlText(JSON.stringify(p.specs))}::jsonb,${p.priceKopecks === null ? "NULL" : p.priceKopecks.toString()},'${p.vatRate}'::"VatRate",${sqlText(p.unit)},${p.minOrderQty},${p.leadTimeDays ?? "NULL"},'${p.stockStatus}'::"StockStatus",'${p.status}'::"ProductStatus",${sqlTime(p.publishedAt)},${p.publishedAt ? sqlTime(p.publishedAt) : now},${now})`,
      );
      for (const c of p.certificates) {
        certValues.push(
          `(${sqlText(c.id)},${sqlText(p.id)},'${c.kind}'::"CertificateKind",${sqlText(c.number)},${sqlTime(c.issuedAt)}::timestamp(3),${sqlTime(c.expiresAt)}::timestamp(3))`,
        );
      }
    }
    if (values.length === 0) continue;
    products += await prisma.$executeRawUnsafe(
      `INSERT INTO "product" (${PRODUCT_COLUMNS}) VALUES ${values.join(",")} ON CONFLICT DO NOTHING`,
    );
    if (certValues.length > 0) {
      // certificates only for products that exist (a product skipped as a duplicate keeps its old certificates)
      certificates += await prisma.$executeRawUnsafe(
        `INSERT INTO "certificate" ("id","productId","kind","number","issuedAt","expiresAt")
         SELECT v.* FROM (VALUES ${certValues.join(",")}) AS v(id,"productId",kind,number,"issuedAt","expiresAt")
         WHERE EXISTS (SELECT 1 FROM "product" p WHERE p.id = v."productId")
         ON CONFLICT DO NOTHING`,
      );
    }
    onProgress?.(products);
  }
  return { products, certificates };
}

/**
 * Seeds categories (with attributes), the Petersburg suppliers, the Sevastopol buyers and `products` generated products
 * (default 650, seed 2026). Call on an empty database.
 */
export async function seedCatalog(
  prisma: PrismaClient,
  opts: { products?: number; seed?: number; onProgress?: (inserted: number) => void } = {},
): Promise<SeedCatalogResult> {
  const count = opts.products ?? 650;
  const seed = opts.seed ?? DEFAULT_PRODUCT_SEED;

  const categoryIdsBySlug = await insertCategories(prisma, CATEGORIES);

  const orgs: OrganizationSeed[] = [...SUPPLIERS, ...BUYERS];
  await prisma.organization.createMany({ data: orgs.map(orgData) });
  const rows = await prisma.organization.findMany({
    where: { slug: { in: orgs.map((o) => o.slug) } },
    select: { id: true, slug: true },
  });
  const orgIdsBySlug: Record<string, string> = {};
  for (const r of rows) orgIdsBySlug[r.slug] = r.id;

  const { products, certificates } = await insertProducts(
    prisma,
    productBatches({ count, seed, suppliers: SUPPLIERS, categories: CATEGORIES }, PRODUCT_CHUNK),
    orgIdsBySlug,
    categoryIdsBySlug,
    opts.onProgress,
  );

  return {
    orgIdsBySlug,
    buyerOrgIds: BUYERS.map((b) => orgIdsBySlug[b.slug]),
    supplierOrgIds: SUPPLIERS.map((s) => orgIdsBySlug[s.slug]),
    categoryIdsBySlug,
    products,
    certificates,
  };
}

/** True when the base catalog (categories and the seeded suppliers) is present. */
export async function hasBaseCatalog(prisma: PrismaClient): Promise<boolean> {
  const [categories, suppliers] = await Promise.all([
    prisma.category.count({ where: { slug: { in: CATEGORIES.map((c) => c.slug) } } }),
    prisma.organization.count({ where: { slug: { in: SUPPLIERS.map((s) => s.slug) } } }),
  ]);
  return categories === CATEGORIES.length && suppliers === SUPPLIERS.length;
}

/**
 * Appends `count` generated products for the suppliers and categories already in the database (the seeded ones,
 * matched by slug). Products of a seed get ids `cp<seed>…`, slugs and SKUs with a seed suffix, so different seeds
 * never collide; calling again with the same seed continues after the products of that seed already present.
 * Default seed 1 (the demo uses 2026).
 */
export async function seedBulkProducts(
  prisma: PrismaClient,
  opts: { count: number; seed?: number; batchSize?: number; onProgress?: (inserted: number) => void },
): Promise<BulkSeedResult> {
  const seed = opts.seed ?? 1;
  const started = performance.now();

  const [orgRows, categoryRows] = await Promise.all([
    prisma.organization.findMany({
      where: { kind: "SUPPLIER", slug: { in: SUPPLIERS.map((s) => s.slug) } },
      select: { id: true, slug: true },
    }),
    prisma.category.findMany({ select: { id: true, slug: true } }),
  ]);
  const supplierIds: Record<string, string> = {};
  for (const r of orgRows) supplierIds[r.slug] = r.id;
  const categoryIds: Record<string, string> = {};
  for (const r of categoryRows) categoryIds[r.slug] = r.id;
  const suppliers: SupplierSeed[] = SUPPLIERS.filter((s) => supplierIds[s.slug]);
  const categories = CATEGORIES.filter((c) => categoryIds[c.slug]);
  if (suppliers.length === 0 || categories.length === 0) {
    throw new Error("seedBulkProducts: the base catalog is missing — run seedCatalog first");
  }

  const offset = await prisma.product.count({ where: { id: { startsWith: productIdPrefix(seed) } } });
  const { products } = await insertProductsSql(
    prisma,
    productBatches({ count: opts.count, seed, offset, suppliers, categories }, opts.batchSize ?? PRODUCT_CHUNK),
    supplierIds,
    categoryIds,
    opts.onProgress,
  );
  // Planner statistics for the grown tables: PGlite has no autovacuum daemon, so without this a million-row catalog
  // is planned as if it were empty (the search reindex then ran ~15× slower).
  await prisma.$executeRawUnsafe("ANALYZE");
  const seconds = (performance.now() - started) / 1000;
  return {
    inserted: products,
    offset,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(products / seconds) : products,
  };
}
