import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe("foundation", () => {
  test("the home page is Russian by default and accessible", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Севастополя");
    await expect(page.getByRole("combobox", { name: "Поиск по каталогу" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the language switch leads to the same page in English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sevastopol");
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  });

  test("an unknown page is a 404 in the page's language", async ({ page }) => {
    const ru = await page.goto("/net-takoi-stranitsy");
    expect(ru?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
    const en = await page.goto("/en/no-such-page");
    expect(en?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expectNoAxeViolations(page);
  });

  test("responses carry security headers and a CSP nonce on scripts", async ({ page }) => {
    const response = await page.goto("/");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-request-id"]).toBeTruthy();
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
    const scriptNonces = await page
      .locator("script")
      .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    for (const n of scriptNonces) expect(n).toBe(nonce);
  });

  test("/healthz answers JSON with the database state", async ({ request }) => {
    const res = await request.get("/healthz");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.pendingMigrations).toBe(0);
    expect(body.outbox.pending).toBeGreaterThanOrEqual(0);
  });

  test("a cross-site POST is refused", async ({ request }) => {
    const res = await request.post("/login", { headers: { Origin: "https://evil.example" }, form: { email: "x" } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("cross_site_request");
  });
});
