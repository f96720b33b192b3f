// The restock plan after the emulator sync: rows with a status and reorder date, the drawer that
// explains one row, saving ticked rows as a supply plan and shipping it, the settings page; axe and
// screenshots in ru and en.
import { expect, test } from "@playwright/test";
import { seriousViolations, setLocale } from "../support/dashboard";
import { screenshotPath, storageState } from "../support/fixtures";

test.use({ storageState: storageState("owner") });

test("restock plan: rows, the drawer explaining one, axe, ru/en screenshots", async ({ page }) => {
  await page.goto("/restock");
  await setLocale(page, "ru");
  await expect(page.getByTestId("restock-table")).toBeVisible();
  await expect(page.getByTestId("restock-wb-masked")).toContainText("WB скрывает свои склады");
  await expect(page.getByTestId("restock-status").first()).toBeVisible();
  // the marketplaces' own figures beside ours, each labelled as theirs with the day it was taken
  await expect(page.getByTestId("restock-ozon-supply").first()).toContainText(/Ozon советует \(.+\): \d+ на/);
  await expect(page.getByTestId("restock-mp-lost").first()).toContainText(/Оценка WB на .+: \d+/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("restock-ru"), fullPage: true });

  await page.getByTestId("restock-drawer-link").first().click();
  const drawer = page.getByTestId("restock-drawer");
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId("restock-drawer-velocity")).toContainText(/in-stock days|not observed/);
  await expect(page.getByTestId("restock-factor-seasonality")).toBeVisible();
  await expect(page.getByTestId("restock-drawer-steps")).toContainText("position =");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("restock-drawer-ru"), fullPage: false });

  // the drawer covers the header (its language switch): close it, switch, open it again
  await page.getByTestId("restock-drawer-close").click();
  await expect(drawer).toHaveCount(0);
  await setLocale(page, "en");
  await page.getByTestId("restock-drawer-link").first().click();
  await expect(drawer).toContainText("The formula, filled in");
  await page.screenshot({ path: screenshotPath("restock-drawer-en"), fullPage: false });
  await page.getByTestId("restock-drawer-close").click();
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Restock");
  await page.screenshot({ path: screenshotPath("restock-en"), fullPage: true });
  await setLocale(page, "ru");
});

test("longer cover in the settings rebuilds the plan; ticked rows become a supply plan shipped as inbound", async ({
  page,
}) => {
  // the emulator's stores hold enough stock for the default 14 days of cover: ask for 200 days, so the
  // plan (rebuilt by the save, not by the next night) has something to order in every store
  await page.goto("/restock/settings");
  const forms = page.locator('form[data-testid^="store-settings-"]');
  expect(await forms.count()).toBeGreaterThan(0);
  for (const form of await forms.all()) {
    await form.locator('input[name="coverDays"]').fill("200");
    await form.getByTestId("store-settings-save").click();
    await expect(form.getByText("Сохранено.", { exact: false })).toBeVisible();
  }
  // each save asks for a rebuild in the background: until the rebuild after the last save has run, the
  // page may have no row to order yet, so reload and tick until the plan is saved (a rebuild keeps a
  // row's id, so a row ticked while one runs still saves)
  const boxes = page.getByTestId("restock-select");
  await expect(async () => {
    await page.goto("/restock?need=1");
    expect(await boxes.count()).toBeGreaterThan(0);
    await boxes.first().check();
    await page.getByTestId("supply-plan-save").click();
    await expect(page.getByTestId("supply-plan-message")).toHaveText(/Сохран[её]н/, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  const row = page.getByTestId("supply-plan-row").first();
  await expect(row.getByTestId("supply-plan-status")).toHaveText("черновик");
  const download = page.waitForEvent("download");
  await row.getByTestId("supply-plan-xlsx").click();
  expect((await download).suggestedFilename()).toMatch(/^supply-plan-\d+\.xlsx$/);
  await row.getByTestId("supply-plan-ship").click();
  await expect(row.getByTestId("supply-plan-status")).toHaveText("отгружен, учитывается как в пути");
});

test("plan settings: store defaults and a CSV whose bad row is named by line", async ({ page }) => {
  await page.goto("/restock/settings");
  await setLocale(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Restock plan settings");
  expect(await seriousViolations(page)).toEqual([]);
  await page
    .getByTestId("restock-import")
    .locator('input[type="file"]')
    .setInputFiles({
      name: "restock.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("article;lead_time_days\nNO-SUCH-SKU;7\n"),
    });
  await page.getByTestId("restock-import-submit").click();
  await expect(page.getByTestId("restock-import-errors")).toContainText("line 2: No such SKU.");
  // a supplier closure: a last day before the first is named beside its field; a good one is listed, then deleted
  const closureForm = page.getByTestId("supplier-closure-form");
  await closureForm.getByLabel("First day").fill("2027-02-20");
  await closureForm.getByLabel("Last day").fill("2027-02-01");
  await closureForm.getByLabel("Note").fill("<b>Chinese New Year</b>");
  await closureForm.getByTestId("supplier-closure-add").click();
  await expect(closureForm.getByTestId("field-error-lastDay")).toHaveText("The last day cannot be before the first.");
  await closureForm.getByLabel("First day").fill("2027-02-01");
  await closureForm.getByLabel("Last day").fill("2027-02-20");
  await closureForm.getByTestId("supplier-closure-add").click();
  const closure = page.getByTestId("supplier-closure").filter({ hasText: "<b>Chinese New Year</b>" });
  await expect(closure).toHaveCount(1);
  await expect(closure).toContainText("2027");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("restock-settings-en"), fullPage: true });
  await setLocale(page, "ru");
  await expect(page.getByRole("heading", { name: "Перерывы поставщика" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("restock-settings-ru"), fullPage: true });
  await closure.getByTestId("supplier-closure-delete").click();
  await expect(closure).toHaveCount(0);
});
