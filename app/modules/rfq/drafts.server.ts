import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { PUBLIC_PRODUCT_WHERE } from "~/modules/catalog/catalog.server";
import { FileError, type FileKind, saveUpload } from "~/modules/files/files.server";
import type { Lang } from "~/modules/i18n/i18n";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { notify } from "~/modules/notifications/notifications.server";
import { getPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import {
  parseMoscowDate,
  parseMoscowDateTime,
  rfqPublishSchema,
  toMoscowDateInput,
  toMoscowDateTimeInput,
  UNITS,
} from "./rfq.schema";
import type { RfqEvent } from "./rfq-events";
import { type Candidate, computeCandidates, findSupplierForManualAdd } from "./routing.server";
import { type Db, loadBuyerRfq, RfqValidationError } from "./shared.server";

export const RFQ_ATTACHMENT_KINDS: readonly FileKind[] = [
  "pdf",
  "dwg",
  "dxf",
  "xlsx",
  "docx",
  "png",
  "jpeg",
  "webp",
  "gif",
];
export const MAX_ATTACHMENTS = 20;

/** A draft as typed: every value kept leniently (an invalid date or quantity is stored as empty / 0). */
export interface DraftInput {
  title: string;
  deliveryAddress: string;
  neededBy: string;
  deadline: string;
  paymentTerms: string;
  comment: string;
  sealed: boolean;
  includeOtherSuppliers: boolean;
  items: {
    productId: string | null;
    name: string;
    quantity: string;
    unit: string;
    notes: string;
    analoguesAllowed: boolean;
  }[];
  /** supplier ids ticked / shown on the form; undefined when the form had no recipient list */
  recipients?: { checked: string[]; shown: string[] };
  addSupplier?: string;
  removeAttachmentIds?: string[];
  /** the draft was started from the RFQ cart: the cart is emptied once it is saved */
  fromCart?: boolean;
}

const str = (v: FormDataEntryValue | null | undefined) => (typeof v === "string" ? v : "");
const on = (v: FormDataEntryValue | null | undefined) => v === "on" || v === "true";

/** Reads the RFQ form leniently (nothing is dropped except completely empty item rows). */
export function draftInputFromForm(form: FormData): DraftInput {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    rows.set(i, { ...(rows.get(i) ?? {}), [m[2]]: value });
  }
  const items = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => ({
      productId: r.productId?.trim() || null,
      name: (r.name ?? "").trim(),
      quantity: (r.quantity ?? "").trim(),
      unit: (UNITS as readonly string[]).includes(r.unit) ? r.unit : "pcs",
      notes: (r.notes ?? "").trim(),
      analoguesAllowed: r.analoguesAllowed === "on" || r.analoguesAllowed === "true",
    }))
    .filter((r) => r.productId || r.name || r.quantity || r.notes);
  const shown = form.getAll("recipientsShown").map(str).filter(Boolean);
  return {
    title: str(form.get("title")).trim(),
    deliveryAddress: str(form.get("deliveryAddress")).trim(),
    neededBy: str(form.get("neededBy")),
    deadline: str(form.get("deadline")),
    paymentTerms: str(form.get("paymentTerms")),
    comment: str(form.get("comment")),
    sealed: on(form.get("sealed")),
    includeOtherSuppliers: on(form.get("includeOtherSuppliers")),
    items,
    recipients: form.has("recipientsShown")
      ? { checked: form.getAll("recipients").map(str).filter(Boolean), shown }
      : undefined,
    addSupplier: str(form.get("addSupplier")).trim() || undefined,
    removeAttachmentIds: form.getAll("removeAttachment").map(str).filter(Boolean),
    fromCart: on(form.get("fromCart")),
  };
}

/** The lines the buyer ticked in the спецификация preview (`spec[i].add`), read leniently like the item rows. */
export function specRowsFromForm(form: FormData): DraftInput["items"] {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = /^spec\[(\d+)\]\.(\w+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    rows.set(i, { ...(rows.get(i) ?? {}), [m[2]]: value });
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, r]) => r.add === "on" && (r.name ?? "").trim() !== "")
    .map(([, r]) => ({
      productId: r.productId?.trim() || null,
      name: (r.name ?? "").trim(),
      quantity: (r.quantity ?? "").trim(),
      unit: (UNITS as readonly string[]).includes(r.unit) ? r.unit : "pcs",
      notes: (r.notes ?? "").trim(),
      analoguesAllowed: false,
    }));
}

/**
 * The title of an RFQ from its lines, in the page language: «Запрос: трансформатор ТМГ-630 и ещё 3 позиции».
 */
export async function specTitle(names: string[], lang: Lang = "ru"): Promise<string> {
  const first = names[0]?.trim() ?? "";
  if (!first) return "";
  const t = await getFixedT(lang, "rfq");
  const head = first.length > 120 ? `${first.slice(0, 119)}…` : first;
  const rest = names.length - 1;
  return rest === 0 ? t("spec.titleOne", { first: head }) : t("spec.titleMore", { first: head, count: rest });
}

/**
 * A FormData without completely empty item rows, re-numbered — what the strict schema validates, so a blank spare
 * row never blocks publishing.
 */
export function compactItemRows(form: FormData): FormData {
  const out = new FormData();
  const indexMap = new Map<number, number>();
  const nonEmpty = new Set<number>();
  for (const [key, value] of form.entries()) {
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(key);
    if (m && typeof value === "string" && value.trim() !== "" && m[2] !== "unit" && m[2] !== "analoguesAllowed")
      nonEmpty.add(Number(m[1]));
  }
  for (const i of [...nonEmpty].sort((a, b) => a - b)) indexMap.set(i, indexMap.size);
  for (const [key, value] of form.entries()) {
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(key);
    if (!m) {
      out.append(key, value);
      continue;
    }
    const to = indexMap.get(Number(m[1]));
    if (to !== undefined) out.append(`items[${to}].${m[2]}`, value);
  }
  return out;
}

function decimalOrZero(q: string): string {
  const n = Number(q.replace(",", "."));
  if (!Number.isFinite(n) || n < 0 || n > 99_999_999_999) return "0";
  return String(Math.round(n * 1000) / 1000);
}

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
  values: {
    title: string;
    deliveryAddress: string;
    neededBy: string;
    deadline: string;
    paymentTerms: string;
    comment: string;
    sealed: boolean;
    includeOtherSuppliers: boolean;
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
      select: {
        id: true,
        title: true,
        sku: true,
        unit: true,
        minOrderQty: true,
        slug: true,
        supplier: { select: { shortName: true } },
      },
    });
    if (p) products = [{ ...p, supplierName: p.supplier.shortName }];
  } else if (opts.fromCart) {
    const cart = await db.rfqCartItem.findMany({
      where: { userId: actor.userId, organizationId: actor.organizationId },
      orderBy: { createdAt: "asc" },
      select: {
        quantity: true,
        product: {
          select: {
            id: true,
            title: true,
            sku: true,
            unit: true,
            minOrderQty: true,
            slug: true,
            supplier: { select: { shortName: true } },
          },
        },
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

export interface UploadProblem {
  name: string;
  code: "too_large" | "bad_type" | "empty" | "too_many" | "supplier_not_found";
  params: Record<string, string | number>;
}

/**
 * Creates or updates a draft with what was typed, stores new attachments (checked by content and size; problems are
 * returned, the rest is kept) and syncs the recipient selection. Returns the draft id.
 */
export async function saveDraft(
  actor: Actor,
  draftId: string | null,
  input: DraftInput,
  uploads: { file: File; tooLarge?: boolean }[] = [],
): Promise<{ id: string; uploadProblems: UploadProblem[]; created: boolean }> {
  requireBuyer(actor);
  const prisma = getPrisma();
  if (draftId) {
    const existing = await loadBuyerRfq(prisma, actor, draftId);
    if (existing.status !== "DRAFT") throw new NotFoundError("draft");
  }
  // Files first (slow I/O, outside the transaction).
  const problems: UploadProblem[] = [];
  const savedFileIds: string[] = [];
  const existingCount = draftId ? await prisma.rfqAttachment.count({ where: { rfqId: draftId } }) : 0;
  for (const upload of uploads) {
    if (upload.tooLarge) {
      problems.push({ name: upload.file.name, code: "too_large", params: { max: Math.round(maxMb() * 10) / 10 } });
      continue;
    }
    if (!upload.file.name && upload.file.size === 0) continue;
    if (existingCount + savedFileIds.length >= MAX_ATTACHMENTS) {
      problems.push({ name: upload.file.name, code: "too_many", params: { max: MAX_ATTACHMENTS } });
      continue;
    }
    try {
      const stored = await saveUpload({
        organizationId: actor.organizationId,
        uploadedById: actor.userId,
        file: upload.file,
        allowed: RFQ_ATTACHMENT_KINDS,
        keepOriginalImage: true,
      });
      savedFileIds.push(stored.id);
    } catch (error) {
      if (error instanceof FileError) problems.push({ name: upload.file.name, code: error.code, params: error.params });
      else throw error;
    }
  }
  const manualAdd = input.addSupplier ? await findSupplierForManualAdd(prisma, input.addSupplier) : null;
  if (input.addSupplier && !manualAdd)
    problems.push({ name: input.addSupplier, code: "supplier_not_found", params: {} });

  const result = await prisma.$transaction(async (tx) => {
    const data = {
      title: input.title.slice(0, 200),
      deliveryAddress: input.deliveryAddress.slice(0, 500),
      neededBy: parseMoscowDate(input.neededBy),
      deadline: parseMoscowDateTime(input.deadline),
      paymentTerms: input.paymentTerms || null,
      comment: input.comment.slice(0, 5000) || null,
      sealed: input.sealed,
      includeOtherSuppliers: input.includeOtherSuppliers,
    };
    let id = draftId;
    const created = !id;
    if (!id) {
      const rfq = await tx.rfq.create({
        data: { ...data, buyerOrgId: actor.organizationId, createdById: actor.userId },
      });
      id = rfq.id;
      await recordAudit(tx, { entityType: "rfq", entityId: id, action: "created" satisfies RfqEvent, actor });
    } else {
      await tx.rfq.update({ where: { id }, data });
    }
    // Items: only products every buyer may see (published, supplier not suspended) are linked; another supplier's
    // draft or archived product stays out of the RFQ (its title would otherwise show on the draft).
    const productIds = input.items.flatMap((i) => (i.productId ? [i.productId] : []));
    const valid = productIds.length
      ? new Set(
          (
            await tx.product.findMany({
              where: { id: { in: productIds }, ...PUBLIC_PRODUCT_WHERE },
              select: { id: true },
            })
          ).map((p) => p.id),
        )
      : new Set<string>();
    await tx.rfqItem.deleteMany({ where: { rfqId: id } });
    if (input.items.length) {
      await tx.rfqItem.createMany({
        data: input.items.slice(0, 200).map((item, position) => ({
          rfqId: id,
          position,
          productId: item.productId && valid.has(item.productId) ? item.productId : null,
          name: item.name.slice(0, 300),
          quantity: decimalOrZero(item.quantity),
          unit: item.unit,
          notes: item.notes.slice(0, 2000) || null,
          analoguesAllowed: item.analoguesAllowed,
        })),
      });
    }
    // Attachments: remove ticked ones (only this draft's links), add the new ones.
    if (input.removeAttachmentIds?.length) {
      await tx.rfqAttachment.deleteMany({ where: { rfqId: id, fileId: { in: input.removeAttachmentIds } } });
    }
    if (savedFileIds.length) {
      await tx.rfqAttachment.createMany({ data: savedFileIds.map((fileId) => ({ rfqId: id, fileId })) });
    }
    // Recipients: candidates minus what the buyer unticked; candidates not shown before are ticked by default.
    const current = await tx.rfqRecipient.findMany({
      where: { rfqId: id },
      select: { supplierOrgId: true, source: true },
    });
    const manualIds = current.filter((r) => r.source === "MANUAL").map((r) => r.supplierOrgId);
    if (manualAdd) manualIds.push(manualAdd.id);
    const candidates = await computeCandidates(tx, {
      productIds: [...valid],
      includeOtherSuppliers: input.includeOtherSuppliers,
      manualOrgIds: manualIds,
    });
    const shown = new Set(input.recipients?.shown ?? []);
    const checked = new Set(input.recipients?.checked ?? []);
    const wasSelected = new Set(current.map((r) => r.supplierOrgId));
    const selected = candidates.filter((c) => {
      if (manualAdd && c.supplierOrgId === manualAdd.id) return true;
      if (input.recipients && shown.has(c.supplierOrgId)) return checked.has(c.supplierOrgId);
      if (!input.recipients && !created && current.length > 0) return wasSelected.has(c.supplierOrgId);
      return true;
    });
    const selectedIds = selected.map((c) => c.supplierOrgId);
    await tx.rfqRecipient.deleteMany({ where: { rfqId: id, supplierOrgId: { notIn: selectedIds } } });
    await tx.rfqRecipient.createMany({
      data: selected.map((c) => ({ rfqId: id, supplierOrgId: c.supplierOrgId, source: c.source })),
      skipDuplicates: true,
    });
    // Manually added suppliers stay in the list (unticked) so the buyer can tick them again.
    if (input.fromCart && created) {
      await tx.rfqCartItem.deleteMany({ where: { userId: actor.userId, organizationId: actor.organizationId } });
    }
    return { id, created };
  });
  return { id: result.id, created: result.created, uploadProblems: problems };
}

function maxMb() {
  return env().UPLOAD_MAX_BYTES / 1024 / 1024;
}

/**
 * Publishes a draft: validates what is stored (deadline still in the future, items, at least one recipient), drops
 * recipients that are suspended by now, and — in one transaction — sets the status, keeps the recipients, queues the
 * «new RFQ» notifications and writes the audit entry.
 */
export async function publishRfq(actor: Actor, id: string, now: Date = new Date()) {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, id, {
    items: { orderBy: { position: "asc" } },
    recipients: { include: { supplier: { select: { suspendedAt: true, kind: true } } } },
    buyer: { select: { shortName: true } },
  });
  if (rfq.status !== "DRAFT") throw new RfqValidationError({}, ["errors.notDraft"]);
  const parsed = rfqPublishSchema(now).safeParse({
    title: rfq.title,
    deliveryAddress: rfq.deliveryAddress,
    neededBy: toMoscowDateInput(rfq.neededBy) || undefined,
    deadline: toMoscowDateTimeInput(rfq.deadline),
    paymentTerms: rfq.paymentTerms ?? undefined,
    comment: rfq.comment ?? undefined,
    items: rfq.items.map((i) => ({
      productId: i.productId ?? undefined,
      name: i.name,
      quantity: Number(i.quantity),
      unit: i.unit,
      notes: i.notes ?? undefined,
      analoguesAllowed: i.analoguesAllowed,
    })),
  });
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".").replace(/\.(\d+)\./g, "[$1].");
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
  }
  // precise deadline check (the schema sees minutes only)
  if (rfq.deadline && rfq.deadline.getTime() <= now.getTime()) fieldErrors.deadline ??= ["errors.deadlinePast"];
  const recipients = rfq.recipients.filter((r) => r.supplier.kind === "SUPPLIER" && !r.supplier.suspendedAt);
  const formErrors = recipients.length === 0 ? ["errors.noRecipients"] : [];
  if (Object.keys(fieldErrors).length || formErrors.length) throw new RfqValidationError(fieldErrors, formErrors);

  const dropped = rfq.recipients.filter((r) => !recipients.includes(r)).map((r) => r.supplierOrgId);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.rfq.updateMany({
      where: { id, status: "DRAFT", buyerOrgId: rfq.buyerOrgId },
      data: { status: "PUBLISHED", publishedAt: now },
    });
    if (count !== 1) throw new RfqValidationError({}, ["errors.notDraft"]);
    if (dropped.length) await tx.rfqRecipient.deleteMany({ where: { rfqId: id, supplierOrgId: { in: dropped } } });
    await tx.rfqRecipient.updateMany({ where: { rfqId: id }, data: { status: "NEW", createdAt: now } });
    await notify(tx, {
      type: "rfq_published",
      recipients: { orgIds: recipients.map((r) => r.supplierOrgId) },
      params: {
        number: rfq.number,
        title: rfq.title,
        buyer: rfq.buyer.shortName,
        deadline: rfq.deadline ?? null,
        items: rfq.items.length,
      },
      link: `/supplier/rfqs/${id}`,
      aggregateId: id,
      about: { rfqId: id, fromOrgId: rfq.buyerOrgId },
    });
    await emitWebhookEvent(tx, {
      type: "rfq.published",
      orgIds: [rfq.buyerOrgId, ...recipients.map((r) => r.supplierOrgId)],
      data: { rfqId: id, number: rfq.number, title: rfq.title, deadline: rfq.deadline?.toISOString() ?? null },
    });
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: id,
      action: "published" satisfies RfqEvent,
      actor,
      data: { recipients: recipients.map((r) => r.supplierOrgId), deadline: rfq.deadline?.toISOString() ?? null },
    });
  });
  return { id, recipientCount: recipients.length };
}

/** Deletes one of the actor's drafts. */
export async function deleteDraft(actor: Actor, id: string) {
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, id);
  if (rfq.status !== "DRAFT") throw new NotFoundError("draft");
  await prisma.rfq.delete({ where: { id } });
}
