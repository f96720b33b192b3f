// Seeds the e2e server through the app itself: the first owner via /setup, then users via the
// users page. Saves a signed-in storage state per role for the specs.
import { expect, test as setup } from "@playwright/test";
import { accounts, readSetupCode, screenshotPath, signIn, signInAs, storageState } from "./support/fixtures";

setup("first run: / leads to /setup, which creates the owner and signs in", async ({ page }, testInfo) => {
  if (testInfo.retry > 0) {
    // a retry after the owner was created (e.g. the browser hung closing the context): sign in instead
    await signInAs(page, "owner");
    await page.context().storageState({ path: storageState("owner") });
    return;
  }
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Первый запуск: создайте владельца");
  await page.screenshot({ path: screenshotPath("setup-ru"), fullPage: true });

  await page.getByTestId("locale-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("First run: create the owner");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: screenshotPath("setup-en"), fullPage: true });

  // field errors beside their fields
  await page.getByLabel("Setup code").fill("x");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Password again").fill("different");
  await page.getByTestId("setup-submit").click();
  await expect(page.getByTestId("field-error-email")).toBeVisible();
  await expect(page.getByTestId("field-error-password")).toContainText("8");
  await page.screenshot({ path: screenshotPath("setup-errors-en"), fullPage: true });

  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  // whoever reaches /setup first is not the owner without the code the server printed
  const setupCode = readSetupCode();
  expect(setupCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await page.getByLabel("Код первого запуска").fill("AAAA-BBBB-CCCC");
  await page.getByLabel("Email").fill("intruder@e2e.test");
  await page.getByLabel("Пароль", { exact: true }).fill("intruder-password-1");
  await page.getByLabel("Пароль ещё раз").fill("intruder-password-1");
  await page.getByTestId("setup-submit").click();
  await expect(page.getByTestId("field-error-setupCode")).toHaveText("Это не тот код, который напечатал сервер.");
  await page.screenshot({ path: screenshotPath("setup-wrong-code-ru"), fullPage: true });
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Код первого запуска").fill("");
  await page.getByLabel("Код первого запуска").fill(setupCode.toLowerCase());
  await page.getByLabel("Email").fill(accounts.owner.email);
  await page.getByLabel("Имя (необязательно)").fill("Анна");
  await page.getByLabel("Пароль", { exact: true }).fill(accounts.owner.password);
  await page.getByLabel("Пароль ещё раз").fill(accounts.owner.password);
  await page.getByTestId("setup-submit").click();
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByTestId("current-user")).toHaveText(accounts.owner.email);
  // an empty dashboard that says which store to connect (an env Ozon store may exist: then it is not shown)
  await page.context().storageState({ path: storageState("owner") });

  // /setup is closed for good
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login|\/overview/);
});

setup("the owner creates the other users", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("owner") });
  const page = await context.newPage();
  await page.goto("/settings/users");
  for (const [name, role] of [
    ["editor", "editor"],
    ["viewer", "viewer"],
    ["lockme", "viewer"],
    ["victim", "editor"],
    ["changer", "viewer"],
  ] as const) {
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Email").fill(accounts[name].email);
    await form.getByLabel("Роль", { exact: true }).selectOption(role);
    await form.getByLabel("Пароль", { exact: true }).fill(accounts[name].password);
    await form.getByTestId("create-user-submit").click();
    await expect(page.getByTestId(`user-row-${accounts[name].email}`)).toBeVisible();
  }
  await context.close();
});

for (const name of ["editor", "viewer"] as const) {
  setup(`sign in as ${name}`, async ({ page }) => {
    await signInAs(page, name);
    await page.context().storageState({ path: storageState(name) });
  });
}

setup("login page screenshots in both languages", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход в Sovani");
  await page.screenshot({ path: screenshotPath("login-ru"), fullPage: true });
  await signIn(page, "nobody@e2e.test", "wrong-password-1");
  await expect(page.getByTestId("form-error")).toHaveText("Неверный email или пароль.");
  await page.screenshot({ path: screenshotPath("login-error-ru"), fullPage: true });
  await page.getByTestId("locale-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Sovani");
  await page.screenshot({ path: screenshotPath("login-en"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("login-en-phone"), fullPage: true });
});
