// Accessibility smoke test with axe on the pages this area owns, and keyboard-only sign-in.
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/dashboard";
import { accounts, storageState } from "./support/fixtures";

const WCAG_A_AA = ["wcag2a", "wcag2aa"];

test("the login page has no serious accessibility violations and works with the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page, WCAG_A_AA)).toEqual([]);
  await page.keyboard.type(accounts.editor.email); // the email field has focus on arrival
  await page.keyboard.press("Tab");
  await page.keyboard.type(accounts.editor.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/overview/);
});

test.describe("signed in", () => {
  test.use({ storageState: storageState("owner") });

  for (const path of ["/settings/stores", "/settings/users", "/settings/account", "/sync"]) {
    test(`${path} has no serious accessibility violations`, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page, WCAG_A_AA)).toEqual([]);
    });
  }
});
