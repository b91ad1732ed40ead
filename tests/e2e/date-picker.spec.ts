import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { demoOwnerEmail, loginAs } from "./helpers/auth";

/**
 * Issue #18 item 5: the date field's calendar speaks the page's language (ADR 0028) — Russian month and weekday names,
 * weeks from Monday — and works from the keyboard; picking fills the field as typing does. On a 390 px phone.
 */
const BUYER = demoOwnerEmail("hersones-energoservis");

async function expectNoSideScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(390);
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the delivery date is picked from a Russian calendar by keyboard", async ({ page }) => {
    await loginAs(page, BUYER, undefined, { redirectTo: "/rfq/new" });
    const field = page.getByLabel("Требуемая дата поставки");
    const hidden = page.locator('input[type="hidden"][name="neededBy"]');
    const button = page.getByRole("button", { name: "Выбрать дату" });
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute("aria-haspopup", "dialog");
    await expect(button).toHaveAttribute("aria-expanded", "false");

    await field.fill("15.12.2026");
    await field.press("Tab");
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Календарь" });
    await expect(dialog).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(dialog.getByRole("grid", { name: "декабрь 2026" })).toBeVisible();
    // weeks start on Monday: the first column is «пн», the last «вс»
    await expect(dialog.getByRole("columnheader").first()).toHaveText("пн");
    await expect(dialog.getByRole("columnheader").last()).toHaveText("вс");
    // the typed date is selected and has the focus
    const selected = dialog.locator('[role="gridcell"][aria-selected="true"]');
    await expect(selected).toHaveText("15");
    await expect(selected).toBeFocused();
    await expectNoAxeViolations(page);
    const box = await dialog.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 390, "the calendar fits the screen").toBe(
      true,
    );
    await expectNoSideScroll(page);

    // arrows move by day and week, PageDown by month (into January 2027)
    await page.keyboard.press("ArrowRight");
    await expect(dialog.locator('[data-day="2026-12-16"]')).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(dialog.locator('[data-day="2026-12-23"]')).toBeFocused();
    await page.keyboard.press("PageDown");
    await expect(dialog.getByRole("grid", { name: "январь 2027" })).toBeVisible();
    await expect(dialog.locator('[data-day="2027-01-23"]')).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(dialog).toBeHidden();
    await expect(field).toHaveValue("23.01.2027");
    await expect(hidden).toHaveValue("2027-01-23");
    await expect(button).toBeFocused();

    // Escape closes without changing the date and gives the focus back to the button
    await page.keyboard.press("Enter");
    await expect(dialog.locator('[role="gridcell"][aria-selected="true"]')).toHaveAccessibleName("23 января 2027 г.");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect(field).toHaveValue("23.01.2027");
  });

  test("the calendar is in English on /en pages", async ({ page }) => {
    await loginAs(page, BUYER, undefined, { redirectTo: "/en/rfq/new", lang: "en" });
    const button = page.getByRole("button", { name: "Choose date" });
    await expect(button).toBeVisible();
    await page.getByLabel("Needed by").fill("15.12.2026");
    await button.click();
    const dialog = page.getByRole("dialog", { name: "Calendar" });
    await expect(dialog.getByRole("grid", { name: "December 2026" })).toBeVisible();
    await expect(dialog.getByRole("columnheader").first()).toHaveText("Mon");
    await dialog.getByRole("gridcell", { name: "18 December 2026" }).click();
    await expect(page.getByLabel("Needed by")).toHaveValue("18.12.2026");
  });
});
