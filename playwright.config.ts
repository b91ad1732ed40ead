import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, defineConfig, devices, type LaunchOptions } from "@playwright/test";

/**
 * The browser, in this order of preference (README "Browser tests offline"):
 * 1. `PW_CHROMIUM_PATH` — an explicit executable;
 * 2. Playwright's own browser, when `npx playwright install` has put it on this machine (a developer laptop);
 * 3. a system Chromium: `/usr/bin/chromium`, `/usr/bin/chromium-headless-shell`, `/usr/bin/chromium-browser`
 *    (Debian's package; `.ci/run` apt-installs it);
 * 4. the Chromium shipped inside the npm package `@sparticuz/chromium` (a devDependency): unpacked to `$TMPDIR/chromium`
 *    on first use (~3 s), launched headless with the package's own flags. So `npm ci && npm test` needs no apt step.
 * `PW_CHROMIUM_SOURCE=own|system|package` starts the search at that step (to try one of them on purpose).
 */
async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  if (process.env.PW_CHROMIUM_PATH) return { executablePath: process.env.PW_CHROMIUM_PATH };
  const sources = ["own", "system", "package"] as const;
  const from = Math.max(0, sources.indexOf(process.env.PW_CHROMIUM_SOURCE as (typeof sources)[number]));
  if (from <= 0) {
    try {
      const own = chromium.executablePath();
      if (own && fs.existsSync(own)) return {};
    } catch {
      // Playwright's browser is not installed
    }
  }
  if (from <= 1) {
    for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium-browser"]) {
      if (isExecutable(candidate)) return { executablePath: candidate };
    }
  }
  const { default: packaged, inflate } = await import("@sparticuz/chromium");
  const executablePath = await packaged.executablePath();
  // NSS/NSPR (libnss3, libnspr4), which only Debian's chromium or a JRE would have installed, ship in the package too
  const bin = path.join(path.dirname(fileURLToPath(import.meta.resolve("@sparticuz/chromium"))), "..", "bin");
  const libs = path.join(await inflate(path.join(bin, "al2023.tar.br")), "lib");
  return {
    executablePath,
    args: packaged.args.filter((a) => !DROPPED_PACKAGED_ARGS.has(a)),
    headless: true,
    env: { ...process.env, LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":") },
  };
}
/**
 * The packaged flags are made for AWS Lambda. `--single-process` crashes the browser when a test opens its second
 * context; the other two switch off the same-origin policy and mixed-content blocking that the tests rely on.
 */
const DROPPED_PACKAGED_ARGS = new Set([
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
]);

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// Set once in the main process; workers inherit them through the environment. The data folder (embedded
// database, uploads, mail files) is a throwaway directory the tests can read (e.g. to open a verification mail).
process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-e2e-"));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const launchOptions = await chromiumLaunchOptions();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: process.env.E2E_DATA_DIR },
  },
});
