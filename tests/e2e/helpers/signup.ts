import type { Page } from "@playwright/test";
import type { z } from "zod";
import type { signupSchema } from "~/modules/accounts/accounts.schema";

/**
 * What the sign-up form asks for, as the app's sign-up schema reads it (tests make unique, checksum-valid requisites
 * with prisma/seed/ru-requisites); the password is passed apart, the consent box is always ticked.
 */
export type SignupOrg = Omit<z.output<typeof signupSchema>, "password" | "website" | "consent" | "kpp"> & {
  kpp: string;
};

/** Fills the /signup form (Russian labels); the caller submits it. */
export async function fillSignup(page: Page, o: SignupOrg, password: string) {
  await page.getByLabel(o.kind === "BUYER" ? "Покупатель" : "Поставщик").check();
  // ticked before the text fields: a field's blur validation can insert a message above the box while it is clicked
  await page.getByRole("checkbox", { name: /согласие на обработку персональных данных/ }).check();
  await page.getByLabel("Полное наименование").fill(o.legalName);
  await page.getByLabel("Краткое наименование").fill(o.shortName);
  await page.getByLabel("ИНН").fill(o.inn);
  await page.getByLabel("КПП").fill(o.kpp);
  await page.getByLabel("ОГРН / ОГРНИП").fill(o.ogrn);
  await page.getByLabel("Регион").fill(o.region);
  await page.getByLabel("Город").fill(o.city);
  await page.getByLabel("Юридический адрес").fill(o.legalAddress);
  await page.getByLabel("Контактный телефон").fill(o.phone);
  await page.getByLabel("Имя и фамилия").fill(o.name);
  await page.getByLabel("Электронная почта").fill(o.email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
}
