// The P&L statement and reconciliation pages on the emulator's synced data: the statement lists the
// twelve lines and the totals, a line opens its SKUs with the allocation rule in the URL, the export
// holds the rows shown, and reconciliation lists the marketplaces' statements. Not run by helpers:
// the lead runs the e2e suite.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { PNL_LINES } from "../../lib/domain/pnl-lines";
import { seriousViolations } from "../support/dashboard";
import { screenshotPath, storageState } from "../support/fixtures";

test.use({ storageState: storageState("owner") });

// the twelve lines in the vocabulary's order, then the totals
const ROWS = [...PNL_LINES, "net_sales", "payout", "cogs", "gross_profit"];

test("P&L shows every line in order, opens a line's SKUs and exports the statement", async ({ page }) => {
  await page.goto("/pnl");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("page-error")).toHaveCount(0);
  const table = page.getByTestId("pnl-statement");
  await expect(table).toBeVisible();
  const keys = await table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => (r.getAttribute("data-testid") ?? "").replace("pnl-row-", "")));
  expect(keys).toEqual(ROWS);
  await expect(page.getByTestId("pnl-margin")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("dash-pnl"), fullPage: true });

  await page.getByTestId("pnl-row-sales").getByRole("link").click();
  await expect(page).toHaveURL(/line=sales/);
  await expect(page.getByTestId("pnl-drill").or(page.getByTestId("pnl-drill-empty"))).toBeVisible();
  await page.getByTestId("segment-units").click();
  await expect(page).toHaveURL(/alloc=units/);

  await page.goto("/pnl");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
  const lines = text.trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + ROWS.length);
  expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(ROWS);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});

test("reconciliation lists the marketplaces' statements beside Sovani's payout", async ({ page }) => {
  await page.goto("/reconciliation");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("page-error")).toHaveCount(0);
  // the emulator's statements are built from the same lines it serves: every period, WB report or Ozon
  // payout, must match Sovani's payout to the kopeck
  await expect(page.getByTestId("reconciliation")).toBeVisible();
  const gaps = page.getByTestId("reconciliation-gap");
  expect(await gaps.count()).toBeGreaterThan(0);
  for (const gap of await gaps.all()) expect((await gap.innerText()).replace(/\s/g, "")).toBe("0,00₽");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("dash-reconciliation"), fullPage: true });
});
