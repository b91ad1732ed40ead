import { expect, type Page } from "@playwright/test";

/** Demo credentials created by the seed (prisma/seed/accounts.ts). Demo only. */
export const DEMO_PASSWORD = "Demo-Password-2026";
export const DEMO_OPERATOR_EMAIL = "admin@snabmost.demo";
/** The owner of a seeded organisation: owner@<org-slug>.demo */
export function demoOwnerEmail(orgSlug: string): string {
  return `owner@${orgSlug}.demo`;
}

/**
 * Signs in through the login form and waits until the session is active. `redirectTo` (a local path) is where the
 * browser lands afterwards; without it, the user's workspace. Note the login rate limit (RATE_LIMIT_PER_MINUTE per IP).
 */
export async function loginAs(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
  opts: { redirectTo?: string; lang?: "ru" | "en" } = {},
): Promise<void> {
  const prefix = opts.lang === "en" ? "/en" : "";
  const query = opts.redirectTo ? `?redirectTo=${encodeURIComponent(opts.redirectTo)}` : "";
  // The login form is rate-limited per IP (RATE_LIMIT_PER_MINUTE); a long suite may hit it: wait and try again.
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${prefix}/login${query}`);
    await page.waitForLoadState("networkidle");
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    const response = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.includes("/login"),
    );
    await page.locator('form[method="post"] button[type="submit"]').first().click();
    const r = await response;
    if (r.status() === 429 && attempt < 3) {
      const seconds = Number(r.headers()["retry-after"] ?? "10");
      await page.waitForTimeout(Math.min(61, seconds + 1) * 1000);
      continue;
    }
    await page.waitForURL((url) => !url.pathname.endsWith("/login"));
    break;
  }
  await expect(page.getByTestId("account-menu-button")).toBeVisible();
}

/** Signs out through the account menu. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId("account-menu-button").click();
  await page.getByRole("button", { name: /Выйти|Sign out/ }).click();
  await expect(page.getByTestId("account-menu-button")).toHaveCount(0);
}
