import { expect, type Page, test } from "@playwright/test";
import { makeInn10, makeOgrn, makeOgrnip } from "../../prisma/seed/ru-requisites";
import { expectNoAxeViolations } from "./axe";
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, loginWithForm, logout } from "./helpers/auth";
import { codeFrom, linkFrom, waitForMail } from "./helpers/mail";
import { fillSignup } from "./helpers/signup";

const PASSWORD = "Тр4нсф0рматор-ТМГ-1000";
const run = Date.now().toString().slice(-7);
const seed = (n: number, len: number) => `${run}${n}`.padStart(len, "5").slice(-len);

const supplier = {
  kind: "SUPPLIER" as const,
  legalName: `ООО «Севзапэнергомаш ${run}»`,
  shortName: `Севзапэнергомаш ${run}`,
  inn: makeInn10(`78${seed(1, 7)}`),
  kpp: "781001001",
  ogrn: makeOgrn(`11778${seed(1, 7)}`),
  region: "Санкт-Петербург",
  city: "Санкт-Петербург",
  legalAddress: "Санкт-Петербург, Обводный канал, д. 10",
  phone: "+7 812 555-10-10",
  name: "Пётр Смирнов",
  email: `supplier-${run}@e2e.test`,
};
const buyer = {
  kind: "BUYER" as const,
  legalName: `ГУП «Водоканал Севастополя ${run}»`,
  shortName: `Водоканал ${run}`,
  inn: makeInn10(`92${seed(2, 7)}`),
  kpp: "920101001",
  ogrn: makeOgrn(`11992${seed(2, 7)}`),
  region: "Севастополь",
  city: "Севастополь",
  legalAddress: "Севастополь, ул. Портовая, д. 3",
  phone: "+7 869 255-20-20",
  name: "Анна Ковалёва",
  email: `buyer-${run}@e2e.test`,
};
const colleague = { name: "Олег Морозов", email: `colleague-${run}@e2e.test` };

/** Opens a page and waits until scripts have loaded (the forms are hydrated), so typing is not lost. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

function pathOf(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}

test.describe.configure({ mode: "serial" });

test("invalid INN, mismatched OGRN and a short password are explained next to the fields; input is kept", async ({
  page,
}) => {
  await open(page, "/signup");
  await expectNoAxeViolations(page);
  await fillSignup(page, { ...buyer, inn: "7801234567" }, "short");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  const inn = page.getByLabel("ИНН");
  await expect(inn).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('[data-field-error="inn"]')).toHaveText("Неверный ИНН: не сходится контрольное число");
  await expect(page.locator('[data-field-error="password"]')).toHaveText("Пароль должен быть не короче 10 символов");
  const describedBy = (await page.getByLabel("Пароль", { exact: true }).getAttribute("aria-describedby")) ?? "";
  expect(describedBy).toContain((await page.locator('[data-field-error="password"]').getAttribute("id")) ?? "none");
  // other fields keep what was typed
  await expect(page.getByLabel("Полное наименование")).toHaveValue(buyer.legalName);
  await expect(page.getByLabel("Электронная почта")).toHaveValue(buyer.email);

  // a valid INN of a legal entity with a 15-digit OGRNIP
  await inn.fill(buyer.inn);
  await page.getByLabel("ОГРН / ОГРНИП").fill(makeOgrnip(`3197800${seed(3, 7)}`));
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.locator('[data-field-error="ogrn"]')).toHaveText(
    "Для ИНН из 10 цифр (юрлицо) нужен ОГРН из 13 цифр",
  );
  await expect(page.locator('[data-field-error="inn"]')).toHaveCount(0);
  await expect(page.getByLabel("Краткое наименование")).toHaveValue(buyer.shortName);

  // the same messages come from the server when the browser does not validate (no JavaScript checks)
  const response = await page.request.post("/signup", {
    form: {
      kind: "BUYER",
      legalName: buyer.legalName,
      shortName: buyer.shortName,
      inn: "7801234567",
      kpp: buyer.kpp,
      ogrn: buyer.ogrn,
      region: buyer.region,
      city: buyer.city,
      legalAddress: buyer.legalAddress,
      phone: buyer.phone,
      name: buyer.name,
      email: buyer.email,
      password: "short",
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain("Неверный ИНН: не сходится контрольное число");
  expect(html).toContain(buyer.legalName);
});

test("sign up a supplier and verify by code", async ({ page }) => {
  const started = Date.now();
  await open(page, "/signup");
  await fillSignup(page, supplier, PASSWORD);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { name: "Проверьте почту" })).toBeVisible();
  const mail = await waitForMail(supplier.email, { subject: /Подтвердите адрес/, after: started - 1000 });
  await expect(page.getByLabel("Электронная почта")).toHaveValue(supplier.email);
  await page.getByLabel("Код из письма").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page).toHaveURL(/\/login\?notice=verified/);
  await expect(page.getByText("Адрес подтверждён. Теперь войдите.")).toBeVisible();
});

test("sign up a buyer, verify by link, log in and invite colleagues", async ({ page }) => {
  const started = Date.now();
  await open(page, "/signup");
  await fillSignup(page, buyer, PASSWORD);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { name: "Проверьте почту" })).toBeVisible();
  const mail = await waitForMail(buyer.email, { subject: /Подтвердите адрес/, after: started - 1000 });
  await page.goto(pathOf(linkFrom(mail, "/verify-email?token=")));
  await expect(page).toHaveURL(/\/login\?notice=verified/);

  await loginWithForm(page, buyer.email, PASSWORD, { redirectTo: "/account/members" });
  await expect(page.getByTestId("active-organization")).toHaveText(buyer.shortName);
  await expect(page.getByTestId("member-list")).toContainText(buyer.email);

  // invite a new colleague and the supplier's owner (an existing account)
  for (const email of [colleague.email, supplier.email]) {
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByRole("button", { name: "Отправить приглашение" }).click();
    await expect(page.getByText(`Приглашение отправлено на ${email}`)).toBeVisible();
  }
  await expect(page.getByTestId("invitation-list")).toContainText(colleague.email);
  await expectNoAxeViolations(page);
  await logout(page);

  // the colleague creates an account from the invitation
  const invite = await waitForMail(colleague.email, { subject: /Приглашение/ });
  await open(page, pathOf(linkFrom(invite, "/invite/")));
  await expect(page.getByText(`Вас пригласили в «${buyer.shortName}»`)).toBeVisible();
  await page.getByLabel("Имя и фамилия").fill(colleague.name);
  await page.getByLabel("Пароль").fill("Коллега-пароль-2026");
  await page.getByRole("button", { name: "Принять приглашение" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/invite/"));
  await open(page, "/account/members");
  await expect(page.getByTestId("member-list")).toContainText(colleague.email);
  await expect(page.getByTestId("active-organization")).toHaveText(buyer.shortName);
  await logout(page);
});

test("the supplier joins the buyer organisation, switches organisation and logs out everywhere", async ({
  page,
  browser,
}) => {
  const invite = await waitForMail(supplier.email, { subject: /Приглашение/ });
  // a second browser session of the same user, to be ended by "log out everywhere"
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginWithForm(otherPage, supplier.email, PASSWORD, { redirectTo: "/account" });

  await loginWithForm(page, supplier.email, PASSWORD, { redirectTo: pathOf(linkFrom(invite, "/invite/")) });
  await page.getByRole("button", { name: "Принять приглашение" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/invite/"));
  await expect(page.getByTestId("active-organization")).toHaveText(buyer.shortName);

  // switch to the supplier organisation through the account menu (keyboard)
  await page.getByTestId("account-menu-button").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Перейти в организацию ${supplier.shortName}` })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("account-menu-button")).toBeFocused();
  await page.getByTestId("account-menu-button").click();
  await page.getByRole("button", { name: `Перейти в организацию ${supplier.shortName}` }).click();
  await expect(page).toHaveURL(/\/supplier\/inbox/);
  await expect(page.getByTestId("active-organization")).toHaveText(supplier.shortName);

  // sessions: two, then none
  await open(page, "/account/sessions");
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Выйти на всех устройствах" }).click();
  await expect(page).toHaveURL(/\/login\?notice=everywhere/);
  await expect(page.getByText("Вы вышли на всех устройствах.")).toBeVisible();
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await other.close();
});

test("English pages speak English", async ({ page }) => {
  await open(page, "/en/signup");
  await expect(page.getByRole("heading", { name: "Register an organisation" })).toBeVisible();
  await page.getByLabel("INN").fill("7801234567");
  await page.getByLabel("INN").blur();
  await expect(page.locator('[data-field-error="inn"]')).toHaveText("Invalid INN: the check digit does not match");
  await open(page, "/en/login");
  await page.getByLabel("Email").fill(buyer.email);
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong email address or password");
});

test("the operator verifies a supplier, suspends it (no longer offered to its members) and restores it", async ({
  page,
}) => {
  await loginWithForm(page, DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, { redirectTo: "/admin/organizations" });
  await expect(page.getByRole("heading", { name: "Организации", level: 1 })).toBeVisible();
  await page.getByLabel("Название или ИНН").fill(supplier.inn);
  await page.getByRole("button", { name: "Показать" }).click();
  const row = page.getByTestId("admin-org-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(supplier.shortName);
  await expectNoAxeViolations(page);
  await row.getByRole("link", { name: supplier.shortName }).click();
  await expect(page.getByRole("heading", { name: supplier.shortName, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Подтвердить поставщика" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.getByTestId("org-state")).toHaveText("Проверена");

  await page.getByRole("button", { name: "Заблокировать" }).click();
  await page.getByRole("dialog").getByLabel("Причина блокировки").fill("Проверка документов");
  await page.getByRole("dialog").getByRole("button", { name: "Заблокировать" }).click();
  await expect(page.getByTestId("org-state")).toHaveText("Заблокирована");
  await expect(page.getByText("Заблокирована: Проверка документов")).toBeVisible();
  const orgPath = new URL(page.url()).pathname;
  await logout(page);

  // the supplier's owner also belongs to the buyer organisation, so signing in still works there;
  // the suspended supplier organisation is no longer offered
  await loginWithForm(page, supplier.email, PASSWORD, { redirectTo: "/account" });
  await expect(page.getByTestId("active-organization")).toHaveText(buyer.shortName);
  await page.getByTestId("account-menu-button").click();
  await expect(page.getByRole("button", { name: `Перейти в организацию ${supplier.shortName}` })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await logout(page);

  await loginWithForm(page, DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, { redirectTo: orgPath });
  await page.getByRole("button", { name: "Разблокировать" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Разблокировать" }).click();
  await expect(page.getByTestId("org-state")).toHaveText("Проверена");
});
