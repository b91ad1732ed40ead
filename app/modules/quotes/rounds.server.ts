/**
 * Re-bid rounds (переторжка), ADR 0019. After the opening the buyer invites chosen suppliers to improve their offers by
 * a deadline; an invited supplier submits through the ordinary quote form, but may only improve each line (price not
 * higher, quantity not lower, lead time not longer) and the terms (delivery not dearer, prepayment not higher, deferral
 * not shorter). Each submission is a new immutable quote version tagged with the round. A sealed round hides the new
 * prices from the buyer until its deadline. The round protocol (before/after per line and supplier, who took part) is
 * derived from those immutable versions and the participants' records.
 */
import type { Prisma } from "~/generated/prisma/client";
import { type Actor, NotFoundError, requireBuyer, requireSupplier } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { kopecksToDecimalString, quantityToMilli } from "~/modules/money/money";
import { notify } from "~/modules/notifications/notifications.server";
import { getPrisma } from "~/utils/db.server";
import { type Db, k, moscowEndOfDay, QuoteValidationError, toMoscowDate } from "./shared.server";

export const MAX_ROUND_NOTE = 1000;

export interface RoundInput {
  quoteIds: string[];
  deadline: Date;
  note: string | null;
  sealed: boolean;
}

/** Starts a round for chosen submitted quotes of an opened, closed (not yet awarded) RFQ of the buyer. */
export async function startRebidRound(actor: Actor, rfqId: string, input: RoundInput, now: Date = new Date()) {
  requireBuyer(actor);
  const errors: Record<string, string[]> = {};
  if (!input.quoteIds.length) errors.quoteIds = ["errors.roundNoSuppliers"];
  if (Number.isNaN(input.deadline.getTime()) || input.deadline.getTime() <= now.getTime() + 5 * 60 * 1000)
    errors.deadline = ["errors.roundDeadline"];
  if ((input.note ?? "").length > MAX_ROUND_NOTE) errors.note = ["errors.tooLong"];
  if (Object.keys(errors).length) throw new QuoteValidationError(errors);
  return getPrisma().$transaction(async (tx) => {
    const rfq = await tx.rfq.findFirst({ where: { id: rfqId, buyerOrgId: actor.organizationId } });
    if (!rfq) throw new NotFoundError("rfq");
    if (rfq.status !== "CLOSED" || (rfq.sealed && !rfq.openedAt))
      throw new QuoteValidationError({}, ["errors.roundNotAllowed"]);
    const open = await tx.rebidRound.count({ where: { rfqId, deadline: { gt: now } } });
    if (open) throw new QuoteValidationError({}, ["errors.roundAlreadyOpen"]);
    const quotes = await tx.quote.findMany({
      where: { id: { in: input.quoteIds }, rfqId, status: "SUBMITTED", currentVersion: { gt: 0 } },
      select: { id: true, supplierOrgId: true, currentVersion: true },
    });
    if (quotes.length !== new Set(input.quoteIds).size)
      throw new QuoteValidationError({ quoteIds: ["errors.quoteNotAwardable"] });
    const number = (await tx.rebidRound.count({ where: { rfqId } })) + 1;
    const round = await tx.rebidRound.create({
      data: {
        rfqId,
        number,
        deadline: input.deadline,
        note: input.note || null,
        sealed: input.sealed,
        createdById: actor.userId,
        participants: {
          create: quotes.map((q) => ({
            quoteId: q.id,
            supplierOrgId: q.supplierOrgId,
            versionBefore: q.currentVersion,
          })),
        },
      },
    });
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: rfqId,
      action: "rebid_round_started",
      actor,
      data: {
        roundId: round.id,
        number,
        deadline: input.deadline.toISOString(),
        sealed: input.sealed,
        quotes: quotes.map((q) => q.id),
      },
    });
    await notify(tx, {
      type: "rebid_round_started",
      recipients: { orgIds: quotes.map((q) => q.supplierOrgId) },
      params: { number: rfq.number, title: rfq.title, round: number, deadline: input.deadline, note: input.note ?? "" },
      link: `/supplier/rfqs/${rfqId}`,
      aggregateId: round.id,
      about: { rfqId, fromOrgId: rfq.buyerOrgId },
    });
    return { roundId: round.id, number };
  });
}

/** Ends a running round now, once every invited supplier has submitted in it (no need to wait for the deadline). */
export async function closeRebidRound(actor: Actor, rfqId: string, now: Date = new Date()) {
  requireBuyer(actor);
  return getPrisma().$transaction(async (tx) => {
    const round = await tx.rebidRound.findFirst({
      where: { rfqId, deadline: { gt: now }, rfq: { buyerOrgId: actor.organizationId } },
      include: { participants: true },
    });
    if (!round) throw new NotFoundError("round");
    if (round.participants.some((p) => p.versionAfter === null))
      throw new QuoteValidationError({}, ["errors.roundNotAllAnswered"]);
    await tx.rebidRound.update({ where: { id: round.id }, data: { deadline: now } });
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: rfqId,
      action: "rebid_round_closed",
      actor,
      data: { roundId: round.id, number: round.number, plannedDeadline: round.deadline.toISOString() },
    });
    return { roundId: round.id };
  });
}

/** The round an invited supplier may submit in now (deadline not passed), with its participation record. */
export async function openRoundFor(db: Db, rfqId: string, supplierOrgId: string, now: Date) {
  const participant = await db.rebidParticipant.findFirst({
    where: { supplierOrgId, round: { rfqId, deadline: { gt: now }, rfq: { status: "CLOSED" } } },
    include: { round: true },
    orderBy: { round: { number: "desc" } },
  });
  return participant;
}

export interface ImprovementBase {
  deliveryCostKopecks: bigint;
  prepaymentPercent: number;
  paymentDaysAfterDelivery: number | null;
  lines: {
    rfqItemId: string;
    unitPriceKopecks: bigint;
    quantity: { toString(): string };
    leadTimeDays: number | null;
  }[];
}

export interface ImprovementCandidate {
  deliveryCostKopecks: bigint;
  prepaymentPercent: number;
  paymentDaysAfterDelivery: number | null;
  lines: { rfqItemId: string; unitPriceKopecks: bigint; quantity: string; leadTimeDays: number | null }[];
}

const money = (v: bigint) => kopecksToDecimalString(v).replace(".", ",");

/**
 * Field errors (quote form paths) for everything that is worse than the version the round started from: a re-bid may
 * only lower prices or improve terms, line by line. Lines not quoted before may not be added, quoted ones not dropped.
 */
export function improvementErrors(
  before: ImprovementBase,
  after: ImprovementCandidate,
  lineIndex: (rfqItemId: string) => number,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const prev = new Map(before.lines.map((l) => [l.rfqItemId, l]));
  for (const l of after.lines) {
    const idx = lineIndex(l.rfqItemId);
    const p = prev.get(l.rfqItemId);
    if (!p) {
      errors[`lines[${idx}].unitPrice`] = ["errors.rebidNewLine"];
      continue;
    }
    if (l.unitPriceKopecks > p.unitPriceKopecks)
      errors[`lines[${idx}].unitPrice`] = [
        `errors.rebidPriceRaised::${JSON.stringify({ before: money(p.unitPriceKopecks) })}`,
      ];
    if (quantityToMilli(l.quantity) < quantityToMilli(p.quantity.toString()))
      errors[`lines[${idx}].quantity`] = [
        `errors.rebidQuantityLowered::${JSON.stringify({ before: p.quantity.toString() })}`,
      ];
    if (p.leadTimeDays !== null && (l.leadTimeDays === null || l.leadTimeDays > p.leadTimeDays))
      errors[`lines[${idx}].leadTimeDays`] = [`errors.rebidLeadLonger::${JSON.stringify({ before: p.leadTimeDays })}`];
  }
  const quoted = new Set(after.lines.map((l) => l.rfqItemId));
  for (const p of before.lines)
    if (!quoted.has(p.rfqItemId) && lineIndex(p.rfqItemId) >= 0)
      errors[`lines[${lineIndex(p.rfqItemId)}].unitPrice`] = ["errors.rebidLineDropped"];
  if (after.deliveryCostKopecks > before.deliveryCostKopecks)
    errors.deliveryCost = [
      `errors.rebidDeliveryRaised::${JSON.stringify({ before: money(before.deliveryCostKopecks) })}`,
    ];
  if (after.prepaymentPercent > before.prepaymentPercent)
    errors.prepaymentPercent = [`errors.rebidPrepayRaised::${JSON.stringify({ before: before.prepaymentPercent })}`];
  if ((after.paymentDaysAfterDelivery ?? 0) < (before.paymentDaysAfterDelivery ?? 0))
    errors.paymentDaysAfterDelivery = [
      `errors.rebidDeferralShorter::${JSON.stringify({ before: before.paymentDaysAfterDelivery ?? 0 })}`,
    ];
  return errors;
}

/**
 * Re-confirms an offer whose validity has passed (it blocks the award): a new version, identical but for the new
 * validity date. The RFQ must be closed and not awarded.
 */
export async function reconfirmQuote(actor: Actor, rfqId: string, validUntil: string, now: Date = new Date()) {
  requireSupplier(actor);
  const until = /^\d{4}-\d{2}-\d{2}$/.test(validUntil) ? moscowEndOfDay(validUntil) : null;
  if (!until || until.getTime() < now.getTime())
    throw new QuoteValidationError({ validUntil: ["errors.validUntilPast"] });
  return getPrisma().$transaction(async (tx) => {
    const quote = await tx.quote.findFirst({
      where: { rfqId, supplierOrgId: actor.organizationId, status: "SUBMITTED", rfq: { status: "CLOSED" } },
      include: { rfq: true, versions: { include: { lines: true, attachments: true } } },
    });
    if (!quote) throw new NotFoundError("quote");
    const v = quote.versions.find((x) => x.version === quote.currentVersion);
    if (!v) throw new NotFoundError("quote");
    const version = quote.currentVersion + 1;
    const { id: _id, quoteId: _q, version: _v, lines, attachments, createdAt: _c, updatedAt: _u, ...data } = v;
    const frozen = await tx.quoteVersion.create({
      data: { ...data, quoteId: quote.id, version, validUntil: until, submittedAt: now, roundId: null },
    });
    if (lines.length)
      await tx.quoteLine.createMany({
        data: lines.map(({ id: _lid, versionId: _vid, ...l }) => ({ ...l, versionId: frozen.id })),
      });
    if (attachments.length)
      await tx.quoteAttachment.createMany({
        data: attachments.map((a) => ({ versionId: frozen.id, fileId: a.fileId })),
      });
    await tx.quote.update({ where: { id: quote.id }, data: { currentVersion: version, submittedAt: now } });
    await recordAudit(tx, {
      entityType: "quote",
      entityId: quote.id,
      action: "reconfirmed",
      actor,
      data: { rfqId, version, validUntil: toMoscowDate(until) },
    });
    const supplier = await tx.organization.findUniqueOrThrow({
      where: { id: quote.supplierOrgId },
      select: { shortName: true },
    });
    await notify(tx, {
      type: "quote_revised",
      recipients: { orgIds: [quote.rfq.buyerOrgId] },
      params: { number: quote.rfq.number, title: quote.rfq.title, supplier: supplier.shortName, version },
      link: `/buyer/rfqs/${rfqId}/compare`,
      aggregateId: quote.id,
      // the RFQ is closed (opened): the re-confirmed total is no secret
      about: { rfqId, fromOrgId: quote.supplierOrgId, amountKopecks: v.landedKopecks },
    });
    return { quoteId: quote.id, version };
  });
}

export interface RoundProtocolLine {
  rfqItemId: string;
  before: string | null;
  after: string | null;
}

export interface RoundView {
  id: string;
  number: number;
  deadline: string;
  note: string | null;
  sealed: boolean;
  createdAt: string;
  /** deadline not passed yet */
  open: boolean;
  /** false for a sealed round before its deadline: the "after" figures are hidden */
  pricesVisible: boolean;
  participants: {
    quoteId: string;
    supplierOrgId: string;
    supplierName: string;
    versionBefore: number;
    versionAfter: number | null;
    respondedAt: string | null;
    tookPart: boolean;
    /** landed (supplier's quoted) before / after, kopecks */
    landedBefore: string;
    landedAfter: string | null;
    /** unit prices per line before / after */
    lines: RoundProtocolLine[];
  }[];
}

/** The rounds of an RFQ with their protocol, for the buyer's comparison (already authorised by the caller). */
export async function listRounds(db: Db, rfqId: string, now: Date): Promise<RoundView[]> {
  const rounds = await db.rebidRound.findMany({
    where: { rfqId },
    orderBy: { number: "asc" },
    include: { participants: true },
  });
  if (!rounds.length) return [];
  const quoteIds = [...new Set(rounds.flatMap((r) => r.participants.map((p) => p.quoteId)))];
  const quotes = await db.quote.findMany({
    where: { id: { in: quoteIds } },
    select: {
      id: true,
      supplier: { select: { shortName: true } },
      versions: {
        where: { version: { gt: 0 } },
        select: {
          version: true,
          landedKopecks: true,
          lines: { select: { rfqItemId: true, unitPriceKopecks: true } },
        },
      },
    },
  });
  const byId = new Map(quotes.map((q) => [q.id, q]));
  return rounds.map((r) => {
    const open = r.deadline.getTime() > now.getTime();
    const visible = !r.sealed || !open;
    return {
      id: r.id,
      number: r.number,
      deadline: r.deadline.toISOString(),
      note: r.note,
      sealed: r.sealed,
      createdAt: r.createdAt.toISOString(),
      open,
      pricesVisible: visible,
      participants: r.participants.map((p) => {
        const q = byId.get(p.quoteId);
        const before = q?.versions.find((v) => v.version === p.versionBefore);
        const after =
          visible && p.versionAfter !== null ? q?.versions.find((v) => v.version === p.versionAfter) : undefined;
        const itemIds = [...new Set([...(before?.lines ?? []), ...(after?.lines ?? [])].map((l) => l.rfqItemId))];
        return {
          quoteId: p.quoteId,
          supplierOrgId: p.supplierOrgId,
          supplierName: q?.supplier.shortName ?? "",
          versionBefore: p.versionBefore,
          versionAfter: p.versionAfter,
          respondedAt: p.respondedAt?.toISOString() ?? null,
          tookPart: p.versionAfter !== null,
          landedBefore: k(before?.landedKopecks ?? 0n),
          landedAfter: after ? k(after.landedKopecks) : null,
          lines: itemIds.map((rfqItemId) => {
            const b = before?.lines.find((l) => l.rfqItemId === rfqItemId);
            const a = after?.lines.find((l) => l.rfqItemId === rfqItemId);
            return {
              rfqItemId,
              before: b ? k(b.unitPriceKopecks) : null,
              after: a ? k(a.unitPriceKopecks) : null,
            };
          }),
        };
      }),
    };
  });
}

/** Quote versions submitted in sealed rounds still running: the buyer sees the version the round started from. */
export async function hiddenRoundVersions(db: Db, rfqId: string, now: Date): Promise<Map<string, number>> {
  const rows = await db.rebidParticipant.findMany({
    where: { round: { rfqId, sealed: true, deadline: { gt: now } } },
    select: { quoteId: true, versionBefore: true },
  });
  return new Map(rows.map((r) => [r.quoteId, r.versionBefore]));
}

/** Records a supplier's submission in its round (inside the quote submission's transaction). */
export async function recordRoundSubmission(
  tx: Prisma.TransactionClient,
  participantId: string,
  version: number,
  now: Date,
) {
  await tx.rebidParticipant.update({
    where: { id: participantId },
    data: { versionAfter: version, respondedAt: now },
  });
}
