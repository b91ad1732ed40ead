import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { getPrisma } from "~/utils/db.server";

/** The RFQ cart of the actor (per user and organisation), grouped by supplier on the page. */
export async function getCart(actor: Actor) {
  requireBuyer(actor);
  const items = await getPrisma().rfqCartItem.findMany({
    where: { userId: actor.userId, organizationId: actor.organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      productId: true,
      quantity: true,
      product: {
        select: {
          title: true,
          slug: true,
          sku: true,
          unit: true,
          status: true,
          supplier: { select: { id: true, shortName: true, slug: true } },
          category: { select: { slug: true, parent: { select: { slug: true } } } },
          media: { where: { kind: "PHOTO" }, orderBy: { position: "asc" }, take: 1, select: { fileId: true } },
        },
      },
    },
  });
  return items.map((i) => ({
    productId: i.productId,
    quantity: i.quantity.toString(),
    title: i.product.title,
    slug: i.product.slug,
    sku: i.product.sku,
    unit: i.product.unit,
    available: i.product.status === "PUBLISHED",
    supplier: i.product.supplier,
    category: i.product.category,
    photoFileId: i.product.media[0]?.fileId ?? null,
  }));
}

export async function countCart(actor: Actor): Promise<number> {
  if (!actor.organizationId || actor.orgKind !== "BUYER") return 0;
  return getPrisma().rfqCartItem.count({ where: { userId: actor.userId, organizationId: actor.organizationId } });
}

/**
 * Adds a published product (quantity defaults to its minimum order; adding again keeps the line). Returns the product's
 * slug: the page the buyer came from marks the card it added.
 */
export async function addToCart(actor: Actor, productId: string, quantity?: number): Promise<{ slug: string }> {
  requireBuyer(actor);
  const prisma = getPrisma();
  const product = await prisma.product.findFirst({
    where: { id: productId, status: "PUBLISHED" },
    select: { id: true, slug: true, minOrderQty: true },
  });
  if (!product) throw new NotFoundError("product");
  const qty = quantity !== undefined ? String(quantity) : product.minOrderQty.toString();
  await prisma.rfqCartItem.upsert({
    where: {
      userId_organizationId_productId: { userId: actor.userId, organizationId: actor.organizationId, productId },
    },
    create: { userId: actor.userId, organizationId: actor.organizationId, productId, quantity: qty },
    update: quantity !== undefined ? { quantity: qty } : {},
  });
  return { slug: product.slug };
}

export async function updateCartQuantity(actor: Actor, productId: string, quantity: number) {
  requireBuyer(actor);
  const { count } = await getPrisma().rfqCartItem.updateMany({
    where: { userId: actor.userId, organizationId: actor.organizationId, productId },
    data: { quantity: String(Math.round(quantity * 1000) / 1000) },
  });
  if (count === 0) throw new NotFoundError("cart item");
}

export async function removeFromCart(actor: Actor, productId: string) {
  requireBuyer(actor);
  await getPrisma().rfqCartItem.deleteMany({
    where: { userId: actor.userId, organizationId: actor.organizationId, productId },
  });
}

export async function clearCart(actor: Actor) {
  requireBuyer(actor);
  await getPrisma().rfqCartItem.deleteMany({ where: { userId: actor.userId, organizationId: actor.organizationId } });
}
