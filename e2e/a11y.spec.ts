// Accessibility smoke test with axe on the pages this area owns, and keyboard-only sign-in.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { accounts, storageState } from "./support/fixtures";

async function seriousViolations(page: import("@playwright/test").Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

test("the login page has no serious accessibility violations and works with the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
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
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
