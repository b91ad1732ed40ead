import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs } from "./helpers/auth";

/**
 * A buyer creates a 100-line RFQ from an uploaded спецификация in one go: 60 lines carry catalog codes (written as
 * people do: other case, spaces instead of dashes), 40 are free text; units in everyday spellings. The preview maps
 * the columns and matches the coded lines to products; one click adds all 100 lines, the title is prefilled, the
 * matched products' suppliers become recipients, and the RFQ is published.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const DAY = 86_400_000;
const moscow = (ms: number) => new Date(ms + 3 * 3600 * 1000).toISOString().slice(0, 16);
const UNIT_SPELLINGS = ["шт.", "штук", "компл.", "м.п.", "пог. м", "кг", "т", "м3"];

test("a 100-line RFQ from an uploaded спецификация, with matched products", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, BUYER, undefined, { redirectTo: "/rfq/new" });

  // catalog products to order by code: from the public search API
  const products = new Map<string, { sku: string; title: string; supplier: string }>();
  for (const q of ["трансформатор", "кабель", "выключатель", "опора", "насос", "счетчик"]) {
    const res = await page.request.get(`/api/v1/search?q=${encodeURIComponent(q)}&perPage=48`);
    const { hits } = (await res.json()) as { hits: { sku: string; title: string; supplier: { name: string } }[] };
    for (const h of hits) if (!products.has(h.sku)) products.set(h.sku, { ...h, supplier: h.supplier.name });
    if (products.size >= 60) break;
  }
  const coded = [...products.values()].slice(0, 60);
  expect(coded.length, "60 products with codes in the demo catalog").toBe(60);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Спецификация");
  ws.addRow(["№ п/п", "Наименование", "Артикул", "Кол-во", "Ед. изм.", "Требования", "Примечание"]);
  coded.forEach((p, i) => {
    // the code as a person retypes it: lower case, a space for the first dash
    ws.addRow([i + 1, p.title, p.sku.toLowerCase().replace("-", " "), i + 1, UNIT_SPELLINGS[i % 3], "", ""]);
  });
  for (let i = 60; i < 100; i++) {
    ws.addRow([i + 1, `Материал по проекту ${i + 1}`, "", (i % 7) + 0.5, UNIT_SPELLINGS[i % 8], "ГОСТ 31996-2012", ""]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.getByText("Добавить позиции из спецификации").click();
  await page.getByLabel("Или загрузите файл XLSX или CSV").setInputFiles({
    name: "спецификация.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  const preview = page.getByTestId("spec-preview");
  await expect(preview.getByTestId("spec-line")).toHaveCount(100, { timeout: 60_000 });
  await expect(preview.getByRole("status")).toContainText(
    "Прочитано 100 строк: к добавлению 100, сопоставлено с каталогом",
  );
  await expect(preview.locator('select[data-matched="code"]')).toHaveCount(60);
  // a matched line shows the product picked for it
  const firstPick = preview.getByLabel("Товар каталога для строки 2", { exact: true });
  await expect(firstPick.locator("option:checked")).toContainText(coded[0].sku);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Добавить 100 позиций в запрос" }).click();
  await expect(page).toHaveURL(/\/rfq\/[^/]+\/edit\?saved=1/);
  await expect(page.getByTestId("rfq-item")).toHaveCount(100);
  await expect(page.getByTestId("rfq-item-product")).toHaveCount(60);
  await expect(page.getByLabel("Название запроса")).toHaveValue(/^Запрос: .+ и ещё 99 позиций$/);
  // units read from the everyday spellings
  await expect(page.getByLabel("Единица измерения, позиция 3", { exact: true })).toHaveValue("set");
  await expect(page.getByLabel("Единица измерения, позиция 68", { exact: true })).toHaveValue("m");
  // routing: the suppliers of the matched products are the recipients
  const recipients = page.getByTestId("recipients");
  for (const supplier of new Set(coded.map((p) => p.supplier))) await expect(recipients).toContainText(supplier);

  const started = Date.now();
  await page.getByLabel("Приём предложений до").fill(moscow(started + 7 * DAY));
  await page.getByLabel("Требуемая дата поставки").fill(moscow(started + 40 * DAY).slice(0, 10));
  await page.getByRole("button", { name: "Опубликовать запрос" }).click();
  await expect(page).toHaveURL(/\/buyer\/rfqs\/[^/?]+\?published=1/, { timeout: 30_000 });
});
