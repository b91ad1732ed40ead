import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Actor } from "~/modules/accounts/actor";
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

const PAGE_SIZE = 30;

/** The actor's notifications, newest first. */
export async function listNotifications(actor: Actor, opts: { page?: number; unreadOnly?: boolean } = {}) {
  const page = Math.max(1, opts.page ?? 1);
  const where: Prisma.NotificationWhereInput = { userId: actor.userId, ...(opts.unreadOnly ? { readAt: null } : {}) };
  const prisma = getPrisma();
  const [items, total, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);
  return {
    items: items.map((n) => ({
      id: n.id,
      type: n.type,
      params: (n.params ?? {}) as Record<string, unknown>,
      link: n.link,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    total,
    unread,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
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
