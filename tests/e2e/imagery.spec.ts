import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs } from "./helpers/auth";

/**
 * Issue #18 items 2, 4, 5: a supplier's photo reaches the product page as responsive variants; a product without a
 * photo shows its category's drawing; on a 390 px phone the offer is a sticky bar and the comparison is cards; file
 * buttons speak the page's language.
 */
const FIXTURE = path.resolve("tests/fixtures/images/transformer.png");

async function expectNoSideScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(390);
}

test("a supplier uploads a photo; the product page shows it with srcset and its size", async ({ page }) => {
  await loginAs(page, demoOwnerEmail("balt-energomash"), undefined, { redirectTo: "/supplier/products" });
  const edit = await page.locator('main a[href^="/supplier/products/c"]').last().getAttribute("href");
  await page.goto(edit ?? "/");
  const panel = page.getByTestId("photos-panel");
  // the file buttons are in the page's language, not the browser's «Choose Files»
  await expect(page.locator('label[for="document-file"][data-file-button]')).toHaveText("Выбрать файл");
  await expect(panel.locator('label[for="photo-file"][data-file-button]')).toHaveText("Выбрать файлы");
  await expect(panel.getByText("Файлы не выбраны")).toBeVisible();
  await page.locator("#photo-file").setInputFiles(FIXTURE);
  await expect(panel.getByText("transformer.png")).toBeVisible();
  // the seeded products have no photos: this one becomes the main photo
  await expect(panel.getByTestId("photo-item")).toHaveCount(0);
  await panel.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Файл загружен" })).toBeVisible();
  await expect(panel.getByTestId("photo-item")).toHaveCount(1);
  await expect(panel.getByTestId("photo-item").first()).toContainText("Главное фото");
  await expect(panel.getByTestId("photo-item").first()).toContainText("transformer.webp");
  await expectNoAxeViolations(page);

  const productPath = await page.locator('main a[href^="/products/"]').first().getAttribute("href");
  await page.goto(productPath ?? "/");
  const photo = page.getByTestId("product-photo").first();
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute(
    "srcset",
    /\/images\/\w+\/320\.webp 320w, .*\/640\.webp 640w, .*\/1280\.webp 1200w/,
  );
  await expect(photo).toHaveAttribute("width", "1200");
  await expect(photo).toHaveAttribute("height", "800");
  await expect(photo).toHaveAttribute("loading", "eager");
  await expect(page.locator('picture source[type="image/avif"]').first()).toHaveAttribute("srcset", /\.avif 320w/);
  // the browser picked and loaded a variant
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const src = await photo.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(src).toMatch(/\/images\/\w+\/\d+\.(avif|webp)$/);
  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("immutable");
  await expectNoAxeViolations(page);

  // the catalog's result card shows the same photo (the seeded products have none, so it is this one)
  const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  // the search index takes the new photo from the outbox a moment after the upload: look again until it has
  await expect(async () => {
    await page.goto(`/catalog?q=${encodeURIComponent(title.trim())}`);
    await expect(page.locator('main article img[src^="/images/"]').first()).toHaveAttribute(
      "src",
      new RegExp(`${src.split("/")[4]}/320\\.webp$`),
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 30_000 });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a product without photos shows its category's drawing, the offer above the specs and a sticky bar", async ({
    page,
  }) => {
    await page.goto("/catalog/silovye-transformatory");
    // a product without a photo (another test may have given one a photo: its card shows it)
    const product = await page
      .locator("main article")
      .filter({ hasNot: page.locator('img[src^="/images/"]') })
      .first()
      .locator('a[href^="/products/"]')
      .first()
      .getAttribute("href");
    await page.goto(product ?? "/");
    await page.waitForLoadState("networkidle");
    const drawing = page.getByRole("img", { name: "Рисунок: силовой трансформатор" });
    await expect(drawing).toBeVisible();
    // its strokes are the transformer symbol of the sprite file (one <use>): the file loaded under the page's CSP
    await expect
      .poll(() => drawing.locator("use").evaluate((use) => (use as SVGGraphicsElement).getBBox().height))
      .toBeGreaterThan(40);
    await expect(page.getByTestId("product-photo")).toHaveCount(0);

    const bar = page.getByTestId("sticky-offer");
    await expect(bar).toBeVisible();
    await expect(bar.getByRole("button", { name: "В запрос" })).toBeVisible();
    // the bar stays at the bottom of the screen while the page scrolls
    await page.mouse.wheel(0, 1500);
    const box = await bar.boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(830);
    // the offer comes before the specs on a phone
    const offer = await page.getByTestId("offer-card").boundingBox();
    const specs = await page.getByRole("heading", { name: "Характеристики" }).boundingBox();
    expect(offer?.y ?? 0).toBeLessThan(specs?.y ?? 0);
    await expectNoSideScroll(page);
    await expectNoAxeViolations(page);
    // the bar's button submits the offer's own form: a visitor is asked to sign in first
    await bar.getByRole("button", { name: "В запрос" }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test("the comparison is one card per supplier with line prices, and the award form is below", async ({ page }) => {
    await loginAs(page, demoOwnerEmail("hersones-energoservis"), undefined, { redirectTo: "/buyer/rfqs" });
    const links = await page
      .locator('[data-testid="buyer-rfq-row"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    let found = false;
    for (const rfq of links.slice(0, 12)) {
      await page.goto(`${rfq}/compare`);
      if ((await page.getByTestId("compare-card").count()) > 1) {
        found = true;
        break;
      }
    }
    expect(found, "a seeded RFQ with opened offers").toBe(true);
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("compare-matrix")).toBeHidden();
    const card = page.getByTestId("compare-card").first();
    await expect(card).toBeVisible();
    await expect(card.getByText("Итого с доставкой", { exact: true })).toBeVisible();
    await expect(card.locator("ol li").first()).toContainText(/₽|нет предложения/);
    const cardBox = await card.boundingBox();
    expect((cardBox?.x ?? 0) + (cardBox?.width ?? 0)).toBeLessThanOrEqual(390);
    await expectNoSideScroll(page);
    await expectNoAxeViolations(page);
  });

  test("a Russian page's file button reads «Выбрать файл» and shows the chosen name", async ({ page }) => {
    await loginAs(page, demoOwnerEmail("balt-energomash"), undefined, { redirectTo: "/supplier/import" });
    const button = page.locator('label[for="import-file"][data-file-button]');
    await expect(button).toHaveText("Выбрать файл");
    await expect(page.getByText("Файл не выбран")).toBeVisible();
    await page.waitForLoadState("networkidle"); // the chosen name is shown by the hydrated page
    await page.locator("#import-file").setInputFiles(FIXTURE);
    await expect(page.getByText("transformer.png")).toBeVisible();
    await expectNoSideScroll(page);
    await expectNoAxeViolations(page);
  });
});
