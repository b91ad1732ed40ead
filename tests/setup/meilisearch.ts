import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { bundledMeiliUnavailableReason, ManagedMeilisearch } from "../../app/modules/search/meili-process.server";

/**
 * One real Meilisearch for the whole integration run, shared by every test file (each uses its own index names):
 * MEILI_HOST (+ MEILI_API_KEY) when set, otherwise the bundled binary (optional dependency, linux-x64) started here on
 * a free loopback port and stopped at teardown. Where the binary cannot run, the Meilisearch tests are skipped with the
 * reason — except in CI on linux-x64, where a missing binary fails the run.
 */

declare module "vitest" {
  export interface ProvidedContext {
    meilisearch: { host: string; apiKey: string } | { skipped: string };
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default async function setup(project: TestProject) {
  if (process.env.MEILI_HOST) {
    project.provide("meilisearch", {
      host: process.env.MEILI_HOST,
      apiKey: process.env.MEILI_API_KEY ?? process.env.MEILI_MASTER_KEY ?? "",
    });
    return;
  }
  const reason = bundledMeiliUnavailableReason();
  if (reason) {
    if (process.env.CI && process.platform === "linux" && process.arch === "x64") throw new Error(reason);
    console.log(`Meilisearch tests skipped: ${reason}`);
    project.provide("meilisearch", { skipped: reason });
    return;
  }
  mkdirSync(path.join(root, "tests", ".tmp"), { recursive: true });
  const dataDir = mkdtempSync(path.join(root, "tests", ".tmp", "meili-"));
  const server = new ManagedMeilisearch({ dataDir, extraArgs: ["--max-indexing-threads", "2"] });
  await server.start();
  console.log(`Meilisearch: bundled ${server.host} (pid ${server.pid})`);
  project.provide("meilisearch", { host: server.host, apiKey: server.masterKey });
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
