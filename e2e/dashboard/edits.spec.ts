// Edits through the UI: a cost price changes the profit shown; an import with bad rows shows each one
// and saves nothing; a viewer sees no editing controls; export downloads exactly the filtered rows (SKUs,
// cost prices, cash flow).
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { Workbook } from "@cj-tech-master/excelts";
import { storageState } from "../support/fixtures";

/** a CSV download's lines, without the BOM */
function csvLines(text: string): string[] {
  return text
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r?\n/);
}

async function topSellingSku(page: Page): Promise<{ article: string; href: string }> {
  await page.goto("/skus?sort=units&dir=desc");
  const link = page.getByTestId("sku-link").first();
  return { article: (await link.textContent())!.trim(), href: (await link.getAttribute("href"))! };
}

async function profitOf(page: Page, article: string): Promise<string> {
  await page.goto(`/skus?q=${encodeURIComponent(article)}`);
  await expect(page.getByTestId("sku-link").first()).toHaveText(article);
  return (await page.getByTestId("sku-profit").first().textContent())!.trim();
}

test.describe("editor", () => {
  test.use({ storageState: storageState("editor") });

  test("editing a cost price changes the profit shown", async ({ page }) => {
    test.setTimeout(120_000);
    const sku = await topSellingSku(page);
    const before = await profitOf(page, sku.article);
    await page.goto(sku.href);
    const form = page.getByTestId("cost-form");
    // from long before the synced days, so every day of the period gets this cost
    await form.getByTestId("cost-dt-from").fill("2020-01-01");
    await form.getByTestId("cost-price-input").fill("777,77");
    await form.getByTestId("cost-save").click();
    await expect(page.getByTestId("cost-saved")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("cost-history")).toContainText("777,77");
    const after = await profitOf(page, sku.article);
    expect(after).not.toEqual(before);

    // a different cost changes it again
    await page.goto(sku.href);
    await page.getByTestId("cost-edit").first().click();
    await page.getByTestId("cost-form").getByTestId("cost-price-input").fill("1,00");
    await page.getByTestId("cost-form").getByTestId("cost-save").click();
    await expect(page.getByTestId("cost-saved")).toBeVisible({ timeout: 60_000 });
    expect(await profitOf(page, sku.article)).not.toEqual(after);
  });

  test("an import with bad rows lists them with line numbers and saves nothing", async ({ page }) => {
    const sku = await topSellingSku(page);
    await page.goto("/costs");
    const csv = [
      `article;date;cost`,
      `${sku.article};2019-05-05;12,34`,
      `NO-SUCH-ARTICLE;2019-05-05;10`,
      `${sku.article};31.02.2019;10`,
      `${sku.article};2019-05-06;-3`,
    ].join("\n");
    await page
      .getByTestId("cost-import-file")
      .setInputFiles({ name: "costs.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("cost-import-check").click();
    const errors = page.getByTestId("cost-import-errors");
    await expect(errors).toBeVisible();
    await expect(errors.getByRole("row")).toHaveCount(4); // header + 3 bad rows
    await expect(errors).toContainText("такого товара нет");
    await expect(errors.getByRole("row").nth(1)).toContainText("3");
    await expect(errors.getByRole("row").nth(2)).toContainText("4");
    await expect(errors.getByRole("row").nth(3)).toContainText("5");
    await expect(page.getByTestId("cost-import-confirm")).toHaveCount(0);
    await expect(page.getByTestId("cost-import-blocked")).toBeVisible();

    // nothing was saved: the good row's cost is not in the SKU's history
    await page.goto(sku.href);
    await expect(page.getByTestId("cost-editor")).toBeVisible();
    await expect(page.getByTestId("cost-editor")).not.toContainText("12,34");
  });

  test("a file of almost 5 MB reaches the checks (the body limit agrees with the page), a larger one is a file error", async ({
    page,
  }) => {
    await page.goto("/costs");
    // 4.8 MB of rows whose articles do not exist: the server reads it and lists the first bad rows
    const line = "NO-SUCH-ARTICLE-PADDING-PADDING-PADDING;2026-11-01;10\n";
    const csv = `article;date;cost\n${line.repeat(Math.floor((4.8 * 1024 * 1024) / line.length))}`;
    await page
      .getByTestId("cost-import-file")
      .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("cost-import-check").click();
    await expect(page.getByTestId("cost-import-file-error")).toContainText("20");
    await expect(page.getByTestId("cost-import")).toBeVisible();

    await page
      .getByTestId("cost-import-file")
      .setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
    await page.getByTestId("cost-import-check").click();
    await expect(page.getByTestId("cost-import-error")).toContainText("5");
    await expect(page.getByTestId("cost-import")).toBeVisible();
  });

  test("export downloads the filtered rows", async ({ page }) => {
    const sku = await topSellingSku(page);
    await page.goto(`/skus?q=${encodeURIComponent(sku.article)}`);
    const summary = (await page.getByTestId("table-summary").textContent()) ?? "";
    const total = Number(summary.replace(/\s/g, "").match(/из(\d+)/)?.[1]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(total);
    expect(lines[1]).toContain(sku.article);

    // the Russian UI offers the CSV that Russian Excel opens into columns: semicolons, decimal commas
    const [ru] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv-ru").click()]);
    const ruLines = fs
      .readFileSync((await ru.path())!, "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\r?\n/);
    expect(ruLines.length - 1).toBe(total);
    expect(ruLines[1].split(";")[0]).toBe(lines[1].split(",")[0]);
    expect(ruLines[1]).toMatch(/;-?\d+,\d{2}(;|$)/);

    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // cost prices: the rows of the page's search, in the Russian dialect (a cost with a decimal comma or empty)
    await page.goto(`/costs?q=${encodeURIComponent(sku.article)}`);
    const costRows = await page.getByTestId("cost-table").locator("tbody tr").count();
    expect(costRows).toBeGreaterThan(0);
    const [costs] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv-ru").click()]);
    expect(costs.suggestedFilename()).toMatch(/^cost-prices-\d{4}-\d{2}-\d{2}\.csv$/);
    const costLines = csvLines(fs.readFileSync((await costs.path())!, "utf8"));
    expect(costLines[0].split(";").slice(0, 2)).toEqual(["Артикул", "Название"]);
    expect(costLines.length - 1).toBe(costRows);
    const costCells = costLines
      .slice(1)
      .find((line) => line.startsWith(`${sku.article};`))
      ?.split(";");
    expect(costCells?.[4]).toMatch(/^(\d+,\d{2})?$/);

    // cash flow: the page's table of days in a workbook, with a totals row equal to the operating tile
    await page.goto("/cashflow");
    const days = await page.getByTestId("cashflow-table").locator("tbody tr").count();
    expect(days).toBeGreaterThan(0);
    const [cash] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
    expect(cash.suggestedFilename()).toMatch(/^cashflow-day-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(fs.readFileSync((await cash.path())!));
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(days + 2);
    expect(sheet.getCell("A2").value).toBeInstanceOf(Date);
    expect(sheet.getCell(`A${days + 2}`).value).toBe("Итого");
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const operating = sheet.getCell(days + 2, headers.indexOf("Операционный итог") + 1).value as { result: number };
    const tile = (await page.getByTestId("cashflow-operating").locator("dd").first().textContent()) ?? "";
    const shown = Number(
      tile
        .replace(/[^\d,−-]/g, "")
        .replace("−", "-")
        .replace(",", "."),
    );
    expect(Math.abs(operating.result - shown)).toBeLessThanOrEqual(1);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("sees cost prices and commission rules but no editing controls", async ({ page }) => {
    const sku = await topSellingSku(page);
    await page.goto(sku.href);
    await expect(page.getByTestId("cost-readonly")).toBeVisible();
    await expect(page.getByTestId("cost-form")).toHaveCount(0);
    await expect(page.getByTestId("cost-edit")).toHaveCount(0);
    await page.goto("/costs");
    await expect(page.getByTestId("cost-import")).toHaveCount(0);
    await page.goto("/commissions");
    await expect(page.getByTestId("commissions-readonly")).toBeVisible();
    await expect(page.getByTestId("commission-form")).toHaveCount(0);
  });
});
