import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emitWebhookEvent } from "~/modules/integration/events.server";
import { createApiKey, createWebhook, handleApiRequest } from "~/modules/integration/integration.server";
import { postToWebhookTarget } from "~/modules/integration/webhooks/target.server";
import { handleWebhookEvents, WebhookInputError } from "~/modules/integration/webhooks/webhooks.server";
import { processOutboxOnce, registerOutboxHandler } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createActor } from "../../fixtures/factories";

registerOutboxHandler("webhooks", handleWebhookEvents, { batchSize: 20 });

const received: string[] = [];
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received.push(req.url ?? "");
    if (req.url === "/redirect") {
      res.statusCode = 302;
      res.setHeader("Location", "/elsewhere");
    } else res.statusCode = 200;
    res.end("ok");
  });
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function allowPrivateTargets(on: boolean) {
  if (on) process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
  else delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  resetEnvForTests();
}
afterEach(() => allowPrivateTargets(false));

async function apiPost(key: string, path: string, body: unknown) {
  const res = await handleApiRequest(
    new Request(`http://localhost/api/v1${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  type Answer = { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
  return { status: res.status, json: (await res.json()) as Answer };
}

describe("outgoing webhooks refuse internal targets (SSRF)", () => {
  it("refuses private, loopback, metadata and plain-http URLs at registration with a JSON error code", async () => {
    const buyer = await createActor({ kind: "BUYER" });
    const { key } = await createApiKey(buyer.actor, { name: "hooks", scopes: ["webhooks"] });
    const refused: [string, string][] = [
      [`https://127.0.0.1:${port}/hook`, "webhooks.errors.private"],
      [`https://localhost:${port}/hook`, "webhooks.errors.private"], // resolves (hosts file) to loopback
      ["https://169.254.169.254/latest/meta-data/", "webhooks.errors.private"],
      ["https://10.1.2.3/hook", "webhooks.errors.private"],
      ["https://100.64.0.1/hook", "webhooks.errors.private"],
      ["https://[::1]/hook", "webhooks.errors.private"],
      ["https://[::ffff:127.0.0.1]/hook", "webhooks.errors.private"],
      ["https://[fd00::1]/hook", "webhooks.errors.private"],
      ["https://[fe80::1]/hook", "webhooks.errors.private"],
      ["http://8.8.8.8/hook", "webhooks.errors.https"],
      ["ftp://8.8.8.8/hook", "webhooks.errors.url"],
    ];
    for (const [url, message] of refused) {
      const res = await apiPost(key, "/webhooks", { url, events: ["order.status_changed"] });
      expect(res.status, url).toBe(422);
      expect(res.json.error.code, url).toBe("webhook_url_refused");
      expect(res.json.error.details.fieldErrors.url, url).toEqual([message]);
    }
    // the page's use case answers with the same translated key next to the URL field
    await expect(
      createWebhook(buyer.actor, { url: "https://192.168.0.1/x", events: ["order.status_changed"] }),
    ).rejects.toSatisfy((e) => e instanceof WebhookInputError && e.fieldErrors.url[0] === "webhooks.errors.private");
    expect(await getPrisma().webhookEndpoint.count({ where: { organizationId: buyer.organization.id } })).toBe(0);

    // a public https address is accepted (an IP literal: no DNS needed in the offline test run)
    const ok = await apiPost(key, "/webhooks", { url: "https://8.8.8.8/hook", events: ["order.status_changed"] });
    expect(ok.status).toBe(201);
  });

  it("allows loopback http targets only with WEBHOOK_ALLOW_PRIVATE_TARGETS", async () => {
    const buyer = await createActor({ kind: "BUYER" });
    allowPrivateTargets(true);
    const hook = await createWebhook(buyer.actor, {
      url: `http://127.0.0.1:${port}/allowed`,
      events: ["order.status_changed"],
    });
    expect(hook.url).toBe(`http://127.0.0.1:${port}/allowed`);
  });

  it("refuses to deliver to an endpoint that now points at a private address, and delivers once allowed", async () => {
    const buyer = await createActor({ kind: "BUYER" });
    allowPrivateTargets(true);
    const hook = await createWebhook(buyer.actor, {
      url: `http://127.0.0.1:${port}/delivery`,
      events: ["order.status_changed"],
    });
    allowPrivateTargets(false);
    received.length = 0;
    await emitWebhookEvent(getPrisma(), {
      type: "order.status_changed",
      orgIds: [buyer.organization.id],
      data: { orderId: "o1", to: "CONFIRMED" },
    });
    await processOutboxOnce(); // fan-out
    await processOutboxOnce(); // the attempt
    expect(received).toEqual([]);
    const [delivery] = await getPrisma().webhookDelivery.findMany({ where: { endpointId: hook.id } });
    expect(delivery.status).toBe("PENDING"); // retried later; DNS answers may change back
    expect(delivery.attempts).toBe(1);
    expect(delivery.lastError).toMatch(/target refused/);

    allowPrivateTargets(true);
    await getPrisma().outboxEvent.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    await processOutboxOnce();
    expect(received).toEqual(["/delivery"]);
    const after = await getPrisma().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(after.status).toBe("DELIVERED");
  });

  it("connects to the checked address, not to a fresh DNS answer, and does not follow redirects", async () => {
    received.length = 0;
    // the host name does not resolve at all: the request can only arrive through the pinned address
    const status = await postToWebhookTarget(
      { url: new URL(`http://pinned.invalid:${port}/pinned`), address: "127.0.0.1", family: 4 },
      { "Content-Type": "application/json" },
      "{}",
      5000,
    );
    expect(status).toBe(200);
    const redirect = await postToWebhookTarget(
      { url: new URL(`http://127.0.0.1:${port}/redirect`), address: "127.0.0.1", family: 4 },
      {},
      "{}",
      5000,
    );
    expect(redirect).toBe(302);
    expect(received).toEqual(["/pinned", "/redirect"]);
  });
});
