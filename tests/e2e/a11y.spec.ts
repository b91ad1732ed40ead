import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/**
 * axe (WCAG 2.1 A/AA) finds no violations on the public pages a visitor meets first, in Russian and English.
 * The product and supplier pages are reached by following links, as a visitor would.
 */
async function firstLinkHref(page: import("@playwright/test").Page, prefix: string): Promise<string> {
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link starting with ${prefix}`).toBeTruthy();
  return href ?? "/";
}

const PAGES: { name: string; path: string | ((page: import("@playwright/test").Page) => Promise<string>) }[] = [
  { name: "home", path: "/" },
  { name: "catalog", path: "/catalog" },
  { name: "catalog search", path: `/catalog?q=${encodeURIComponent("трансформатор ТМГ")}` },
  {
    name: "product",
    path: async (page) => {
      await page.goto("/catalog");
      return firstLinkHref(page, "/products/");
    },
  },
  { name: "supplier", path: "/suppliers/balt-energomash" },
  { name: "login", path: "/login" },
  { name: "signup", path: "/signup" },
  { name: "en home", path: "/en" },
  { name: "en catalog", path: "/en/catalog" },
];

for (const p of PAGES) {
  test(`no axe violations: ${p.name}`, async ({ page }) => {
    const path = typeof p.path === "string" ? p.path : await p.path(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page);
  });
}
