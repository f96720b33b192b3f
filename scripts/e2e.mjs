#!/usr/bin/env node
// `npm run test:e2e`: Playwright against the production build, on a database of its own.
//  0. finds Chromium (scripts/browser.mjs) and stops with one line when there is none;
//  1. builds (into NEXT_DIST_DIR or .next) when there is no build, the sources are newer, or the build
//     was not made by this script with the canary secrets in its environment;
//  2. prepares the database: E2E_DATABASE_URL (a fresh PostgreSQL database; CI sets it) migrated
//     with `npm run db:migrate`, or else a new temporary PGlite directory that only the server opens;
//  3. starts the marketplace emulator and `next start` with fixed test secrets, which double as
//     canaries: they must appear in no static file, page, action response or log line;
//  4. runs `playwright test` (extra arguments are passed through), stops everything, checks the
//     server log for canaries, and exits with Playwright's code.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { findChromium } from "./browser.mjs";
import { isBuildStale } from "./build-freshness.mjs";
import { freePort } from "./free-port.mjs";
import { productionBuildEnv } from "./production-build.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const distName = process.env.NEXT_DIST_DIR || ".next";
const distDir = path.join(root, distName);
const stampFile = path.join(distDir, "e2e-canary-build");

// Canary secrets: long, unique, greppable.
const canaries = {
  AUTH_SECRET: "e2e-canary-auth-secret-5b0f3c9a7d1e4f2a8c6b",
  APP_ENCRYPTION_KEY: "ZTJlLWNhbmFyeS1lbmNyeXB0aW9uLWtleS0wMTIzNDU=",
  WB_TOKEN: "e2e-canary-wb-token-9f8e7d6c5b4a39281706f5e4",
  DB_PASSWORD: "e2e-canary-db-password-71c3a9",
};

function needsBuild() {
  if (process.env.E2E_SKIP_BUILD === "1") return false;
  // a build made without the canary secrets (e.g. by npm start) must not be reused
  return !fs.existsSync(stampFile) || isBuildStale(root, distDir);
}

async function waitFor(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

function withPassword(url) {
  const u = new URL(url);
  if (!u.password) {
    if (!u.username) u.username = "postgres";
    u.password = canaries.DB_PASSWORD; // trust auth ignores it; it is a canary for the logs
  }
  return u.toString();
}

const children = [];
function stopAll() {
  for (const child of children.reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill("SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

async function main() {
  // no browser: one line now, not a build, a server and every test "did not run"
  const chromium = findChromium(process.env);
  if (chromium.error) {
    console.error(`[e2e] ${chromium.error}`);
    process.exit(1);
  }
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHROMIUM_PATH: chromium.path };
  for (const key of [
    "DATABASE_URL",
    "PGLITE_DIR",
    "WB_API_TOKEN",
    "OZON_CLIENT_ID",
    "OZON_API_KEY",
    "INNGEST_DEV",
    "INNGEST_SIGNING_KEY",
    "INNGEST_EVENT_KEY",
  ]) {
    delete baseEnv[key];
  }

  if (needsBuild()) {
    console.log(`[e2e] building into ${distName} (with canary secrets in the environment)...`);
    const build = spawnSync(bin("next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: productionBuildEnv({
        ...baseEnv,
        AUTH_SECRET: canaries.AUTH_SECRET,
        APP_ENCRYPTION_KEY: canaries.APP_ENCRYPTION_KEY,
        WB_API_TOKEN: canaries.WB_TOKEN,
      }),
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
    fs.writeFileSync(stampFile, new Date().toISOString());
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-e2e-"));
  const serverLog = path.join(work, "server.log");
  const serverEnv = {
    ...baseEnv,
    NODE_ENV: "production",
    AUTH_SECRET: canaries.AUTH_SECRET,
    APP_ENCRYPTION_KEY: canaries.APP_ENCRYPTION_KEY,
    AUTH_TRUST_HOST: "true",
    LOG_LEVEL: "debug",
    // the emulator does not need the documented pacing; real marketplaces keep it
    MARKETPLACE_RATE_LIMITS: "off",
    // a quiet server: no nightly catch-up run may change the data under the specs
    EMBEDDED_SCHEDULER: "off",
    // the first-run setup code lands here (global.setup reads it like an operator would)
    DATA_DIR: path.join(work, "data"),
  };

  let databaseUrl;
  if (process.env.E2E_DATABASE_URL) {
    databaseUrl = withPassword(process.env.E2E_DATABASE_URL);
    serverEnv.DATABASE_URL = databaseUrl;
    const migrate = spawnSync(bin("tsx"), ["scripts/db-migrate.ts"], { cwd: root, stdio: "inherit", env: serverEnv });
    if (migrate.status !== 0) process.exit(migrate.status ?? 1);
  } else {
    serverEnv.PGLITE_DIR = path.join(work, "pglite");
  }

  // the marketplace emulator
  const emulator = spawn(bin("tsx"), ["e2e/support/emulator.ts"], {
    cwd: root,
    env: baseEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(emulator);
  const emu = await new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: emulator.stdout });
    rl.once("line", (line) => resolve(JSON.parse(line)));
    emulator.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  for (const key of [
    "WB_STATISTICS_API_URL",
    "WB_ANALYTICS_API_URL",
    "WB_FINANCE_API_URL",
    "WB_FEEDBACKS_API_URL",
    "WB_CONTENT_API_URL",
    "OZON_API_URL",
  ]) {
    serverEnv[key] = emu.url;
  }
  // an environment store (read-only in the UI)
  serverEnv.OZON_CLIENT_ID = emu.ozonClientId;
  serverEnv.OZON_API_KEY = emu.ozonApiKey;

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const logStream = fs.createWriteStream(serverLog);
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: { ...serverEnv, PORT: String(port), LISTEN_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(server);
  // two sources into one file: neither may end it (the finally block below does)
  server.stdout.pipe(logStream, { end: false });
  server.stderr.pipe(logStream, { end: false });
  let stopping = false;
  server.on("exit", (code, signal) => {
    if (!stopping)
      console.error(`[e2e] the server exited during the run (code ${code}, signal ${signal}); its log: ${serverLog}`);
  });
  console.log(
    `[e2e] server ${baseURL} (pid ${server.pid}), database ${databaseUrl ? "PostgreSQL" : "PGlite"}, log ${serverLog}`,
  );

  let code = 1;
  try {
    await waitFor(`${baseURL}/api/health`, 60_000);
    // spawned, not spawnSync: this process must keep reading the server's and the emulator's pipes while
    // the tests run; a blocked event loop here lets a pipe fill (64 KiB) and freezes the server mid-write
    const pw = spawn(bin("playwright"), ["test", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...baseEnv,
        E2E_BASE_URL: baseURL,
        E2E_DIST_DIR: distDir,
        E2E_SERVER_LOG: serverLog,
        E2E_CANARIES: JSON.stringify(canaries),
        E2E_DATABASE_URL: databaseUrl ?? "",
        E2E_EMULATOR: JSON.stringify(emu),
        E2E_SERVER_PID: String(server.pid),
        E2E_DATA_DIR: serverEnv.DATA_DIR,
      },
    });
    code = await new Promise((resolve) => {
      pw.once("exit", (status) => resolve(status ?? 1));
      pw.once("error", () => resolve(1));
    });
  } finally {
    stopping = true;
    stopAll();
    await new Promise((r) => setTimeout(r, 500));
    logStream.end();
  }

  // the log must not contain a canary, whatever the specs did
  const log = fs.readFileSync(serverLog, "utf8");
  const leaked = Object.entries(canaries)
    .filter(([, v]) => log.includes(v))
    .map(([k]) => k);
  if (leaked.length) {
    console.error(`[e2e] canary secrets found in the server log: ${leaked.join(", ")} (${serverLog})`);
    code = code || 1;
  } else if (code === 0) {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
