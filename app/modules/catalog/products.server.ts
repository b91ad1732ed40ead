import type { Prisma } from "~/generated/prisma/client";
import type { MediaKind, ProductStatus } from "~/generated/prisma/enums";
import { type Actor, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { auditTrail } from "~/modules/audit/audit.server";
import {
  DOCUMENT_KINDS,
  deleteStoredFile,
  IMAGE_KINDS,
  saveUpload,
  type UploadInput,
} from "~/modules/files/files.server";
import { parseRublesToKopecks } from "~/modules/money/money";
import { supplierVatOptions } from "~/modules/money/money.server";
import { enqueue, enqueueMany } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import type { CertificateInput, ProductFormInput, ProductListQuery } from "./catalog.schema";
import { getCategoryAttributes } from "./categories.server";
import { CatalogValidationError } from "./errors";
import { productSlug } from "./slug";
import { parseSpecs, validateSpecs } from "./specs";

const auditProduct = auditTrail("product");

type Tx = Prisma.TransactionClient;

export const SEARCH_PRODUCT_TOPIC = "search.product";
export const PRODUCTS_PAGE_SIZE = 25;

/** Tells the search engine (through the outbox, same transaction) that a product changed. */
export async function notifySearch(tx: Tx, productIds: string[]): Promise<void> {
  await enqueueMany(
    tx,
    productIds.map((productId) => ({ topic: SEARCH_PRODUCT_TOPIC, aggregateId: productId, payload: { productId } })),
  );
}

/** The supplier's products with filters (status, category, text in title/SKU/manufacturer), 25 per page. */
export async function listSupplierProducts(actor: Actor, query: ProductListQuery) {
  requireSupplier(actor);
  const where: Prisma.ProductWhereInput = {
    supplierId: actor.organizationId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(query.import ? { importJobId: query.import } : {}),
    ...(query.q
      ? {
          OR: [
            { title: { contains: query.q, mode: "insensitive" } },
            { sku: { contains: query.q, mode: "insensitive" } },
            { manufacturer: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const prisma = getPrisma();
  const [total, items, counts] = await Promise.all([
    prisma.product.count({ where }),
    prisma.product.findMany({
      where,
      select: {
        id: true,
        slug: true,
        sku: true,
        title: true,
        status: true,
        priceKopecks: true,
        vatRate: true,
        unit: true,
        stockStatus: true,
        updatedAt: true,
        category: { select: { id: true, nameRu: true, nameEn: true } },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PRODUCTS_PAGE_SIZE,
      take: PRODUCTS_PAGE_SIZE,
    }),
    prisma.product.groupBy({ by: ["status"], where: { supplierId: actor.organizationId }, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<
    Record<ProductStatus, number>
  >;
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PRODUCTS_PAGE_SIZE)), byStatus };
}

/** One of the supplier's own products with everything the edit form needs; a foreign id is a 404. */
export async function getSupplierProduct(actor: Actor, productId: string) {
  requireSupplier(actor);
  const product = await getPrisma().product.findFirst({
    where: { id: productId, supplierId: actor.organizationId },
    include: {
      category: { select: { id: true, slug: true, nameRu: true, nameEn: true } },
      media: { include: { file: true }, orderBy: [{ kind: "asc" }, { position: "asc" }] },
      certificates: { orderBy: { issuedAt: "desc" } },
    },
  });
  if (!product) throw new NotFoundError("product");
  return product;
}

async function toProductData(supplierId: string, input: ProductFormInput) {
  const category = await getPrisma().category.findFirst({
    where: { id: input.categoryId, children: { none: {} } },
    select: { id: true },
  });
  if (!category) throw new CatalogValidationError({ categoryId: ["errors.category"] });
  if (!(await supplierVatOptions(supplierId)).rates.includes(input.vatRate)) {
    throw new CatalogValidationError({ vatRate: ["errors.vatNotAllowed"] });
  }
  const attributes = await getCategoryAttributes(category.id);
  const { specs, errors } = parseSpecs(input.spec ?? {}, attributes);
  if (Object.keys(errors).length > 0) {
    throw new CatalogValidationError(
      Object.fromEntries(Object.entries(errors).map(([code, key]) => [`spec.${code}`, [key]])),
    );
  }
  return {
    supplierId,
    categoryId: category.id,
    title: input.title,
    sku: input.sku,
    manufacturer: input.manufacturer ?? null,
    description: input.description ?? null,
    specs,
    priceKopecks: input.priceOnRequest || !input.price ? null : (parseRublesToKopecks(input.price) ?? null),
    vatRate: input.vatRate,
    unit: input.unit,
    minOrderQty: input.minOrderQty,
    leadTimeDays: input.leadTimeDays ?? null,
    stockStatus: input.stockStatus,
  };
}

/** NotFoundError unless the product is the supplier's own (another organisation's or a made-up id is not found). */
async function requireOwnProduct(supplierId: string, productId: string): Promise<void> {
  const own = await getPrisma().product.findFirst({ where: { id: productId, supplierId }, select: { id: true } });
  if (!own) throw new NotFoundError("product");
}

async function assertSkuFree(supplierId: string, sku: string, exceptId?: string) {
  const clash = await getPrisma().product.findFirst({
    where: { supplierId, sku, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new CatalogValidationError({ sku: ["errors.skuTaken"] });
}

async function uniqueSlug(base: string): Promise<string> {
  let slug = base;
  for (let i = 2; await getPrisma().product.findUnique({ where: { slug }, select: { id: true } }); i++) {
    slug = `${base}-${i}`;
  }
  return slug;
}

/** Creates a draft product of the actor's organisation. Throws CatalogValidationError on bad specs / taken SKU. */
export async function createProduct(actor: Actor, input: ProductFormInput): Promise<{ id: string; slug: string }> {
  requireSupplier(actor);
  const data = await toProductData(actor.organizationId, input);
  await assertSkuFree(actor.organizationId, data.sku);
  const slug = await uniqueSlug(productSlug(data.title, actor.organizationId, data.sku));
  return getPrisma().$transaction(async (tx) => {
    const product = await tx.product.create({
      data: { ...data, slug, status: "DRAFT" },
      select: { id: true, slug: true },
    });
    await notifySearch(tx, [product.id]);
    await auditProduct(tx, product.id, "created", actor, { sku: data.sku });
    return product;
  });
}

export async function updateProduct(actor: Actor, productId: string, input: ProductFormInput): Promise<void> {
  requireSupplier(actor);
  await requireOwnProduct(actor.organizationId, productId);
  const data = await toProductData(actor.organizationId, input);
  await assertSkuFree(actor.organizationId, data.sku, productId);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({
      where: { id: productId, supplierId: actor.organizationId },
      data,
    });
    if (count === 0) throw new NotFoundError("product");
    await notifySearch(tx, [productId]);
    await auditProduct(tx, productId, "updated", actor);
  });
}

/** A draft copy of a product (SKU suffixed «-копия», «-копия-2»…), without media and certificates. */
export async function duplicateProduct(actor: Actor, productId: string): Promise<{ id: string }> {
  requireSupplier(actor);
  const prisma = getPrisma();
  const source = await prisma.product.findFirst({ where: { id: productId, supplierId: actor.organizationId } });
  if (!source) throw new NotFoundError("product");
  let sku = `${source.sku}-копия`;
  for (
    let i = 2;
    await prisma.product.findFirst({ where: { supplierId: actor.organizationId, sku }, select: { id: true } });
    i++
  ) {
    sku = `${source.sku}-копия-${i}`;
  }
  const slug = await uniqueSlug(productSlug(source.title, actor.organizationId, sku));
  return prisma.$transaction(async (tx) => {
    const copy = await tx.product.create({
      data: {
        supplierId: source.supplierId,
        categoryId: source.categoryId,
        slug,
        sku,
        title: source.title,
        manufacturer: source.manufacturer,
        description: source.description,
        specs: source.specs as Prisma.InputJsonValue,
        priceKopecks: source.priceKopecks,
        vatRate: source.vatRate,
        unit: source.unit,
        minOrderQty: source.minOrderQty,
        leadTimeDays: source.leadTimeDays,
        stockStatus: source.stockStatus,
        status: "DRAFT",
      },
      select: { id: true },
    });
    await notifySearch(tx, [copy.id]);
    await auditProduct(tx, copy.id, "duplicated", actor, { from: productId });
    return copy;
  });
}

/** Why a product cannot be published: an i18n key of the catalog namespace, and the characteristic it is about. */
export type PublishProblem = { key: string; attribute?: { code: string; nameRu: string; nameEn: string } };

export type PublishResult = {
  published: number;
  /** the actor's products that stay unpublished, with the reasons */
  failed: { id: string; title: string; problems: PublishProblem[] }[];
};

/**
 * THE publish check (single publish, bulk publish, API and 1C exchange all come through here): the category is still a
 * leaf, the specs match the category's current characteristics (required ones filled, values of the right type), and
 * the VAT rate is one the supplier's tax system allows.
 */
async function publishProblems(
  supplierId: string,
  products: {
    categoryId: string;
    specs: Prisma.JsonValue;
    vatRate: string;
    category: { _count: { children: number } };
  }[],
): Promise<PublishProblem[][]> {
  const vat = await supplierVatOptions(supplierId);
  const attributesBy = new Map<string, Awaited<ReturnType<typeof getCategoryAttributes>>>();
  for (const p of products) {
    if (!attributesBy.has(p.categoryId)) attributesBy.set(p.categoryId, await getCategoryAttributes(p.categoryId));
  }
  return products.map((p) => {
    const problems: PublishProblem[] = [];
    if (p.category._count.children > 0) problems.push({ key: "errors.category" });
    if (!vat.rates.includes(p.vatRate as (typeof vat.rates)[number])) problems.push({ key: "errors.vatNotAllowed" });
    const attributes = attributesBy.get(p.categoryId) ?? [];
    for (const [code, key] of Object.entries(validateSpecs(p.specs, attributes))) {
      const attr = attributes.find((a) => a.code === code);
      problems.push({ key, attribute: { code, nameRu: attr?.nameRu ?? code, nameEn: attr?.nameEn ?? code } });
    }
    return problems;
  });
}

/**
 * Publishes those of the given products that belong to the actor's organisation and pass the publish check; ids of
 * other organisations (or made up) are ignored — the tenant scope is in the query, nothing about them is returned.
 */
export async function publishProducts(actor: Actor, productIds: string[]): Promise<PublishResult> {
  requireSupplier(actor);
  if (productIds.length === 0) return { published: 0, failed: [] };
  const prisma = getPrisma();
  const owned = await prisma.product.findMany({
    where: { id: { in: productIds }, supplierId: actor.organizationId, status: { not: "PUBLISHED" } },
    select: {
      id: true,
      title: true,
      categoryId: true,
      specs: true,
      vatRate: true,
      category: { select: { _count: { select: { children: true } } } },
    },
    orderBy: { title: "asc" },
  });
  const problems = await publishProblems(actor.organizationId, owned);
  const failed = owned
    .map((p, i) => ({ id: p.id, title: p.title, problems: problems[i] }))
    .filter((p) => p.problems.length > 0);
  const ids = owned.filter((_, i) => problems[i].length === 0).map((p) => p.id);
  const published = ids.length ? await changeStatus(actor, ids, "PUBLISHED") : 0;
  return { published, failed };
}

async function changeStatus(actor: Actor, productIds: string[], status: ProductStatus): Promise<number> {
  requireSupplier(actor);
  return getPrisma().$transaction(async (tx) => {
    const owned = await tx.product.findMany({
      where: { id: { in: productIds }, supplierId: actor.organizationId, status: { not: status } },
      select: { id: true },
    });
    const ids = owned.map((p) => p.id);
    if (ids.length === 0) return 0;
    await tx.product.updateMany({
      where: { id: { in: ids }, supplierId: actor.organizationId },
      data: { status, ...(status === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
    });
    await notifySearch(tx, ids);
    await auditProduct(tx, ids.length === 1 ? ids[0] : "bulk", status.toLowerCase(), actor, {
      count: ids.length,
      ids: ids.slice(0, 100),
    });
    return ids.length;
  });
}

/**
 * Publishes or archives (or returns to draft) some of the actor's products; ids of other organisations are ignored
 * (tenant scope in the query). Publishing goes through the publish check: products that fail it stay as they are
 * (publishProducts tells why). Returns how many changed.
 */
export async function setProductsStatus(actor: Actor, productIds: string[], status: ProductStatus): Promise<number> {
  requireSupplier(actor);
  if (productIds.length === 0) return 0;
  if (status === "PUBLISHED") return (await publishProducts(actor, productIds)).published;
  return changeStatus(actor, productIds, status);
}

/**
 * Publishes, archives or returns to draft one of the actor's products. Another organisation's product (or a made-up
 * id) is NotFoundError — the page must not pretend it worked; a product failing the publish check is
 * CatalogValidationError with the reasons.
 */
export async function setProductStatus(actor: Actor, productId: string, status: ProductStatus): Promise<void> {
  requireSupplier(actor);
  await requireOwnProduct(actor.organizationId, productId);
  if (status !== "PUBLISHED") {
    await changeStatus(actor, [productId], status);
    return;
  }
  const { failed } = await publishProducts(actor, [productId]);
  if (failed.length > 0) {
    throw new CatalogValidationError(
      Object.fromEntries(
        failed[0].problems.map((p, i) => [p.attribute ? `spec.${p.attribute.code}` : `publish${i}`, [p.key]]),
      ),
    );
  }
}

/** Attaches a photo (→ WebP) or a document (PDF, drawing…) to one of the actor's products. */
export async function addProductMedia(
  actor: Actor,
  productId: string,
  input: { kind: MediaKind; file: UploadInput; title?: string },
): Promise<{ id: string }> {
  requireSupplier(actor);
  const prisma = getPrisma();
  const product = await prisma.product.findFirst({
    where: { id: productId, supplierId: actor.organizationId },
    select: { id: true, _count: { select: { media: true } } },
  });
  if (!product) throw new NotFoundError("product");
  const stored = await saveUpload({
    organizationId: actor.organizationId,
    uploadedById: actor.userId,
    file: input.file,
    allowed: input.kind === "PHOTO" ? IMAGE_KINDS : DOCUMENT_KINDS,
  });
  return prisma.$transaction(async (tx) => {
    const media = await tx.productMedia.create({
      data: {
        productId,
        fileId: stored.id,
        kind: input.kind,
        title: input.title?.trim() || stored.originalName,
        position: product._count.media,
      },
      select: { id: true },
    });
    await tx.product.update({ where: { id: productId }, data: { updatedAt: new Date() } });
    await enqueue(tx, { topic: SEARCH_PRODUCT_TOPIC, aggregateId: productId, payload: { productId } });
    return media;
  });
}

/** How many photos a product may have. */
export const PRODUCT_PHOTOS_MAX = 8;

/**
 * Adds photos (each checked by content and converted to WebP by the files module) after the product's last photo.
 * More than PRODUCT_PHOTOS_MAX in all, or one file that is not an image, stores none of them.
 */
export async function addProductPhotos(actor: Actor, productId: string, files: UploadInput[]): Promise<number> {
  requireSupplier(actor);
  const prisma = getPrisma();
  const product = await prisma.product.findFirst({
    where: { id: productId, supplierId: actor.organizationId },
    select: { id: true, media: { select: { kind: true, position: true } } },
  });
  if (!product) throw new NotFoundError("product");
  if (files.length === 0) throw new CatalogValidationError({ photo: ["errors.file"] });
  const photos = product.media.filter((m) => m.kind === "PHOTO").length;
  if (photos + files.length > PRODUCT_PHOTOS_MAX) {
    throw new CatalogValidationError({ photo: ["errors.photosMax"] });
  }
  const stored: { id: string }[] = [];
  try {
    for (const file of files) {
      stored.push(
        await saveUpload({
          organizationId: actor.organizationId,
          uploadedById: actor.userId,
          file,
          allowed: IMAGE_KINDS,
        }),
      );
    }
  } catch (error) {
    for (const f of stored) await deleteStoredFile(f.id).catch(() => {});
    throw error;
  }
  const last = Math.max(-1, ...product.media.map((m) => m.position));
  await prisma.$transaction(async (tx) => {
    await tx.productMedia.createMany({
      data: stored.map((f, i) => ({ productId, fileId: f.id, kind: "PHOTO" as const, position: last + 1 + i })),
    });
    await tx.product.update({ where: { id: productId }, data: { updatedAt: new Date() } });
    await notifySearch(tx, [productId]);
  });
  return stored.length;
}

/** Moves one of the product's photos: to the front (the main photo, shown first and in cards), or one step. */
export async function moveProductPhoto(
  actor: Actor,
  productId: string,
  mediaId: string,
  to: "main" | "up" | "down",
): Promise<void> {
  requireSupplier(actor);
  const prisma = getPrisma();
  const photos = await prisma.productMedia.findMany({
    where: { productId, kind: "PHOTO", product: { supplierId: actor.organizationId } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
  const from = photos.findIndex((p) => p.id === mediaId);
  if (from < 0) throw new NotFoundError("media");
  const order = photos.map((p) => p.id);
  const target = to === "main" ? 0 : to === "up" ? Math.max(0, from - 1) : Math.min(order.length - 1, from + 1);
  order.splice(from, 1);
  order.splice(target, 0, mediaId);
  // photos keep the positions they had among themselves, in the new order (documents are untouched)
  const slots = photos.map((p) => p.position).sort((a, b) => a - b);
  await prisma.$transaction(async (tx) => {
    for (const [i, id] of order.entries()) {
      await tx.productMedia.update({ where: { id }, data: { position: slots[i] } });
    }
    await tx.product.update({ where: { id: productId }, data: { updatedAt: new Date() } });
    await notifySearch(tx, [productId]);
  });
}

export async function removeProductMedia(actor: Actor, productId: string, mediaId: string): Promise<void> {
  requireSupplier(actor);
  const prisma = getPrisma();
  const media = await prisma.productMedia.findFirst({
    where: { id: mediaId, productId, product: { supplierId: actor.organizationId } },
    select: { id: true, fileId: true },
  });
  if (!media) throw new NotFoundError("media");
  await prisma.$transaction(async (tx) => {
    await tx.productMedia.delete({ where: { id: media.id } });
    await notifySearch(tx, [productId]);
  });
  const stillUsed = await prisma.productMedia.count({ where: { fileId: media.fileId } });
  if (stillUsed === 0) await deleteStoredFile(media.fileId);
}

export async function addCertificate(
  actor: Actor,
  productId: string,
  input: CertificateInput,
  file?: UploadInput,
): Promise<{ id: string }> {
  requireSupplier(actor);
  const prisma = getPrisma();
  await requireOwnProduct(actor.organizationId, productId);
  if (input.expiresAt && input.expiresAt < input.issuedAt)
    throw new CatalogValidationError({ expiresAt: ["errors.expiresBeforeIssued"] });
  const stored = file
    ? await saveUpload({
        organizationId: actor.organizationId,
        uploadedById: actor.userId,
        file,
        allowed: ["pdf", ...IMAGE_KINDS],
      })
    : null;
  return prisma.$transaction(async (tx) => {
    const cert = await tx.certificate.create({
      data: {
        productId,
        kind: input.kind,
        number: input.number,
        issuedAt: input.issuedAt,
        expiresAt: input.expiresAt ?? null,
        fileId: stored?.id ?? null,
      },
      select: { id: true },
    });
    await notifySearch(tx, [productId]);
    return cert;
  });
}

export async function removeCertificate(actor: Actor, productId: string, certificateId: string): Promise<void> {
  requireSupplier(actor);
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.certificate.deleteMany({
      where: { id: certificateId, productId, product: { supplierId: actor.organizationId } },
    });
    if (count === 0) throw new NotFoundError("certificate");
    await notifySearch(tx, [productId]);
  });
}
