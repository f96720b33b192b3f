// Playwright against `next start` of the production build. Run through `npm run test:e2e`
// (scripts/e2e.mjs), which builds, prepares a database and the emulator, and sets E2E_BASE_URL.
import { defineConfig } from "@playwright/test";

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  // one retry on CI, where a shared machine has made Chromium hang closing a context; a retried test
  // is listed as "flaky" in the output, so it is seen, not hidden
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "boot", testMatch: /boot\.spec\.ts/ },
    { name: "setup", testMatch: /global\.setup\.ts/, dependencies: ["boot"] },
    { name: "app", testMatch: /(auth|headers|roles|stores|a11y)\.spec\.ts/, dependencies: ["setup"] },
    { name: "sync", testMatch: /sync\.spec\.ts/, dependencies: ["app"] },
    // after everything else: the action sweep (uses the stores and users made above) and the canary checks
    // the dashboard pages on the data the sync project collected (issue 6)
    { name: "dashboard", testMatch: /dashboard\/.*\.spec\.ts/, dependencies: ["sync"] },
    { name: "final", testMatch: /(actions|zz-canary)\.spec\.ts/, dependencies: ["sync", "dashboard"] },
    // two more servers of the same build on a PostgreSQL database of their own (issue 22)
    { name: "processes", testMatch: /processes\.spec\.ts/, dependencies: ["final"] },
  ],
});
