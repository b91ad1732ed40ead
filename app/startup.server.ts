/**
 * THE START-UP OF THIS APP, in one place. Nothing registers itself when it is imported: the registries (outbox
 * consumers, file-read policies, RFQ close hooks, health checks, scheduled jobs) are filled here, by calls you can read.
 *
 * - `wireApp()` — what every process that serves requests or runs the worker needs: the outbox consumers, who may read
 *   which stored file, what runs when an RFQ closes, the sections of /healthz. Called by `warmUp()` in entry.server.tsx
 *   (the web process, scripts/serve.ts) and by `startBackground()` (the worker, in-process or `npm run worker`).
 *   Idempotent. Integration tests call it in the files that need a registration.
 * - `startBackground()` / `stopBackground()` — the outbox worker and the periodic jobs: in the web process when
 *   WORKER_IN_PROCESS=true (the default), else in `npm run worker`.
 *
 * Adding a consumer, policy, hook, check or job: export the function from your module's public surface
 * (`<m>.server.ts`) and add one call below. See docs/architecture.md "Start-up".
 */
import { pruneAccounts } from "~/modules/accounts/accounts.server";
import { registerCatalogFilePolicy } from "~/modules/catalog/catalog.server";
import { handleWebhookEvents, pruneIntegrationData } from "~/modules/integration/integration.server";
import { deliverEmailEvents } from "~/modules/mail/mail.server";
import { deliverNotifications } from "~/modules/notifications/notifications.server";
import { getOutboxLag, registerOutboxHandler, startOutboxWorker } from "~/modules/outbox/outbox.server";
import { registerOrderPaymentRecorder, registerPayOrderFilePolicy } from "~/modules/payments/payments.server";
import { registerQuoteFilePolicy, registerQuoteHooks } from "~/modules/quotes/quotes.server";
import { registerRfqFilePolicy, runDeadlineJob } from "~/modules/rfq/rfq.server";
import {
  bootstrapSearchIndex,
  searchHealth,
  searchOutboxConsumers,
  stopSearchEngine,
} from "~/modules/search/search.server";
import { scheduleJob, stopJobs } from "~/utils/background.server";
import { replicaHealth, replicaUrlsFromEnv } from "~/utils/db.server";
import { analyzeEmbeddedDatabase, checkpointIfDue } from "~/utils/db-maintenance.server";
import { registerHealthCheck } from "~/utils/health.server";
import { logger } from "~/utils/logger.server";
import { pruneRateLimits } from "~/utils/rate-limit.server";

const HOUR = 60 * 60 * 1000;

let wired = false;

export function wireApp(): void {
  if (wired) return;
  wired = true;

  // Outbox consumers: the topic prefix before the first dot → its handler (app/modules/outbox/outbox.server.ts).
  registerOutboxHandler("email", deliverEmailEvents, { batchSize: 1 });
  registerOutboxHandler("notify", deliverNotifications, { batchSize: 50 });
  // search: one consumer, or with several Meilisearch nodes (MEILI_HOSTS) a fan-out plus one consumer per node
  for (const { consumer, handler, batchSize } of searchOutboxConsumers()) {
    registerOutboxHandler(consumer, handler, { batchSize });
  }
  registerOutboxHandler("webhooks", handleWebhookEvents, { batchSize: 20 });

  // File-read policies: the module that links a stored file to its records decides who may read it (files.$id.ts).
  registerCatalogFilePolicy();
  registerRfqFilePolicy();
  registerQuoteFilePolicy();
  registerPayOrderFilePolicy();

  // RFQ close hooks: run inside the transaction that closes an RFQ (the quotes module writes the opening protocol).
  registerQuoteHooks();

  // Order payments: the payments module writes the payment row of the orders module's «Оплата получена» step.
  registerOrderPaymentRecorder();

  // /healthz sections next to `database` (app/utils/health.server.ts).
  registerHealthCheck("outbox", async () => ({ ok: true, ...(await getOutboxLag()) }));
  registerHealthCheck("search", () => searchHealth());
  if (replicaUrlsFromEnv().length > 0) registerHealthCheck("replicas", () => replicaHealth());
}

let worker: { stop(): Promise<void> } | undefined;

/** The outbox worker (search sync, notifications, email) and the periodic jobs of this process. */
export async function startBackground(): Promise<void> {
  wireApp();
  scheduleJob("rfq-deadlines", 30_000, () => runDeadlineJob());
  scheduleJob("accounts.prune", HOUR, async () => {
    await pruneAccounts();
    await pruneRateLimits();
  });
  // the embedded database's housekeeping (see db-maintenance.server.ts): no-ops on a PostgreSQL server
  scheduleJob("db.analyze", 6 * HOUR, () => analyzeEmbeddedDatabase(), { firstAfterMs: 60 * 1000 });
  scheduleJob("db.checkpoint", 60 * 1000, () => checkpointIfDue());
  // 1C exchange files, idempotency answers and old webhook deliveries
  scheduleJob("integration.prune", HOUR, () => pruneIntegrationData());
  worker = startOutboxWorker();
  // an empty index next to a filled catalog (fresh seed, new Meilisearch) is rebuilt once, in the background
  void bootstrapSearchIndex().catch((err) =>
    logger.warn({ err }, "search: initial index build failed; will retry via reindex"),
  );
  logger.info("background worker started");
}

export async function stopBackground(): Promise<void> {
  stopJobs();
  await worker?.stop();
  worker = undefined;
  // the bundled Meilisearch (SEARCH_ENGINE=meilisearch without MEILI_HOST) stops with the app
  await stopSearchEngine();
}
