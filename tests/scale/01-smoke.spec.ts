import { expect, type Page, test } from "@playwright/test";
import { demoOwnerEmail, loginAs, logout } from "../e2e/helpers/auth";
import { kill, start } from "./control";

/**
 * The browser smoke suite through haproxy (two app processes, no sticky sessions): a buyer signs in, searches,
 * publishes an RFQ; the supplier quotes; the buyer compares, awards and gets the order. Drill: app2 is killed with
 * SIGKILL while the supplier signs in — haproxy routes around it and the user sees no error.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const DAY = 86_400_000;
const moscow = (ms: number) => new Date(ms + 3 * 3600 * 1000).toISOString().slice(0, 16);
const validUntil = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);

async function addToCart(page: Page, productUrl: string) {
  await page.goto(productUrl);
  await Promise.all([
    page.waitForURL(/addedToRfq=1/),
    page.locator('form[action$="/rfq/cart"] button[type="submit"]').click(),
  ]);
}

test("sign in, search, RFQ publish, quote, compare, award, order — app2 killed midway", async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  const started = Date.now();
  const title = `Запрос scale ${started.toString().slice(-6)}`;

  // buyer: sign in, search, put a product in the RFQ cart, publish
  await loginAs(page, BUYER, undefined, { redirectTo: "/catalog" });
  await page.goto(`/catalog?q=${encodeURIComponent("трансформатор")}`);
  const api = await page.request.get(`/api/v1/search?q=${encodeURIComponent("трансформатор")}&perPage=12`);
  expect(api.status()).toBe(200);
  const { hits } = (await api.json()) as { hits: { url: string; supplier: { slug: string; name: string } }[] };
  expect(hits.length).toBeGreaterThan(0);
  const product = hits[0];
  await expect(page.locator(`a[href$="${product.url}"]`).first()).toBeVisible();
  await addToCart(page, product.url);
  await page.goto("/rfq/cart");
  await expect(page.getByTestId("cart-item")).toHaveCount(1);
  await page.getByRole("link", { name: "Оформить запрос цен" }).click();
  await expect(page).toHaveURL(/\/rfq\/new\?from=cart/);
  await page.getByLabel("Название запроса").fill(title);
  await page.getByLabel("Приём предложений до").fill(moscow(started + 7 * DAY));
  await page.getByLabel("Требуемая дата поставки").fill(moscow(started + 40 * DAY).slice(0, 10));
  await page.getByRole("button", { name: "Опубликовать запрос" }).click();
  await expect(page).toHaveURL(/\/buyer\/rfqs\/[^/?]+\?published=1/);
  const rfqId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByTestId("recipient-row")).toHaveCount(1);
  await logout(page);

  // drill: app2 dies (SIGKILL) while the supplier signs in; every request lands on app1 from now on
  const killed = kill("app2");
  await loginAs(page, demoOwnerEmail(product.supplier.slug), undefined, { redirectTo: `/supplier/rfqs/${rfqId}` });
  await killed;
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const line = page.getByTestId("quote-line-0");
  await line.getByLabel(/Цена позиции/).fill("1000");
  await line.getByLabel(/Количество позиции/).fill("1");
  await line.getByLabel(/НДС позиции/).selectOption("VAT22");
  await line.getByLabel(/Срок поставки позиции/).fill("30");
  await page.getByLabel("Предложение действительно до").fill(validUntil);
  await page.getByTestId("quote-submit").click();
  await expect(page.getByTestId("quote-status")).toContainText("Подано");
  await logout(page);

  // app2 comes back while the buyer compares and awards
  const restarted = start("app2");
  await loginAs(page, BUYER, undefined, { redirectTo: `/buyer/rfqs/${rfqId}/compare` });
  await page.getByRole("button", { name: "Завершить приём предложений досрочно" }).click();
  await expect(page.getByTestId("compare-matrix")).toBeVisible();
  await page.locator('[data-testid^="award-1-"]').first().check();
  await page.getByLabel("Обоснование выбора").fill("Единственное предложение, цена в пределах бюджета");
  await page.getByRole("button", { name: "Далее: проверить" }).click();
  await expect(page.getByTestId("award-review")).toBeVisible();
  await page.getByTestId("award-confirm").click();
  await expect(page.getByTestId("award-result")).toBeVisible();
  const order = page.getByTestId("created-order");
  await expect(order).toHaveCount(1);
  await order.getByRole("link").first().click();
  await expect(page.getByTestId("order-status")).toHaveText("Ждёт подтверждения поставщика");
  const restartMs = await restarted;
  console.log(`drill app-kill: app2 killed during sign-in, flow completed on app1, app2 back in ${restartMs} ms`);
  expect(errors, "no 5xx reached the browser").toEqual([]);
});
