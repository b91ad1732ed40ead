import { expect, test } from "@playwright/test";
import iconv from "iconv-lite";
import { pdfText } from "../helpers/pdf-text";
import { validateUpdXml } from "../helpers/upd-xml-schema";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";

/**
 * Issue 21 walk-through on the seeded demo: the cable order of ООО «Херсонес-Энергосервис» awarded to «Невский котельный
 * завод» (awaiting payment by invoice) is marked paid → shipped in two parts → the buyer accepts the first and rejects
 * part of the second (брак) → the supplier answers the рекламация → the order is received → rated. УПД PDF/XML per
 * shipment download for the parties and give 404 to anyone else.
 */
const SUPPLIER = "nevskiy-kotelnyy-zavod";
const BUYER = "hersones-energoservis";

test("award → paid → two shipments → partial rejection → рекламация answered → accepted → rated", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, demoOwnerEmail(SUPPLIER), undefined, { redirectTo: "/orders" });
  await page.getByTestId("order-row").filter({ hasText: "Ждёт оплаты" }).first().getByRole("link").click();
  await expect(page.getByTestId("order-status")).toHaveText("Ждёт оплаты");
  const orderPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Отметить оплату полученной" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Оплачен");

  // first shipment: a quantity above what is ordered is refused next to the field, the form keeps the input
  const qty = page.getByLabel(/Кабель АПвБбШп 4×240-1 — осталось/);
  await qty.fill("400");
  await page.getByLabel("Перевозчик").fill("ООО «ПЭК»");
  await page.getByLabel("Номер ТН/ТТН").fill("ТН-5521");
  await page.getByRole("button", { name: "Оформить отгрузку" }).click();
  await expect(page.getByText("Больше, чем осталось отгрузить")).toBeVisible();
  await expect(page.getByLabel("Перевозчик")).toHaveValue("ООО «ПЭК»");
  await qty.fill("200");
  await page.getByRole("button", { name: "Оформить отгрузку" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Частично отгружен");
  await expectNoAxeViolations(page);

  // second shipment: the rest
  await page.getByLabel(/Кабель АПвБбШп 4×240-1 — осталось 150,5/).fill("150,5");
  await page.getByLabel("Перевозчик").fill("ООО «Деловые Линии»");
  await page.getByLabel("Номер ТН/ТТН").fill("ТН-5530");
  await page.getByRole("button", { name: "Оформить отгрузку" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Отгружен");
  await expect(page.getByTestId("shipment-2")).toContainText("ТН/ТТН № ТН-5530");
  await logout(page);

  // the buyer accepts the first shipment in full and rejects 10,5 m of the second as брак
  await loginAs(page, demoOwnerEmail(BUYER), undefined, { redirectTo: orderPath });
  await page.getByRole("button", { name: "Принять отгрузку № 1" }).click();
  await expect(page.getByTestId("shipment-1")).toContainText("принята");
  const second = page.getByTestId("shipment-2");
  await second.getByLabel("Отклонено").fill("10,5");
  await second.getByLabel("Причина").selectOption("DEFECT");
  await second.getByLabel("Комментарий").fill("Повреждена оболочка на барабане");
  await page.getByRole("button", { name: "Принять отгрузку № 2" }).click();
  await expect(page.getByTestId("claim")).toContainText("Брак");
  await expect(page.getByTestId("order-status")).toHaveText("Отгружен");

  // УПД of shipment 2: PDF with requisites and ОКЕИ, XML 5.03 passing the structural schema
  const base = new URL(page.url()).origin;
  const links = page.getByRole("link", { name: /УПД № 2/ });
  const pdfHref = await links.filter({ hasText: "PDF" }).getAttribute("href");
  const xmlHref = await links.filter({ hasText: "XML" }).getAttribute("href");
  const pdf = await page.request.get(`${base}${pdfHref}`);
  expect(pdf.status()).toBe(200);
  const text = await pdfText(await pdf.body());
  expect(text).toContain("Универсальный передаточный документ");
  expect(text).toContain("006");
  const xml = await page.request.get(`${base}${xmlHref}`);
  expect(xml.headers()["content-type"]).toContain("windows-1251");
  const xmlBytes = await xml.body();
  expect(validateUpdXml(xmlBytes)).toEqual([]);
  expect(iconv.decode(xmlBytes, "windows-1251")).toContain('КолТов="150.5"');
  await logout(page);

  // the supplier answers the рекламация → the order is received
  await loginAs(page, demoOwnerEmail(SUPPLIER), undefined, { redirectTo: orderPath });
  await page.getByLabel("Решение").selectOption("REPLACE");
  await page.getByLabel("Ответ").fill("Заменим 10,5 м следующей машиной");
  await page.getByRole("button", { name: "Ответить" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Получен");
  await logout(page);

  // the buyer rates
  await loginAs(page, demoOwnerEmail(BUYER), undefined, { redirectTo: orderPath });
  await page.getByLabel("4 из 5").check();
  await page.getByRole("button", { name: "Оценить" }).click();
  await expect(page.getByTestId("order-rating")).toHaveText("Ваша оценка: 4 из 5");
  await logout(page);

  // a foreign organisation gets 404 for the УПД
  await loginAs(page, demoOwnerEmail("balaklavskiy-vodokanal"));
  expect((await page.request.get(`${base}${xmlHref}`)).status()).toBe(404);
  expect((await page.request.get(`${base}${orderPath}/contract.pdf`)).status()).toBe(404);
});
