import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { claimOutboxEvents, enqueue, type OutboxEventRow } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { DomainError } from "~/utils/domain-error";
import { logger } from "~/utils/logger.server";
import { WEBHOOK_EVENT_TOPIC, WEBHOOK_EVENT_TYPES, type WebhookEventPayload } from "../events.server";
import { signPayload } from "./signature";
import { postToWebhookTarget, resolveWebhookTarget, WebhookTargetError } from "./target.server";

/**
 * Outgoing webhooks: endpoints per organisation with chosen events, deliveries through the outbox with exponential
 * backoff, HMAC-SHA256 signatures with timestamps, a delivery log with replay, and automatic disable (with a
 * notification) after DISABLE_AFTER consecutive failed attempts.
 */
export const DELIVER_TOPIC = "webhooks.deliver";
export const MAX_ATTEMPTS = 8;
export const DISABLE_AFTER = 15;
const TIMEOUT_MS = 10_000;
const MAX_ENDPOINTS = 20;

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min … capped at 1 hour. */
export function webhookBackoffSeconds(failedAttempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, failedAttempts - 1));
}

function requireOrg(actor: Actor): string {
  if (!actor.organizationId) throw new ForbiddenError("organisation required");
  if (actor.role !== "OWNER" && actor.role !== "ADMIN") throw new ForbiddenError("owner or admin required");
  return actor.organizationId;
}

export class WebhookInputError extends DomainError {
  /** Set when the URL is refused by the SSRF check: the API answers with this code. */
  readonly code: "webhook_url_refused" | null;
  constructor(fieldErrors: Record<string, string[]>, refused?: WebhookTargetError) {
    super("invalid", refused ? refused.message : "invalid webhook", { fieldErrors });
    this.code = refused ? "webhook_url_refused" : null;
  }
}

const TARGET_ERROR_KEYS = {
  url: "webhooks.errors.url",
  https: "webhooks.errors.https",
  unresolvable: "webhooks.errors.unresolvable",
  private: "webhooks.errors.private",
} as const;

export async function createWebhook(actor: Actor, input: { url: string; events: string[] }) {
  const orgId = requireOrg(actor);
  const events = [...new Set(input.events)].filter((e) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  let url: URL | null = null;
  let refused: WebhookTargetError | undefined;
  try {
    url = (await resolveWebhookTarget(input.url)).url;
  } catch (e) {
    if (!(e instanceof WebhookTargetError)) throw e;
    refused = e;
  }
  const errors: Record<string, string[]> = {};
  if (refused) errors.url = [TARGET_ERROR_KEYS[refused.problem]];
  if (events.length === 0) errors.events = ["webhooks.errors.events"];
  if (Object.keys(errors).length || !url) throw new WebhookInputError(errors, refused);
  const prisma = getPrisma();
  if ((await prisma.webhookEndpoint.count({ where: { organizationId: orgId } })) >= MAX_ENDPOINTS) {
    throw new WebhookInputError({ url: ["webhooks.errors.tooMany"] });
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { organizationId: orgId, url: String(url), secret, events, createdById: actor.userId },
    });
    await recordAudit(tx, { entityType: "webhook", entityId: created.id, action: "created", actor, data: { events } });
    return created;
  });
  return { id: row.id, url: row.url, events: row.events, enabled: row.enabled, secret };
}

export async function listWebhooks(actor: Actor) {
  if (!actor.organizationId) throw new ForbiddenError("organisation required");
  const rows = await getPrisma().webhookEndpoint.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    events: r.events,
    enabled: r.enabled,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    disabledReason: r.disabledReason,
    consecutiveFailures: r.consecutiveFailures,
  }));
}

export async function deleteWebhook(actor: Actor, id: string) {
  const orgId = requireOrg(actor);
  const { count } = await getPrisma().webhookEndpoint.deleteMany({ where: { id, organizationId: orgId } });
  if (count === 0) throw new NotFoundError("webhook");
}

export async function enableWebhook(actor: Actor, id: string) {
  const orgId = requireOrg(actor);
  const { count } = await getPrisma().webhookEndpoint.updateMany({
    where: { id, organizationId: orgId },
    data: { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
  });
  if (count === 0) throw new NotFoundError("webhook");
}

export async function listDeliveries(actor: Actor, endpointId: string, take = 50) {
  if (!actor.organizationId) throw new ForbiddenError("organisation required");
  const endpoint = await getPrisma().webhookEndpoint.findFirst({
    where: { id: endpointId, organizationId: actor.organizationId },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take } },
  });
  if (!endpoint) throw new NotFoundError("webhook");
  return endpoint.deliveries.map((d) => ({
    id: d.id,
    event: d.event,
    status: d.status as "PENDING" | "DELIVERED" | "FAILED",
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  }));
}

/** Sends a logged delivery again (a new attempt series, same event id so receivers can dedupe). */
export async function replayDelivery(actor: Actor, endpointId: string, deliveryId: string) {
  const orgId = requireOrg(actor);
  const prisma = getPrisma();
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId, endpoint: { organizationId: orgId } },
  });
  if (!delivery) throw new NotFoundError("delivery");
  await prisma.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    await enqueue(tx, { topic: DELIVER_TOPIC, aggregateId: delivery.id, payload: { deliveryId: delivery.id } });
  });
}

/** webhooks.event → one delivery row (and one deliver job) per enabled endpoint of the organisations that wants it. */
async function fanOut(events: OutboxEventRow[]) {
  await getPrisma().$transaction(async (tx) => {
    const fresh = await claimOutboxEvents(
      tx,
      events.map((e) => e.id),
    );
    for (const e of events) {
      if (!fresh.has(BigInt(e.id))) continue;
      const p = e.payload as WebhookEventPayload;
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { organizationId: { in: p.orgIds }, enabled: true, events: { has: p.type } },
      });
      for (const ep of endpoints) {
        const body = {
          id: p.id,
          type: p.type,
          createdAt: p.createdAt,
          organizationId: ep.organizationId,
          data: p.data,
        };
        const d = await tx.webhookDelivery.create({
          data: { endpointId: ep.id, event: p.type, payload: body as Prisma.InputJsonValue, nextAttemptAt: new Date() },
        });
        await enqueue(tx, { topic: DELIVER_TOPIC, aggregateId: d.id, payload: { deliveryId: d.id } });
      }
    }
  });
}

async function deliverOne(deliveryId: string) {
  const prisma = getPrisma();
  const d = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (d?.status !== "PENDING") return;
  if (!d.endpoint.enabled) {
    await prisma.webhookDelivery.update({
      where: { id: d.id },
      data: { status: "FAILED", lastError: "endpoint disabled" },
    });
    return;
  }
  const body = JSON.stringify(d.payload);
  const t = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    // checked again at every attempt: DNS may have changed since registration; the request goes to the checked address
    const target = await resolveWebhookTarget(d.endpoint.url);
    status = await postToWebhookTarget(
      target,
      {
        "Content-Type": "application/json",
        "User-Agent": "SnabMost-Webhooks/1",
        "SnabMost-Signature": signPayload(d.endpoint.secret, body, t),
        "SnabMost-Event": d.event,
        "SnabMost-Delivery": d.id,
      },
      body,
      TIMEOUT_MS,
    );
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (e) {
    error =
      e instanceof WebhookTargetError ? `target refused: ${e.message}` : e instanceof Error ? e.message : String(e);
  }
  const attempts = d.attempts + 1;
  if (!error) {
    await prisma.$transaction([
      prisma.webhookDelivery.update({
        where: { id: d.id },
        data: { status: "DELIVERED", attempts, lastStatusCode: status, lastError: null, deliveredAt: new Date() },
      }),
      prisma.webhookEndpoint.update({ where: { id: d.endpointId }, data: { consecutiveFailures: 0 } }),
    ]);
    return;
  }
  await prisma.$transaction(async (tx) => {
    const retry = attempts < MAX_ATTEMPTS;
    const next = new Date(Date.now() + webhookBackoffSeconds(attempts) * 1000);
    await tx.webhookDelivery.update({
      where: { id: d.id },
      data: {
        status: retry ? "PENDING" : "FAILED",
        attempts,
        lastStatusCode: status,
        lastError: error?.slice(0, 500),
        nextAttemptAt: retry ? next : null,
      },
    });
    if (retry)
      await enqueue(tx, { topic: DELIVER_TOPIC, aggregateId: d.id, payload: { deliveryId: d.id }, availableAt: next });
    const ep = await tx.webhookEndpoint.update({
      where: { id: d.endpointId },
      data: { consecutiveFailures: { increment: 1 } },
    });
    if (ep.enabled && ep.consecutiveFailures >= DISABLE_AFTER) {
      await tx.webhookEndpoint.update({
        where: { id: ep.id },
        data: { enabled: false, disabledAt: new Date(), disabledReason: `${ep.consecutiveFailures} failed deliveries` },
      });
      await notify(tx, {
        type: "webhook_disabled",
        recipients: { orgIds: [ep.organizationId] },
        params: { url: ep.url, failures: ep.consecutiveFailures },
        link: "/account/api-keys",
        aggregateId: ep.id,
      });
      logger.warn({ event: "webhook.disabled", endpointId: ep.id }, "webhook endpoint disabled after failures");
    }
  });
}

/** The outbox consumer "webhooks": fan-out of events and one delivery attempt per deliver job. */
export async function handleWebhookEvents(events: OutboxEventRow[]) {
  const fan = events.filter((e) => e.topic === WEBHOOK_EVENT_TOPIC);
  if (fan.length) await fanOut(fan);
  for (const e of events) {
    if (e.topic !== DELIVER_TOPIC) continue;
    await deliverOne(String((e.payload as { deliveryId?: string }).deliveryId ?? ""));
  }
}
