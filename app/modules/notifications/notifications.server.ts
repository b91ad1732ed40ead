import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
import type { Lang } from "~/modules/i18n/i18n";
import { enqueue } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { NOTIFICATION_TYPES } from "./notification-types";

type Consumer = typeof import("./consumer.server");

/**
 * The outbox consumer (wired in app/startup.server.ts). Loaded on first delivery: rendering pulls in the bundled
 * translations (Vite's import.meta.glob), which a plain Node script that only notifies — the demo seed — cannot load.
 */
export async function deliverNotifications(
  ...args: Parameters<Consumer["deliverNotifications"]>
): ReturnType<Consumer["deliverNotifications"]> {
  const consumer = await import("./consumer.server");
  return consumer.deliverNotifications(...args);
}
export type { KnownNotificationType } from "./notification-types";
export { NOTIFICATION_TYPES } from "./notification-types";

type Db = PrismaClient | Prisma.TransactionClient;

/** What the `notify` outbox consumer receives. */
export interface NotifyPayload {
  type: string;
  orgIds: string[];
  userIds: string[];
  /** users that must not be notified (e.g. the author of the change) */
  excludeUserIds: string[];
  /** interpolation values for `types.<type>.*`; ISO date strings are formatted in the recipient's language */
  params: Record<string, string | number | boolean | null>;
  /** app path without language prefix, e.g. /supplier/rfqs/abc */
  link: string | null;
}

export interface NotifyInput {
  type: string;
  recipients: { orgIds?: string[]; userIds?: string[] };
  params?: Record<string, string | number | boolean | null | Date>;
  link?: string | null;
  excludeUserIds?: string[];
  /** aggregate for the outbox row (defaults to the type) */
  aggregateId?: string;
  /**
   * What the notification is about. Read in the transaction of the change, so the text keeps the names and sums of
   * that moment: the RFQ (number, title; notifications are grouped per RFQ), the order (number, total with НДС, its
   * RFQ), the counterparty organisation that acted (its short name) and an amount (kopecks, total with НДС) that
   * replaces the order total.
   */
  about?: { rfqId?: string | null; orderId?: string; fromOrgId?: string | null; amountKopecks?: bigint | null };
}

/** The values captured from `about` into the payload params (see render.server for how they are written). */
async function aboutParams(tx: Db, about: NonNullable<NotifyInput["about"]>): Promise<NotifyPayload["params"]> {
  const out: NotifyPayload["params"] = {};
  let rfqId = about.rfqId ?? null;
  if (about.orderId) {
    const order = await tx.order.findUniqueOrThrow({
      where: { id: about.orderId },
      select: { number: true, totalKopecks: true, rfqId: true },
    });
    out.orderNumber = order.number;
    out.amountKopecks = order.totalKopecks.toString();
    rfqId = rfqId ?? order.rfqId;
  }
  if (rfqId) {
    const rfq = await tx.rfq.findUniqueOrThrow({ where: { id: rfqId }, select: { number: true, title: true } });
    out.rfqId = rfqId;
    out.rfqNumber = rfq.number;
    out.rfqTitle = rfq.title;
  }
  if (about.fromOrgId) {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: about.fromOrgId },
      select: { shortName: true },
    });
    out.org = org.shortName;
  }
  if (about.amountKopecks !== undefined && about.amountKopecks !== null)
    out.amountKopecks = about.amountKopecks.toString();
  return out;
}

/**
 * Notifies organisations (every member) and/or users: in-app notification + email (unless the user turned email off
 * for this type). Call it inside the transaction of the change; delivery happens in the outbox worker with retries.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<void> {
  const orgIds = [...new Set(input.recipients.orgIds ?? [])];
  const userIds = [...new Set(input.recipients.userIds ?? [])];
  if (orgIds.length === 0 && userIds.length === 0) return;
  const params: NotifyPayload["params"] = {};
  for (const [k, v] of Object.entries(input.params ?? {})) params[k] = v instanceof Date ? v.toISOString() : v;
  if (input.about) Object.assign(params, await aboutParams(tx, input.about));
  const payload: NotifyPayload = {
    type: input.type,
    orgIds,
    userIds,
    excludeUserIds: input.excludeUserIds ?? [],
    params,
    link: input.link ?? null,
  };
  await enqueue(tx, {
    topic: `notify.${input.type}`,
    aggregateId: input.aggregateId ?? input.type,
    payload: payload as unknown as Prisma.InputJsonValue,
  });
}

/**
 * An event both parties hear of (an order paid, delivered): one notification to each organisation, naming the other
 * one as the counterparty.
 */
export async function notifyBothParties(
  tx: Db,
  parties: [string, string],
  input: Omit<NotifyInput, "recipients" | "about"> & { about?: Omit<NonNullable<NotifyInput["about"]>, "fromOrgId"> },
): Promise<void> {
  const [a, b] = parties;
  for (const [to, from] of [
    [a, b],
    [b, a],
  ])
    await notify(tx, { ...input, recipients: { orgIds: [to] }, about: { ...input.about, fromOrgId: from } });
}

const PAGE_SIZE = 30;

export interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** One row of the bell list / notifications page: every notification about one RFQ (or one event), newest first. */
export interface NotificationGroup {
  key: string;
  latest: NotificationView;
  /** the older ones, newest first (the «+2 ещё» of the row) */
  older: NotificationView[];
  unread: number;
}

/**
 * The actor's notifications grouped per RFQ, groups ordered by their newest notification, texts in `lang`. Only the
 * actor's own rows are read (userId in every query), so an organisation never sees another's notifications.
 */
export async function listNotifications(
  actor: Actor,
  opts: { page?: number; unreadOnly?: boolean; lang?: Lang } = {},
): Promise<{ groups: NotificationGroup[]; total: number; unread: number; page: number; pageCount: number }> {
  const page = Math.max(1, opts.page ?? 1);
  const lang = opts.lang ?? "ru";
  const where: Prisma.NotificationWhereInput = { userId: actor.userId, ...(opts.unreadOnly ? { readAt: null } : {}) };
  const prisma = getPrisma();
  const [keys, allKeys, unread] = await Promise.all([
    prisma.notification.groupBy({
      by: ["groupKey"],
      where,
      _max: { createdAt: true },
      orderBy: [{ _max: { createdAt: "desc" } }, { groupKey: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.notification.groupBy({ by: ["groupKey"], where }),
    prisma.notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);
  const rows = keys.length
    ? await prisma.notification.findMany({
        where: { ...where, groupKey: { in: keys.map((k) => k.groupKey) } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      })
    : [];
  // loaded on use, like the consumer: rendering pulls in the bundled translations
  const { renderNotification } = await import("./render.server");
  const byKey = new Map<string, NotificationView[]>();
  for (const n of rows) {
    const text = await renderNotification(n.type, (n.params ?? {}) as Record<string, unknown>, lang);
    const view: NotificationView = {
      id: n.id,
      type: n.type,
      ...text,
      link: n.link,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    };
    byKey.set(n.groupKey, [...(byKey.get(n.groupKey) ?? []), view]);
  }
  const groups = keys.flatMap(({ groupKey }) => {
    const [latest, ...older] = byKey.get(groupKey) ?? [];
    if (!latest) return [];
    return [{ key: groupKey, latest, older, unread: [latest, ...older].filter((v) => !v.readAt).length }];
  });
  const total = allKeys.length;
  return { groups, total, unread, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function countUnread(actor: Actor): Promise<number> {
  return getPrisma().notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks one of the actor's notifications read; returns its link (for "open"). Foreign ids are ignored. */
export async function markRead(actor: Actor, id: string): Promise<string | null> {
  const prisma = getPrisma();
  await prisma.notification.updateMany({
    where: { id, userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  const n = await prisma.notification.findFirst({ where: { id, userId: actor.userId }, select: { link: true } });
  return n?.link ?? null;
}

/** Marks every notification of one group (one RFQ) read for the actor; returns how many. Foreign keys change nothing. */
export async function markGroupRead(actor: Actor, groupKey: string): Promise<number> {
  const { count } = await getPrisma().notification.updateMany({
    where: { userId: actor.userId, groupKey, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

export async function markAllRead(actor: Actor): Promise<number> {
  const { count } = await getPrisma().notification.updateMany({
    where: { userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

/** Email on/off per event type for the actor (default on). */
export async function getEmailPreferences(actor: Actor): Promise<{ type: string; enabled: boolean }[]> {
  const rows = await getPrisma().emailPreference.findMany({ where: { userId: actor.userId } });
  const off = new Set(rows.filter((r) => !r.enabled).map((r) => r.eventType));
  return NOTIFICATION_TYPES.map((type) => ({ type, enabled: !off.has(type) }));
}

export async function setEmailPreferences(actor: Actor, enabledTypes: string[]): Promise<void> {
  const enabled = new Set(enabledTypes);
  const prisma = getPrisma();
  await prisma.$transaction(
    NOTIFICATION_TYPES.map((type) =>
      prisma.emailPreference.upsert({
        where: { userId_eventType: { userId: actor.userId, eventType: type } },
        create: { userId: actor.userId, eventType: type, enabled: enabled.has(type) },
        update: { enabled: enabled.has(type) },
      }),
    ),
  );
}
