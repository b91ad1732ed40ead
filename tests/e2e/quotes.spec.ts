import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs, logout } from "./helpers/auth";

/**
 * Quotes → comparison → split award on the seeded published RFQ «Оборудование для котельной…» (three lines; supplier
 * #1 viewed it, #2 declined, #3 has it new). Supplier A quotes everything; supplier B quotes line 1 partially and
 * line 2 with an analogue (без НДС), revises line 2; the buyer closes early, compares, exports, awards 1+3 → A, 2 → B.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");
const norm = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function fillLine(
  page: Page,
  i: number,
  v: { price?: string; qty?: string; vat?: string; lead?: string; model?: string },
) {
  const row = page.getByTestId(`quote-line-${i}`);
  if (v.price !== undefined) await row.getByLabel(/Цена позиции/).fill(v.price);
  if (v.qty !== undefined) await row.getByLabel(/Количество позиции/).fill(v.qty);
  if (v.vat) await row.getByLabel(/НДС позиции/).selectOption(v.vat);
  if (v.lead !== undefined) await row.getByLabel(/Срок поставки позиции/).fill(v.lead);
  if (v.model !== undefined) await row.getByLabel(/Модель аналога/).fill(v.model);
}

test("two suppliers quote, one revises; the buyer compares, exports and splits the award into two orders", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // the buyer finds the RFQ and its recipients
  await loginAs(page, BUYER, undefined, { redirectTo: "/buyer/rfqs" });
  await page.getByTestId("buyer-rfq-row").filter({ hasText: "Хрусталёва" }).getByRole("link").first().click();
  await page.waitForURL(/\/buyer\/rfqs\/[^/]+$/);
  const rfqId = new URL(page.url()).pathname.split("/").pop() as string;
  const rows = page.getByTestId("recipient-row");
  const slugOf = async (status: string) => {
    const href = await rows
      .filter({ has: page.locator(`[data-status="${status}"]`) })
      .getByRole("link")
      .first()
      .getAttribute("href");
    return (href ?? "").split("/").pop() as string;
  };
  const slugA = await slugOf("VIEWED");
  const slugB = await slugOf("SENT");
  const nameA = norm(
    await rows
      .filter({ has: page.locator('[data-status="VIEWED"]') })
      .getByRole("link")
      .first()
      .textContent(),
  );
  const nameB = norm(
    await rows
      .filter({ has: page.locator('[data-status="SENT"]') })
      .getByRole("link")
      .first()
      .textContent(),
  );
  await logout(page);

  // supplier A: complete quote, totals recalculate as typed
  await loginAs(page, demoOwnerEmail(slugA), undefined, { redirectTo: `/supplier/rfqs/${rfqId}` });
  await fillLine(page, 0, { price: "1000", qty: "2", vat: "VAT22", lead: "30" });
  await fillLine(page, 1, { price: "500", qty: "3", vat: "VAT10", lead: "20" });
  await fillLine(page, 2, { price: "100", qty: "4", vat: "VAT22", lead: "10" });
  await page.getByLabel(/Доставка до адреса/).fill("1000");
  await page.getByLabel("Предложение действительно до").fill(validUntil);
  await expect(page.getByTestId("total-gross")).toHaveText(/4\s578,00/);
  await expect(page.getByTestId("total-landed")).toHaveText(/5\s798,00/);
  await page.getByTestId("quote-submit").click();
  await expect(page.getByTestId("quote-status")).toContainText("Подано");
  await logout(page);

  // supplier B: partial line 1, analogue on line 2, no line 3; then a revision of line 2
  await loginAs(page, demoOwnerEmail(slugB), undefined, { redirectTo: `/supplier/rfqs/${rfqId}` });
  // submitted untouched (quantities are prefilled, nothing else typed) → errors next to the fields, nothing lost
  await page.getByTestId("quote-submit").click();
  await expect(page.getByText("Укажите срок действия предложения")).toBeVisible();
  await fillLine(page, 0, { price: "900", qty: "1", vat: "VAT22", lead: "45" });
  await fillLine(page, 1, { price: "480", qty: "3", vat: "NO_VAT", lead: "20", model: "КВа-1,0 аналог" });
  // line 3 is not offered: its prefilled quantity (and any catalog price) is cleared
  await fillLine(page, 2, { price: "", qty: "" });
  await page.getByLabel(/Доставка до адреса/).fill("500");
  await page.getByLabel("НДС на доставку").selectOption("NO_VAT");
  await page.getByLabel("Предложение действительно до").fill(validUntil);
  await page.getByTestId("quote-submit").click();
  await expect(page.getByTestId("quote-status")).toContainText("версия 1");
  await fillLine(page, 1, { price: "450" });
  await expect(page.getByTestId("total-landed")).toHaveText(/2\s948,00/);
  await page.getByTestId("quote-submit").click();
  await expect(page.getByTestId("quote-status")).toContainText("версия 2");
  await expect(page.getByTestId("quote-versions").locator("tbody tr")).toHaveCount(2);
  await logout(page);

  // the buyer closes early and compares
  await loginAs(page, BUYER, undefined, { redirectTo: `/buyer/rfqs/${rfqId}/compare` });
  await page.getByRole("button", { name: "Завершить приём предложений досрочно" }).click();
  await expect(page.getByTestId("compare-matrix")).toBeVisible();
  const landed = page.getByTestId("total-landed");
  expect(norm(await landed.locator(`td[data-supplier="${nameA}"]`).textContent())).toContain("5 798,00");
  expect(norm(await landed.locator(`td[data-supplier="${nameB}"]`).textContent())).toContain("2 948,00");
  await expect(landed.locator(`td[data-supplier="${nameA}"] [data-mark="best-landed"]`)).toHaveCount(1);
  await expect(landed.locator(`td[data-supplier="${nameB}"] [data-mark="best-landed"]`)).toHaveCount(0);
  const cell = (row: number, name: string) => page.getByTestId(`row-${row}`).locator(`td[data-supplier="${name}"]`);
  await expect(cell(1, nameB).locator('[data-mark="best-price"]')).toHaveCount(1);
  await expect(cell(1, nameA).locator('[data-mark="best-lead"]')).toHaveCount(1);
  await expect(cell(1, nameB).getByTestId("partial")).toBeVisible();
  await expect(cell(2, nameB).getByTestId("analogue")).toContainText("КВа-1,0 аналог");
  await expect(cell(2, nameA).locator('[data-mark="best-lead"]')).toHaveCount(1);
  await expect(cell(2, nameB).locator('[data-mark="best-lead"]')).toHaveCount(1);
  await expect(cell(3, nameB)).toHaveAttribute("data-missing", "true");
  expect(norm(await cell(2, nameA).getByTestId("line-gross").textContent())).toContain("1 650,00");
  expect(norm(await cell(2, nameB).getByTestId("line-net").textContent())).toContain("1 350,00");
  await expectNoAxeViolations(page);

  // XLSX export
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file as string) as unknown as ArrayBuffer);
  const values: string[] = [];
  wb.getWorksheet(1)?.eachRow((r) =>
    r.eachCell((c) => {
      values.push(String(c.value));
    }),
  );
  expect(values).toContain("5798");
  expect(values).toContain("2948");

  // split award: 1 + 3 → A, 2 → B
  await page.getByTestId(`award-1-${nameA}`).check();
  await page.getByTestId(`award-2-${nameB}`).check();
  await page.getByTestId(`award-3-${nameA}`).check();
  await page.getByLabel("Обоснование выбора").fill("Лучшая цена по позиции 2, остальное — полный комплект");
  await page.getByRole("button", { name: "Далее: проверить" }).click();
  await expect(page.getByTestId("award-review")).toBeVisible();
  await page.getByTestId("award-confirm").click();
  await expect(page.getByTestId("award-result")).toBeVisible();
  await expect(page.getByTestId("created-order")).toHaveCount(2);
  await expect(page.getByTestId("awarded-line-1")).toContainText(nameA);
  await expect(page.getByTestId("awarded-line-2")).toContainText(nameB);
  await expect(page.getByTestId("awarded-line-3")).toContainText(nameA);
  const orderA = page.getByTestId("created-order").filter({ hasText: nameA });
  expect(norm(await orderA.textContent())).toContain("4 148,00"); // lines 1 + 3: 2 440 + 488, delivery 1 220 (22 %)
  const orderB = page.getByTestId("created-order").filter({ hasText: nameB });
  expect(norm(await orderB.textContent())).toContain("1 850,00"); // 1350 + delivery 500
  await logout(page);

  // supplier B is told it won and of its order: one row for the RFQ, naming the buyer and the order total with НДС;
  // the older notifications of the RFQ fold under «+N ещё»
  await loginAs(page, demoOwnerEmail(slugB), undefined, { redirectTo: "/notifications" });
  const group = page.getByTestId("notification-group").filter({ hasText: /Оборудование для котельной/ });
  await expect(async () => {
    await page.reload();
    await expect(group.getByText(/разместил заказ № \d+ на 1\s850,00\s₽ по запросу № \d+ «Оборудование/)).toHaveCount(
      1,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(group).toHaveCount(1);
  const awarded = group.getByText(/выбрал ваше предложение по запросу № \d+ «Оборудование для котельной/);
  await group.getByText(/^\+\d+ ещё$/).click();
  await expect(awarded).toBeVisible();
  await expectNoAxeViolations(page);
  await group.getByRole("button", { name: /Отметить все по этому запросу/ }).click();
  await expect(
    page.getByTestId("notification-group").filter({ hasText: /Оборудование для котельной/ }),
  ).toHaveAttribute("data-unread", "0");
});
