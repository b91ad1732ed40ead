import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO_OPERATOR_EMAIL, demoOwnerEmail, loginAs } from "./helpers/auth";

/**
 * Issue #18: on a 390 px phone no page of any role scrolls sideways (the document is no wider than the screen), the
 * sections of the role are one tap away in the menu, and a missing page offers a way back. Detail pages are reached by
 * following links, as a person would.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectFitsPhone(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const { scrollWidth, offenders } = await page.evaluate(() => {
    const offenders: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      if (box.width > 0 && box.right > 391 && parent && parent.right <= 391) {
        offenders.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 50)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  });
  expect(scrollWidth, `${path} is ${scrollWidth} px wide: ${offenders.join(", ")}`).toBeLessThanOrEqual(390);
}

async function firstHref(page: Page, from: string, selector: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `a link ${selector} on ${from}`).toBeTruthy();
  return href ?? "/";
}

test("a visitor's pages fit a 390 px phone", async ({ page }) => {
  const product = await firstHref(page, "/catalog", 'main a[href^="/products/"]');
  for (const path of ["/", "/catalog", "/login", "/signup", "/en", "/suppliers/balt-energomash", product]) {
    await expectFitsPhone(page, path);
  }
});

test("a buyer's pages fit a 390 px phone and the menu offers the buyer's sections", async ({ page }) => {
  await loginAs(page, demoOwnerEmail("hersones-energoservis"), undefined, { redirectTo: "/buyer/rfqs" });
  // a published RFQ (its page has a comparison): other tests may have left this buyer's newest RFQ a draft (…/edit)
  const rfq = await firstHref(page, "/buyer/rfqs", '[data-testid="buyer-rfq-row"] a:not([href$="/edit"])');
  const order = await firstHref(page, "/orders", '[data-testid="order-row"] a');
  for (const path of [
    "/buyer/rfqs",
    rfq,
    `${rfq}/compare`,
    "/rfq/new",
    "/rfq/cart",
    "/orders",
    order,
    "/notifications",
    "/account",
    "/account/members",
  ]) {
    await expectFitsPhone(page, path);
  }
  // the sections bar is for wide screens; on a phone the menu holds the same sections
  await expect(page.getByTestId("role-nav")).toBeHidden();
  await page.getByTestId("role-nav-menu").getByText("Меню").click();
  const menu = page.getByTestId("role-nav-menu").getByRole("navigation", { name: "Разделы" });
  await expect(menu.getByRole("link")).toHaveText([
    /Каталог/,
    /Мои запросы/,
    /Заказы/,
    /Корзина запроса/,
    /Уведомления/,
  ]);
  await menu.getByRole("link", { name: "Заказы" }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByTestId("role-nav-menu")).not.toHaveAttribute("open", "");
});

test("a supplier's pages fit a 390 px phone", async ({ page }) => {
  await loginAs(page, demoOwnerEmail("balt-energomash"), undefined, { redirectTo: "/supplier/inbox" });
  const rfq = await firstHref(page, "/supplier/inbox", '[data-testid="inbox-row"] a');
  const product = await firstHref(page, "/supplier/products", 'main a[href^="/supplier/products/c"]');
  for (const path of [
    "/supplier/inbox",
    rfq,
    "/supplier/products",
    product,
    "/supplier/products/new",
    "/supplier/import",
    "/supplier/exchange",
    "/supplier/requisites",
    "/orders",
    "/account/api-keys",
  ]) {
    await expectFitsPhone(page, path);
  }
  await page.getByTestId("role-nav-menu").getByText("Меню").click();
  await expect(page.getByTestId("role-nav-menu").getByRole("link")).toHaveText([
    /Входящие/,
    /Мои товары/,
    /Заказы/,
    /Импорт/,
    /Уведомления/,
  ]);
  await expectNoAxeViolations(page);
});

test("the operator's pages fit a 390 px phone", async ({ page }) => {
  await loginAs(page, DEMO_OPERATOR_EMAIL, undefined, { redirectTo: "/admin" });
  for (const path of ["/admin", "/admin/verification", "/admin/organizations", "/admin/categories"]) {
    await expectFitsPhone(page, path);
  }
  await page.getByTestId("role-nav-menu").getByText("Меню").click();
  await expect(page.getByTestId("role-nav-menu").getByRole("link")).toHaveText([
    /Проверка/,
    /Организации/,
    /Категории/,
    /Уведомления/,
  ]);
});

test("a missing page says so in the page's language and offers ways back", async ({ page }) => {
  await page.goto("/catalog");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  const ways = page.getByRole("navigation", { name: "Куда можно перейти" });
  await expect(ways.getByRole("link", { name: "В каталог" })).toHaveAttribute("href", "/catalog");
  // «back» returns to the page the visitor came from
  await ways.getByRole("link", { name: /Вернуться назад/ }).click();
  await expect(page).toHaveURL(/\/catalog$/);

  await page.goto("/en/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Where to go" }).getByRole("link", { name: "Catalog" }),
  ).toHaveAttribute("href", "/en/catalog");
  await expectNoAxeViolations(page);
});
