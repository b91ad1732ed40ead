import { queueEmail } from "~/modules/mail/mail.server";
import { claimOutboxEvents, type OutboxEventRow } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import type { NotifyPayload } from "./notifications.server";
import { langOf, renderEmail } from "./render.server";

/**
 * The `notify` outbox consumer: expands organisations to their members, writes one Notification per user and queues an
 * email (in the user's language) unless the user turned email off for the type. One transaction per batch, so a
 * failure leaves nothing behind and the batch is retried; the events are claimed in that transaction, so a batch that
 * comes back after a crash (already committed, not yet acknowledged) creates nothing twice.
 */
export async function deliverNotifications(events: OutboxEventRow[]): Promise<void> {
  const prisma = getPrisma();
  const payloads = events.map((e) => e.payload as NotifyPayload);
  const orgIds = [...new Set(payloads.flatMap((p) => p.orgIds ?? []))];
  const directIds = [...new Set(payloads.flatMap((p) => p.userIds ?? []))];
  const [memberships, directUsers] = await Promise.all([
    orgIds.length
      ? prisma.membership.findMany({
          where: { organizationId: { in: orgIds } },
          select: { organizationId: true, user: { select: { id: true, email: true, name: true, locale: true } } },
        })
      : [],
    directIds.length
      ? prisma.user.findMany({
          where: { id: { in: directIds } },
          select: { id: true, email: true, name: true, locale: true },
        })
      : [],
  ]);
  type U = { id: string; email: string; name: string; locale: string };
  const byOrg = new Map<string, U[]>();
  const allUsers = new Map<string, U>();
  for (const m of memberships) {
    byOrg.set(m.organizationId, [...(byOrg.get(m.organizationId) ?? []), m.user]);
    allUsers.set(m.user.id, m.user);
  }
  for (const u of directUsers) allUsers.set(u.id, u);
  const prefs = allUsers.size
    ? await prisma.emailPreference.findMany({ where: { userId: { in: [...allUsers.keys()] }, enabled: false } })
    : [];
  const emailOff = new Set(prefs.map((p) => `${p.userId}:${p.eventType}`));

  const rows: {
    eventId: bigint;
    userId: string;
    organizationId: string | null;
    type: string;
    params: object;
    link: string | null;
    groupKey: string;
  }[] = [];
  const emails: { eventId: bigint; to: string; subject: string; text: string; html: string }[] = [];
  for (const [index, p] of payloads.entries()) {
    const eventId = events[index].id;
    const targets = new Map<string, { user: U; orgId: string | null }>();
    for (const orgId of p.orgIds ?? [])
      for (const user of byOrg.get(orgId) ?? []) targets.set(user.id, { user, orgId });
    for (const id of p.userIds ?? []) {
      const user = allUsers.get(id);
      if (user && !targets.has(id)) targets.set(id, { user, orgId: null });
    }
    for (const id of p.excludeUserIds ?? []) targets.delete(id);
    for (const { user, orgId } of targets.values()) {
      rows.push({
        eventId,
        userId: user.id,
        organizationId: orgId,
        type: p.type,
        params: p.params ?? {},
        link: p.link,
        groupKey: typeof p.params?.rfqId === "string" ? `rfq:${p.params.rfqId}` : `event:${eventId}`,
      });
      if (!emailOff.has(`${user.id}:${p.type}`)) {
        const lang = langOf(user.locale);
        const mail = await renderEmail({ type: p.type, params: p.params ?? {}, link: p.link, lang, name: user.name });
        emails.push({ eventId, to: user.email, ...mail });
      }
    }
  }
  await prisma.$transaction(async (tx) => {
    const pending = await claimOutboxEvents(
      tx,
      events.map((e) => e.id),
    );
    const data = rows.filter((r) => pending.has(r.eventId)).map(({ eventId: _, ...row }) => row);
    if (data.length > 0) await tx.notification.createMany({ data });
    for (const { eventId, ...mail } of emails) if (pending.has(eventId)) await queueEmail(tx, mail);
  });
}
