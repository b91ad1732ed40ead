import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import { PUBLIC_PRODUCT_WHERE } from "~/modules/catalog/catalog.server";
import { FileError, saveUpload } from "~/modules/files/files.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { getPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { type DraftInput, MAX_ATTACHMENTS, RFQ_ATTACHMENT_KINDS } from "./draft-input.server";
import {
  parseMoscowDate,
  parseMoscowDateTime,
  rfqPublishSchema,
  toMoscowDateInput,
  toMoscowDateTimeInput,
} from "./rfq.schema";
import { computeCandidates, findSupplierForManualAdd } from "./routing.server";
import { auditRfq, loadBuyerRfq, notifyRfqSent, RfqValidationError } from "./shared.server";

/** Writing drafts: save as typed (with attachments and recipients), publish to the chosen suppliers, delete. */

function decimalOrZero(q: string): string {
  const n = Number(q.replace(",", "."));
  if (!Number.isFinite(n) || n < 0 || n > 99_999_999_999) return "0";
  return String(Math.round(n * 1000) / 1000);
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
      await auditRfq(tx, id, "created", actor);
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
    await notifyRfqSent(
      tx,
      rfq,
      rfq.items.length,
      recipients.map((r) => r.supplierOrgId),
    );
    await emitWebhookEvent(tx, {
      type: "rfq.published",
      orgIds: [rfq.buyerOrgId, ...recipients.map((r) => r.supplierOrgId)],
      data: { rfqId: id, number: rfq.number, title: rfq.title, deadline: rfq.deadline?.toISOString() ?? null },
    });
    await auditRfq(tx, id, "published", actor, {
      recipients: recipients.map((r) => r.supplierOrgId),
      deadline: rfq.deadline?.toISOString() ?? null,
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
