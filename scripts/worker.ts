/**
 * The background worker on its own (`npm run worker`): outbox consumers (search sync, notifications, mail) and
 * scheduled jobs, without the HTTP server. Run the web process with WORKER_IN_PROCESS=false next to it.
 * It loads the server build (`npm run build` first): the app's modules use Vite features (import.meta.glob for the
 * locales) that plain tsx cannot evaluate. SIGTERM/SIGINT stop it gracefully (the current batch finishes).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

interface EntryExtras {
  logger: import("pino").Logger;
  startBackground(): Promise<void>;
  stopBackground(): Promise<void>;
  closeDatabase(): Promise<void>;
}

const buildPath = path.resolve("build/server/index.js");
if (!existsSync(buildPath)) {
  console.error("No server build: run `npm run build` first.");
  process.exit(1);
}
const build = (await import(pathToFileURL(buildPath).href)) as { entry: { module: EntryExtras } };
const entry = build.entry.module;
await entry.startBackground();
entry.logger.info("worker running (outbox consumers and scheduled jobs)");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  entry.logger.info({ signal }, "worker stopping");
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  await entry.stopBackground().catch((err) => entry.logger.error({ err }, "stopping background failed"));
  await entry.closeDatabase().catch((err) => entry.logger.error({ err }, "closing database failed"));
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
