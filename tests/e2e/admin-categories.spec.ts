import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO_OPERATOR_EMAIL, loginAs } from "./helpers/auth";

test("the operator creates a category with a filterable number attribute and sees it in the tree", async ({ page }) => {
  const slug = `e2e-reklouzery-${Date.now().toString(36)}`;
  await loginAs(page, DEMO_OPERATOR_EMAIL, undefined, { redirectTo: "/admin" });
  await page.getByRole("link", { name: "Категории и характеристики" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Категории каталога" })).toBeVisible();
  await expectNoAxeViolations(page);

  const categoryForm = page.locator("#category-form");
  // a mistake: field errors in Russian next to the fields, the typed input kept
  await categoryForm.getByLabel("Адрес (slug)").fill("Плохой адрес");
  await categoryForm.getByLabel("Название (рус.)").fill("Реклоузеры");
  await categoryForm.getByRole("button", { name: "Сохранить" }).click();
  await expect(categoryForm.getByLabel("Адрес (slug)")).toHaveAttribute("aria-invalid", "true");
  await expect(categoryForm.getByText("Только латинские буквы, цифры и дефисы")).toBeVisible();
  await expect(categoryForm.getByLabel("Название (англ.)")).toHaveAttribute("aria-invalid", "true");
  await expect(categoryForm.getByLabel("Название (рус.)")).toHaveValue("Реклоузеры");

  await categoryForm.getByLabel("Отрасль").selectOption("GRID");
  await categoryForm.getByLabel("Адрес (slug)").fill(slug);
  await categoryForm.getByLabel("Название (англ.)").fill("Reclosers");
  await categoryForm.getByLabel("Описание (рус.)").fill("Вакуумные реклоузеры 6–10 кВ");
  await categoryForm.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Сохранено")).toBeVisible();
  await expect(page.getByRole("link", { name: "Реклоузеры", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Характеристики: Реклоузеры" })).toBeVisible();

  const attributeForm = page.locator("#attribute-form");
  await attributeForm.getByLabel("Код").fill("rated_voltage_kv");
  await attributeForm.getByLabel("Тип").selectOption("NUMBER");
  await attributeForm.getByLabel("Название (рус.)").fill("Номинальное напряжение");
  await attributeForm.getByLabel("Название (англ.)").fill("Rated voltage");
  await attributeForm.getByLabel("Единица").fill("kV");
  await attributeForm.getByLabel("Фильтр в каталоге").check();
  await attributeForm.getByRole("button", { name: "Сохранить характеристику" }).click();

  const row = page.locator('tr[data-attribute="rated_voltage_kv"]');
  await expect(row).toContainText("Номинальное напряжение");
  await expect(row).toContainText("Число, kV");
  await expect(row).toContainText("Фильтр в каталоге");
  await expect(page.getByText(`${slug} · Товаров: 0 · Характеристики: 1`)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("deleting a category with products is refused with the reason; a bad form without JS answers 422 with field errors", async ({
  page,
}) => {
  await loginAs(page, DEMO_OPERATOR_EMAIL, undefined, { redirectTo: "/admin/categories" });
  // the first seeded category that has products
  const withProducts = page.locator("li", { hasText: /Товаров: [1-9]/ }).first();
  const link = withProducts.getByRole("link").first();
  const name = (await link.textContent()) ?? "";
  await link.click();
  await page.getByRole("button", { name: `Удалить категорию ${name}` }).click();
  await expect(page.getByRole("alert")).toContainText("Нельзя удалить: в категории есть товары или подкатегории");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();

  const res = await page.request.post("/admin/categories", {
    form: { intent: "saveCategory", sector: "GRID", slug: "Плохой адрес", nameRu: "Опоры ЛЭП", nameEn: "" },
  });
  expect(res.status()).toBe(422);
  const html = await res.text();
  expect(html).toContain("Только латинские буквы, цифры и дефисы");
  expect(html).toContain("Заполните поле");
  expect(html).toContain('value="Опоры ЛЭП"');

  const en = await page.request.post("/en/admin/categories", {
    form: { intent: "saveCategory", sector: "GRID", slug: "Bad slug", nameRu: "Опоры", nameEn: "Towers" },
  });
  expect(en.status()).toBe(422);
  expect(await en.text()).toMatch(/Latin|latin/);
});
