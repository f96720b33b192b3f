// Shared e2e helpers: the seeded accounts, sign-in, and the values scripts/e2e.mjs passes in.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const accounts = {
  owner: { email: "owner@e2e.test", password: "owner pass phrase 2026" },
  editor: { email: "editor@e2e.test", password: "editor-password-1" },
  viewer: { email: "viewer@e2e.test", password: "viewer-password-1" },
  lockme: { email: "lockme@e2e.test", password: "lockme-password-1" },
  victim: { email: "victim@e2e.test", password: "victim-password-1" },
  changer: { email: "changer@e2e.test", password: "changer-password-1" },
} as const;

export type AccountName = keyof typeof accounts;

export const storageState = (name: AccountName) => `e2e/.auth/${name}.json`;

export const canaries: Record<string, string> = JSON.parse(process.env.E2E_CANARIES ?? "{}");
export const emulator: {
  url: string;
  wbToken: string;
  wbReadOnlyToken: string;
  ozonClientId: string;
  ozonApiKey: string;
} = JSON.parse(process.env.E2E_EMULATOR ?? "{}");

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Пароль|Password)$/).fill(password);
  await page.getByTestId("login-submit").click();
}

export async function signInAs(page: Page, name: AccountName): Promise<void> {
  await signIn(page, accounts[name].email, accounts[name].password);
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByTestId("current-user")).toHaveText(accounts[name].email);
}

/** every canary value found in a text */
export function leakedCanaries(text: string): string[] {
  return Object.entries(canaries)
    .filter(([, value]) => value && text.includes(value))
    .map(([key]) => key);
}

/** The one-time setup code the server wrote under its data directory at start-up. */
export function readSetupCode(): string {
  return fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? ".data", "setup-code"), "utf8").trim();
}

export const screenshotPath = (name: string) => `test-results/screenshots/${name}.png`;
