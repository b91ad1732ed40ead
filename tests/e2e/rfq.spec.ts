import { expect, type Page, test } from "@playwright/test";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";
import { waitForMail } from "./helpers/mail";

/**
 * The RFQ vertical: a Sevastopol buyer collects products of two Petersburg suppliers in the RFQ cart, makes a mistake,
 * publishes; both suppliers get it (inbox + email); supplier A asks, the buyer publishes the answer, supplier B sees it
 * without A's name and declines; the buyer sees A viewed and B declined.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const DAY = 86_400_000;
const moscow = (ms: number) => new Date(ms + 3 * 3600 * 1000).toISOString().slice(0, 16);

async function addToCart(page: Page, productUrl: string) {
  await page.goto(productUrl);
  await Promise.all([
    page.waitForURL(/addedToRfq=1/),
    page.locator('form[action$="/rfq/cart"] button[type="submit"]').click(),
  ]);
}

test("RFQ from the cart to two suppliers, clarification, decline", async ({ page }) => {
  test.setTimeout(120_000);
  const started = Date.now();
  const title = `Трансформаторы для ТП-${started.toString().slice(-5)}`;

  // ── Buyer: search, pick products of two suppliers, add them to the RFQ cart ──
  await loginAs(page, BUYER, undefined, { redirectTo: "/catalog" });
  await page.goto(`/catalog?q=${encodeURIComponent("трансформатор")}`);
  const api = await page.request.get(`/api/v1/search?q=${encodeURIComponent("трансформатор")}&perPage=48`);
  const { hits } = (await api.json()) as { hits: { url: string; supplier: { slug: string; name: string } }[] };
  const first = hits[0];
  const second = hits.find((h) => h.supplier.slug !== first.supplier.slug);
  expect(second, "two suppliers of transformers in the demo").toBeTruthy();
  if (!second) return;
  await expect(page.locator(`a[href$="${first.url}"]`).first()).toBeVisible();
  await addToCart(page, first.url);
  await addToCart(page, second.url);

  await page.goto("/rfq/cart");
  await expect(page.getByTestId("cart-item")).toHaveCount(2);
  await page.getByRole("link", { name: "Оформить запрос цен" }).click();
  await expect(page).toHaveURL(/\/rfq\/new\?from=cart/);

  // ── Fill the RFQ with an attachment and a mistake (quantity 0) ──
  await expect(page.getByTestId("rfq-item")).toHaveCount(2);
  await page.getByLabel("Название запроса").fill(title);
  await page.getByLabel("Приём предложений до").fill(moscow(started + 7 * DAY));
  await page.getByLabel("Требуемая дата поставки").fill(moscow(started + 40 * DAY).slice(0, 10));
  await page.getByLabel("Комментарий для поставщиков").fill("Доставка до склада в Севастополе.");
  const qty = page.getByTestId("rfq-item").first().getByLabel("Количество");
  await qty.fill("0");
  await page.getByLabel(/Добавить файлы/).setInputFiles({
    name: "ТЗ-трансформаторы.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "Опубликовать запрос" }).click();
  await expect(page.getByText("Количество должно быть больше нуля")).toBeVisible();
  await expect(qty).toHaveAttribute("aria-invalid", "true");
  // nothing typed is lost
  await expect(page.getByLabel("Название запроса")).toHaveValue(title);
  await expect(page.getByLabel("Комментарий для поставщиков")).toHaveValue("Доставка до склада в Севастополе.");
  await expect(page.getByTestId("recipients").getByRole("checkbox")).toHaveCount(2);

  await qty.fill("2");
  await page.getByRole("button", { name: "Опубликовать запрос" }).click();
  await expect(page).toHaveURL(/\/buyer\/rfqs\/[^/?]+\?published=1/);
  const rfqId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByRole("link", { name: "ТЗ-трансформаторы.pdf" })).toBeVisible();
  await expect(page.getByTestId("recipient-row")).toHaveCount(2);

  // ── Both suppliers: inbox and an email ──
  const supplierA = demoOwnerEmail(first.supplier.slug);
  const supplierB = demoOwnerEmail(second.supplier.slug);
  for (const email of [supplierA, supplierB]) {
    const mail = await waitForMail(email, {
      subject: /запрос цен №/,
      text: `/supplier/rfqs/${rfqId}`,
      after: started - 1000,
      timeoutMs: 30_000,
    });
    expect(mail.subject).toContain("ООО «Херсонес-Энергосервис»: запрос цен №");
  }

  await logout(page);
  await loginAs(page, supplierA, undefined, { redirectTo: "/supplier/inbox" });
  const rowA = page.getByTestId("inbox-row").filter({ hasText: title });
  await expect(rowA).toHaveAttribute("data-status", "NEW");
  await rowA.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "ТЗ-трансформаторы.pdf" })).toBeVisible();
  await page.getByLabel("Задать вопрос заказчику").fill("Допускается ли поставка двумя партиями?");
  await page.getByRole("button", { name: "Отправить" }).click();
  await expect(page.getByTestId("own-thread")).toContainText("Допускается ли поставка двумя партиями?");

  // ── Buyer publishes the answer to everyone ──
  await logout(page);
  await loginAs(page, BUYER, undefined, { redirectTo: `/buyer/rfqs/${rfqId}` });
  const thread = page.getByTestId("thread").filter({ hasText: "двумя партиями" });
  await thread.getByLabel("Ваш ответ").fill("Да, двумя партиями с интервалом до 30 дней.");
  await thread.getByLabel(/Опубликовать ответ для всех/).check();
  await thread.getByRole("button", { name: "Отправить" }).click();
  await expect(thread.getByText("(опубликован для всех)")).toBeVisible();

  // ── Supplier B sees the answer without A's name, and declines ──
  await logout(page);
  await loginAs(page, supplierB, undefined, { redirectTo: "/supplier/inbox" });
  await page.getByTestId("inbox-row").filter({ hasText: title }).getByRole("link", { name: title }).click();
  const published = page.getByTestId("published-answers");
  await expect(published).toContainText("Допускается ли поставка двумя партиями?");
  await expect(published).toContainText("Да, двумя партиями с интервалом до 30 дней.");
  await expect(published).not.toContainText(first.supplier.name);
  await page.getByLabel("Причина отказа").fill("Нет свободных мощностей до конца квартала");
  await page.getByRole("button", { name: "Отказаться" }).click();
  await expect(page.getByTestId("declined-note")).toContainText("Нет свободных мощностей");

  // ── Buyer: A viewed, B declined ──
  await logout(page);
  await loginAs(page, BUYER, undefined, { redirectTo: `/buyer/rfqs/${rfqId}` });
  const rows = page.getByTestId("recipient-row");
  await expect(rows.filter({ hasText: first.supplier.name }).locator("[data-status]")).toHaveAttribute(
    "data-status",
    "VIEWED",
  );
  await expect(rows.filter({ hasText: second.supplier.name }).locator("[data-status]")).toHaveAttribute(
    "data-status",
    "DECLINED",
  );
  await expect(rows.filter({ hasText: second.supplier.name })).toContainText("Нет свободных мощностей");
});
