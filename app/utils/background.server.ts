import { startOutboxWorker } from "~/modules/outbox/outbox.server";
import { logger } from "./logger.server";

/**
 * Background work of an app process: the outbox worker (search sync, notifications, email) and scheduled jobs.
 * Runs in-process by default (WORKER_IN_PROCESS=true) or on its own through `npm run worker`.
 * Consumers register their outbox handlers in `./outbox-consumers.server.ts`.
 */
let worker: { stop(): Promise<void> } | undefined;
const jobs: NodeJS.Timeout[] = [];

export async function startBackground() {
  await import("./outbox-consumers.server");
  worker = startOutboxWorker();
  logger.info("background worker started");
}

/** Registers a job that runs every `everyMs` (the first time after `firstAfterMs`, if given) while background work runs. */
export function scheduleJob(
  name: string,
  everyMs: number,
  job: () => Promise<unknown>,
  opts: { firstAfterMs?: number } = {},
) {
  const run = async () => {
    try {
      await job();
    } catch (error) {
      logger.error({ err: error, job: name }, "scheduled job failed");
    }
  };
  jobs.push(setInterval(run, everyMs));
  if (opts.firstAfterMs !== undefined) {
    const first = setTimeout(run, opts.firstAfterMs);
    first.unref();
    jobs.push(first);
  }
}

export async function stopBackground() {
  for (const j of jobs.splice(0)) clearTimeout(j); // clears intervals too
  await worker?.stop();
  worker = undefined;
  // the bundled Meilisearch (SEARCH_ENGINE=meilisearch without MEILI_HOST) stops with the app
  await import("~/modules/search/search.server").then((m) => m.stopSearchEngine());
}
