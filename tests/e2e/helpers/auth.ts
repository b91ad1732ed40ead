import { type APIRequestContext, type Cookie, expect, type Page } from "@playwright/test";

/** Demo credentials created by the seed (prisma/seed/accounts.ts). Demo only. */
export const DEMO_PASSWORD = "Demo-Password-2026";
export const DEMO_OPERATOR_EMAIL = "admin@snabmost.demo";
/** The owner of a seeded organisation: owner@<org-slug>.demo */
export function demoOwnerEmail(orgSlug: string): string {
  return `owner@${orgSlug}.demo`;
}

/** Signs an API request context in through the login form's POST (same origin), as a browser without JavaScript would. */
export async function signInRequest(request: APIRequestContext, email: string, baseURL: string | undefined) {
  const login = await request.post("/login", {
    form: { email, password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(login.status(), `sign-in as ${email}`).toBe(302);
}

/**
 * Sessions this worker has signed in, by e-mail: the browser cookies (session + known device) of the first form login.
 * Playwright runs each worker in its own process, so a user logs in through the form once per worker; later tests add
 * the cookies to their fresh context instead. `logout` revokes the session on the server, so it forgets the entry.
 */
const storedSessions = new Map<string, Cookie[]>();
/** Who a page is signed in as (through `loginAs`), so that `logout` knows which stored session it ended. */
const signedIn = new WeakMap<Page, string>();

/**
 * Signs the page in as `email` and waits until the session is active. `redirectTo` (a local path) is where the browser
 * lands afterwards; without it, the user's workspace. The first call for a user in a worker goes through the login
 * form; later ones reuse that session (cookies added to the context, then /login, which sends a signed-in user to the
 * same place the form would). A stored session that no longer works (logged out, database reset) falls back to the form.
 * The form itself is tested in accounts.spec.ts through `loginWithForm`.
 */
export async function loginAs(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
  opts: { redirectTo?: string; lang?: "ru" | "en" } = {},
): Promise<void> {
  const stored = storedSessions.get(email);
  if (stored) {
    await page.context().addCookies(stored);
    await page.goto(loginUrl(opts));
    if (!new URL(page.url()).pathname.endsWith("/login")) {
      await expect(page.getByTestId("account-menu-button")).toBeVisible();
      signedIn.set(page, email);
      return;
    }
    storedSessions.delete(email);
  }
  await loginWithForm(page, email, password, opts);
  storedSessions.set(email, await page.context().cookies());
  signedIn.set(page, email);
}

function loginUrl(opts: { redirectTo?: string; lang?: "ru" | "en" }): string {
  const prefix = opts.lang === "en" ? "/en" : "";
  const query = opts.redirectTo ? `?redirectTo=${encodeURIComponent(opts.redirectTo)}` : "";
  return `${prefix}/login${query}`;
}

/**
 * Signs in through the login form, always (the form's own tests). Note the login rate limit (RATE_LIMIT_PER_MINUTE per
 * IP): on 429 it waits as told and tries again.
 */
export async function loginWithForm(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
  opts: { redirectTo?: string; lang?: "ru" | "en" } = {},
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.goto(loginUrl(opts));
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
  // the session ends on the server: a stored copy of it would no longer sign anyone in
  const email = signedIn.get(page);
  if (email) storedSessions.delete(email);
  signedIn.delete(page);
  // the menu opens once the page is hydrated: a click before that does nothing, so it is tried again
  const signOut = page.getByRole("button", { name: /Выйти|Sign out/ });
  await expect(async () => {
    if (!(await signOut.isVisible())) await page.getByTestId("account-menu-button").click();
    await expect(signOut).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await signOut.click();
  await expect(page.getByTestId("account-menu-button")).toHaveCount(0);
}
