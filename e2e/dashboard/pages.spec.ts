// Every dashboard page renders with data from the emulator sync (run by the sync project before
// this one), has no serious axe-core violations, and is screenshotted in both languages and on a phone.
import { expect, test } from "@playwright/test";
import { seriousViolations, setLocale } from "../support/dashboard";
import { screenshotPath, storageState } from "../support/fixtures";

test.use({ storageState: storageState("owner") });

const pages = [
  { path: "/overview", ru: "Обзор", en: "Overview", ready: "overview-tiles" },
  { path: "/skus", ru: "Товары", en: "SKUs", ready: "sku-table" },
  { path: "/restock", ru: "Поставки", en: "Restock", ready: "restock-table" },
  { path: "/costs", ru: "Себестоимость", en: "Cost prices", ready: "cost-table" },
  { path: "/commissions", ru: "Правила комиссий", en: "Commission rules", ready: "commission-form" },
  { path: "/reviews", ru: "Отзывы", en: "Reviews", ready: "review-list" },
  { path: "/cashflow", ru: "Денежный поток", en: "Cash flow", ready: "cashflow-by-type" },
] as const;

for (const p of pages) {
  test(`${p.path} renders data, passes axe, screenshots in ru/en`, async ({ page }) => {
    await page.goto(p.path);
    await setLocale(page, "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.ru);
    await expect(page.getByTestId("page-error")).toHaveCount(0);
    await expect(page.getByTestId(p.ready)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`dash${p.path.replace(/\//g, "-")}-ru`), fullPage: true });
    await setLocale(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.en);
    await page.screenshot({ path: screenshotPath(`dash${p.path.replace(/\//g, "-")}-en`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath(`dash${p.path.replace(/\//g, "-")}-en-phone`), fullPage: true });
    await setLocale(page, "ru");
  });
}

test("overview shows the period's numbers and links what needs attention", async ({ page }) => {
  await page.goto("/overview");
  await expect(page.getByTestId("tile-units-value")).not.toHaveText("0");
  await expect(page.getByTestId("pnl-chart")).toBeVisible();
  // the legend follows the drawing order (bars, then the line) in either language, not the alphabet
  const legend = page.getByTestId("pnl-chart").locator(".recharts-legend-item-text");
  await expect(legend).toHaveText(["Выручка", "Расходы", "Прибыль"]);
  await setLocale(page, "en");
  await expect(legend).toHaveText(["Revenue", "Costs", "Profit"]);
  await setLocale(page, "ru");
  await expect(page.getByTestId("attention-withoutCost")).toHaveAttribute("href", /\/costs\?.*missing=1/);
  await expect(page.getByTestId("attention-runningOut")).toHaveAttribute("href", /\/restock/);
});

test("SKU detail shows P&L, units and stock, velocity, warehouses and the cost history; unknown ids are not found", async ({
  page,
}) => {
  await page.goto("/skus?sort=units&dir=desc");
  await page.getByTestId("sku-link").first().click();
  await expect(page.getByTestId("sku-title")).toBeVisible();
  await expect(page.getByTestId("pnl-chart")).toBeVisible();
  await expect(page.getByTestId("units-stock-chart")).toBeVisible();
  // the emulator's 20 days of sales but one stock snapshot (the sync's): the chart says where stock starts
  await expect(page.getByTestId("stock-since")).toContainText("Остаток известен с");
  await expect(page.getByTestId("sku-velocity")).toBeVisible();
  await expect(page.getByTestId("sku-warehouses")).toBeVisible();
  await expect(page.getByTestId("cost-editor")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("dash-sku-detail-ru"), fullPage: true });
  await setLocale(page, "en");
  await page.screenshot({ path: screenshotPath("dash-sku-detail-en"), fullPage: true });
  await setLocale(page, "ru");

  await page.goto("/skus/999999999");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.goto("/skus/abc");
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("numbers that may still change carry a mark that the legend above the SKU table explains", async ({ page }) => {
  await page.goto("/skus");
  await setLocale(page, "ru");
  const legend = page.getByTestId("flag-legend");
  await expect(legend).toContainText("предварительно");
  await expect(legend).toContainText("финансовым отчётом");
  // the sign is for the eye; the flag's word is there for screen readers
  const marked = page.getByTestId("sku-table").locator("sup").filter({ hasText: "(предварительно)" });
  await expect(marked.first()).toContainText("*");
  expect(await marked.count()).toBeGreaterThan(0);
  // a SKU sold without a cost price shows a dash for profit, marked and explained the same way
  await expect(legend).toContainText("нет себестоимости");
  await expect(page.getByTestId("sku-profit").filter({ hasText: "—" }).first().locator("sup")).toContainText(
    "(нет себестоимости)",
  );
});

test("sorting, filtering and paging live in the URL", async ({ page }) => {
  await page.goto("/skus?size=25");
  const table = page.getByTestId("sku-table");
  await table.getByRole("link", { name: /Прибыль/ }).click();
  await expect(page).toHaveURL(/sort=profit&dir=desc/);
  await expect(table.locator("th[aria-sort=descending]")).toContainText("Прибыль");
  const article = (await page.getByTestId("sku-link").first().textContent())!.trim();
  await page.getByLabel("Поиск").fill(article);
  await page.getByRole("search").getByRole("button", { name: "Применить" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(article)}`));
  await expect(page).toHaveURL(/sort=profit/);
  await expect(page.getByTestId("sku-link").first()).toHaveText(article);
});

test("the SKU table has a totals row and a column chooser remembered for the user", async ({ page }) => {
  await page.goto("/skus");
  await setLocale(page, "ru");
  const table = page.getByTestId("sku-table");
  await expect(page.getByTestId("table-totals")).toContainText("Итого, товаров:");
  // 14-day velocity is shown by default, 7-day is in the chooser; the choice survives a reload
  await expect(table.locator("th").filter({ hasText: "Шт./день 7 дн." })).toHaveCount(0);
  const chooser = page.getByTestId("sku-columns-chooser");
  await chooser.locator("summary").click();
  await chooser.getByLabel("Шт./день 7 дн.").check();
  await expect(chooser.getByRole("status")).toHaveText("Сохранено для вашей учётной записи");
  await expect(table.locator("th").filter({ hasText: "Шт./день 7 дн." })).toHaveCount(1);
  await expect(page.getByTestId("sku-cover-note")).toContainText("за последние 14 дн. на WB и 28 дн. на Ozon");
  await page.screenshot({ path: screenshotPath("dash-skus-columns-ru"), fullPage: true });
  await page.reload();
  await expect(table.locator("th").filter({ hasText: "Шт./день 7 дн." })).toHaveCount(1);
  await page.getByTestId("sku-columns-chooser").locator("summary").click();
  await page.getByTestId("sku-columns-chooser").getByLabel("Шт./день 7 дн.").uncheck();
  await expect(page.getByTestId("sku-columns-chooser").getByRole("status")).toHaveText(
    "Сохранено для вашей учётной записи",
  );
  await setLocale(page, "en");
  await expect(page.getByTestId("table-totals")).toContainText("Total,");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: screenshotPath("dash-skus-1440-en"), fullPage: true });
  // at 1440 px the table does not scroll sideways: stock and cover are in view
  const box = await page.getByTestId("sku-table").locator("table").boundingBox();
  const scroller = await page
    .getByTestId("sku-table")
    .locator("table")
    .evaluate((t) => {
      const parent = t.parentElement!;
      return { scrollWidth: parent.scrollWidth, clientWidth: parent.clientWidth };
    });
  expect(box).not.toBeNull();
  expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
});
