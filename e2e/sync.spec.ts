// The sync page: "Sync now" runs a real sync against the marketplace emulator; the run history shows
// per-source counts and errors, the quarantine its reasons, and each store its token state.
import { expect, test } from "@playwright/test";
import { leakedCanaries, screenshotPath, storageState } from "./support/fixtures";

test.use({ storageState: storageState("owner") });

test("Sync now fills the run history, the quarantine and the per-store status", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/sync");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Синхронизация");
  await page.getByTestId("sync-now").click();
  await expect(page.getByTestId("sync-now-result")).toBeVisible({ timeout: 60_000 });
  // the inline run may still be going: wait until the history shows finished runs
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("sync-runs")).toBeVisible();
    await expect(page.getByTestId("sync-runs")).not.toContainText("Идёт");
  }).toPass({ timeout: 120_000, intervals: [2_000] });

  const runs = page.getByTestId("sync-runs");
  await expect(runs).toContainText("Успешно");
  await expect(runs).toContainText("Ошибка"); // the store with the rejected token
  const body = await page.content();
  expect(leakedCanaries(body)).toEqual([]);
  await expect(page.getByText("Ключ отклонён — замените его в настройках магазина")).toBeVisible();
  // the quarantine is listed with its reasons, or says it is empty (Sync now covers the last 3 days)
  await expect(page.getByTestId("quarantine").or(page.getByTestId("no-quarantine"))).toBeVisible();
  await page.screenshot({ path: screenshotPath("sync-ru"), fullPage: true });

  await page.getByTestId("locale-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sync");
  await page.screenshot({ path: screenshotPath("sync-en"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("sync-en-phone"), fullPage: true });
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});
