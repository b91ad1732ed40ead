import { expect, type Page, test } from "@playwright/test";
import iconv from "iconv-lite";
import { pdfText } from "../helpers/pdf-text";
import { validateUpdXml } from "../helpers/upd-xml-schema";
import { DEMO_OPERATOR_EMAIL, demoOwnerEmail, loginAs, logout } from "./helpers/auth";

/**
 * Issue 21 from the very start, on the seeded RFQ «Электрооборудование для РП-2 «Фиолент»» (closed, two offers, both
 * with a 30 % advance): the buyer awards every line to one supplier → the supplier confirms → the buyer pays the
 * advance счёт by invoice, the supplier marks it received → two shipments → the buyer rejects part of the second
 * (брак) → the supplier answers the рекламация → the order is received → the balance is paid → the buyer rates.
 * Along the way: the payment schedule in Russian money format, the договор's ship-by date equal to the page's, and the
 * УПД of shipment 2 (PDF and XML) open for both parties and the operator, 404 for a foreign organisation.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const FOREIGN = demoOwnerEmail("balaklavskiy-vodokanal");
const norm = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
/** "1 234 567,89 ₽" → kopecks */
const kopecks = (s: string | null) =>
  BigInt(
    norm(s)
      .replace(/[^\d,]/g, "")
      .replace(",", ""),
  );
const RU_MONEY = /^\d{1,3}( \d{3})*,\d{2} ₽$/;

async function reportPayment(page: Page, kind: "advance" | "balance", number: string) {
  const invoice = page.getByTestId(`invoice-${kind}`);
  await invoice.getByLabel("№ платёжного поручения").fill(number);
  await invoice.getByLabel("Дата платёжного поручения").fill(new Date().toISOString().slice(0, 10));
  await invoice.getByRole("button", { name: "Оплачено" }).click();
  await expect(page.getByTestId(`payment-${kind}`)).toContainText(`Платёжное поручение № ${number}`);
}

test("award → confirm → advance paid → two shipments → брак → рекламация answered → received → balance → rated", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // the buyer awards every line to the first offer
  await loginAs(page, BUYER, undefined, { redirectTo: "/buyer/rfqs" });
  await page.getByTestId("buyer-rfq-row").filter({ hasText: "Фиолент" }).getByRole("link").first().click();
  await page.waitForURL(/\/buyer\/rfqs\/[^/]+$/);
  const rfqPath = new URL(page.url()).pathname;
  const slugs = new Map<string, string>();
  // the client-side navigation changes the URL before the new page has rendered: wait for its rows
  await expect(page.getByTestId("recipient-row").first()).toBeVisible();
  for (const row of await page.getByTestId("recipient-row").all()) {
    const link = row.getByRole("link").first();
    slugs.set(norm(await link.textContent()), ((await link.getAttribute("href")) ?? "").split("/").pop() as string);
  }
  await page.goto(`${rfqPath}/compare`);
  const card = page.getByTestId("offer-cards").locator("li[data-testid^='offer-card-']").first();
  const winner = ((await card.getAttribute("data-testid")) ?? "").replace("offer-card-", "");
  const supplier = demoOwnerEmail(slugs.get(winner) as string);
  expect(slugs.get(winner)).toBeTruthy();
  for (const line of [1, 2, 3]) await page.getByTestId(`award-${line}-${winner}`).check();
  await page.getByLabel("Обоснование выбора").fill("Полный комплект одним поставщиком, аванс 30 %");
  await page.getByRole("button", { name: "Далее: проверить" }).click();
  await page.getByTestId("award-confirm").click();
  await expect(page.getByTestId("created-order")).toHaveCount(1);
  const orderPath = (await page.getByTestId("created-order").getByRole("link").getAttribute("href")) as string;
  await logout(page);

  // the supplier confirms; the order carries the offer's terms: two счета, 30 % and 70 %, in Russian money format
  await loginAs(page, supplier, undefined, { redirectTo: orderPath });
  await expect(page.getByTestId("order-status")).toHaveText("Ждёт подтверждения поставщика");
  await page.getByRole("button", { name: "Подтвердить заказ" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Подтверждён");
  const advance = page.getByTestId("invoice-advance");
  const balance = page.getByTestId("invoice-balance");
  await expect(advance).toContainText("Счёт на предоплату 30 %");
  await expect(balance).toContainText("Счёт на остаток 70 %");
  const advanceText = norm(await advance.getByTestId("invoice-amount").textContent());
  const balanceText = norm(await balance.getByTestId("invoice-amount").textContent());
  const totalText = norm(await page.getByTestId("order-total").textContent());
  for (const m of [advanceText, balanceText, totalText]) expect(m).toMatch(RU_MONEY);
  const total = kopecks(totalText);
  expect(kopecks(advanceText) + kopecks(balanceText)).toBe(total);
  expect(kopecks(advanceText)).toBe((total * 30n + 50n) / 100n);
  await expect(advance).toContainText("в т.ч. НДС 22 %");
  await expect(page.getByTestId("order-dates")).toContainText("начнётся с оплаты аванса");
  await logout(page);

  // the buyer pays the advance by invoice and reports the платёжное поручение
  await loginAs(page, BUYER, undefined, { redirectTo: orderPath });
  await page.getByRole("button", { name: "Оплатить по счёту" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Ждёт оплаты");
  await reportPayment(page, "advance", "1207");
  await logout(page);

  // the supplier marks the advance received: the order is paid, the clock starts, the договор prints the same date
  await loginAs(page, supplier, undefined, { redirectTo: orderPath });
  await page.getByTestId("payment-advance").getByRole("button", { name: "Подтвердить поступление" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Оплачен");
  expect(norm(await page.getByTestId("order-paid").textContent())).toBe(advanceText);
  expect(norm(await page.getByTestId("order-due").textContent())).toBe(balanceText);
  const shipBy = norm(await page.getByTestId("ship-by").textContent());
  expect(shipBy).toMatch(/^\d\d\.\d\d\.\d{4}$/);
  const contract = await page.request.get(`${orderPath}/contract.pdf`);
  expect(contract.status()).toBe(200);
  expect(norm(await pdfText(await contract.body()))).toContain(`Срок отгрузки: не позднее ${shipBy}.`);

  // two shipments: lines 1 and half of 2, then the rest
  const qty = page.locator('input[name^="qty."]');
  await expect(qty).toHaveCount(3);
  await qty.nth(0).fill("2");
  await qty.nth(1).fill("2");
  await page.getByLabel("Перевозчик").fill("ООО «ПЭК»");
  await page.getByLabel("Номер ТН/ТТН").fill("ТН-7301");
  await page.getByRole("button", { name: "Оформить отгрузку" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Частично отгружен");
  await qty.nth(1).fill("2");
  await qty.nth(2).fill("1");
  await page.getByLabel("Перевозчик").fill("ООО «Деловые Линии»");
  await page.getByLabel("Номер ТН/ТТН").fill("ТН-7315");
  await page.getByRole("button", { name: "Оформить отгрузку" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Отгружен");
  await expect(page.getByTestId("shipment-2")).toContainText("ТН/ТТН № ТН-7315");
  const upd = page.getByRole("link", { name: /УПД № 2/ });
  const pdfHref = (await upd.filter({ hasText: "PDF" }).getAttribute("href")) as string;
  const xmlHref = (await upd.filter({ hasText: "XML" }).getAttribute("href")) as string;
  expect(pdfHref).toMatch(/upd\.pdf\?shipment=/);
  expect(xmlHref).toMatch(/upd\.xml\?shipment=/);
  expect((await page.request.get(pdfHref)).status()).toBe(200);
  await logout(page);

  // the buyer accepts shipment 1 and rejects one unit of line 2 in shipment 2 as брак
  await loginAs(page, BUYER, undefined, { redirectTo: orderPath });
  await page.getByRole("button", { name: "Принять отгрузку № 1" }).click();
  await expect(page.getByTestId("shipment-1")).toContainText("принята");
  const second = page.getByTestId("shipment-2");
  await second.getByLabel("Отклонено").first().fill("1");
  await second.getByLabel("Причина").first().selectOption("DEFECT");
  await second.getByLabel("Комментарий").first().fill("Трещина корпуса, фото в акте");
  await page.getByRole("button", { name: "Принять отгрузку № 2" }).click();
  await expect(page.getByTestId("claim")).toContainText("Брак");
  await expect(page.getByTestId("order-status")).toHaveText("Отгружен");
  // УПД № 2 for the buyer: PDF with the document's title, XML 5.03 passing the schema
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(await pdfText(await pdf.body())).toContain("Универсальный передаточный документ");
  const xml = await page.request.get(xmlHref);
  expect(xml.status()).toBe(200);
  expect(xml.headers()["content-type"]).toContain("windows-1251");
  const xmlBytes = await xml.body();
  expect(validateUpdXml(xmlBytes)).toEqual([]);
  expect(iconv.decode(xmlBytes, "windows-1251")).toContain("ТН-7315");
  await logout(page);

  // the supplier answers the рекламация → received
  await loginAs(page, supplier, undefined, { redirectTo: orderPath });
  await page.getByLabel("Решение").selectOption("REPLACE");
  await page.getByLabel("Ответ").fill("Заменим со следующей машиной");
  await page.getByRole("button", { name: "Ответить" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Получен");
  await logout(page);

  // the buyer pays the balance, the supplier confirms it: nothing is due
  await loginAs(page, BUYER, undefined, { redirectTo: orderPath });
  await reportPayment(page, "balance", "1342");
  await logout(page);
  await loginAs(page, supplier, undefined, { redirectTo: orderPath });
  await page.getByTestId("payment-balance").getByRole("button", { name: "Подтвердить поступление" }).click();
  await expect(page.getByTestId("payment-balance")).toContainText("поступление подтверждено");
  expect(norm(await page.getByTestId("order-paid").textContent())).toBe(totalText);
  expect(norm(await page.getByTestId("order-due").textContent())).toBe("0,00 ₽");
  await logout(page);

  // the buyer rates
  await loginAs(page, BUYER, undefined, { redirectTo: orderPath });
  await page.getByLabel("4 из 5").check();
  await page.getByRole("button", { name: "Оценить" }).click();
  await expect(page.getByTestId("order-rating")).toHaveText("Ваша оценка: 4 из 5");
  await logout(page);

  // the operator may open the documents; a foreign organisation gets 404 for each of them
  await loginAs(page, DEMO_OPERATOR_EMAIL);
  expect((await page.request.get(xmlHref)).status()).toBe(200);
  await logout(page);
  await loginAs(page, FOREIGN);
  for (const href of [pdfHref, xmlHref, `${orderPath}/contract.pdf`])
    expect((await page.request.get(href)).status(), href).toBe(404);
});
