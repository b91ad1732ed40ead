import { createHash, randomBytes } from "node:crypto";
import { type Actor, NotFoundError, requireBuyer } from "~/modules/accounts/actor";
import type { Lang } from "~/modules/i18n/i18n";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { publicOrigin } from "~/utils/origin.server";
import { supplierInviteSchema } from "./invite.schema";
import { auditRfq, type Db, loadBuyerRfq, notifyRfqSent, RfqValidationError } from "./shared.server";

/**
 * Invitations of suppliers not on the platform yet (issue 19): the buyer invites by e-mail and ИНН from the RFQ; the
 * mail's link opens the sign-up with that ИНН locked; signing up with it makes the new organisation a recipient of the
 * RFQ and the supplier lands on it. Tokens are random (256 bits), stored as SHA-256 digests only, single use, expire
 * after INVITE_TTL_DAYS, die when the buyer cancels or resends (a resend issues a new link), and every query is scoped
 * to the buyer's organisation. Awarding an invited supplier waits for the operator's verification
 * (app/workflows/award.server.ts). ADR 0020.
 */
export const INVITE_TTL_DAYS = 14;
/** A resend waits this long after the last mail, and an invitation is mailed at most INVITE_MAX_SENDS times. */
export const INVITE_RESEND_MINUTES = 10;
export const INVITE_MAX_SENDS = 5;
const MAX_INVITES_PER_RFQ = 50;

const digest = (token: string) => createHash("sha256").update(`rfq-invite:${token}`).digest("hex");

/** SENT (отправлено) → REGISTERED (зарегистрировался) → QUOTED (предложение подано); or EXPIRED / CANCELLED. */
export type InviteStatus = "SENT" | "REGISTERED" | "QUOTED" | "EXPIRED" | "CANCELLED";

export interface SupplierInviteView {
  id: string;
  email: string;
  inn: string;
  orgName: string | null;
  status: InviteStatus;
  createdAt: string;
  lastSentAt: string;
  expiresAt: string;
  /** when the buyer may resend (null: not resendable — used, cancelled or sent INVITE_MAX_SENDS times) */
  resendableAt: string | null;
  supplierName: string | null;
  supplierVerified: boolean;
}

export type InviteResult =
  | { ok: true; kind: "invited"; id: string; email: string }
  /** the ИНН is a supplier on the platform already: it was made a recipient of the RFQ instead of being invited */
  | { ok: true; kind: "routed"; supplierName: string }
  | { ok: false; fieldErrors: Record<string, string[]> };

const isOpen = (status: string) => status === "DRAFT" || status === "PUBLISHED";

async function mailInvite(
  db: Db,
  lang: Lang,
  rfq: { number: number; title: string; buyer: { shortName: string } },
  invite: { email: string; inn: string; message: string | null },
  token: string,
) {
  const t = await getFixedT(lang, "rfq");
  // the link is built from the configured public origin only, never from the request's Host
  const link = `${publicOrigin()}${localizePath(lang, `/signup?rfqInvite=${encodeURIComponent(token)}`)}`;
  const params = { buyer: rfq.buyer.shortName, number: rfq.number, title: rfq.title, inn: invite.inn };
  await queueEmail(db, {
    to: invite.email,
    subject: t("invite.mailSubject", params),
    text: [
      t("invite.mailText", params),
      ...(invite.message ? [t("invite.mailMessage", { buyer: rfq.buyer.shortName, message: invite.message })] : []),
      link,
      t("invite.mailExpires", { count: INVITE_TTL_DAYS }),
    ].join("\n\n"),
  });
}

/**
 * Invites a supplier from one of the buyer's open RFQs (draft or published). An ИНН already on the platform is not
 * invited: a supplier with it becomes a recipient of the RFQ directly (and is notified when the RFQ is published).
 * Returns field errors (keys of the `rfq` namespace) for bad input and duplicates.
 */
export async function inviteSupplier(
  actor: Actor,
  rfqId: string,
  input: Record<string, unknown>,
  lang: Lang = "ru",
  now: Date = new Date(),
): Promise<InviteResult> {
  requireBuyer(actor);
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, rfqId, {
    buyer: { select: { shortName: true } },
    _count: { select: { items: true } },
  });
  if (!isOpen(rfq.status)) throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  const parsed = supplierInviteSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= [i.message];
    return { ok: false, fieldErrors };
  }
  const { inviteEmail: email, inviteInn: inn } = parsed.data;
  const orgName = parsed.data.inviteOrgName || null;
  const message = parsed.data.inviteMessage || null;

  const onPlatform = await prisma.organization.findUnique({
    where: { inn },
    select: { id: true, kind: true, shortName: true, suspendedAt: true },
  });
  if (onPlatform) {
    if (onPlatform.kind !== "SUPPLIER" || onPlatform.suspendedAt)
      return { ok: false, fieldErrors: { inviteInn: ["invite.errors.innNotSupplier"] } };
    const routed = await prisma.$transaction(async (tx) => {
      const exists = await tx.rfqRecipient.findUnique({
        where: { rfqId_supplierOrgId: { rfqId, supplierOrgId: onPlatform.id } },
        select: { rfqId: true },
      });
      if (exists) return false;
      const published = rfq.status === "PUBLISHED";
      await tx.rfqRecipient.create({
        data: {
          rfqId,
          supplierOrgId: onPlatform.id,
          source: "MANUAL",
          ...(published ? { status: "NEW" as const, createdAt: now } : {}),
        },
      });
      if (published) await notifyRfqSent(tx, rfq, rfq._count.items, [onPlatform.id]);
      await auditRfq(tx, rfqId, "supplier_added", actor, { inn, supplierOrgId: onPlatform.id });
      return true;
    });
    if (!routed) return { ok: false, fieldErrors: { inviteInn: ["invite.errors.alreadyRecipient"] } };
    return { ok: true, kind: "routed", supplierName: onPlatform.shortName };
  }

  // one live invitation per ИНН and per address on an RFQ (an expired or cancelled one may be sent again)
  const live = await prisma.rfqSupplierInvite.findMany({
    where: {
      rfqId,
      buyerOrgId: actor.organizationId,
      cancelledAt: null,
      OR: [{ usedAt: { not: null } }, { expiresAt: { gt: now } }],
      AND: [{ OR: [{ inn }, { email }] }],
    },
    select: { inn: true, email: true },
  });
  if (live.length) {
    const fieldErrors: Record<string, string[]> = {};
    if (live.some((l) => l.inn === inn)) fieldErrors.inviteInn = ["invite.errors.duplicateInn"];
    if (live.some((l) => l.email === email)) fieldErrors.inviteEmail = ["invite.errors.duplicateEmail"];
    return { ok: false, fieldErrors };
  }
  if (
    (await prisma.rfqSupplierInvite.count({ where: { rfqId, buyerOrgId: actor.organizationId } })) >=
    MAX_INVITES_PER_RFQ
  )
    return { ok: false, fieldErrors: { inviteEmail: ["invite.errors.tooMany"] } };

  const token = randomBytes(32).toString("base64url");
  const invite = await prisma.$transaction(async (tx) => {
    const row = await tx.rfqSupplierInvite.create({
      data: {
        rfqId,
        buyerOrgId: actor.organizationId,
        email,
        inn,
        orgName,
        message,
        tokenHash: digest(token),
        expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000),
        lastSentAt: now,
        createdAt: now,
        createdById: actor.userId,
      },
    });
    await mailInvite(tx, lang, rfq, row, token);
    await auditRfq(tx, rfqId, "supplier_invited", actor, { inn, inviteId: row.id });
    return row;
  });
  return { ok: true, kind: "invited", id: invite.id, email };
}

/** One of the buyer's invitations of one of its RFQs, or NotFound (another organisation's id is not found either). */
async function loadBuyerInvite(actor: Actor, rfqId: string, inviteId: string) {
  requireBuyer(actor);
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, rfqId, { buyer: { select: { shortName: true } } });
  const invite = await prisma.rfqSupplierInvite.findFirst({
    where: { id: inviteId, rfqId, buyerOrgId: actor.organizationId },
  });
  if (!invite) throw new NotFoundError("invite");
  return { prisma, rfq, invite };
}

function resendableAt(invite: { usedAt: Date | null; cancelledAt: Date | null; lastSentAt: Date; sendCount: number }) {
  if (invite.usedAt || invite.cancelledAt || invite.sendCount >= INVITE_MAX_SENDS) return null;
  return new Date(invite.lastSentAt.getTime() + INVITE_RESEND_MINUTES * 60_000);
}

/**
 * Mails an invitation again with a new link (the old one stops working) and a new expiry. Rate-limited: once per
 * INVITE_RESEND_MINUTES, INVITE_MAX_SENDS mails in all; a used or cancelled invitation is not resent.
 */
export async function resendSupplierInvite(
  actor: Actor,
  rfqId: string,
  inviteId: string,
  lang: Lang = "ru",
  now: Date = new Date(),
): Promise<void> {
  const { prisma, rfq, invite } = await loadBuyerInvite(actor, rfqId, inviteId);
  if (!isOpen(rfq.status)) throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  if (invite.usedAt || invite.cancelledAt) throw new RfqValidationError({}, ["invite.errors.notPending"]);
  const at = resendableAt(invite);
  if (!at) throw new RfqValidationError({}, ["invite.errors.resendLimit"]);
  if (at.getTime() > now.getTime())
    throw new RfqValidationError({}, [
      `invite.errors.resendTooSoon::${JSON.stringify({ count: Math.ceil((at.getTime() - now.getTime()) / 60_000) })}`,
    ]);
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.rfqSupplierInvite.updateMany({
      // the send count in the condition: two resends at once mail once
      where: { id: invite.id, usedAt: null, cancelledAt: null, sendCount: invite.sendCount },
      data: {
        tokenHash: digest(token),
        expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000),
        lastSentAt: now,
        sendCount: { increment: 1 },
      },
    });
    if (count !== 1) throw new RfqValidationError({}, ["invite.errors.notPending"]);
    await mailInvite(tx, lang, rfq, invite, token);
    await auditRfq(tx, rfqId, "supplier_invite_resent", actor, { inviteId: invite.id });
  });
}

/** Withdraws an invitation that has not been used: its link stops working. */
export async function cancelSupplierInvite(
  actor: Actor,
  rfqId: string,
  inviteId: string,
  now: Date = new Date(),
): Promise<void> {
  const { prisma, invite } = await loadBuyerInvite(actor, rfqId, inviteId);
  if (invite.usedAt || invite.cancelledAt) throw new RfqValidationError({}, ["invite.errors.notPending"]);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.rfqSupplierInvite.updateMany({
      where: { id: invite.id, usedAt: null, cancelledAt: null },
      data: { cancelledAt: now },
    });
    if (count !== 1) throw new RfqValidationError({}, ["invite.errors.notPending"]);
    await auditRfq(tx, rfqId, "supplier_invite_cancelled", actor, { inviteId: invite.id });
  });
}

/** The buyer's invitations of an RFQ with their status, oldest first. */
export async function listSupplierInvites(actor: Actor, rfqId: string, now: Date = new Date()) {
  requireBuyer(actor);
  const prisma = getPrisma();
  await loadBuyerRfq(prisma, actor, rfqId);
  const rows = await prisma.rfqSupplierInvite.findMany({
    where: { rfqId, buyerOrgId: actor.organizationId },
    orderBy: { createdAt: "asc" },
  });
  const orgIds = rows.flatMap((r) => (r.supplierOrgId ? [r.supplierOrgId] : []));
  const [orgs, quoted] = orgIds.length
    ? await Promise.all([
        prisma.organization.findMany({
          where: { id: { in: orgIds } },
          select: { id: true, shortName: true, verifiedAt: true },
        }),
        prisma.quote.findMany({
          where: { rfqId, supplierOrgId: { in: orgIds }, status: { not: "DRAFT" }, submittedAt: { not: null } },
          select: { supplierOrgId: true },
        }),
      ])
    : [[], []];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const quotedIds = new Set(quoted.map((q) => q.supplierOrgId));
  return rows.map((r): SupplierInviteView => {
    const org = r.supplierOrgId ? orgById.get(r.supplierOrgId) : undefined;
    const status: InviteStatus = r.cancelledAt
      ? "CANCELLED"
      : r.usedAt
        ? r.supplierOrgId && quotedIds.has(r.supplierOrgId)
          ? "QUOTED"
          : "REGISTERED"
        : r.expiresAt.getTime() <= now.getTime()
          ? "EXPIRED"
          : "SENT";
    return {
      id: r.id,
      email: r.email,
      inn: r.inn,
      orgName: r.orgName,
      status,
      createdAt: r.createdAt.toISOString(),
      lastSentAt: r.lastSentAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      resendableAt: resendableAt(r)?.toISOString() ?? null,
      supplierName: org?.shortName ?? null,
      supplierVerified: Boolean(org?.verifiedAt),
    };
  });
}

/** Why an invitation link does not open the sign-up. */
export type InviteLinkProblem = "unknown" | "expired" | "used" | "cancelled";

export type InviteLink =
  | {
      ok: true;
      email: string;
      inn: string;
      orgName: string | null;
      rfqId: string;
      rfqNumber: number;
      rfqTitle: string;
      buyer: string;
    }
  | { ok: false; problem: InviteLinkProblem };

/**
 * What the sign-up page shows for an invitation link: the ИНН to lock, the e-mail and the name to prefill, or why the
 * link does not work (unknown — mistyped, replaced by a resend or never issued —, expired, used, cancelled).
 */
export async function getSupplierInvite(token: string, now: Date = new Date()): Promise<InviteLink> {
  if (!token || token.length > 200) return { ok: false, problem: "unknown" };
  const row = await getPrisma().rfqSupplierInvite.findUnique({
    where: { tokenHash: digest(token) },
    include: { rfq: { select: { id: true, number: true, title: true, buyer: { select: { shortName: true } } } } },
  });
  if (!row) return { ok: false, problem: "unknown" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.cancelledAt) return { ok: false, problem: "cancelled" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: "expired" };
  return {
    ok: true,
    email: row.email,
    inn: row.inn,
    orgName: row.orgName,
    rfqId: row.rfq.id,
    rfqNumber: row.rfq.number,
    rfqTitle: row.rfq.title,
    buyer: row.rfq.buyer.shortName,
  };
}

/**
 * After a sign-up from an invitation: the organisation registered with the invited ИНН becomes a recipient of the RFQ
 * (once; the token is used up). Returns the RFQ id to land on, or null when the token or the ИНН do not fit.
 */
export async function claimSupplierInvite(token: string, now: Date = new Date()): Promise<string | null> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const row = await tx.rfqSupplierInvite.findUnique({ where: { tokenHash: digest(token) } });
    if (!row || row.usedAt || row.cancelledAt || row.expiresAt.getTime() <= now.getTime()) return null;
    const org = await tx.organization.findUnique({ where: { inn: row.inn }, select: { id: true, kind: true } });
    if (org?.kind !== "SUPPLIER") return null;
    const { count } = await tx.rfqSupplierInvite.updateMany({
      where: { id: row.id, usedAt: null, cancelledAt: null },
      data: { usedAt: now, supplierOrgId: org.id },
    });
    if (count !== 1) return null;
    const rfq = await tx.rfq.findUniqueOrThrow({ where: { id: row.rfqId }, select: { status: true } });
    await tx.rfqRecipient.upsert({
      where: { rfqId_supplierOrgId: { rfqId: row.rfqId, supplierOrgId: org.id } },
      create: {
        rfqId: row.rfqId,
        supplierOrgId: org.id,
        source: "MANUAL",
        ...(rfq.status === "DRAFT" ? {} : { status: "NEW" as const, createdAt: now }),
      },
      update: {},
    });
    await auditRfq(tx, row.rfqId, "supplier_invite_used", null, { inviteId: row.id, supplierOrgId: org.id });
    return row.rfqId;
  });
}
