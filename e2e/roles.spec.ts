// The role matrix in the UI: a viewer sees but cannot edit; an editor can sync but not manage;
// the owner manages stores and users. (The server-side refusal is e2e/actions.spec.ts.)
import { expect, test } from "@playwright/test";
import { storageState } from "./support/fixtures";

test.describe("viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("sees stores and sync, read-only, and cannot open user management", async ({ page }) => {
    await page.goto("/settings/stores");
    await expect(page.getByTestId("stores-table")).toBeVisible();
    await expect(page.getByTestId("read-only-note")).toBeVisible();
    await expect(page.getByTestId("add-store-form")).toHaveCount(0);
    await page.getByTestId("stores-table").getByRole("link").first().click();
    await expect(page.getByTestId("store-facts")).toBeVisible();
    await expect(page.getByTestId("test-connection")).toHaveCount(0);
    await expect(page.getByTestId("replace-credentials-form")).toHaveCount(0);

    await page.goto("/sync");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Синхронизация");
    await expect(page.getByTestId("sync-now")).toHaveCount(0);

    await page.goto("/settings/users");
    await expect(page).not.toHaveURL(/\/settings\/users/);
    await expect(page.getByRole("link", { name: "Пользователи" })).toHaveCount(0);
  });
});

test.describe("editor", () => {
  test.use({ storageState: storageState("editor") });

  test("can run a sync but cannot manage stores or users", async ({ page }) => {
    await page.goto("/sync");
    await expect(page.getByTestId("sync-now")).toBeVisible();
    await page.goto("/settings/stores");
    await expect(page.getByTestId("add-store-form")).toHaveCount(0);
    await page.goto("/settings/users");
    await expect(page).not.toHaveURL(/\/settings\/users/);
  });
});

test.describe("owner", () => {
  test.use({ storageState: storageState("owner") });

  test("manages stores and users", async ({ page }) => {
    await page.goto("/settings/stores");
    await expect(page.getByTestId("add-store-form")).toBeVisible();
    await page.goto("/settings/users");
    await expect(page.getByTestId("create-user-form")).toBeVisible();
    await page.goto("/sync");
    await expect(page.getByTestId("sync-now")).toBeVisible();
  });
});

test("an anonymous visit to a dashboard page is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/settings/stores");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fstores/);
});
