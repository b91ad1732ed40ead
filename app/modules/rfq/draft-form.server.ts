import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import type { Lang } from "~/modules/i18n/i18n";
import { getPrisma } from "~/utils/db.server";
import { type DraftFields, specTitle } from "./draft-input.server";
import { toMoscowDateInput, toMoscowDateTimeInput, UNITS } from "./rfq.schema";
import { type Candidate, computeCandidates } from "./routing.server";
import { type Db, loadBuyerRfq } from "./shared.server";

/** What the RFQ form shows: a new form prefilled from a product or the RFQ cart, or one of the actor's drafts. */

async function buyerDefaults(db: Db, orgId: string) {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { deliveryAddress: true, legalAddress: true, city: true },
  });
  return { deliveryAddress: org.deliveryAddress ?? `${org.city}, ${org.legalAddress}` };
}

export interface RfqFormState {
  draftId: string | null;
  status: string;
  number: number | null;
  values: DraftFields & {
    items: {
      productId: string;
      productTitle: string | null;
      productSlug: string | null;
      supplierName: string | null;
      name: string;
      quantity: string;
      unit: string;
      notes: string;
      analoguesAllowed: boolean;
    }[];
  };
  fromCart: boolean;
  attachments: { id: string; name: string; size: number; mimeType: string }[];
  candidates: (Candidate & { selected: boolean })[];
  updatedAt: string | null;
}

async function productInfo(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { title: string; slug: string; supplierName: string }>();
  const products = await db.product.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, slug: true, supplier: { select: { shortName: true } } },
  });
  return new Map(products.map((p) => [p.id, { title: p.title, slug: p.slug, supplierName: p.supplier.shortName }]));
}

/** What a line prefilled from a product (the product page or the RFQ cart) needs of it. */
const PREFILL_SELECT = {
  id: true,
  title: true,
  sku: true,
  unit: true,
  minOrderQty: true,
  slug: true,
  supplier: { select: { shortName: true } },
} as const;

/** The empty form of a new RFQ, prefilled from a product (`?product=<slug>`) or the actor's RFQ cart. */
export async function newRfqForm(
  actor: Actor,
  opts: { productSlug?: string | null; fromCart?: boolean; lang?: Lang } = {},
) {
  requireBuyer(actor);
  const db = getPrisma();
  const defaults = await buyerDefaults(db, actor.organizationId);
  type Prefill = {
    id: string;
    title: string;
    sku: string;
    unit: string;
    minOrderQty: unknown;
    slug: string;
    supplierName: string;
    qty?: string;
  };
  let products: Prefill[] = [];
  if (opts.productSlug) {
    const p = await db.product.findFirst({
      where: { slug: opts.productSlug, status: "PUBLISHED" },
      select: PREFILL_SELECT,
    });
    if (p) products = [{ ...p, supplierName: p.supplier.shortName }];
  } else if (opts.fromCart) {
    const cart = await db.rfqCartItem.findMany({
      where: { userId: actor.userId, organizationId: actor.organizationId },
      orderBy: { createdAt: "asc" },
      select: {
        quantity: true,
        product: { select: PREFILL_SELECT },
      },
    });
    products = cart.map((c) => ({
      ...c.product,
      supplierName: c.product.supplier.shortName,
      qty: c.quantity.toString(),
    }));
  }
  const candidates = await computeCandidates(db, {
    productIds: products.map((p) => p.id),
    includeOtherSuppliers: false,
  });
  const state: RfqFormState = {
    draftId: null,
    status: "DRAFT",
    number: null,
    values: {
      title:
        products.length === 1 && !opts.fromCart
          ? products[0].title
          : await specTitle(
              products.map((p) => p.title),
              opts.lang,
            ),
      deliveryAddress: defaults.deliveryAddress,
      neededBy: "",
      deadline: "",
      paymentTerms: "",
      comment: "",
      sealed: false,
      includeOtherSuppliers: false,
      items: products.map((p) => ({
        productId: p.id,
        productTitle: p.title,
        productSlug: p.slug,
        supplierName: p.supplierName,
        name: `${p.title}${p.sku && !p.title.includes(p.sku) ? ` (${p.sku})` : ""}`,
        quantity: p.qty ?? String(p.minOrderQty ?? "1"),
        unit: (UNITS as readonly string[]).includes(p.unit) ? p.unit : "pcs",
        notes: "",
        analoguesAllowed: false,
      })),
    },
    fromCart: Boolean(opts.fromCart) && products.length > 0,
    attachments: [],
    candidates: candidates.map((c) => ({ ...c, selected: true })),
    updatedAt: null,
  };
  return state;
}

/** The form state of one of the actor's drafts. */
export async function getDraftForm(actor: Actor, id: string): Promise<RfqFormState> {
  const db = getPrisma();
  const rfq = await loadBuyerRfq(db, actor, id, {
    items: { orderBy: { position: "asc" } },
    attachments: { include: { file: { select: { id: true, originalName: true, size: true, mimeType: true } } } },
    recipients: { select: { supplierOrgId: true, source: true } },
  });
  if (rfq.status !== "DRAFT") throw new NotFoundError("draft");
  const info = await productInfo(
    db,
    rfq.items.flatMap((i) => (i.productId ? [i.productId] : [])),
  );
  const selected = new Set(rfq.recipients.map((r) => r.supplierOrgId));
  const candidates = await computeCandidates(db, {
    productIds: rfq.items.flatMap((i) => (i.productId ? [i.productId] : [])),
    includeOtherSuppliers: rfq.includeOtherSuppliers,
    manualOrgIds: rfq.recipients.filter((r) => r.source === "MANUAL").map((r) => r.supplierOrgId),
  });
  return {
    draftId: rfq.id,
    status: rfq.status,
    number: rfq.number,
    values: {
      title: rfq.title,
      deliveryAddress: rfq.deliveryAddress,
      neededBy: toMoscowDateInput(rfq.neededBy),
      deadline: toMoscowDateTimeInput(rfq.deadline),
      paymentTerms: rfq.paymentTerms ?? "",
      comment: rfq.comment ?? "",
      sealed: rfq.sealed,
      includeOtherSuppliers: rfq.includeOtherSuppliers,
      items: rfq.items.map((i) => {
        const p = i.productId ? info.get(i.productId) : undefined;
        return {
          productId: i.productId ?? "",
          productTitle: p?.title ?? null,
          productSlug: p?.slug ?? null,
          supplierName: p?.supplierName ?? null,
          name: i.name,
          quantity: i.quantity.toString(),
          unit: i.unit,
          notes: i.notes ?? "",
          analoguesAllowed: i.analoguesAllowed,
        };
      }),
    },
    fromCart: false,
    attachments: rfq.attachments.map((a) => ({
      id: a.file.id,
      name: a.file.originalName,
      size: a.file.size,
      mimeType: a.file.mimeType,
    })),
    candidates: candidates.map((c) => ({ ...c, selected: selected.has(c.supplierOrgId) })),
    updatedAt: rfq.updatedAt.toISOString(),
  };
}
