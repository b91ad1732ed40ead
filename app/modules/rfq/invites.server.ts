import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { isValidInn } from "~/modules/accounts/accounts.schema";
import { type Actor, requireBuyer } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Lang } from "~/modules/i18n/i18n";
import { getFixedT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { queueEmail } from "~/modules/mail/mail.server";
import { getPrisma } from "~/utils/db.server";
import { publicOrigin } from "~/utils/origin.server";
import type { RfqEvent } from "./rfq-events";
import { loadBuyerRfq, RfqValidationError } from "./shared.server";

/**
 * Invitations of suppliers not on the platform yet (issue 19): the buyer invites by e-mail and ИНН from the RFQ; the
 * mail's link opens the sign-up with that ИНН locked; signing up with it makes the new organisation a recipient of the
 * RFQ and the supplier lands on it after sign-in. Tokens are random, stored as SHA-256 digests, single use, expire after
 * INVITE_TTL_DAYS, and every query is scoped to the buyer's organisation. Awarding an invited supplier waits for the
 * operator's verification (app/workflows/award.server.ts).
 */
export const INVITE_TTL_DAYS = 14;
const MAX_INVITES_PER_RFQ = 50;

const digest = (token: string) => createHash("sha256").update(`rfq-invite:${token}`).digest("hex");

export const supplierInviteSchema = z.object({
  inviteEmail: z.string().trim().toLowerCase().min(1, "errors.required").email("invite.errors.email").max(254),
  inviteInn: z
    .string()
    .transform((v) => v.replace(/\D/g, ""))
    .refine((v) => /^\d{10}$|^\d{12}$/.test(v), "invite.errors.innFormat")
    .refine((v) => isValidInn(v), "invite.errors.innChecksum"),
});

export type InviteStatus = "PENDING" | "REGISTERED" | "EXPIRED";

export interface SupplierInviteView {
  id: string;
  email: string;
  inn: string;
  status: InviteStatus;
  createdAt: string;
  expiresAt: string;
  supplierName: string | null;
  supplierVerified: boolean;
}

/**
 * Sends an invitation from one of the buyer's RFQs (draft or published). An ИНН already on the platform is not
 * invited: the buyer adds that supplier by ИНН instead. Returns the field errors, or the invitation id.
 */
export async function inviteSupplier(
  actor: Actor,
  rfqId: string,
  input: { inviteEmail?: unknown; inviteInn?: unknown },
  lang: Lang = "ru",
  now: Date = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> }> {
  requireBuyer(actor);
  const prisma = getPrisma();
  const rfq = await loadBuyerRfq(prisma, actor, rfqId, { buyer: { select: { shortName: true } } });
  if (rfq.status !== "DRAFT" && rfq.status !== "PUBLISHED") throw new RfqValidationError({}, ["errors.rfqNotOpen"]);
  const parsed = supplierInviteSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] = [i.message];
    return { ok: false, fieldErrors };
  }
  const { inviteEmail: email, inviteInn: inn } = parsed.data;
  if (await prisma.organization.findUnique({ where: { inn }, select: { id: true } }))
    return { ok: false, fieldErrors: { inviteInn: ["invite.errors.innOnPlatform"] } };
  if (
    (await prisma.rfqSupplierInvite.count({ where: { rfqId, buyerOrgId: actor.organizationId } })) >=
    MAX_INVITES_PER_RFQ
  )
    return { ok: false, fieldErrors: { inviteEmail: ["invite.errors.tooMany"] } };
  const token = randomBytes(32).toString("base64url");
  const t = await getFixedT(lang, "rfq");
  const link = `${publicOrigin()}${localizePath(lang, `/signup?rfqInvite=${encodeURIComponent(token)}`)}`;
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
  const invite = await prisma.$transaction(async (tx) => {
    const row = await tx.rfqSupplierInvite.create({
      data: {
        rfqId,
        buyerOrgId: actor.organizationId,
        email,
        inn,
        tokenHash: digest(token),
        expiresAt,
        createdById: actor.userId,
      },
    });
    await queueEmail(tx, {
      to: email,
      subject: t("invite.mailSubject", { buyer: rfq.buyer.shortName, number: rfq.number }),
      text: [
        t("invite.mailText", { buyer: rfq.buyer.shortName, number: rfq.number, title: rfq.title, inn }),
        link,
        t("invite.mailExpires", { days: INVITE_TTL_DAYS }),
      ].join("\n\n"),
    });
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: rfqId,
      action: "supplier_invited" satisfies RfqEvent,
      actor,
      data: { inn, inviteId: row.id },
    });
    return row;
  });
  return { ok: true, id: invite.id };
}

/** The buyer's invitations of an RFQ with their status. */
export async function listSupplierInvites(actor: Actor, rfqId: string, now: Date = new Date()) {
  requireBuyer(actor);
  const prisma = getPrisma();
  await loadBuyerRfq(prisma, actor, rfqId);
  const rows = await prisma.rfqSupplierInvite.findMany({
    where: { rfqId, buyerOrgId: actor.organizationId },
    orderBy: { createdAt: "asc" },
  });
  const orgIds = rows.flatMap((r) => (r.supplierOrgId ? [r.supplierOrgId] : []));
  const orgs = new Map(
    (
      await prisma.organization.findMany({
        where: { id: { in: orgIds } },
        select: { id: true, shortName: true, verifiedAt: true },
      })
    ).map((o) => [o.id, o]),
  );
  return rows.map((r): SupplierInviteView => {
    const org = r.supplierOrgId ? orgs.get(r.supplierOrgId) : undefined;
    return {
      id: r.id,
      email: r.email,
      inn: r.inn,
      status: r.usedAt ? "REGISTERED" : r.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : "PENDING",
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      supplierName: org?.shortName ?? null,
      supplierVerified: Boolean(org?.verifiedAt),
    };
  });
}

/** What the sign-up page shows for an invitation link: the ИНН to lock and the e-mail, or null (unknown/used/expired). */
export async function getSupplierInvite(token: string, now: Date = new Date()) {
  if (!token || token.length > 200) return null;
  const row = await getPrisma().rfqSupplierInvite.findUnique({
    where: { tokenHash: digest(token) },
    include: { rfq: { select: { id: true, number: true, title: true, buyer: { select: { shortName: true } } } } },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return {
    email: row.email,
    inn: row.inn,
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
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
    const org = await tx.organization.findUnique({ where: { inn: row.inn }, select: { id: true, kind: true } });
    if (org?.kind !== "SUPPLIER") return null;
    const { count } = await tx.rfqSupplierInvite.updateMany({
      where: { id: row.id, usedAt: null },
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
    await recordAudit(tx, {
      entityType: "rfq",
      entityId: row.rfqId,
      action: "supplier_invite_used" satisfies RfqEvent,
      actor: null,
      data: { inviteId: row.id, supplierOrgId: org.id },
    });
    return row.rfqId;
  });
}
