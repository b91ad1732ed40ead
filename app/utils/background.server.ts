import { logger } from "./logger.server";

/**
 * The periodic jobs of a process that runs background work. `app/startup.server.ts` schedules them in
 * `startBackground()` (next to the outbox worker) and stops them in `stopBackground()`.
 */
const jobs: NodeJS.Timeout[] = [];

/** Runs `job` every `everyMs` (the first time after `firstAfterMs`, if given) until `stopJobs()`. */
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

export function stopJobs() {
  for (const j of jobs.splice(0)) clearTimeout(j); // clears intervals too
}
