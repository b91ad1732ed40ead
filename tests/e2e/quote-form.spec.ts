import fs from "node:fs";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";

/**
 * The supplier's quote form at spreadsheet speed (issue #19) on the seeded draft RFQ «Трансформаторы для
 * реконструкции ТП-12», which the buyer publishes first (two lines, each a product of one of the two invited
 * suppliers). A supplier quotes without typing a quantity, on a 390 px phone, then re-quotes through the XLSX
 * round-trip (download → fill → upload → preview with errors → fix → confirm).
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const norm = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test("a supplier quotes with prefilled quantities on a phone, then through the XLSX round-trip", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await loginAs(page, BUYER, undefined, { redirectTo: "/buyer/rfqs" });
  await page.getByTestId("buyer-rfq-row").filter({ hasText: "ТП-12" }).getByRole("link").first().click();
  await page.waitForURL(/\/rfq\/[^/]+\/edit$/); // a draft opens in its form
  const rfqId = new URL(page.url()).pathname.split("/").at(-2) as string;
  await page.locator('button[name="intent"][value="publish"]').click();
  await page.waitForURL(new RegExp(`/buyer/rfqs/${rfqId}`));
  const href = await page.getByTestId("recipient-row").getByRole("link").first().getAttribute("href");
  const slug = (href ?? "").split("/").pop() as string;
  await logout(page);

  // a phone: one card per line, no horizontal scroll, inputs a thumb can hit
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, demoOwnerEmail(slug), undefined, { redirectTo: `/supplier/rfqs/${rfqId}` });
  const line0 = page.getByTestId("quote-line-0");
  const line1 = page.getByTestId("quote-line-1");
  // requested quantities (2 and 3 in the seed) are prefilled
  await expect(line0.getByLabel(/Количество позиции 1/)).toHaveValue("2");
  await expect(line1.getByLabel(/Количество позиции 2/)).toHaveValue("3");
  // (the catalog-price prefill and its «из каталога» mark are covered by tests/integration/quotes/quote-sheet.test.ts:
  // a seeded product may be «цена по запросу»); line 1 gets a price typed when it has none
  const other = 1;
  const price0 = line0.getByLabel(/Цена позиции/);
  if ((await price0.inputValue()) === "") await price0.fill("1000");
  else await expect(line0.getByText("из каталога")).toBeVisible();
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${e.className}#${e.id}:${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(scroll, wide.join("\n")).toBeLessThanOrEqual(0);
  const box = await line0.getByLabel(/Цена позиции/).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(box?.width ?? 0).toBeGreaterThan(200);
  const vatBox = await line0.getByLabel(/НДС позиции/).boundingBox();
  expect(vatBox?.width ?? 0).toBeGreaterThanOrEqual(128);

  // apply a lead time to every line at once
  await page.getByTestId("apply-all").getByLabel("Срок поставки, дней").fill("21");
  await page.getByTestId("apply-all-button").click();
  await expect(line0.getByLabel(/Срок поставки позиции/)).toHaveValue("21");
  await expect(line1.getByLabel(/Срок поставки позиции/)).toHaveValue("21");

  // a wrong price shows its error; fixed and submitted, the error is gone and nothing else was typed
  const otherLine = page.getByTestId(`quote-line-${other}`);
  await otherLine.getByLabel(/Цена позиции/).fill("12,345");
  await page.getByLabel("Предложение действительно до").fill(validUntil);
  await page.getByTestId("quote-submit").click();
  await expect(otherLine.locator("[data-field-error]")).toContainText("Укажите цену больше нуля");
  await otherLine.getByLabel(/Цена позиции/).fill("1234567,8");
  await page.getByTestId("quote-submit").click();
  await expect(page.getByTestId("quote-status")).toContainText("Подано");
  await expect(page.locator("[data-field-error]")).toHaveCount(0);
  // reopened, the price reads as Russian money, never "1234567.80"
  await expect(otherLine.getByLabel(/Цена позиции/)).toHaveValue("1 234 567,80");
  await expect(otherLine.getByLabel(/Количество позиции/)).toHaveValue("3");
  await expectNoAxeViolations(page);
  // the submitted version as a КП PDF
  const pdf = await page.request.get(`/supplier/rfqs/${rfqId}/quote.pdf?version=1`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // XLSX round-trip on a desktop
  await page.setViewportSize({ width: 1280, height: 900 });
  const downloading = page.waitForEvent("download");
  await page.getByTestId("quote-sheet-download").click();
  const file = testInfo.outputPath("kp.xlsx");
  await (await downloading).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Позиции");
  if (!ws) throw new Error("no lines sheet");
  expect(ws.getRow(2 + other).getCell(7).value).toBe(1234567.8);
  ws.getRow(2).getCell(7).value = "сто"; // a bad number first
  ws.getRow(3).getCell(7).value = 777.7;
  ws.getRow(3).getCell(9).value = 5;
  await wb.xlsx.writeFile(file);

  await page.getByLabel("Заполненный файл XLSX").setInputFiles(file);
  await page.getByRole("button", { name: "Загрузить и проверить" }).first().click();
  await expect(page.getByTestId("sheet-issues")).toContainText("Строка 2, «Цена за ед. без НДС, ₽»:");
  await expect(page.getByTestId("sheet-confirm")).toHaveCount(0);

  ws.getRow(2).getCell(7).value = 1500;
  await wb.xlsx.writeFile(file);
  await page.getByLabel("Заполненный файл XLSX").setInputFiles(file);
  await page.getByRole("button", { name: "Загрузить и проверить" }).click();
  await expect(page.getByTestId("sheet-issues")).toHaveCount(0);
  await expect(page.getByTestId("sheet-preview-row").nth(1)).toContainText("777,70");
  await expectNoAxeViolations(page);
  await page.getByTestId("sheet-confirm").click();
  await page.waitForURL(new RegExp(`/supplier/rfqs/${rfqId}\\?quote=imported`));
  await expect(page.getByRole("status").filter({ hasText: "Файл загружен" })).toBeVisible();
  await expect(page.getByTestId("quote-line-0").getByLabel(/Цена позиции/)).toHaveValue("1 500,00");
  await expect(page.getByTestId("quote-line-1").getByLabel(/Цена позиции/)).toHaveValue("777,70");
  await expect(page.getByTestId("quote-line-1").getByLabel(/Срок поставки позиции/)).toHaveValue("5");
  expect(norm(await page.getByTestId("quote-status").textContent())).toContain("Подано");
  fs.rmSync(file, { force: true });
});
