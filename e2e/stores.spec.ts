// Stores: an owner adds WB stores; the token is encrypted, shown as its last 4 only, and "Test
// connection" reports success or a rejected token in plain words. The env store is read-only.
import { expect, type Page, test } from "@playwright/test";
import { canaries, emulator, leakedCanaries, screenshotPath, storageState } from "./support/fixtures";

test.use({ storageState: storageState("owner") });
test.describe.configure({ mode: "serial" });

async function addWbStore(page: Page, name: string, token: string) {
  await page.goto("/settings/stores");
  const form = page.getByTestId("add-store-form");
  await form.getByTestId("store-marketplace").selectOption("WB");
  await form.getByLabel("Название").fill(name);
  await form.getByLabel("Токен API Wildberries").fill(token);
  await form.getByTestId("add-store-submit").click();
  await expect(page.getByTestId("form-success")).toBeVisible();
}

test("the env store is listed read-only", async ({ page }) => {
  await page.goto("/settings/stores");
  const row = page.getByTestId("stores-table").getByRole("row").filter({ hasText: "Из переменных окружения" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(emulator.ozonApiKey.slice(-4));
  await expect(row).not.toContainText(emulator.ozonApiKey);
  await row.getByRole("link").click();
  await expect(page.getByTestId("store-facts")).toContainText("меняется только там");
  await expect(page.getByTestId("replace-credentials-form")).toHaveCount(0);
  await page.getByTestId("test-connection").click();
  await expect(page.getByTestId("test-connection-result")).toHaveText("Подключение работает: маркетплейс принял ключ.");
});

test("field errors appear beside their fields", async ({ page }) => {
  await page.goto("/settings/stores");
  const form = page.getByTestId("add-store-form");
  await form.getByTestId("store-marketplace").selectOption("OZON");
  await form.getByLabel("Client-Id Ozon").fill("12ab");
  await form.getByLabel("API-ключ Ozon").fill("short");
  await form.getByTestId("add-store-submit").click();
  await expect(page.getByTestId("field-error-clientId")).toHaveText("Только цифры.");
  await expect(page.getByTestId("field-error-apiKey")).toContainText("16");
  await expect(page.getByTestId("field-error-name")).toHaveText("Обязательное поле.");
});

test("an owner adds a WB store; the token is shown only as its last four characters; test connection succeeds", async ({
  page,
}) => {
  await addWbStore(page, "WB основной", emulator.wbToken);
  const row = page.getByTestId("stores-table").getByRole("row").filter({ hasText: "WB основной" });
  await expect(row.getByTestId("store-last4")).toHaveText(`•••• ${emulator.wbToken.slice(-4)}`);
  expect(await page.content()).not.toContain(emulator.wbToken);
  // saved but never checked: not "working"
  await expect(row.getByTestId("connection-state")).toHaveAttribute("data-state", "not_verified");
  await expect(row.getByTestId("connection-state")).toContainText("Не проверен");
  await page.screenshot({ path: screenshotPath("stores-ru"), fullPage: true });

  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/settings\/stores\/\d+$/);
  const storeId = page.url().split("/").pop();
  await page.goto("/sync");
  await expect(page.getByTestId(`store-status-${storeId}`).getByTestId("connection-state")).toHaveAttribute(
    "data-state",
    "not_verified",
  );
  await page.goto(`/settings/stores/${storeId}`);
  await page.getByTestId("test-connection").click();
  await expect(page.getByTestId("test-connection-result")).toHaveText("Подключение работает: маркетплейс принял ключ.");
  // Test connection and the sync page agree
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "working");
  await page.goto("/sync");
  await expect(page.getByTestId(`store-status-${storeId}`).getByTestId("connection-state")).toContainText(
    "Ключ работает",
  );
  await page.goto(`/settings/stores/${storeId}`);
  expect(await page.content()).not.toContain(emulator.wbToken);
  await page.screenshot({ path: screenshotPath("store-details-ru"), fullPage: true });
});

test("a rejected token is reported in plain words and never echoed back", async ({ page }) => {
  await addWbStore(page, "WB с неверным токеном", canaries.WB_TOKEN);
  const row = page.getByTestId("stores-table").getByRole("row").filter({ hasText: "WB с неверным токеном" });
  await expect(row.getByTestId("store-last4")).toHaveText(`•••• ${canaries.WB_TOKEN.slice(-4)}`);
  await row.getByRole("link").click();
  const responses: string[] = [];
  page.on("response", async (r) => {
    if (r.request().method() === "POST") responses.push(await r.text().catch(() => ""));
  });
  await page.getByTestId("test-connection").click();
  await expect(page.getByTestId("test-connection-result")).toContainText("Маркетплейс отклонил ключ");
  await expect(page.getByTestId("store-facts")).toContainText("Маркетплейс отклонил ключ.");
  expect(leakedCanaries(responses.join("\n") + (await page.content()))).toEqual([]);

  await page.getByTestId("locale-switch").click();
  await expect(page.getByTestId("store-facts")).toContainText("The marketplace rejected the key.");
  await page.screenshot({ path: screenshotPath("store-details-en"), fullPage: true });
  await page.goto("/settings/stores");
  await page.screenshot({ path: screenshotPath("stores-en"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("stores-en-phone"), fullPage: true });
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});

test("store changes are in the change log, without the token", async ({ page }) => {
  await page.goto("/settings/audit");
  const table = page.getByTestId("audit-table");
  await expect(table).toContainText("подключил(а) магазин Wildberries «WB основной»");
  await expect(table).not.toContainText(emulator.wbToken);
  expect(leakedCanaries(await page.content())).toEqual([]);
  // filtered by action, the raw record behind the toggle
  await page.getByTestId("audit-action").selectOption("store.create");
  await page.getByTestId("audit-apply").click();
  await expect(page).toHaveURL(/action=store.create/);
  await expect(page.getByTestId("audit-sentence").first()).toContainText("подключил(а) магазин");
  await expect(page.getByTestId("audit-raw")).toHaveCount(0);
  await page.getByTestId("audit-raw-toggle").click();
  await expect(page.getByTestId("audit-raw").first()).toContainText('"action": "store.create"');
  expect(leakedCanaries(await page.content())).toEqual([]);
  await page.screenshot({ path: screenshotPath("audit-ru"), fullPage: true });
  await page.getByTestId("locale-switch").click();
  await expect(page.getByTestId("audit-sentence").first()).toContainText("connected the Wildberries store");
  await page.screenshot({ path: screenshotPath("audit-en"), fullPage: true });
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});

test("an unknown store id gives the not-found page", async ({ page }) => {
  for (const id of ["999999", "abc", "0"]) {
    await page.goto(`/settings/stores/${id}`);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
});
