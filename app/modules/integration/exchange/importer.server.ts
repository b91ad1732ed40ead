import { Prisma } from "~/generated/prisma/client";
import type { StockStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/accounts/actor";
import type { ProductFormInput } from "~/modules/catalog/catalog.schema";
import {
  type AttributeDef,
  addProductMedia,
  CatalogValidationError,
  createProduct,
  getAttributesByCategory,
  getSupplierProduct,
  parseSpecs,
  setProductsStatus,
  updateProduct,
} from "~/modules/catalog/catalog.server";
import { type VatRateCode, vatIncluded } from "~/modules/money/money";
import { baseVatRate } from "~/modules/money/vat";
import { getPrisma } from "~/utils/db.server";
import { unitFromOkei, vatPercent, vatRateFromCommerceMl } from "../commerceml/mapping";
import type { CmlCatalog, CmlOffer, CmlOffers, CmlProduct } from "../commerceml/parse";

/**
 * Applies parsed CommerceML to the supplier's catalog through the catalog module's own use cases (authorization and
 * validation stay there). Products are keyed by the 1C `Ид` (table exchange_product), so a re-import updates them.
 * Work is done in slices [from, to) so the 1C protocol can answer `progress` between steps.
 */

export interface ImportCounters {
  created: number;
  updated: number;
  unchanged: number;
  drafts: number;
  archived: number;
  missing: number;
  errors: { item: string; message: string }[];
}

export const emptyCounters = (): ImportCounters => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  drafts: 0,
  archived: 0,
  missing: 0,
  errors: [],
});

const MAX_REPORTED_ERRORS = 200;

export function addError(c: ImportCounters, item: string, message: string) {
  if (c.errors.length < MAX_REPORTED_ERRORS) c.errors.push({ item, message });
}

/** Files of the exchange (images from the archive) by path, for `Картинка`. */
export type ImageSource = (path: string) => Promise<Uint8Array | null>;

/** Remembers the 1C groups; a new group whose name equals a leaf category's Russian name is mapped to it. */
export async function rememberGroups(organizationId: string, catalog: CmlCatalog): Promise<void> {
  if (catalog.groups.length === 0) return;
  const prisma = getPrisma();
  const leaves = await prisma.category.findMany({
    where: { children: { none: {} } },
    select: { id: true, nameRu: true },
  });
  const byName = new Map(leaves.map((c) => [norm(c.nameRu), c.id]));
  const existing = await prisma.exchangeGroupMapping.findMany({
    where: { organizationId, groupId: { in: catalog.groups.map((g) => g.id) } },
  });
  const known = new Map(existing.map((m) => [m.groupId, m]));
  for (const group of catalog.groups) {
    const row = known.get(group.id);
    if (row) {
      if (row.groupName !== group.name) {
        await prisma.exchangeGroupMapping.update({
          where: { organizationId_groupId: { organizationId, groupId: group.id } },
          data: { groupName: group.name },
        });
      }
      continue;
    }
    await prisma.exchangeGroupMapping.create({
      data: {
        organizationId,
        groupId: group.id,
        groupName: group.name,
        categoryId: byName.get(norm(group.name)) ?? null,
      },
    });
  }
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}

/** The attribute a 1C property name means: «Мощность», «мощность, кВА», «Мощность (кВА)» → power_kva. */
function attributeByName(attributes: AttributeDef[], name: string): AttributeDef | undefined {
  const n = norm(name);
  const bare = norm(name.replace(/\s*[,(].*$/, ""));
  return attributes.find((a) => {
    const ru = norm(a.nameRu);
    return ru === n || ru === bare || norm(a.nameEn) === n || a.code === n;
  });
}

/** «1 000 кВА» → "1 000" for NUMBER attributes; other types unchanged. */
function specRaw(attr: AttributeDef, value: string): string {
  if (attr.type !== "NUMBER") return value;
  const m = /^\s*[-+]?\d[\d\s\u00a0]*(?:[.,]\d+)?/.exec(value);
  return m ? m[0].trim() : value;
}

/** Typed specs from the 1C properties; values the attribute refuses are reported and left out. */
function specsFor(product: CmlProduct, attributes: AttributeDef[], counters: ImportCounters) {
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(product.properties)) {
    const attr = attributeByName(attributes, name);
    if (attr) raw[attr.code] = specRaw(attr, value);
  }
  const { errors } = parseSpecs(raw, attributes);
  for (const [code, key] of Object.entries(errors)) {
    if (key === "spec.required") continue;
    addError(counters, product.id, `${code}: ${key}`);
    delete raw[code];
  }
  return raw;
}

function kopecksToPrice(k: bigint | null): string | undefined {
  if (k === null) return undefined;
  return `${k / 100n}.${String(k % 100n).padStart(2, "0")}`;
}

type Existing = Awaited<ReturnType<typeof getSupplierProduct>>;

function formFromExisting(p: Existing): ProductFormInput {
  const spec: Record<string, string> = {};
  for (const [k, v] of Object.entries((p.specs ?? {}) as Record<string, unknown>)) spec[k] = String(v);
  return {
    categoryId: p.categoryId,
    title: p.title,
    sku: p.sku,
    manufacturer: p.manufacturer ?? undefined,
    description: p.description ?? undefined,
    priceOnRequest: p.priceKopecks === null,
    price: kopecksToPrice(p.priceKopecks),
    vatRate: p.vatRate as ProductFormInput["vatRate"],
    unit: p.unit as ProductFormInput["unit"],
    minOrderQty: Number(p.minOrderQty),
    leadTimeDays: p.leadTimeDays ?? undefined,
    stockStatus: p.stockStatus,
  };
}

function sameForm(a: ProductFormInput, b: ProductFormInput): boolean {
  const canon = (f: ProductFormInput) =>
    JSON.stringify({ ...f, spec: Object.entries(f.spec ?? {}).sort(([x], [y]) => x.localeCompare(y)) });
  return canon(a) === canon(b);
}

async function categoryOfGroups(organizationId: string, groupIds: string[]): Promise<string | null> {
  if (groupIds.length === 0) return null;
  const rows = await getPrisma().exchangeGroupMapping.findMany({
    where: { organizationId, groupId: { in: groupIds }, categoryId: { not: null } },
    select: { groupId: true, categoryId: true },
  });
  for (const id of groupIds) {
    const hit = rows.find((r) => r.groupId === id);
    if (hit?.categoryId) return hit.categoryId;
  }
  return null;
}

/** What a pending (category-less) 1C item remembers until its group is mapped. */
interface PendingItem {
  product: CmlProduct;
  priceKopecks?: string | null;
  stockStatus?: StockStatus;
}

/** import.xml products [from, to). */
export async function importCatalogSlice(
  actor: Actor & { organizationId: string },
  catalog: CmlCatalog,
  from: number,
  to: number,
  counters: ImportCounters,
  images: ImageSource,
): Promise<void> {
  const prisma = getPrisma();
  const slice = catalog.products.slice(from, to);
  const links = await prisma.exchangeProduct.findMany({
    where: { organizationId: actor.organizationId, externalId: { in: slice.map((p) => p.id) } },
  });
  const linkOf = new Map(links.map((l) => [l.externalId, l]));
  for (const item of slice) {
    try {
      await importProduct(actor, item, linkOf.get(item.id) ?? null, counters, images);
    } catch (error) {
      if (error instanceof CatalogValidationError) {
        addError(
          counters,
          item.id,
          Object.entries(error.fieldErrors)
            .map(([f, keys]) => `${f}: ${keys.join(", ")}`)
            .join("; "),
        );
      } else throw error;
    }
  }
}

async function importProduct(
  actor: Actor & { organizationId: string },
  item: CmlProduct,
  link: { productId: string | null; pending: Prisma.JsonValue | null } | null,
  counters: ImportCounters,
  images: ImageSource,
): Promise<void> {
  const prisma = getPrisma();
  const orgId = actor.organizationId;
  const existing = link?.productId ? await getSupplierProduct(actor, link.productId).catch(() => null) : null;
  if (item.deleted) {
    if (existing && existing.status !== "ARCHIVED") {
      await setProductsStatus(actor, [existing.id], "ARCHIVED");
      counters.archived++;
    }
    return;
  }
  const categoryId = (await categoryOfGroups(orgId, item.groupIds)) ?? existing?.categoryId ?? null;
  const unit = unitFromOkei(item.unitCode) ?? existing?.unit ?? (item.unitCode ? null : "pcs");
  if (!unit) {
    addError(counters, item.id, `unsupported ОКЕИ unit code ${item.unitCode}`);
    return;
  }
  const vat =
    item.vatRate !== null ? vatRateFromCommerceMl(item.vatRate) : ((existing?.vatRate as VatRateCode) ?? baseVatRate());
  if (!vat) {
    addError(counters, item.id, `unsupported НДС rate ${item.vatRate}`);
    return;
  }
  if (!categoryId) {
    // No category yet: remembered as a draft asking the supplier to map its group.
    const pending: PendingItem = { ...((link?.pending as unknown as PendingItem | null) ?? {}), product: item };
    await prisma.exchangeProduct.upsert({
      where: { organizationId_externalId: { organizationId: orgId, externalId: item.id } },
      create: {
        organizationId: orgId,
        externalId: item.id,
        groupId: item.groupIds[0] ?? null,
        pending: pending as unknown as Prisma.InputJsonValue,
      },
      update: { groupId: item.groupIds[0] ?? null, pending: pending as unknown as Prisma.InputJsonValue },
    });
    counters.drafts++;
    return;
  }
  const attributes = (await getAttributesByCategory([categoryId])).get(categoryId) ?? [];
  const pending = (link?.pending as unknown as PendingItem | null) ?? null;
  const base: ProductFormInput = existing
    ? formFromExisting(existing)
    : {
        categoryId,
        title: item.name,
        sku: item.sku ?? item.id,
        priceOnRequest: pending?.priceKopecks == null,
        price: pending?.priceKopecks ? kopecksToPrice(BigInt(pending.priceKopecks)) : undefined,
        vatRate: vat,
        unit: unit as ProductFormInput["unit"],
        minOrderQty: 1,
        stockStatus: pending?.stockStatus ?? "TO_ORDER",
      };
  const input: ProductFormInput = {
    ...base,
    categoryId,
    title: item.name.slice(0, 300),
    sku: (item.sku ?? existing?.sku ?? item.id).slice(0, 100),
    manufacturer: item.manufacturer ?? base.manufacturer,
    description: item.description ?? base.description,
    vatRate: vat,
    unit: unit as ProductFormInput["unit"],
    spec: { ...(categoryId === existing?.categoryId ? base.spec : {}), ...specsFor(item, attributes, counters) },
  };
  if (existing) {
    input.spec = { ...specOf(existing), ...input.spec };
    if (sameForm(formWithSpec(existing), input)) counters.unchanged++;
    else {
      await updateProduct(actor, existing.id, input);
      counters.updated++;
    }
    await attachImages(actor, existing.id, item, images, counters);
    return;
  }
  // A product the supplier already has under the same SKU (typed by hand or imported from XLSX) is adopted.
  const sameSku = await prisma.product.findFirst({
    where: { supplierId: orgId, sku: input.sku },
    select: { id: true },
  });
  let productId: string;
  if (sameSku) {
    await updateProduct(actor, sameSku.id, input);
    productId = sameSku.id;
    counters.updated++;
  } else {
    productId = (await createProduct(actor, input)).id;
    await setProductsStatus(actor, [productId], "PUBLISHED");
    counters.created++;
  }
  await prisma.exchangeProduct.upsert({
    where: { organizationId_externalId: { organizationId: orgId, externalId: item.id } },
    create: { organizationId: orgId, externalId: item.id, groupId: item.groupIds[0] ?? null, productId },
    update: { productId, pending: undefined, groupId: item.groupIds[0] ?? null },
  });
  await prisma.exchangeProduct.updateMany({
    where: { organizationId: orgId, externalId: item.id },
    data: { pending: Prisma.DbNull },
  });
  await attachImages(actor, productId, item, images, counters);
}

function specOf(p: Existing): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((p.specs ?? {}) as Record<string, unknown>)) out[k] = String(v);
  return out;
}

/** The edit form of an existing product (for partial updates through updateProduct). */
export function formWithSpec(p: Existing): ProductFormInput {
  return { ...formFromExisting(p), spec: specOf(p) };
}

async function attachImages(
  actor: Actor & { organizationId: string },
  productId: string,
  item: CmlProduct,
  images: ImageSource,
  counters: ImportCounters,
) {
  if (item.images.length === 0) return;
  const product = await getSupplierProduct(actor, productId);
  const titles = new Set(product.media.map((m) => m.title));
  for (const path of item.images.slice(0, 10)) {
    const title = path.split("/").pop() ?? path;
    if (titles.has(title)) continue;
    const bytes = await images(path);
    if (!bytes) {
      addError(counters, item.id, `image not in the exchange: ${path}`);
      continue;
    }
    try {
      await addProductMedia(actor, productId, { kind: "PHOTO", file: { name: title, bytes }, title });
    } catch (error) {
      addError(counters, item.id, `image ${title}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Which ТипЦены is the price: the configured name, else the only/first one in the file. */
export function choosePriceType(offers: CmlOffers, configuredName: string | null) {
  if (configuredName) {
    const hit = offers.priceTypes.find((p) => norm(p.name) === norm(configuredName));
    if (hit) return hit;
  }
  return offers.priceTypes[0] ?? null;
}

/** "1 234,567" → kopecks rounded half-up; null when not a price. */
export function priceToKopecks(raw: string): bigint | null {
  const s = raw.replace(/[\s\u00a0]/g, "").replace(",", ".");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = (m[2] ?? "").padEnd(3, "0");
  const milli = BigInt(m[1]) * 1000n + BigInt(frac.slice(0, 3));
  return (milli + 5n) / 10n;
}

function stockOf(quantity: number | null): StockStatus | undefined {
  if (quantity === null) return undefined;
  return quantity > 0 ? "IN_STOCK" : "TO_ORDER";
}

/** offers.xml offers [from, to): net price from the chosen price type (VAT taken out if included) and stock. */
export async function importOffersSlice(
  actor: Actor & { organizationId: string },
  offers: CmlOffers,
  priceTypeName: string | null,
  from: number,
  to: number,
  counters: ImportCounters,
): Promise<void> {
  const prisma = getPrisma();
  const priceType = choosePriceType(offers, priceTypeName);
  const slice = offers.offers.slice(from, to);
  const links = await prisma.exchangeProduct.findMany({
    where: { organizationId: actor.organizationId, externalId: { in: slice.map((o) => o.productId) } },
  });
  const linkOf = new Map(links.map((l) => [l.externalId, l]));
  for (const offer of slice) {
    const link = linkOf.get(offer.productId);
    if (!link) {
      counters.missing++;
      addError(counters, offer.productId, "offer for a product not in the catalog");
      continue;
    }
    const gross = offerPrice(offer, priceType?.id ?? null);
    if (!link.productId) {
      const pending = (link.pending ?? {}) as unknown as PendingItem;
      const next: PendingItem = {
        ...pending,
        ...(gross !== null ? { priceKopecks: String(gross) } : {}),
        ...(stockOf(offer.quantity) ? { stockStatus: stockOf(offer.quantity) } : {}),
      };
      await prisma.exchangeProduct.update({
        where: { organizationId_externalId: { organizationId: actor.organizationId, externalId: offer.productId } },
        data: { pending: next as unknown as Prisma.InputJsonValue },
      });
      counters.drafts++;
      continue;
    }
    try {
      const existing = await getSupplierProduct(actor, link.productId);
      const before = formWithSpec(existing);
      const input: ProductFormInput = { ...before };
      if (gross !== null) {
        const net = priceType?.vatIncluded
          ? gross - vatIncluded(gross, vatPercent(existing.vatRate as VatRateCode))
          : gross;
        input.priceOnRequest = false;
        input.price = kopecksToPrice(net);
      }
      const stock = stockOf(offer.quantity);
      if (stock) input.stockStatus = stock;
      if (sameForm(before, input)) counters.unchanged++;
      else {
        await updateProduct(actor, existing.id, input);
        counters.updated++;
      }
    } catch (error) {
      if (error instanceof CatalogValidationError) {
        addError(counters, offer.productId, Object.keys(error.fieldErrors).join(", "));
      } else throw error;
    }
  }
}

function offerPrice(offer: CmlOffer, priceTypeId: string | null): bigint | null {
  const price = offer.prices.find((p) => p.priceTypeId === priceTypeId) ?? (priceTypeId ? null : offer.prices[0]);
  return price ? priceToKopecks(price.unitPrice) : null;
}

/**
 * After the supplier maps a group: its pending items become products (created, published) now, with what the offers
 * already said about price and stock.
 */
export async function materializePending(actor: Actor & { organizationId: string }): Promise<ImportCounters> {
  const counters = emptyCounters();
  const rows = await getPrisma().exchangeProduct.findMany({
    where: { organizationId: actor.organizationId, productId: null, NOT: { pending: { equals: Prisma.DbNull } } },
    take: 500,
  });
  for (const row of rows) {
    const pending = row.pending as unknown as PendingItem | null;
    if (!pending?.product) continue;
    const categoryId = await categoryOfGroups(actor.organizationId, pending.product.groupIds);
    if (!categoryId) continue;
    try {
      await importProduct(actor, pending.product, row, counters, async () => null);
    } catch (error) {
      if (error instanceof CatalogValidationError)
        addError(counters, row.externalId, Object.keys(error.fieldErrors).join(", "));
      else throw error;
    }
  }
  return counters;
}
