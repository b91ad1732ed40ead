import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";

/**
 * The supplier catalog end to end: a verified demo supplier creates a product with typed specs and a PDF datasheet,
 * publishes it, and a visitor sees the specs, the gross price and the verification badge; a 1,000-row XLSX with 3 bad
 * rows imports 997 products and reports the 3; importing it again changes nothing.
 */
const SUPPLIER = "balt-energomash";
const PDF =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

test("a supplier publishes a product with specs and a datasheet; a visitor sees it", async ({ page }) => {
  const sku = `ТМГ-1000-E2E-${Date.now()}`;
  await loginAs(page, demoOwnerEmail(SUPPLIER), undefined, { redirectTo: "/supplier/products/new" });
  await page
    .getByLabel("Категория")
    .first()
    .selectOption({ label: "Электросетевое хозяйство — Силовые трансформаторы" });
  await page.getByRole("button", { name: "Показать характеристики категории" }).click();
  await page.getByLabel("Наименование").fill("Трансформатор ТМГ-1000/10/0,4 У1 (e2e)");
  await page.getByLabel("Артикул / код модели").fill(sku);
  await page.getByLabel("Цена без НДС, ₽").fill("1 000 000");
  await page.getByLabel("Номинальная мощность, кВА *").fill("1000");
  await page.getByLabel("Напряжение ВН, кВ *").fill("10");
  await page.getByLabel("Напряжение НН, кВ *").fill("0,4");
  await page.getByLabel("Тип охлаждения *").selectOption("oil");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Товар создан как черновик")).toBeVisible();

  const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pdf-")), "Паспорт ТМГ-1000.pdf");
  fs.writeFileSync(pdfPath, PDF);
  await page.getByLabel("Документ", { exact: true }).setInputFiles(pdfPath);
  await page.locator('form:has(input[name="intent"][value="document"]) button[type="submit"]').click();
  await expect(page.getByText("Файл загружен")).toBeVisible();
  await page.getByRole("button", { name: "Опубликовать" }).click();
  await expect(page.getByTestId("product-status")).toHaveText("Опубликован");
  const productHref = await page.getByRole("link", { name: "Посмотреть страницу товара" }).getAttribute("href");
  await logout(page);

  await page.goto(productHref ?? "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Трансформатор ТМГ-1000/10/0,4 У1 (e2e)");
  const specs = page.getByTestId("specs-table");
  await expect(specs).toContainText("Номинальная мощность");
  await expect(specs).toContainText(/1\s000 кВА/);
  await expect(page.getByTestId("price-gross")).toContainText("1 220 000,00");
  await expect(page.getByTestId("price-net")).toContainText("1 000 000,00");
  await expect(page.getByTestId("supplier-card").getByTestId("verified-badge")).toBeVisible();
  await expect(page.getByRole("link", { name: "Запросить цену" })).toHaveAttribute("href", /\/rfq\/new\?product=/);
  const doc = page.getByRole("link", { name: "Паспорт ТМГ-1000.pdf" });
  const response = await page.request.get((await doc.getAttribute("href")) ?? "");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toContain("nosniff");
  expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''");
});

test("XLSX import: 997 of 1,000 rows imported, 3 reported, re-import is a no-op", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Прайс");
  ws.addRow([
    "Артикул",
    "Наименование",
    "Категория",
    "Цена без НДС",
    "НДС",
    "Ед. изм.",
    "Номинальная мощность, kVA",
    "Напряжение ВН, kV",
    "Напряжение НН, kV",
    "Тип охлаждения",
  ]);
  for (let i = 0; i < 1000; i++) {
    ws.addRow([
      i === 700 ? "" : `E2E-${stamp}-${i}`,
      `Трансформатор ТМГ-${i}/10/0,4`,
      "silovye-transformatory",
      i === 100 ? "дорого" : 500_000 + i,
      "22%",
      "шт",
      i === 400 ? "много" : 100 + i,
      10,
      0.4,
      "Масляный",
    ]);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-xlsx-")), "прайс.xlsx");
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  await loginAs(page, demoOwnerEmail(SUPPLIER), undefined, { redirectTo: "/supplier/import" });
  let draftsLink = "";
  for (const pass of [1, 2]) {
    await page.goto("/supplier/import");
    await page.getByLabel("Файл XLSX или CSV").setInputFiles(file);
    await page.getByRole("button", { name: "Загрузить и сопоставить столбцы" }).click();
    await expect(page.getByLabel("Номинальная мощность, kVA")).toHaveValue("spec:power_kva");
    await page.getByRole("button", { name: "Проверить все строки" }).click();
    await expect(page.getByTestId("validation-summary")).toContainText("С ошибками: 3");
    await expect(page.getByTestId("row-errors").locator("li")).toHaveCount(3);
    // the error names the row, the column and the characteristic in words, never its code
    await expect(page.getByTestId("row-errors")).toContainText(
      /Строка 402, столбец G «Номинальная мощность, kVA»: [А-Яа-яё ]+: нужно число/,
    );
    await expect(page.getByTestId("row-errors")).not.toContainText("power_kva");
    const report = await page.request.get(
      (await page.getByRole("link", { name: /Скачать отчёт/ }).getAttribute("href")) ?? "",
    );
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.load((await report.body()) as never);
    expect(reportBook.worksheets[0].rowCount).toBe(4);
    await page.getByRole("button", { name: "Импортировать 997 строк" }).click();
    await expect(page.getByTestId("import-done")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("import-done")).toContainText(
      pass === 1 ? "создано 997, обновлено 0, без изменений 0" : "создано 0, обновлено 0, без изменений 997",
    );
    if (pass === 1) {
      draftsLink = (await page.getByRole("link", { name: "Черновики этого импорта (997)" }).getAttribute("href")) ?? "";
    } else {
      // the re-import created nothing, so it offers no drafts
      await expect(page.getByRole("link", { name: /Черновики этого импорта/ })).toHaveCount(0);
    }
  }

  // the first import's drafts: select the page, publish, see the result
  await page.goto(draftsLink);
  await expect(page.getByTestId("import-filter")).toBeVisible();
  await expect(page.getByText("Всего: 997")).toBeVisible();
  await page.getByRole("link", { name: "Выбрать все на странице" }).click();
  await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(25);
  await page.getByRole("button", { name: "Опубликовать выбранные" }).click();
  await expect(page.getByTestId("publish-result")).toContainText("Опубликовано 25 товаров");
  await expect(page.getByText("Всего: 972")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("import template: download for a category, upload it back, nothing unmapped, the example row imports", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await loginAs(page, demoOwnerEmail(SUPPLIER), undefined, { redirectTo: "/supplier/import" });
  const select = page.getByLabel("Шаблон для категории");
  const value = await select
    .locator("option", { hasText: /Силовые трансформаторы/ })
    .first()
    .getAttribute("value");
  await select.selectOption(value ?? "");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Скачать шаблон XLSX" }).click(),
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-template-")), "шаблон.xlsx");
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const headers = (book.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
  expect(headers.slice(0, 2)).toEqual(["Артикул *", "Наименование *"]);
  expect(headers.some((h) => / \*? ?\[power_kva\]$/.test(h))).toBe(true);
  // a fresh SKU so the row is created
  book.worksheets[0].getCell("A2").value = `TPL-${Date.now()}`;
  await book.xlsx.writeFile(file);

  await page.getByLabel("Файл XLSX или CSV").setInputFiles(file);
  await page.getByRole("button", { name: "Загрузить и сопоставить столбцы" }).click();
  // the upload is parsed on the server before the mapping step shows (seconds on a loaded CI host)
  await expect(page.getByRole("button", { name: "Проверить все строки" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("unmapped")).toHaveCount(0);
  await page.getByRole("button", { name: "Проверить все строки" }).click();
  await expect(page.getByTestId("validation-summary")).toContainText("С ошибками: 0");
  await page.getByRole("button", { name: "Импортировать 1 строку" }).click();
  await expect(page.getByTestId("import-done")).toContainText("создано 1", { timeout: 60_000 });
});
