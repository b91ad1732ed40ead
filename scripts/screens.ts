/**
 * Screenshots of the key pages at 1440 and 390 px into docs/screens/ (issue #18), for a running app with the demo data:
 *   SCREENS_BASE=http://127.0.0.1:3150 tsx scripts/screens.ts
 * Uses Debian's Chromium (/usr/bin/chromium) or PW_CHROMIUM_PATH. Viewport-high shots (not full pages) keep PNGs small.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const base = process.env.SCREENS_BASE ?? "http://127.0.0.1:3150";
const out = path.resolve("docs/screens");
const PASSWORD = "Demo-Password-2026";
/** The first product of the transformers category (its slug is not fixed): resolved when the shot is taken. */
const PRODUCT = "@product";
const ROLES: { role: string; email: string | null; pages: string[] }[] = [
  {
    role: "visitor",
    email: null,
    pages: ["/", "/catalog", "/catalog/silovye-transformatory", PRODUCT, "/signup", "/legal/privacy", "/no-such-page"],
  },
  { role: "buyer", email: "owner@hersones-energoservis.demo", pages: ["/buyer/rfqs", "/orders", "/notifications"] },
  {
    role: "supplier",
    email: "owner@balt-energomash.demo",
    pages: ["/supplier/inbox", "/supplier/products", "/supplier/import"],
  },
  { role: "operator", email: "admin@snabmost.demo", pages: ["/admin", "/admin/verification"] },
];

function fileName(role: string, p: string, width: number): string {
  if (p === PRODUCT) return `${role}-product-${width}.png`;
  const slug = p.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-") || "home";
  return `${role}-${slug}-${width}.png`;
}

async function login(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.endsWith("/login")),
    page.click('form[method="post"] button[type="submit"]'),
  ]);
}

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.PW_CHROMIUM_PATH ?? "/usr/bin/chromium" });
for (const width of [1440, 390]) {
  for (const { role, email, pages } of ROLES) {
    const context = await browser.newContext({
      viewport: { width, height: width === 390 ? 844 : 900 },
      locale: "ru-RU",
    });
    const page = await context.newPage();
    if (email) await login(page, email);
    for (const p of pages) {
      if (p === PRODUCT) {
        await page.goto(`${base}/catalog/silovye-transformatory`);
        await page.goto(
          base + ((await page.locator('main a[href^="/products/"]').first().getAttribute("href")) ?? "/"),
        );
      } else await page.goto(base + p);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(out, fileName(role, p, width)) });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
