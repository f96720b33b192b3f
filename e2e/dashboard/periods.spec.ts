// Periods: the default range ends on the last complete business day, presets move both ends, today
// is marked incomplete, a comparison with a period before the store's history shows no percentage,
// and pages where a range means nothing do not show one.
import { expect, test } from "@playwright/test";
import { screenshotPath, storageState } from "../support/fixtures";

test.use({ storageState: storageState("owner") });

/** A business day (APP_TIMEZONE is Europe/Moscow in the e2e server) `offset` days from today. */
function businessDay(offset: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

test("the default period ends yesterday; presets and today's incomplete mark", async ({ page }) => {
  await page.goto("/overview");
  await expect(page.getByTestId("date-to")).toHaveValue(businessDay(-1));
  await expect(page.getByTestId("date-from")).toHaveValue(businessDay(-30));
  await expect(page.getByTestId("preset-last30")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("range-incomplete")).toHaveCount(0);

  await page.getByTestId("preset-yesterday").click();
  await expect(page).toHaveURL(new RegExp(`from=${businessDay(-1)}&to=${businessDay(-1)}`));
  await expect(page.getByTestId("preset-yesterday")).toHaveAttribute("aria-pressed", "true");

  await page.getByTestId("preset-today").click();
  await expect(page).toHaveURL(new RegExp(`from=${businessDay(0)}&to=${businessDay(0)}`));
  await expect(page.getByTestId("range-incomplete")).toBeVisible();
  await page.screenshot({ path: screenshotPath("periods-today-ru"), fullPage: true });
});

test("no percentage against a previous period without data", async ({ page }) => {
  // the emulator's sales span 20 days ending yesterday, so the history starts inside the default 30 days
  // and the 30 days before them hold none: no tile may show a change, and the note says from which day
  // data exists. (The first sync's recalculation writes zero rows for all its 90 days, and a backdated
  // cost price for more: those rows are not history, so it is never "no data for the previous period".)
  await page.goto("/overview");
  await expect(page.getByTestId("tile-netSales-no-change")).toHaveText("Сравнение недоступно");
  await expect(page.locator('[data-testid$="-no-change"]')).toHaveCount(6);
  await expect(page.getByText("Нет данных за прошлый период")).toHaveCount(0);
  const note = (await page.getByTestId("comparison-note").textContent()) ?? "";
  const since = note.match(/Данные есть с (\d{2})\.(\d{2})\.(\d{4}), прошлый период неполный/);
  expect(since, note).not.toBeNull();
  // the first day with sales lies inside the default range (the emulator's first day is businessDay(-20))
  const first = `${since![3]}-${since![2]}-${since![1]}`;
  expect(first >= businessDay(-30) && first <= businessDay(-1), first).toBe(true);
  await page.screenshot({ path: screenshotPath("periods-overview-ru"), fullPage: true });

  await page.goto("/pnl");
  await expect(page.getByTestId("pnl-row-sales")).toBeVisible();
  await expect(page.getByTestId("pnl-row-sales")).not.toContainText("%)");
});

test("restock, sync and settings do not show a date range", async ({ page }) => {
  for (const path of ["/restock", "/sync", "/settings/stores"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("date-from")).toHaveCount(0);
    await expect(page.getByTestId("period-presets")).toHaveCount(0);
  }
  await page.goto("/restock");
  await expect(page.getByTestId("store-select")).toBeVisible();
});
