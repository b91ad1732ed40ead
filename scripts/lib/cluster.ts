/**
 * `npm run serve` on every core: the primary process forks WEB_CONCURRENCY workers (default: the CPU count) with
 * node:cluster; each worker is a whole web server (scripts/serve.ts) and they share the listening socket. The app keeps
 * no state between requests in memory that matters (sessions and rate limits are in the database; the in-process
 * caches are short-lived and per process). Exactly one worker — the background worker — runs the outbox consumers and
 * the periodic jobs (WORKER_IN_PROCESS); when it dies its replacement inherits the role. SIGTERM/SIGINT: the primary
 * passes the signal on, each worker drains its requests and closes the database, then the primary exits.
 * The embedded PGlite (no DATABASE_URL) is one process's file: it always runs one process (docs/decisions/0025).
 */
import cluster, { type Worker } from "node:cluster";
import os from "node:os";

/** Set on the one worker that runs the background jobs. */
export const BACKGROUND_ROLE_ENV = "SNABMOST_BACKGROUND_WORKER";

export interface ProcessPlan {
  processes: number;
  /** why fewer processes than asked (a log line), if so */
  reason?: string;
}

/**
 * How many web processes to run: WEB_CONCURRENCY (default: CPU count); always 1 with the embedded database (empty,
 * memory:// or file: DATABASE_URL) or in development.
 */
export function planProcesses(env: {
  WEB_CONCURRENCY?: string;
  DATABASE_URL?: string;
  dev: boolean;
  cpus?: number;
}): ProcessPlan {
  const cpus = env.cpus ?? os.availableParallelism();
  const raw = env.WEB_CONCURRENCY?.trim();
  const asked = raw ? Number(raw) : cpus;
  if (!Number.isInteger(asked) || asked < 1 || asked > 256)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256, got ${JSON.stringify(raw)}`);
  if (asked === 1) return { processes: 1 };
  if (env.dev) return { processes: 1, reason: "development server (Vite): one process" };
  if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? ""))
    return {
      processes: 1,
      reason: `the embedded PGlite database (DATABASE_URL not postgres://) can be opened by one process only: serving with 1 process instead of ${asked}; set DATABASE_URL to a PostgreSQL server to use every core`,
    };
  return { processes: asked };
}

/** True in the process that should run the outbox worker and the periodic jobs (the only one, or worker #1). */
export function runsBackground(): boolean {
  return cluster.isPrimary || process.env[BACKGROUND_ROLE_ENV] === "1";
}

type Log = (msg: string, extra?: Record<string, unknown>) => void;

/** The primary: forks the workers, replaces one that dies (not while stopping), and stops them all on a signal. */
export function runPrimary(processes: number, log: Log): Promise<void> {
  let stopping = false;
  let background: Worker | undefined;
  const fork = (withBackground: boolean) => {
    const worker = cluster.fork({ [BACKGROUND_ROLE_ENV]: withBackground ? "1" : "0" });
    if (withBackground) background = worker;
    return worker;
  };
  fork(true);
  for (let i = 1; i < processes; i++) fork(false);
  log("cluster started", { processes, primaryPid: process.pid });

  return new Promise((resolve) => {
    cluster.on("exit", (worker, code, signal) => {
      const wasBackground = worker === background;
      if (wasBackground) background = undefined;
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve();
        return;
      }
      log("worker exited; starting a new one", { pid: worker.process.pid, code, signal, background: wasBackground });
      setTimeout(() => fork(wasBackground), 1_000).unref();
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log("shutting down workers", { signal });
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      if (workers.length === 0) resolve();
      for (const w of workers) w.process.kill("SIGTERM");
      // a worker forces its own exit after 10 s; give up on the rest a moment later
      setTimeout(resolve, 15_000).unref();
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
}
