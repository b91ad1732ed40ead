import { expect, type Page, test } from "@playwright/test";
import { makeInn10, makeOgrn } from "../../prisma/seed/ru-requisites";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";
import { linkFrom, waitForMail } from "./helpers/mail";

/**
 * Issue 19 item 5: the buyer invites a supplier who is not on the platform by e-mail and ИНН. A copy of the seeded
 * RFQ «Оборудование для котельной…» (so the seeded one stays as quotes.spec.ts expects it) is published; a wrong ИНН
 * is refused next to the field with what was typed kept; the invitation mail's link opens the sign-up with the ИНН
 * locked; the invited address signs up, lands on the RFQ and quotes at once; the buyer sees «Предложение подано» and,
 * in the comparison, that the new supplier is not verified by the operator.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const DAY = 86_400_000;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const seed = (n: number) => String(Number.parseInt(run.slice(-6), 36) % 10 ** n).padStart(n, "0");
const moscow = (ms: number) => new Date(ms + 3 * 3600 * 1000).toISOString().slice(0, 16);
const validUntil = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
const invited = {
  email: `zavod-${run}@e2e.test`,
  inn: makeInn10(`76${seed(7)}`),
  name: `Ярославский завод ${run}`,
};

async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

test("a buyer invites a supplier by e-mail and ИНН; it signs up from the mail, quotes, and shows as unverified", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // a published RFQ of the demo buyer: a copy of the seeded open one
  await loginAs(page, BUYER, undefined, { redirectTo: "/buyer/rfqs" });
  await page.getByTestId("buyer-rfq-row").filter({ hasText: "Хрусталёва" }).getByRole("link").first().click();
  await page.waitForURL(/\/buyer\/rfqs\/[^/]+$/);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Создать копию" }).click();
  await page.waitForURL(/\/rfq\/[^/]+\/edit$/);
  await page.waitForLoadState("networkidle");
  const rfqId = new URL(page.url()).pathname.split("/").at(-2) as string;

  // the draft's form has the invitation section; a wrong ИНН is explained next to the field, the input is kept
  const draftInvites = page.getByTestId("supplier-invites");
  await draftInvites.getByLabel("E-mail поставщика").fill(invited.email);
  await draftInvites.getByLabel("ИНН поставщика").fill("7700000001");
  await draftInvites.getByRole("button", { name: "Пригласить" }).click();
  await expect(draftInvites.locator('[data-field-error="inviteInn"]')).toHaveText(
    "Неверный ИНН: не сходится контрольное число",
  );
  await expect(draftInvites.getByLabel("ИНН поставщика")).toHaveAttribute("aria-invalid", "true");
  await expect(draftInvites.getByLabel("E-mail поставщика")).toHaveValue(invited.email);

  const started = Date.now();
  await page.getByLabel("Приём предложений до").fill(moscow(started + 7 * DAY));
  await page.getByLabel("Требуемая дата поставки").fill(moscow(started + 40 * DAY).slice(0, 10));
  await page.getByRole("button", { name: "Опубликовать запрос" }).click();
  await page.waitForURL(new RegExp(`/buyer/rfqs/${rfqId}\\?published=1`), { timeout: 30_000 });
  await page.waitForLoadState("networkidle");

  // on the published RFQ: an ИНН on the platform is routed directly; the new one is invited
  const invites = page.getByTestId("supplier-invites");
  await invites.getByLabel("E-mail поставщика").fill(invited.email);
  await invites.getByLabel("ИНН поставщика").fill(invited.inn);
  await invites.getByLabel("Название организации (необязательно)").fill(invited.name);
  await invites.getByLabel("Сообщение поставщику (необязательно)").fill("Просим цену с доставкой до Севастополя.");
  await invites.getByRole("button", { name: "Пригласить" }).click();
  await expect(invites.getByRole("status")).toHaveText(`Приглашение отправлено на ${invited.email}.`);
  const row = invites.getByTestId("invite-row").filter({ hasText: invited.email });
  await expect(row.getByTestId("invite-status")).toHaveText("Отправлено");
  // the form was emptied for the next one; the same ИНН again is a duplicate
  await expect(invites.getByLabel("ИНН поставщика")).toHaveValue("");
  await invites.getByLabel("E-mail поставщика").fill(`other-${invited.email}`);
  await invites.getByLabel("ИНН поставщика").fill(invited.inn);
  await invites.getByRole("button", { name: "Пригласить" }).click();
  await expect(invites.locator('[data-field-error="inviteInn"]')).toHaveText(
    "Поставщик с этим ИНН уже приглашён к этому запросу",
  );
  await expect(invites.getByLabel("E-mail поставщика")).toHaveValue(`other-${invited.email}`);
  // resend right away is refused (rate limit), said in words
  await row.getByRole("button", { name: /^Отправить ещё раз/ }).click();
  await expect(invites.getByRole("alert").filter({ hasText: "Отправить ещё раз можно через" })).toBeVisible();
  await expectNoAxeViolations(page);
  // a phone: no horizontal scroll
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await logout(page);

  // the mail: from the configured origin, the sign-up with the ИНН locked
  const mail = await waitForMail(invited.email, { subject: /приглашает вас ответить на запрос цен/ });
  expect(mail.text).toContain("Просим цену с доставкой до Севастополя.");
  const link = new URL(linkFrom(mail, "/signup?rfqInvite="));
  await open(page, link.pathname + link.search);
  await expect(page.getByTestId("rfq-invite")).toContainText("Оборудование для котельной");
  const inn = page.getByLabel("ИНН");
  await expect(inn).toHaveValue(invited.inn);
  await expect(inn).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Электронная почта")).toHaveValue(invited.email);
  await expect(page.getByLabel("Краткое наименование")).toHaveValue(invited.name);
  await page.getByRole("checkbox", { name: /согласие на обработку персональных данных/ }).check();
  await page.getByLabel("Полное наименование").fill(`ООО «${invited.name}»`);
  await page.getByLabel("КПП").fill("760401001");
  await page.getByLabel("ОГРН / ОГРНИП").fill(makeOgrn(`102760${seed(6)}`));
  await page.getByLabel("Регион").fill("Ярославская область");
  await page.getByLabel("Город").fill("Ярославль");
  await page.getByLabel("Юридический адрес").fill("ул. Промышленная, д. 5");
  await page.getByLabel("Контактный телефон").fill("+7 4852 00-00-01");
  await page.getByLabel("Имя и фамилия").fill("Пётр Смирнов");
  await page.getByLabel("Пароль", { exact: true }).fill(`Zavod-${run}-Password!`);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();

  // signed in, on the RFQ: quotes at once
  await page.waitForURL(new RegExp(`/supplier/rfqs/${rfqId}$`), { timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  const lines = page.locator('[data-testid^="quote-line-"]');
  await expect(lines.first()).toBeVisible();
  const count = await lines.count();
  for (let i = 0; i < count; i++) {
    await page
      .getByTestId(`quote-line-${i}`)
      .getByLabel(/Цена позиции/)
      .fill(String(1000 + i));
  }
  await page.getByTestId("apply-all").getByLabel("Срок поставки, дней").fill("21");
  await page.getByTestId("apply-all-button").click();
  await page.getByLabel("Предложение действительно до").fill(validUntil);
  await page.getByTestId("quote-submit").click();
  await expect(page.getByTestId("quote-status")).toContainText("Подано");
  await expectNoAxeViolations(page);

  // the link again while signed in: a clear page (it registers a new organisation), not a form or an error
  await open(page, link.pathname + link.search);
  await expect(page.getByTestId("rfq-invite-problem")).toContainText(`Вы вошли как «${invited.name}»`);
  // the link is used up: a clear page, not an error
  await logout(page);
  await open(page, link.pathname + link.search);
  await expect(page.getByTestId("rfq-invite-problem")).toContainText("По этой ссылке уже зарегистрировались");
  await expectNoAxeViolations(page);

  // the buyer: «Предложение подано», and in the comparison the supplier is not verified by the operator
  await loginAs(page, BUYER, undefined, { redirectTo: `/buyer/rfqs/${rfqId}` });
  const done = page.getByTestId("supplier-invites").getByTestId("invite-row").filter({ hasText: invited.email });
  await expect(done.getByTestId("invite-status")).toHaveText("Предложение подано");
  await expect(done).toContainText("не проверен оператором");
  await expectNoAxeViolations(page);
  await open(page, `/buyer/rfqs/${rfqId}/compare`);
  await page.getByRole("button", { name: "Завершить приём предложений досрочно" }).click();
  await expect(page.getByTestId("compare-matrix")).toBeVisible();
  await expect(page.getByTestId(`offer-head-${invited.name}`)).toContainText("Не проверен оператором");
  await expectNoAxeViolations(page);
});
