import type { Prisma } from "~/generated/prisma/client";
import type { VatRate } from "~/generated/prisma/enums";
import { type Actor, NotFoundError, requireSupplier } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { DOCUMENT_KINDS, FileError, saveUpload } from "~/modules/files/files.server";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { formatRub } from "~/modules/money/format";
import { lineAmounts, parseRublesToKopecks, quantityToMilli, type VatRateCode } from "~/modules/money/money";
import { type SupplierVatOptions, supplierVatOptions } from "~/modules/money/money.server";
import { notify } from "~/modules/notifications/notifications.server";
import { markRecipientQuoted, markRecipientWithdrawn } from "~/modules/rfq/rfq.server";
import { getPrisma } from "~/utils/db.server";
import { normalizeQuantity, quantityInput, quoteVersionTotals } from "./quote-money";
import type { QuoteForm } from "./quotes.schema";
import { improvementErrors, openRoundFor, recordRoundSubmission } from "./rounds.server";
import { k, moscowEndOfDay, QuoteValidationError, quoteLineView, toMoscowDate } from "./shared.server";

export const MAX_QUOTE_ATTACHMENTS = 5;

async function loadRfqForSupplier(actor: Actor, rfqId: string) {
  requireSupplier(actor);
  const rfq = await getPrisma().rfq.findFirst({
    where: {
      id: rfqId,
      status: { in: ["PUBLISHED", "CLOSED", "AWARDED", "CANCELLED"] },
      recipients: { some: { supplierOrgId: actor.organizationId } },
    },
    include: {
      items: {
        orderBy: { position: "asc" },
        include: { product: { select: { supplierId: true, priceKopecks: true, vatRate: true, leadTimeDays: true } } },
      },
      recipients: { where: { supplierOrgId: actor.organizationId }, select: { status: true } },
    },
  });
  if (!rfq) throw new NotFoundError("rfq");
  return rfq;
}

function isOpenForQuotes(rfq: { status: string; deadline: Date | null }, now: Date) {
  return rfq.status === "PUBLISHED" && (rfq.deadline === null || rfq.deadline.getTime() > now.getTime());
}

const versionInclude = {
  lines: true,
  attachments: { include: { file: { select: { id: true, originalName: true, size: true } } } },
} satisfies Prisma.QuoteVersionInclude;
type VersionRow = Prisma.QuoteVersionGetPayload<{ include: typeof versionInclude }>;

function versionView(v: VersionRow) {
  return {
    version: v.version,
    submittedAt: v.submittedAt?.toISOString() ?? null,
    deliveryCost: k(v.deliveryCostKopecks),
    deliveryVatRate: v.deliveryVatRate,
    deliveryTerms: v.deliveryTerms,
    deliveryBasis: v.deliveryBasis,
    deliveryPlace: v.deliveryPlace,
    prepaymentPercent: v.prepaymentPercent,
    paymentDaysAfterDelivery: v.paymentDaysAfterDelivery,
    validUntil: v.validUntil ? toMoscowDate(v.validUntil) : null,
    comment: v.comment,
    goodsNet: k(v.goodsNetKopecks),
    vat: k(v.vatKopecks),
    goodsGross: k(v.goodsGrossKopecks),
    landed: k(v.landedKopecks),
    lines: v.lines.map((l) => ({ rfqItemId: l.rfqItemId, ...quoteLineView(l) })),
    attachments: v.attachments.map((a) => ({ id: a.file.id, name: a.file.originalName, size: a.file.size })),
  };
}

type RfqItemRow = Awaited<ReturnType<typeof loadRfqForSupplier>>["items"][number];

/** The supplier's own catalog product a line is tied to (its net price), or null: the form prefills from it. */
export function catalogOffer(item: RfqItemRow, supplierOrgId: string) {
  const p = item.product;
  if (!p || p.supplierId !== supplierOrgId || p.priceKopecks === null || p.priceKopecks <= 0n) return null;
  return { priceKopecks: p.priceKopecks, vatRate: p.vatRate as VatRateCode, leadTimeDays: p.leadTimeDays };
}

/**
 * Form default values from a stored version, as a Russian input shows them ("1 234 567,89", "1 000,5"). Without a
 * stored line the requested quantity is offered, and a line tied to the supplier's own catalog product starts from
 * its catalog price, rate and lead time.
 */
function formDefaults(items: RfqItemRow[], v: VersionRow | undefined, vat: SupplierVatOptions, orgId: string) {
  // a draft keeps its rates while the regime still allows them; a rate no longer allowed (20 % after 2025) starts over
  const rate = (r: VatRateCode | undefined) => (r && vat.rates.includes(r) ? r : vat.defaultRate);
  const byItem = new Map(v?.lines.map((l) => [l.rfqItemId, l]) ?? []);
  return {
    lines: items.map((item) => {
      const l = byItem.get(item.id);
      const c = v ? null : catalogOffer(item, orgId);
      const lead = l ? l.leadTimeDays : (c?.leadTimeDays ?? null);
      return {
        rfqItemId: item.id,
        unitPrice: l ? formatRub(l.unitPriceKopecks) : c ? formatRub(c.priceKopecks) : "",
        quantity: quantityInput(l ? l.quantity : item.quantity),
        vatRate: rate(l?.vatRate ?? c?.vatRate),
        leadTimeDays: lead != null ? String(lead) : "",
        analogueModel: l?.analogueModel ?? "",
        analogueNote: l?.analogueNote ?? "",
      };
    }),
    deliveryCost: v && v.deliveryCostKopecks > 0n ? formatRub(v.deliveryCostKopecks) : "",
    deliveryVatRate: rate(v?.deliveryVatRate),
    deliveryTerms: v?.deliveryTerms ?? "",
    deliveryBasis: v?.deliveryBasis ?? "",
    deliveryPlace: v?.deliveryPlace ?? "",
    prepaymentPercent: v ? String(v.prepaymentPercent) : "0",
    paymentDaysAfterDelivery: v?.paymentDaysAfterDelivery != null ? String(v.paymentDaysAfterDelivery) : "",
    validUntil: v?.validUntil ? toMoscowDate(v.validUntil) : "",
    comment: v?.comment ?? "",
  };
}

/** The supplier's own quote for an RFQ it was invited to: form defaults (the working draft), versions, status. */
export async function getQuoteForSupplier(actor: Actor, rfqId: string, now: Date = new Date()) {
  const rfq = await loadRfqForSupplier(actor, rfqId);
  const quote = await getPrisma().quote.findUnique({
    where: { rfqId_supplierOrgId: { rfqId, supplierOrgId: actor.organizationId as string } },
    include: { versions: { orderBy: { version: "asc" }, include: versionInclude } },
  });
  const draft = quote?.versions.find((v) => v.version === 0);
  const latest = quote?.versions.filter((v) => v.version > 0).at(-1);
  const recipientStatus = rfq.recipients[0]?.status ?? "NEW";
  const round =
    quote?.status === "SUBMITTED" ? await openRoundFor(getPrisma(), rfqId, actor.organizationId as string, now) : null;
  const open = (isOpenForQuotes(rfq, now) && recipientStatus !== "DECLINED") || round !== null;
  const vat = await supplierVatOptions(actor.organizationId as string, now);
  return {
    rfqId,
    vatRates: vat.rates,
    canEdit: open,
    canReconfirm:
      quote?.status === "SUBMITTED" &&
      rfq.status === "CLOSED" &&
      latest?.validUntil != null &&
      latest.validUntil.getTime() < now.getTime(),
    /** a re-bid round the supplier is invited to and may still submit in */
    round: round
      ? {
          number: round.round.number,
          deadline: round.round.deadline.toISOString(),
          note: round.round.note,
          versionBefore: round.versionBefore,
        }
      : null,
    items: rfq.items.map((i) => ({
      id: i.id,
      position: i.position,
      name: i.name,
      quantity: i.quantity.toString(),
      unit: i.unit,
      notes: i.notes,
      analoguesAllowed: i.analoguesAllowed,
      /** the supplier's own catalog price of the linked product ("1 234,50"), or null */
      catalogPrice: ((c) => (c ? formatRub(c.priceKopecks) : null))(catalogOffer(i, actor.organizationId as string)),
    })),
    /** changes on every save: the panel remounts with fresh defaults and no stale errors */
    revision: `${quote?.currentVersion ?? 0}:${draft?.updatedAt.toISOString() ?? ""}:${quote?.status ?? ""}`,
    quote: quote
      ? {
          id: quote.id,
          status: quote.status,
          currentVersion: quote.currentVersion,
          submittedAt: quote.submittedAt?.toISOString() ?? null,
          withdrawnAt: quote.withdrawnAt?.toISOString() ?? null,
          hasUnsubmittedChanges: Boolean(draft && latest && draft.updatedAt > (latest.submittedAt ?? latest.createdAt)),
        }
      : null,
    // in a round the form starts from the latest submitted version unless a draft was saved during the round
    defaults: formDefaults(
      rfq.items,
      round && latest && (!draft || draft.updatedAt < round.round.createdAt) ? latest : (draft ?? latest),
      vat,
      actor.organizationId as string,
    ),
    draftAttachments: draft ? versionView(draft).attachments : [],
    versions: (quote?.versions ?? [])
      .filter((v) => v.version > 0)
      .map(versionView)
      .reverse(),
  };
}

interface BuiltLine {
  rfqItemId: string;
  unitPriceKopecks: bigint;
  quantity: string;
  vatRate: VatRate;
  leadTimeDays: number | null;
  analogueModel: string | null;
  analogueNote: string | null;
  netKopecks: bigint;
  vatKopecks: bigint;
  grossKopecks: bigint;
}

/** The priced lines of a quote form (saveQuote): checks against the RFQ and the allowed rates, amounts by money.ts. */
export function buildLines(
  items: { id: string; quantity: { toString(): string }; analoguesAllowed: boolean }[],
  form: QuoteForm,
  vatRates: readonly VatRateCode[],
): { lines: BuiltLine[]; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  if (form.deliveryCost && !vatRates.includes(form.deliveryVatRate)) errors.deliveryVatRate = ["errors.vatNotAllowed"];
  const byId = new Map(items.map((i) => [i.id, i]));
  const lines: BuiltLine[] = [];
  const seen = new Set<string>();
  form.lines.forEach((l, idx) => {
    if (!l.unitPrice) return;
    const item = byId.get(l.rfqItemId);
    if (!item || seen.has(l.rfqItemId)) {
      errors[`lines[${idx}].rfqItemId`] = ["errors.unknownItem"];
      return;
    }
    seen.add(l.rfqItemId);
    const price = parseRublesToKopecks(l.unitPrice);
    const quantity = normalizeQuantity(l.quantity ?? "");
    if (price === null || !quantity) return; // schema already reported
    if (quantityToMilli(quantity) > quantityToMilli(item.quantity.toString())) {
      errors[`lines[${idx}].quantity`] = ["errors.quantityTooLarge"];
      return;
    }
    if (!vatRates.includes(l.vatRate)) {
      errors[`lines[${idx}].vatRate`] = ["errors.vatNotAllowed"];
      return;
    }
    if (!item.analoguesAllowed && (l.analogueModel || l.analogueNote)) {
      errors[`lines[${idx}].analogueModel`] = ["errors.analogueNotAllowed"];
      return;
    }
    const a = lineAmounts({ unitPriceKopecks: price, quantity, vatRate: l.vatRate });
    lines.push({
      rfqItemId: item.id,
      unitPriceKopecks: price,
      quantity,
      vatRate: l.vatRate,
      leadTimeDays: l.leadTimeDays ? Number(l.leadTimeDays) : null,
      analogueModel: item.analoguesAllowed ? l.analogueModel || null : null,
      analogueNote: item.analoguesAllowed ? l.analogueNote || null : null,
      netKopecks: a.net,
      vatKopecks: a.vat,
      grossKopecks: a.gross,
    });
  });
  return { lines, errors };
}

export type SaveMode = "draft" | "submit";

/**
 * Saves the working draft (version 0) and, for `submit`, freezes it as the next immutable version (1, 2, …: a
 * revision when one exists), marks the recipient as quoted and notifies the buyer. Only invited suppliers, only while
 * the RFQ is published and before its deadline.
 */
export async function saveQuote(
  actor: Actor,
  rfqId: string,
  form: QuoteForm,
  opts: { mode: SaveMode; uploads?: File[]; now?: Date } = { mode: "draft" },
) {
  const now = opts.now ?? new Date();
  const rfq = await loadRfqForSupplier(actor, rfqId);
  const orgId = actor.organizationId as string;
  const prisma = getPrisma();
  // After the deadline only a re-bid round (переторжка) the supplier is invited to lets it submit again.
  const round = isOpenForQuotes(rfq, now) ? null : await openRoundFor(prisma, rfqId, orgId, now);
  if (!round && rfq.recipients[0]?.status === "DECLINED") throw new QuoteValidationError({}, ["errors.declined"]);
  if (!round && !isOpenForQuotes(rfq, now)) throw new QuoteValidationError({}, ["errors.closed"]);
  const { lines, errors } = buildLines(rfq.items, form, (await supplierVatOptions(orgId, now)).rates);
  const validUntil = form.validUntil ? moscowEndOfDay(form.validUntil) : null;
  if (opts.mode === "submit") {
    if (lines.length === 0 && Object.keys(errors).length === 0) throw new QuoteValidationError({}, ["errors.noLines"]);
    if (!validUntil) errors.validUntil = ["errors.validUntilRequired"];
    else if (validUntil.getTime() < now.getTime()) errors.validUntil = ["errors.validUntilPast"];
  }
  const deliveryCostKopecks = form.deliveryCost ? (parseRublesToKopecks(form.deliveryCost) ?? 0n) : 0n;
  const prepaymentPercent = form.prepaymentPercent ? Number(form.prepaymentPercent) : 0;
  const paymentDaysAfterDelivery = form.paymentDaysAfterDelivery ? Number(form.paymentDaysAfterDelivery) : null;
  if (round && opts.mode === "submit") {
    const before = await prisma.quoteVersion.findFirst({
      where: { quoteId: round.quoteId, version: round.versionBefore },
      include: { lines: true },
    });
    if (before)
      Object.assign(
        errors,
        improvementErrors(before, { deliveryCostKopecks, prepaymentPercent, paymentDaysAfterDelivery, lines }, (id) =>
          form.lines.findIndex((l) => l.rfqItemId === id),
        ),
      );
  }
  if (Object.keys(errors).length) throw new QuoteValidationError(errors);

  const existing = await prisma.quote.findUnique({
    where: { rfqId_supplierOrgId: { rfqId, supplierOrgId: orgId } },
    include: { versions: { where: { version: 0 }, include: { attachments: true } } },
  });
  const keptFiles = (existing?.versions[0]?.attachments ?? [])
    .map((a) => a.fileId)
    .filter((id) => !form.removeFileIds.includes(id));
  const uploads = (opts.uploads ?? []).filter((f) => f.size > 0 || f.name);
  if (keptFiles.length + uploads.length > MAX_QUOTE_ATTACHMENTS)
    throw new QuoteValidationError({ attachments: [`errors.tooManyFiles::{"max":${MAX_QUOTE_ATTACHMENTS}}`] });
  // Files are written before the transaction (PGlite is one connection: no slow I/O inside a transaction).
  const newFileIds: string[] = [];
  for (const file of uploads) {
    try {
      const stored = await saveUpload({
        organizationId: orgId,
        uploadedById: actor.userId,
        file,
        allowed: DOCUMENT_KINDS,
      });
      newFileIds.push(stored.id);
    } catch (error) {
      if (error instanceof FileError)
        throw new QuoteValidationError({
          attachments: [`errors.file.${error.code}::${JSON.stringify({ name: file.name, ...(error.params ?? {}) })}`],
        });
      throw error;
    }
  }

  const versionData = {
    deliveryCostKopecks,
    deliveryVatRate: form.deliveryVatRate,
    deliveryTerms: form.deliveryTerms || null,
    deliveryBasis: form.deliveryBasis || null,
    deliveryPlace: form.deliveryPlace || null,
    prepaymentPercent,
    paymentDaysAfterDelivery,
    validUntil,
    comment: form.comment || null,
    ...quoteVersionTotals(lines, deliveryCostKopecks, form.deliveryVatRate),
  };
  const fileIds = [...keptFiles, ...newFileIds];

  return prisma.$transaction(async (tx) => {
    // Re-check inside the transaction: the deadline job may have closed the RFQ meanwhile.
    const still = round
      ? await tx.rebidRound.count({ where: { id: round.roundId, deadline: { gt: now }, rfq: { status: "CLOSED" } } })
      : await tx.rfq.count({
          where: { id: rfqId, status: "PUBLISHED", OR: [{ deadline: null }, { deadline: { gt: now } }] },
        });
    if (!still) throw new QuoteValidationError({}, ["errors.closed"]);
    const quote = await tx.quote.upsert({
      where: { rfqId_supplierOrgId: { rfqId, supplierOrgId: orgId } },
      create: { rfqId, supplierOrgId: orgId },
      update: {},
    });
    const draft = await tx.quoteVersion.upsert({
      where: { quoteId_version: { quoteId: quote.id, version: 0 } },
      create: { quoteId: quote.id, version: 0, ...versionData },
      update: versionData,
    });
    await tx.quoteLine.deleteMany({ where: { versionId: draft.id } });
    if (lines.length) await tx.quoteLine.createMany({ data: lines.map((l) => ({ ...l, versionId: draft.id })) });
    await tx.quoteAttachment.deleteMany({ where: { versionId: draft.id } });
    if (fileIds.length)
      await tx.quoteAttachment.createMany({ data: fileIds.map((fileId) => ({ versionId: draft.id, fileId })) });

    if (opts.mode === "draft") {
      await recordAudit(tx, { entityType: "quote", entityId: quote.id, action: "draft_saved", actor, data: {} });
      return { quoteId: quote.id, version: 0 };
    }
    const version = quote.currentVersion + 1;
    const frozen = await tx.quoteVersion.create({
      data: { quoteId: quote.id, version, submittedAt: now, roundId: round?.roundId ?? null, ...versionData },
    });
    if (lines.length) await tx.quoteLine.createMany({ data: lines.map((l) => ({ ...l, versionId: frozen.id })) });
    if (fileIds.length)
      await tx.quoteAttachment.createMany({ data: fileIds.map((fileId) => ({ versionId: frozen.id, fileId })) });
    await tx.quote.update({
      where: { id: quote.id },
      data: { status: "SUBMITTED", currentVersion: version, submittedAt: now, withdrawnAt: null },
    });
    if (round) await recordRoundSubmission(tx, round.id, version, now);
    else await markRecipientQuoted(tx, rfqId, orgId);
    const revised = version > 1;
    await recordAudit(tx, {
      entityType: "quote",
      entityId: quote.id,
      action: round ? "rebid" : revised ? "revised" : "submitted",
      actor,
      data: {
        rfqId,
        version,
        landedKopecks: k(versionData.landedKopecks),
        lines: lines.length,
        ...(round ? { round: round.round.number } : {}),
      },
    });
    const supplier = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { shortName: true } });
    await notify(tx, {
      type: revised ? "quote_revised" : "quote_submitted",
      recipients: { orgIds: [rfq.buyerOrgId] },
      // Sealed RFQs: the notification names the supplier, never the amounts.
      params: { number: rfq.number, title: rfq.title, supplier: supplier.shortName, version },
      link: `/buyer/rfqs/${rfqId}/compare`,
      aggregateId: quote.id,
      about: {
        rfqId,
        fromOrgId: orgId,
        amountKopecks: rfq.sealed || round?.round.sealed ? null : versionData.landedKopecks,
      },
    });
    // amounts never go out here (sealed RFQs): receivers read the comparison through the API
    await emitWebhookEvent(tx, {
      type: "quote.submitted",
      orgIds: [rfq.buyerOrgId, orgId],
      data: { rfqId, quoteId: quote.id, supplierOrgId: orgId, version, revised },
    });
    return { quoteId: quote.id, version };
  });
}

/** Withdraws a submitted quote before the deadline; the buyer no longer compares it (its versions stay on record). */
export async function withdrawQuote(actor: Actor, rfqId: string, now: Date = new Date()) {
  const rfq = await loadRfqForSupplier(actor, rfqId);
  if (!isOpenForQuotes(rfq, now)) throw new QuoteValidationError({}, ["errors.closed"]);
  const orgId = actor.organizationId as string;
  return getPrisma().$transaction(async (tx) => {
    const quote = await tx.quote.findUnique({ where: { rfqId_supplierOrgId: { rfqId, supplierOrgId: orgId } } });
    if (quote?.status !== "SUBMITTED") throw new QuoteValidationError({}, ["errors.notSubmitted"]);
    const { count } = await tx.quote.updateMany({
      where: { id: quote.id, status: "SUBMITTED" },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    if (count !== 1) throw new QuoteValidationError({}, ["errors.notSubmitted"]);
    await markRecipientWithdrawn(tx, rfqId, orgId);
    await recordAudit(tx, { entityType: "quote", entityId: quote.id, action: "withdrawn", actor, data: { rfqId } });
    const supplier = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { shortName: true } });
    await notify(tx, {
      type: "quote_withdrawn",
      recipients: { orgIds: [rfq.buyerOrgId] },
      params: { number: rfq.number, title: rfq.title, supplier: supplier.shortName },
      link: `/buyer/rfqs/${rfqId}/compare`,
      aggregateId: quote.id,
      about: { rfqId, fromOrgId: orgId },
    });
    return { quoteId: quote.id };
  });
}
