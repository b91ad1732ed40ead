import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { enqueue } from "~/modules/outbox/outbox.server";

/**
 * The emit-only door of the integration module: domain modules call `emitWebhookEvent` inside the transaction of the
 * change (it only writes an outbox row, so importing it creates no cycle with the modules the API calls). The webhooks
 * consumer fans the event out to the subscribed endpoints of `orgIds` and delivers it signed.
 */
export const WEBHOOK_EVENT_TYPES = [
  "rfq.published",
  "rfq.closed",
  "quote.submitted",
  "award.made",
  "order.status_changed",
  /** emitted by order shipments (issue #21) once they exist */
  "shipment.created",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_TOPIC = "webhooks.event";

export interface WebhookEventPayload {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  orgIds: string[];
  data: Record<string, string | number | boolean | null | string[]>;
}

export async function emitWebhookEvent(
  db: PrismaClient | Prisma.TransactionClient,
  event: { type: WebhookEventType; orgIds: string[]; data: WebhookEventPayload["data"] },
): Promise<void> {
  const orgIds = [...new Set(event.orgIds)];
  if (orgIds.length === 0) return;
  const payload: WebhookEventPayload = {
    id: `evt_${randomUUID()}`,
    type: event.type,
    createdAt: new Date().toISOString(),
    orgIds,
    data: event.data,
  };
  await enqueue(db, {
    topic: WEBHOOK_EVENT_TOPIC,
    aggregateId: payload.id,
    payload: payload as unknown as Prisma.InputJsonValue,
  });
}
