import http from "node:http";
import type { AddressInfo } from "node:net";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import {
  buildOpenApiDocument,
  createApiKey,
  handleApiRequest,
  revokeApiKey,
  verifySignature,
} from "~/modules/integration/integration.server";
import { handleWebhookEvents } from "~/modules/integration/webhooks/webhooks.server";
import { processOutboxOnce, registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { loader as comparisonLoader } from "~/routes/api.v1.rfqs.$id.comparison";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory } from "../catalog/helpers";

registerOutboxHandler("webhooks", handleWebhookEvents, { batchSize: 20 });

/** A receiver on 127.0.0.1 that records what it gets and answers `status` (200 unless told otherwise). */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
const failing = false;
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    received.push({ path: req.url ?? "", headers: req.headers, body });
    res.statusCode = failing || req.url === "/broken" ? 500 : 200;
    res.end("ok");
  });
});
let base = "";
beforeAll(async () => {
  // the receiver is on loopback over http: allowed only with this flag (SSRF protection, webhooks-ssrf.test.ts)
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
  resetEnvForTests();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  resetEnvForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function api(
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await handleApiRequest(
    new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever fields the API answered
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
}

async function drainOutbox() {
  for (let i = 0; i < 20; i++) {
    const { delivered, failed } = await processOutboxOnce();
    if (delivered === 0 && failed === 0) return;
  }
}

describe("REST API v1 with API keys: an ERP scenario", () => {
  it("creates products, publishes an RFQ, submits a quote, reads the comparison and receives signed webhooks", async () => {
    const supplier = await createActor({ kind: "SUPPLIER", verified: true, name: "Балтийский трансформатор" });
    const buyer = await createActor({ kind: "BUYER", name: "Севастопольские сети" });
    const category = await createTransformerCategory();
    const supplierKey = await createApiKey(supplier.actor, {
      name: "1С:ERP",
      scopes: ["products:write", "catalog:read", "rfqs", "quotes", "webhooks"],
    });
    const buyerKey = await createApiKey(buyer.actor, {
      name: "ERP закупок",
      scopes: ["rfqs", "quotes", "orders", "webhooks"],
    });
    expect(supplierKey.key).toMatch(/^sm_[0-9a-f]{12}_/);
    expect(JSON.stringify(await getPrisma().apiKey.findMany())).not.toContain(supplierKey.key.split("_")[2]);

    // webhooks of both organisations
    const buyerHook = await api(buyerKey.key, "POST", "/webhooks", {
      url: `${base}/buyer`,
      events: ["rfq.published", "quote.submitted"],
    });
    expect(buyerHook.status).toBe(201);
    const supplierHook = await api(supplierKey.key, "POST", "/webhooks", {
      url: `${base}/supplier`,
      events: ["rfq.published"],
    });
    expect(supplierHook.json.secret).toMatch(/^whsec_/);

    // the supplier's ERP creates a product; the same Idempotency-Key replays the first answer
    const productBody = {
      categoryId: category.id,
      title: "Трансформатор ТМГ-400/10/0,4",
      sku: "ТМГ-400/10/0,4",
      price: "612000.00",
      vatRate: "VAT22",
      unit: "pcs",
      stockStatus: "IN_STOCK",
      specs: { power_kva: 400 },
      publish: true,
    };
    const created = await api(supplierKey.key, "POST", "/products", productBody, { "Idempotency-Key": "prod-1" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ sku: "ТМГ-400/10/0,4", status: "PUBLISHED", priceKopecks: 61_200_000 });
    const replay = await api(supplierKey.key, "POST", "/products", productBody, { "Idempotency-Key": "prod-1" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.json.id).toBe(created.json.id);
    expect(await getPrisma().product.count({ where: { supplierId: supplier.organization.id } })).toBe(1);
    const other = await api(
      supplierKey.key,
      "POST",
      "/products",
      { ...productBody, sku: "X" },
      { "Idempotency-Key": "prod-1" },
    );
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_mismatch");

    // stock/price update
    const patched = await api(supplierKey.key, "PATCH", `/products/${created.json.id}/stock-price`, {
      price: "600000",
    });
    expect(patched.json.priceKopecks).toBe(60_000_000);
    const list = await api(supplierKey.key, "GET", "/products");
    expect(list.json.data.map((p: { id: string }) => p.id)).toEqual([created.json.id]);
    expect(list.json.nextCursor).toBeNull();

    // the buyer's ERP publishes an RFQ for that product
    const deadline = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const rfq = await api(buyerKey.key, "POST", "/rfqs", {
      title: "Трансформаторы для ТП-17",
      deliveryAddress: "г. Севастополь, ул. Промышленная, д. 5",
      deadline,
      items: [{ productId: created.json.id, name: "ТМГ-400/10/0,4", quantity: 2, unit: "pcs" }],
    });
    expect(rfq.status).toBe(201);
    expect(rfq.json.status).toBe("PUBLISHED");

    // the supplier sees it in its inbox and quotes
    const inbox = await api(supplierKey.key, "GET", "/rfqs");
    expect(inbox.json.data.map((r: { id: string }) => r.id)).toContain(rfq.json.id);
    const seen = await api(supplierKey.key, "GET", `/rfqs/${rfq.json.id}`);
    const itemId = seen.json.rfq.items[0].id as string;
    const quote = await api(supplierKey.key, "PUT", `/rfqs/${rfq.json.id}/quote`, {
      lines: [{ rfqItemId: itemId, unitPrice: "598000", quantity: 2, vatRate: "VAT22", leadTimeDays: 30 }],
      deliveryCost: "15000",
      validUntil: new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10),
    });
    expect(quote.status).toBe(200);
    expect(quote.json).toMatchObject({ version: 1, status: "SUBMITTED" });

    // the buyer reads the comparison through the existing URL with the key
    const res = await comparisonLoader({
      request: new Request(`http://localhost/api/v1/rfqs/${rfq.json.id}/comparison`, {
        headers: { Authorization: `Bearer ${buyerKey.key}` },
      }),
      params: { id: rfq.json.id },
      context: { requestId: "test", cspNonce: "", clientIp: "127.0.0.1" },
    });
    expect(res.status).toBe(200);
    const comparison = (await res.json()) as { offers: unknown[]; pricesVisible: boolean };
    expect(comparison.pricesVisible).toBe(true);
    expect(comparison.offers).toHaveLength(1);
    // a supplier's key may not read the buyer's comparison
    const foreign = await api(supplierKey.key, "GET", `/rfqs/${rfq.json.id}/comparison`);
    expect(foreign.status).toBe(403);

    // webhooks arrive signed; the documented check accepts them and refuses a tampered body or an old timestamp
    await drainOutbox();
    const toBuyer = received.filter((r) => r.path === "/buyer").map((r) => JSON.parse(r.body).type);
    const toSupplier = received.filter((r) => r.path === "/supplier").map((r) => JSON.parse(r.body).type);
    expect(toBuyer.sort()).toEqual(["quote.submitted", "rfq.published"]);
    expect(toSupplier).toEqual(["rfq.published"]);
    for (const r of received.filter((x) => x.path === "/buyer")) {
      const sig = r.headers["snabmost-signature"] as string;
      expect(verifySignature(buyerHook.json.secret, sig, r.body)).toBe(true);
      expect(verifySignature(buyerHook.json.secret, sig, `${r.body} `)).toBe(false);
      expect(verifySignature(buyerHook.json.secret, sig, r.body, Math.floor(Date.now() / 1000) + 3600)).toBe(false);
      expect(JSON.parse(r.body).data.rfqId).toBe(rfq.json.id);
    }
    const deliveries = await api(buyerKey.key, "GET", `/webhooks/${buyerHook.json.id}/deliveries`);
    expect(deliveries.json.data.map((d: { status: string }) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);

    // replay from the log sends the same event again
    const before = received.length;
    await api(buyerKey.key, "POST", `/webhooks/${buyerHook.json.id}/deliveries/${deliveries.json.data[0].id}/replay`);
    await drainOutbox();
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)?.headers["snabmost-delivery"]).toBe(deliveries.json.data[0].id);
  });

  it("answers JSON errors: no key 401, revoked key 401, missing scope 403, bad body 400, unknown path 404", async () => {
    const supplier = await createActor({ kind: "SUPPLIER", verified: true });
    const key = await createApiKey(supplier.actor, { name: "read only", scopes: ["catalog:read"] });
    expect((await api(null, "GET", "/products")).json.error.code).toBe("unauthorized");
    const scope = await api(key.key, "POST", "/products", {});
    expect(scope.status).toBe(403);
    expect(scope.json.error.code).toBe("insufficient_scope");
    const writer = await createApiKey(supplier.actor, { name: "writer", scopes: ["products:write"] });
    const bad = await api(writer.key, "POST", "/products", { title: "" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_request");
    expect((await api(writer.key, "GET", "/nothing-here")).status).toBe(404);
    const missing = await api(writer.key, "GET", "/products/not-a-product");
    expect(missing.status).toBe(404);
    await revokeApiKey(supplier.actor, writer.id);
    expect((await api(writer.key, "GET", "/products")).status).toBe(401);
  });

  it("retries a failing endpoint with growing delays and disables it after repeated failures, with a notice", async () => {
    const buyer = await createActor({ kind: "BUYER" });
    const key = await createApiKey(buyer.actor, { name: "hooks", scopes: ["webhooks"] });
    const hook = await api(key.key, "POST", "/webhooks", { url: `${base}/broken`, events: ["order.status_changed"] });
    for (let i = 0; i < 3; i++) {
      await emitWebhookEvent(getPrisma(), {
        type: "order.status_changed",
        orgIds: [buyer.organization.id],
        data: { orderId: `o${i}`, to: "CONFIRMED" },
      });
    }
    await processOutboxOnce(); // fan-out
    await processOutboxOnce(); // first attempts: all fail
    const next = await getPrisma().outboxEvent.findMany({ where: { topic: "webhooks.deliver", processedAt: null } });
    expect(next).toHaveLength(3);
    for (const e of next) expect(e.availableAt.getTime()).toBeGreaterThan(Date.now() + 20_000); // backoff, not at once
    for (let round = 0; round < 10; round++) {
      await getPrisma().outboxEvent.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
      await processOutboxOnce();
    }
    const endpoint = await getPrisma().webhookEndpoint.findUniqueOrThrow({ where: { id: hook.json.id } });
    expect(endpoint.enabled).toBe(false);
    expect(endpoint.disabledReason).toMatch(/failed deliveries/);
    const notice = await getPrisma().outboxEvent.findFirst({ where: { topic: "notify.webhook_disabled" } });
    expect(notice).not.toBeNull();
  });
});

describe("OpenAPI document", () => {
  it("/api/v1/openapi.json is a valid OpenAPI 3.1 document covering the endpoints", async () => {
    const doc = buildOpenApiDocument("http://localhost");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/products",
        "/rfqs",
        "/rfqs/{id}/quote",
        "/rfqs/{id}/comparison",
        "/orders/{id}/transitions",
        "/webhooks",
      ]),
    );
  });
});
