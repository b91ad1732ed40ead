import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO_OPERATOR_EMAIL, demoOwnerEmail, loginAs } from "./helpers/auth";

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
  { name: "API docs", path: "/docs/api" },
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

test("no axe violations: supplier 1C exchange and API keys pages, including a refused webhook URL", async ({
  page,
}) => {
  await loginAs(page, demoOwnerEmail("balt-energomash"), undefined, { redirectTo: "/supplier/products" });
  await page.getByRole("link", { name: "Обмен с 1С" }).click();
  await expect(page).toHaveURL(/\/supplier\/exchange$/);
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page);

  await page.goto("/account/api-keys");
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page);
  // an internal address is refused next to the field, in Russian, and the typed URL stays
  await page.getByLabel("Адрес (https://…)").fill("https://169.254.169.254/latest/meta-data");
  await page.getByRole("checkbox", { name: "order.status_changed" }).check();
  await page.getByRole("button", { name: "Добавить адрес" }).click();
  const field = page.getByLabel("Адрес (https://…)");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#hook-url-error")).toContainText("внутреннюю сеть");
  await expect(field).toHaveValue("https://169.254.169.254/latest/meta-data");
  await expectNoAxeViolations(page);
});

/** Issue #18: signed-in pages of each role, including the role menu opened on a phone. */
const SIGNED_IN: { role: string; email: string; paths: string[] }[] = [
  {
    role: "buyer",
    email: demoOwnerEmail("hersones-energoservis"),
    paths: ["/buyer/rfqs", "/orders", "/notifications", "/rfq/cart", "/account"],
  },
  {
    role: "supplier",
    email: demoOwnerEmail("balt-energomash"),
    paths: ["/supplier/inbox", "/supplier/products", "/supplier/import", "/orders"],
  },
  {
    role: "operator",
    email: DEMO_OPERATOR_EMAIL,
    paths: ["/admin", "/admin/verification", "/admin/organizations", "/admin/categories"],
  },
];

for (const who of SIGNED_IN) {
  test(`no axe violations: the ${who.role}'s pages`, async ({ page }) => {
    await loginAs(page, who.email, undefined, { redirectTo: who.paths[0] });
    for (const path of who.paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("role-nav-menu").getByText(/Меню/).click();
    await expect(page.getByTestId("role-nav-menu").getByRole("navigation")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
