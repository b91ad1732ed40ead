import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { pdfText } from "../helpers/pdf-text";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";

/**
 * Issue 8 walk-through on the seeded demo (prisma/seed/orders.ts): the order of ООО «Херсонес-Энергосервис» awarded to
 * АО «Балтэнергомаш» goes confirmed → invoice PDF downloaded (requisites, total in words) → marked paid → shipped →
 * delivered → rated, and the rating shows on the supplier's page.
 */
const SUPPLIER = "balt-energomash";
const BUYER = "hersones-energoservis";

test("an awarded order goes from confirmation to rating, with a счёт на оплату PDF", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/suppliers/${SUPPLIER}`);
  const ratingBefore = (await page.getByTestId("supplier-rating").textContent())?.trim() ?? "";

  // supplier confirms
  await loginAs(page, demoOwnerEmail(SUPPLIER), undefined, { redirectTo: "/orders" });
  await expect(page.getByRole("heading", { name: "Заказы" })).toBeVisible();
  const row = page
    .getByTestId("order-row")
    .filter({ hasText: "Херсонес-Энергосервис" })
    .filter({ hasText: "Ждёт подтверждения поставщика" })
    .filter({ hasText: "3 515 430,61" })
    .first();
  await row.getByRole("link").click();
  await expect(page.getByTestId("order-status")).toHaveText("Ждёт подтверждения поставщика");
  const orderUrl = page.url();
  await expect(page.getByTestId("order-total")).toContainText("3 515 430,61");
  await page.getByRole("button", { name: "Подтвердить заказ" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Подтверждён");
  await expectNoAxeViolations(page);

  // the invoice PDF
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Счёт на оплату № СМ-\d+/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(fs.readFileSync((await download.path()) as string));
  expect(text).toMatch(/Счёт на оплату № СМ-\d+ от \d\d\.\d\d\.\d{4}/);
  expect(text).toContain("Балтэнергомаш");
  expect(text).toContain("Херсонес-Энергосервис");
  expect(text).toMatch(/БИК 04\d{7}/);
  expect(text).toMatch(/Сч\. № 40\d{18}/); // расчётный счёт in the bank grid
  expect(text).toMatch(/Сч\. № 30101\d{15}/); // корр. счёт of the bank
  expect(text).toMatch(/ИНН \d{10}, КПП \d{9}/);
  expect(text).toContain("В том числе НДС 22 %: 633 930,11");
  expect(text).toContain("Всего к оплате: 3 515 430,61");
  expect(text).toContain("Три миллиона пятьсот пятнадцать тысяч четыреста тридцать рублей 61 копейка");

  // paid on receipt, then shipped with a waybill
  await page.getByRole("button", { name: "Отметить оплату полученной" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Оплачен");
  await page.getByRole("button", { name: "Отгрузить" }).click();
  await expect(page.locator("#trackingNote-error")).toHaveText("Заполните поле");
  await page.getByLabel("Номер накладной или трек-номер").fill("ТН № 5521, ПЭК 2310-9981");
  await page.getByRole("button", { name: "Отгрузить" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Отгружен");
  await expect(page.getByTestId("tracking-note")).toHaveText("ТН № 5521, ПЭК 2310-9981");
  await logout(page);

  // the buyer confirms delivery and rates
  await loginAs(page, demoOwnerEmail(BUYER), undefined, { redirectTo: new URL(orderUrl).pathname });
  await expect(page.getByTestId("order-status")).toHaveText("Отгружен");
  await page.getByRole("button", { name: "Подтвердить получение" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Получен");
  await page.getByLabel("5 из 5").check();
  await page.getByLabel("Комментарий").fill("Поставили в срок, документы в порядке");
  await page.getByRole("button", { name: "Оценить" }).click();
  await expect(page.getByTestId("order-rating")).toHaveText("Ваша оценка: 5 из 5");
  await expect(page.getByRole("button", { name: "Оценить" })).toHaveCount(0);
  await expect(page.getByTestId("order-timeline")).toContainText("Заказчик оценил поставщика");

  // the supplier page shows the rating
  await page.goto(`/suppliers/${SUPPLIER}`);
  const ratingAfter = page.getByTestId("supplier-rating");
  await expect(ratingAfter).not.toHaveText(ratingBefore);
  await expect(ratingAfter).toContainText(/из 5 \(\d+ оцен/);
});

test("another organisation gets 404 for the order and its invoice", async ({ page }) => {
  await loginAs(page, demoOwnerEmail(BUYER), undefined, { redirectTo: "/orders" });
  const href = await page.getByTestId("order-row").first().getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/orders\//);
  await logout(page);
  await loginAs(page, demoOwnerEmail("balaklavskiy-vodokanal"));
  expect((await page.goto(href as string))?.status()).toBe(404);
  expect((await page.request.get(`${href}/invoice.pdf`)).status()).toBe(404);
});

test("without Stripe keys the buyer sees only the invoice; no card option anywhere", async ({ page }) => {
  await loginAs(page, demoOwnerEmail(BUYER), undefined, { redirectTo: "/orders" });
  await page.getByTestId("order-row").filter({ hasText: "Ждёт оплаты" }).first().getByRole("link").click();
  await expect(page.getByTestId("order-status")).toHaveText("Ждёт оплаты");
  await expect(page.getByRole("link", { name: /Счёт на оплату № СМ-\d+/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Оплатить картой" })).toHaveCount(0);
  await expect(page.getByText("Оплатите счёт банковским переводом")).toBeVisible();
});

test("the supplier edits bank requisites; a wrong account is refused next to the field", async ({ page }) => {
  await loginAs(page, demoOwnerEmail("nevskiy-kotelnyy-zavod"), undefined, { redirectTo: "/supplier/requisites" });
  await expect(page.getByRole("heading", { name: "Платёжные реквизиты" })).toBeVisible();
  const account = page.getByLabel("Расчётный счёт");
  const original = await account.inputValue();
  expect(original).toMatch(/^\d{20}$/);
  const broken = `${original.slice(0, 19)}${(Number(original[19]) + 1) % 10}`;
  await account.fill(broken);
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Расчётный счёт не сходится с БИК")).toBeVisible();
  await expect(account).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Оплата картой (Stripe)")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await account.fill(original);
  await account.press("Enter");
  await expect(page.getByText("Реквизиты сохранены.")).toBeVisible();
});
