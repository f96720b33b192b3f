// The sync page: "Sync now" runs a real sync against the marketplace emulator (the stores' first, so
// it loads 90 days of history); the run history shows per-source counts and errors, the quarantine its
// reasons, and each store its token state. "Load history" collects again from a chosen day.
import { expect, type Page, test } from "@playwright/test";
import { leakedCanaries, screenshotPath, storageState } from "./support/fixtures";

test.use({ storageState: storageState("owner") });

/** A business day (APP_TIMEZONE is Europe/Moscow in the e2e server) `offset` days from today, as the Russian UI writes it. */
function ruDay(offset: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10).split("-").reverse().join(".");
}

async function waitForFinishedRuns(page: Page) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("sync-runs")).toBeVisible();
    await expect(page.getByTestId("sync-runs")).not.toContainText("Идёт");
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

test("Sync now fills the run history, the quarantine and the per-store status", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/sync");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Синхронизация");
  // no store has synced yet: each says its first sync loads the history
  const stores = await page.locator("[data-testid^=store-status-]").count();
  expect(stores).toBeGreaterThan(1);
  await expect(page.getByTestId("first-sync-pending")).toHaveCount(stores);
  await page.getByTestId("sync-now").click();
  await expect(page.getByTestId("sync-now-result")).toBeVisible({ timeout: 60_000 });
  // the inline run may still be going: wait until the history shows finished runs
  await waitForFinishedRuns(page);

  const runs = page.getByTestId("sync-runs");
  await expect(runs).toContainText("Успешно");
  await expect(runs).toContainText("Ошибка"); // the store with the rejected token
  // the first sync covered 90 days, today included
  await expect(runs.getByRole("row").filter({ hasText: "Успешно" }).first()).toContainText(
    `${ruDay(-89)} – ${ruDay(0)}`,
  );
  // the store with the rejected token still waits for its history; the others have theirs
  await expect(page.getByTestId("first-sync-pending")).toHaveCount(1);
  const body = await page.content();
  expect(leakedCanaries(body)).toEqual([]);
  // the store with the rejected token says so, and failures are worded in Russian, never as exception text
  await expect(page.locator('[data-testid="connection-state"][data-state="token_rejected"]').first()).toBeVisible();
  await expect(page.getByTestId("source-failure").first()).toContainText("Маркетплейс отклонил ключ");
  await expect(page.locator("main")).not.toContainText("rejected the credentials");
  // sources named for people
  await expect(page.locator("main")).toContainText("Продажи WB");
  // the emulator serves malformed records among the history: quarantined with their reasons
  await expect(page.getByTestId("quarantine")).toBeVisible();
  await page.screenshot({ path: screenshotPath("sync-ru"), fullPage: true });

  await page.getByTestId("locale-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sync");
  await page.screenshot({ path: screenshotPath("sync-en"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("sync-en-phone"), fullPage: true });
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});

test("Load history refuses a day after today beside its field, and collects one store again from a chosen day", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/sync");
  const form = page.getByTestId("history-form");
  await expect(form.getByTestId("history-from")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("sync-runs")).toBeVisible();
  const runsBefore = await page.getByTestId("sync-runs").getByRole("row").count();

  const iso = (ru: string) => ru.split(".").reverse().join("-");
  await form.getByTestId("history-from").fill(iso(ruDay(1)));
  await form.getByTestId("history-submit").click();
  await expect(form.getByTestId("field-error-from")).toHaveText("Первый день не может быть позже сегодняшнего.");
  await expect(form.getByTestId("history-from")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByTestId("sync-runs").getByRole("row")).toHaveCount(runsBefore); // nothing started

  await form.getByLabel("Магазин").selectOption({ label: "WB основной · Wildberries" });
  await form.getByTestId("history-from").fill(iso(ruDay(-9)));
  await form.getByTestId("history-submit").click();
  await expect(form.getByTestId("history-result")).toBeVisible({ timeout: 60_000 });
  await waitForFinishedRuns(page);
  // newest first: the recalculation of those days, then the store's run
  const runs = page.getByTestId("sync-runs").getByRole("row");
  await expect(runs.nth(1)).toContainText("Пересчёт показателей");
  // the recalculation also covers the 21-day settlement window and the 14 days before it (today - 34)
  await expect(runs.nth(1)).toContainText(`${ruDay(-34)} – ${ruDay(0)}`);
  await expect(runs.nth(1).getByTestId("recalc-summary")).toContainText(/Пересчитано товаро-дней: \d+/);
  await expect(runs.nth(2)).toContainText("WB основной");
  await expect(runs.nth(2)).toContainText("Успешно");
  // the store's run starts on the chosen day, or earlier when days before it still wait for their finance lines
  const range = /(\d{2}\.\d{2}\.\d{4}) – (\d{2}\.\d{2}\.\d{4})/.exec((await runs.nth(2).textContent()) ?? "");
  expect(range?.[2]).toBe(ruDay(0));
  expect(iso(range![1]) <= iso(ruDay(-9)) && iso(range![1]) >= iso(ruDay(-20))).toBe(true);
  await expect(runs).toHaveCount(runsBefore + 2);
});
