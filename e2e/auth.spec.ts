// Sign-in behaviour: one generic error, lockout, cookie flags, and revocation on the next request.
import { expect, test } from "@playwright/test";
import { accounts, screenshotPath, signIn, signInAs, storageState } from "./support/fixtures";

test.describe.configure({ mode: "serial" });

test("wrong password and unknown email get the same generic message", async ({ page }) => {
  await signIn(page, accounts.viewer.email, "definitely-wrong-1");
  await expect(page.getByTestId("form-error")).toHaveText("Неверный email или пароль.");
  const known = await page.getByTestId("form-error").textContent();
  await signIn(page, "nobody-here@e2e.test", "definitely-wrong-1");
  await expect(page.getByTestId("form-error")).toHaveText(known!);
  await expect(page).toHaveURL(/\/login/);
});

test("after sign-in only a path on this site is followed: tricky next values stay on the origin", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const tricky = [
    "%2F%09%2Fevil-host%2Fx", // tab: the browser strips it and would read //evil-host
    "%2F%0A%2Fevil-host%2Fx", // newline: answered 500 before
    "%2F%0D%0A%2Fevil-host",
    "%2F%5Cevil-host%2Fx",
    "%5C%5Cevil-host",
    "%2F%2Fevil-host",
    "https%3A%2F%2Fevil-host%2Foverview",
    "javascript%3Aalert(1)",
    "%2F.%2F%2Fevil-host",
  ];
  for (const next of tricky) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${next}`);
    await page.getByLabel(/^(Email)$/).fill(accounts.viewer.email);
    await page.getByLabel(/^(Пароль|Password)$/).fill(accounts.viewer.password);
    await page.getByTestId("login-submit").click();
    await expect(page, next).toHaveURL(/\/overview/);
    expect(new URL(page.url()).origin, next).toBe(origin);
  }
  // a real path on this site, with its query, is followed
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent("/skus?q=cup")}`);
  await page.getByLabel(/^(Email)$/).fill(accounts.viewer.email);
  await page.getByLabel(/^(Пароль|Password)$/).fill(accounts.viewer.password);
  await page.getByTestId("login-submit").click();
  await expect(page).toHaveURL(/\/skus\?q=cup$/);
});

test("after repeated failures the account is locked and even the right password is refused", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, accounts.lockme.email, `wrong-password-${i}`);
    await expect(page.getByTestId("form-error")).toBeVisible();
  }
  await signIn(page, accounts.lockme.email, accounts.lockme.password);
  await expect(page.getByTestId("form-error")).toContainText("заблокирован");
  await expect(page).toHaveURL(/\/login/);
  // other accounts from the same address still work (the per-IP limit is higher)
  await signInAs(page, "viewer");
});

test("the session cookie is HttpOnly, SameSite=Lax and lives at most 12 hours", async ({ page }) => {
  await signInAs(page, "viewer");
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000 + 60_000);
});

test("signing out invalidates the old cookie, even a copy of it", async ({ browser }) => {
  const a = await browser.newContext();
  const page = await a.newPage();
  await signInAs(page, "victim");
  const stolen = await a.cookies();
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login/);

  const b = await browser.newContext();
  await b.addCookies(stolen);
  const replay = await b.newPage();
  await replay.goto("/settings/stores");
  await expect(replay).toHaveURL(/\/login/);
  // Auth.js's own session endpoint neither answers with the session nor re-issues the cookie
  const session = await b.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect(await session.json()).toBeNull();
  const reissued = session
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token=[^;]+/.test(h.value));
  expect(reissued).toEqual([]);
  await Promise.all([a.close(), b.close()]);
});

test("a role change applies on the user's next request", async ({ browser }) => {
  const victim = await browser.newContext();
  const vp = await victim.newPage();
  await signInAs(vp, "victim");
  await expect(vp.getByTestId("current-role")).toHaveText("Редактор");

  const owner = await browser.newContext({ storageState: storageState("owner") });
  const op = await owner.newPage();
  await op.goto("/settings/users");
  await op.getByTestId(`role-select-${accounts.victim.email}`).selectOption("viewer");
  await op.getByTestId(`role-save-${accounts.victim.email}`).click();
  // wait for the change itself (the row's select lists every role name, so check the role cell)
  await expect(op.getByTestId(`user-role-${accounts.victim.email}`)).toHaveText("Наблюдатель");

  // the old session is void: next request goes to /login; a fresh sign-in carries the new role
  await vp.goto("/settings/stores");
  await expect(vp).toHaveURL(/\/login/);
  await signInAs(vp, "victim");
  await expect(vp.getByTestId("current-role")).toHaveText("Наблюдатель");

  // disabling ends the session too, and the user can no longer sign in
  await op.getByTestId(`toggle-disabled-${accounts.victim.email}`).click();
  await expect(op.getByTestId(`user-row-${accounts.victim.email}`)).toContainText("Отключён");
  await vp.goto("/sync");
  await expect(vp).toHaveURL(/\/login/);
  await signIn(vp, accounts.victim.email, accounts.victim.password);
  await expect(vp.getByTestId("form-error")).toHaveText("Неверный email или пароль.");

  // the owner cannot change their own role or disable themself: no controls on their own row
  await expect(op.getByTestId(`role-select-${accounts.owner.email}`)).toHaveCount(0);
  await Promise.all([victim.close(), owner.close()]);
});

test("the change log records the user changes without secrets", async ({ browser }) => {
  const owner = await browser.newContext({ storageState: storageState("owner") });
  const page = await owner.newPage();
  await page.goto("/settings/audit");
  const table = page.getByTestId("audit-table");
  // entries read as sentences (the codes only behind the raw toggle)
  await expect(table).toContainText("создал(а) пользователя");
  await expect(table).toContainText("изменил(а) роль");
  await expect(table).toContainText("отключил(а) пользователя");
  await expect(table).not.toContainText("user.create");
  await expect(table).not.toContainText("argon2");
  await expect(table).not.toContainText(accounts.victim.password);
  await owner.close();
});

test("a user changes their own password: errors beside the fields, then every session ends and only the new password works", async ({
  browser,
}) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signInAs(page, "changer");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, "changer");

  // the signed-in email in the header leads to the user's own account page
  await page.getByTestId("current-user").click();
  await expect(page).toHaveURL(/\/settings\/account/);
  const form = page.getByTestId("change-password-form");
  await form.getByLabel("Текущий пароль").fill("not-my-password-1");
  await form.getByLabel("Новый пароль", { exact: true }).fill("changer-password-2");
  await form.getByLabel("Новый пароль ещё раз").fill("changer-password-2");
  await form.getByTestId("change-password-submit").click();
  await expect(form.getByText("Это не ваш текущий пароль.")).toBeVisible();
  await page.screenshot({ path: screenshotPath("account-ru"), fullPage: true });

  await form.getByLabel("Текущий пароль").fill(accounts.changer.password);
  await form.getByLabel("Новый пароль", { exact: true }).fill("changer-password-2");
  await form.getByLabel("Новый пароль ещё раз").fill("changer-password-3");
  await form.getByTestId("change-password-submit").click();
  await expect(form.getByText("Пароли не совпадают.")).toBeVisible();

  await form.getByLabel("Текущий пароль").fill(accounts.changer.password);
  await form.getByLabel("Новый пароль", { exact: true }).fill("changer-password-2");
  await form.getByLabel("Новый пароль ещё раз").fill("changer-password-2");
  await form.getByTestId("change-password-submit").click();
  await expect(page).toHaveURL(/\/login\?changed=1/);
  await expect(page.getByTestId("password-changed")).toBeVisible();

  // the other session ended too; the old password no longer signs in, the new one does
  await otherPage.goto("/overview");
  await expect(otherPage).toHaveURL(/\/login/);
  await signIn(page, accounts.changer.email, accounts.changer.password);
  await expect(page.getByTestId("form-error")).toHaveText("Неверный email или пароль.");
  await signIn(page, accounts.changer.email, "changer-password-2");
  await expect(page).toHaveURL(/\/overview/);
  await Promise.all([first.close(), other.close()]);
});
