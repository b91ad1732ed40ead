/**
 * Starts the built app for Playwright on a throwaway embedded database: migrates, seeds the demo, then serves.
 * DATA_DIR (a temp folder chosen by playwright.config.ts) holds the database, uploads and mail files.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dataDir = process.env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-e2e-"));
fs.mkdirSync(dataDir, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "db")}`,
  NODE_ENV: "production" as const,
  // the whole suite logs in from one IP; the limit itself is tested in the integration suite
  RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "1000",
};

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

await run(["scripts/db.ts", "deploy"]);
await run(["scripts/seed.ts", "--if-empty", "--quiet"]);
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, stdio: "inherit" });
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
server.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
