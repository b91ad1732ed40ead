import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs } from "./helpers/auth";

/** Search: header autocomplete → category → two facets → product; the same URL without JavaScript. */

async function waitForIndex(page: Page) {
  await expect
    .poll(
      async () => {
        const health = await (await page.request.get("/healthz")).json();
        return health.search?.documents ?? 0;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(100);
}

const headerBox = (page: Page) => page.getByRole("banner").getByRole("combobox");

test.describe("catalog search", () => {
  test("header suggestion → category → two facets → product, and the same URL without JavaScript", async ({
    page,
    browser,
  }) => {
    await waitForIndex(page);
    await page.goto("/");
    const box = headerBox(page);
    await box.click();
    await box.pressSequentially("трансформаторы", { delay: 30 });
    const listbox = page.getByRole("listbox", { name: "Подсказки поиска" }).first();
    await expect(listbox).toBeVisible();
    const category = listbox.getByRole("option", { name: /Силовые трансформаторы/ });
    await expect(category).toBeVisible();
    // the first product suggestion is a transformer, not a substation sold «без трансформатора»
    await expect(listbox.getByRole("option").nth(1)).toHaveText(/^Трансформатор/);

    // keyboard: ↓ to the category, Enter opens it
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
    await category.click();
    await expect(page).toHaveURL(/\/catalog\/silovye-transformatory$/);
    await expect(page.getByRole("heading", { level: 1, name: "Силовые трансформаторы" })).toBeVisible();

    const count = page.locator("#results-count");
    const before = await count.textContent();
    await page.getByRole("checkbox", { name: /Только проверенные поставщики/ }).check();
    await expect(page).toHaveURL(/verified=1/);
    await page.getByRole("checkbox", { name: /В наличии/ }).check();
    await expect(page).toHaveURL(/verified=1.*stock=1|stock=1.*verified=1/);
    await expect(count).not.toHaveText(before ?? "");
    const narrowedUrl = page.url();
    const results = page.getByTestId("results").getByTestId("result-title");
    await expect(results.first()).toBeVisible();
    const firstTitle = (await results.first().textContent()) ?? "";

    // Back undoes the last facet
    await page.goBack();
    await expect(page).toHaveURL(/verified=1/);
    await expect(page).not.toHaveURL(/stock=1/);
    await page.goForward();
    await expect(page).toHaveURL(narrowedUrl);

    await expectNoAxeViolations(page);

    await results.first().click();
    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);

    // the same URL without JavaScript: server-rendered results, facets checked, the GET form still filters
    const context = await browser.newContext({ javaScriptEnabled: false });
    const nojs = await context.newPage();
    await nojs.goto(narrowedUrl);
    await expect(nojs.getByTestId("results").getByTestId("result-title").first()).toHaveText(firstTitle);
    await expect(nojs.getByRole("checkbox", { name: /Только проверенные поставщики/ })).toBeChecked();
    await expect(nojs.getByRole("checkbox", { name: /В наличии/ })).toBeChecked();
    await nojs.getByLabel("Что ищете").fill("ТМГ");
    await nojs.getByRole("button", { name: "Найти", exact: true }).last().click();
    await expect(nojs).toHaveURL(/q=%D0%A2%D0%9C%D0%93|q=ТМГ/);
    await expect(nojs).toHaveURL(/verified=1/);
    await expect(nojs.getByTestId("results").getByTestId("result-title").first()).toContainText("ТМГ");
    await context.close();
  });

  test("results update as you type; an empty result offers a correction and the RFQ route", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/catalog");
    const q = page.getByLabel("Что ищете");
    await q.pressSequentially("котлы водогрейные", { delay: 40 });
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByTestId("results").getByTestId("result-title").first()).toContainText(/[Кк]от[её]л/);
    await expect(page.getByTestId("results").locator("mark").first()).toBeVisible();

    await page.goto(`/catalog?q=${encodeURIComponent("шнековый снегоуборщик дымососный")}`);
    const empty = page.getByTestId("empty-result");
    await expect(empty).toBeVisible();
    await expect(empty.getByRole("link", { name: "Не нашли? Отправьте запрос поставщикам" })).toHaveAttribute(
      "href",
      "/rfq/new",
    );
  });

  test("the JSON API answers and rejects bad parameters with 400", async ({ request }) => {
    const ok = await request.get(`/api/v1/search?q=${encodeURIComponent("ТМГ-1000")}&per_page=5`);
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits[0].sku).toMatch(/ТМГ-1000/);
    const bad = await request.get("/api/v1/search?sort=cheapest&page=-1");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_parameters");
  });

  test("suggestions: names that match first; a query in the wrong keyboard layout is retyped", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/");
    const box = headerBox(page);
    await box.click();
    await box.pressSequentially("котёл", { delay: 30 });
    const listbox = page.getByRole("listbox", { name: "Подсказки поиска" }).first();
    await expect(listbox.getByRole("group", { name: "Категории" }).getByRole("option").first()).toHaveText(/^Котлы/);

    await page.goto(`/catalog?q=${encodeURIComponent("nhfycajhvfnjh")}`);
    await expect(page.getByRole("heading", { level: 1, name: "Результаты по запросу «трансформатор»" })).toBeVisible();
    await expect(page.getByTestId("layout-corrected")).toContainText("nhfycajhvfnjh");
    await expect(page.getByTestId("results").getByTestId("result-title").first()).toHaveText(/^Трансформатор/);
  });

  test("a numeric spec is a from–to range with formatted inputs; its chip removes it", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/catalog/silovye-transformatory");
    await page.waitForLoadState("networkidle"); // hydrated: typing in a range filters as you type
    const power = page.getByRole("group", { name: /Номинальная мощность/ });
    const from = power.getByRole("textbox", { name: "от" });
    await expect(from).toHaveAttribute("placeholder", /\d/);
    await from.fill("1 000");
    await expect(page).toHaveURL(/spec\.power_kva\.min=1/);
    const api = await (
      await page.request.get("/api/v1/search?category=silovye-transformatory&spec.power_kva.min=1000&per_page=100")
    ).json();
    expect(api.total).toBeGreaterThan(0);
    await expect(page.locator("#results-count")).toContainText(String(api.total));
    // shown back in the page's number format
    await expect(power.getByRole("textbox", { name: "от" })).toHaveValue(/^1\s000$/);
    const chip = page.getByTestId("filter-chips").getByRole("link", { name: /Номинальная мощность от 1\s000/ });
    await expect(chip).toBeVisible();
    await expectNoAxeViolations(page);
    await chip.click();
    await expect(page).not.toHaveURL(/spec\.power_kva\.min/);
  });

  test("facets stay selectable (6 or 10 кВ), chips remove one value or all, counts are exact", async ({ page }) => {
    await waitForIndex(page);
    await page.goto("/catalog/silovye-transformatory");
    await page.waitForLoadState("networkidle"); // hydrated: a checked value filters at once
    const api = await (await page.request.get("/api/v1/search?category=silovye-transformatory&per_page=1")).json();
    expect(api.totalIsEstimate).toBe(false);
    const voltage = page.getByRole("group", { name: /Напряжение ВН/ });
    const options = voltage.getByRole("checkbox");
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    const first = (await voltage.locator("label").nth(0).textContent()) ?? "";
    const second = (await voltage.locator("label").nth(1).textContent()) ?? "";
    const countOf = (label: string) => Number((/\((\d+)\)/.exec(label) ?? [])[1]);
    await options.nth(0).check();
    await expect(page).toHaveURL(/spec\.hv_kv=/);
    // the other value is still offered, with its own count (disjunctive facets)
    await expect(voltage.getByRole("checkbox")).toHaveCount(await options.count());
    await voltage.getByRole("checkbox").nth(1).check();
    await expect(page).toHaveURL(/spec\.hv_kv=.*spec\.hv_kv=/);
    await expect(page.locator("#results-count")).toContainText(String(countOf(first) + countOf(second)));

    const chips = page.getByTestId("filter-chips");
    await expect(chips.getByRole("link", { name: /Убрать фильтр «Напряжение ВН/ })).toHaveCount(2);
    await expectNoAxeViolations(page);
    await chips
      .getByRole("link", { name: /Убрать фильтр «Напряжение ВН/ })
      .first()
      .click();
    await expect(page).not.toHaveURL(/spec\.hv_kv=.*spec\.hv_kv=/);
    await expect(page).toHaveURL(/spec\.hv_kv=/);
    await page.getByTestId("filter-chips").getByRole("link", { name: "Сбросить все" }).click();
    await expect(page).not.toHaveURL(/spec\./);
    await expect(page.getByTestId("filter-chips")).toHaveCount(0);
  });

  test("links navigate in the app: no page reload, the language kept, Back returns to the same results", async ({
    page,
  }) => {
    await waitForIndex(page);
    await page.goto(`/en/catalog?q=${encodeURIComponent("насос")}`);
    await page.waitForLoadState("networkidle");
    // a mark in the page's memory: a full reload would drop it
    await page.evaluate(() => Object.assign(window, { stillHere: true }));
    const first = page.getByTestId("result-title").first();
    await expect(first).toHaveAttribute("href", /^\/en\/products\//);
    const title = ((await first.textContent()) ?? "").trim();
    await first.click();
    await expect(page).toHaveURL(/\/en\/products\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.goBack();
    await expect(page).toHaveURL(/\/en\/catalog\?q=/);
    await expect(page.getByTestId("result-title").first()).toHaveText(title);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  for (const javaScriptEnabled of [false, true])
    test(`«В запрос» on a result card, ${javaScriptEnabled ? "with" : "without"} JavaScript: back on the same results with a confirmation`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await waitForIndex(page);
      await loginAs(page, demoOwnerEmail("balaklavskiy-vodokanal"), undefined, { redirectTo: "/catalog" });
      const url = `/catalog?q=${encodeURIComponent("насос")}`;
      await page.goto(url);
      if (javaScriptEnabled) await page.waitForLoadState("networkidle");
      // the second card: one form serves every card, the pressed button says which product
      const card = page.getByTestId("results").getByRole("listitem").nth(1);
      const title = ((await card.getByTestId("result-title").textContent()) ?? "").trim();
      await card.getByRole("button", { name: /^Добавить «.+» в запрос цен$/ }).click();
      await expect(page).toHaveURL(/addedToRfq=1/);
      await expect(page).toHaveURL(/q=/);
      await expect(page.getByRole("status")).toContainText(`«${title}» добавлен в запрос цен.`);
      await expect(page.getByTestId("results").getByRole("listitem").nth(1).getByTestId("added-to-rfq")).toBeVisible();
      await expect(page.getByTestId("added-to-rfq")).toHaveCount(1);
      // it is in the cart; take it out again (the cart belongs to this demo buyer)
      await page.getByRole("status").getByRole("link", { name: "Перейти к запросу" }).click();
      const row = page.getByRole("listitem").filter({ hasText: title }).first();
      await expect(row).toBeVisible();
      await row.getByRole("button", { name: "Убрать" }).click();
      await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
      await context.close();
    });
});
