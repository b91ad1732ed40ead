import fs from "node:fs";
import { defineConfig, devices, type LaunchOptions } from "@playwright/test";

/**
 * The scale suite (`npm run test:scale`, scripts/test-scale.ts): tests/scale against the topology the script started,
 * through haproxy (SCALE_BASE_URL). Not part of `npm run test:e2e` (that config reads tests/e2e only).
 * Browser: PW_CHROMIUM_PATH, else Debian's /usr/bin/chromium (.ci/run installs it), else Playwright's own.
 */
const baseURL = process.env.SCALE_BASE_URL;
if (!baseURL) throw new Error("SCALE_BASE_URL is not set: run `npm run test:scale`");
const executablePath =
  process.env.PW_CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"].find((file) => fs.existsSync(file));
const launchOptions: LaunchOptions = executablePath ? { executablePath } : {};

export default defineConfig({
  testDir: "tests/scale",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    screenshot: "off",
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
});
