// Runs first, on the fresh server: the front door before any user exists, and a production server
// that must refuse to start without its secrets.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("before any user exists, every entry leads to /setup", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/setup$/);
});

function startWithout(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-boot-"));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PGLITE_DIR: path.join(dir, "pg"),
    NEXT_DIST_DIR: path.relative(process.cwd(), process.env.E2E_DIST_DIR ?? ".next"),
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/next", ["start", "-p", "0", "-H", "127.0.0.1"], {
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

test("a production server refuses to start without AUTH_SECRET, or with a short one, or without APP_ENCRYPTION_KEY", async () => {
  test.setTimeout(120_000);
  const key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  const noSecret = await startWithout({ AUTH_SECRET: undefined, APP_ENCRYPTION_KEY: key, DATABASE_URL: undefined });
  expect(noSecret.code).not.toBe(0);
  expect(noSecret.output).toContain("AUTH_SECRET is missing");

  const short = await startWithout({
    AUTH_SECRET: "too-short-secret",
    APP_ENCRYPTION_KEY: key,
    DATABASE_URL: undefined,
  });
  expect(short.code).not.toBe(0);
  expect(short.output).toContain("AUTH_SECRET is too short");

  const noKey = await startWithout({
    AUTH_SECRET: "x".repeat(40),
    APP_ENCRYPTION_KEY: undefined,
    DATABASE_URL: undefined,
  });
  expect(noKey.code).not.toBe(0);
  expect(noKey.output).toContain("APP_ENCRYPTION_KEY is missing");
});
