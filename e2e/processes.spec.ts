// Several app processes on one PostgreSQL (a load balancer's back ends, or web and worker apart): two
// servers from the same build, both with the embedded scheduler, on a database of their own. The
// nightly run that both would catch up runs once, each store syncs once, and a burst of wrong
// passwords spread over both processes is held by the same per-account limit. Server a runs two
// workers (WEB_CONCURRENCY): one that dies is replaced while the other serves.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { createScratchDatabase, type ScratchDatabase } from "../db/scratch-database";
import { marketplaceEnvForEmulator } from "../lib/services/ingestion/config";
import { freePort } from "../scripts/free-port.mjs";
import { childPids } from "../scripts/process-tree.mjs";
import { canaries, emulator } from "./support/fixtures";

test.describe.configure({ mode: "serial" });

// the e2e database's server when it is PostgreSQL, else the local one every machine here runs
function adminUrl(): string {
  const e2e = process.env.E2E_DATABASE_URL;
  if (e2e) {
    const url = new URL(e2e);
    url.pathname = "/postgres";
    return url.toString();
  }
  return process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

async function waitForHealth(base: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (
      await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${base} did not become healthy`);
}

/** One sign-in through Auth.js's credentials endpoint: "ok", "credentials" (wrong) or "locked". */
async function attempt(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/overview` }),
  });
  const location = new URL(res.headers.get("location") ?? "", base);
  return location.searchParams.get("code") ?? (location.pathname === "/overview" ? "ok" : location.toString());
}

const root = process.cwd();
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const user = { email: "shared@e2e.test", password: "shared-password-1" };

let scratch: ScratchDatabase;
let work: string;
const servers: { process: ChildProcess; base: string }[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  scratch = await createScratchDatabase(adminUrl(), "sovani_e2e_procs");
  work = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-procs-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: scratch.url,
    AUTH_SECRET: canaries.AUTH_SECRET,
    APP_ENCRYPTION_KEY: canaries.APP_ENCRYPTION_KEY,
    NEXT_DIST_DIR: path.relative(root, process.env.E2E_DIST_DIR ?? ".next"),
    EMBEDDED_SCHEDULER: "on",
    MARKETPLACE_RATE_LIMITS: "off",
    ...marketplaceEnvForEmulator(emulator),
    LOG_LEVEL: "info",
  };
  // an Ozon store only: the processes here need one store to sync, not both marketplaces
  for (const key of ["PGLITE_DIR", "WB_API_TOKEN", "INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"])
    delete env[key];

  const migrate = spawnSync(tsx, ["scripts/db-migrate.ts"], { cwd: root, env, encoding: "utf8" });
  expect(migrate.status, migrate.stderr).toBe(0);
  const created = spawnSync(tsx, ["scripts/user-create.ts", "--email", user.email, "--role", "viewer"], {
    cwd: root,
    env,
    input: `${user.password}\n`,
    encoding: "utf8",
  });
  expect(created.status, created.stderr).toBe(0);

  for (const name of ["a", "b"]) {
    const port = await freePort();
    const child = spawn(process.execPath, ["scripts/server.mjs"], {
      cwd: root,
      env: {
        ...env,
        PORT: String(port),
        LISTEN_HOST: "127.0.0.1",
        DATA_DIR: path.join(work, name),
        // a: npm start's workers on one port (scripts/server.mjs); b: a single process
        WEB_CONCURRENCY: name === "a" ? "2" : "1",
      },
      stdio: [
        "ignore",
        fs.openSync(path.join(work, `${name}.log`), "w"),
        fs.openSync(path.join(work, `${name}.log`), "a"),
      ],
    });
    servers.push({ process: child, base: `http://127.0.0.1:${port}` });
  }
  for (const s of servers) await waitForHealth(s.base, 90_000);
});

test.afterAll(async () => {
  for (const s of servers) s.process.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  await scratch?.drop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("both processes catch up the missed nightly run: it runs once, and each store syncs once", async () => {
  test.setTimeout(240_000);
  const client = new Client({ connectionString: scratch.url });
  await client.connect();
  try {
    const count = async (where: string) =>
      Number((await client.query(`select count(*)::int as n from sync_runs where ${where}`)).rows[0].n);
    // each scheduler catches up a minute after its start; wait until the run has finished and both have looked
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline && (await count("kind = 'nightly' and status <> 'running'")) === 0)
      await new Promise((r) => setTimeout(r, 2000));
    await new Promise((r) => setTimeout(r, 15_000));
    expect(await count("kind = 'nightly'")).toBe(1);
    expect(await count("kind = 'nightly' and status in ('succeeded', 'partial')")).toBe(1);
    const perStore = await client.query(
      "select account_id, count(*)::int as n from sync_runs where kind = 'sync' group by account_id",
    );
    expect(perStore.rows.length).toBeGreaterThan(0);
    for (const row of perStore.rows) expect(row.n, `store ${row.account_id}`).toBe(1);
    // both logs: one process ran it, the other found the lease held
    const logs = ["a", "b"].map((n) => fs.readFileSync(path.join(work, `${n}.log`), "utf8"));
    expect(logs.filter((l) => l.includes('"scheduler.catch_up"')).length).toBeGreaterThanOrEqual(1);
  } finally {
    await client.end();
  }
});

test("a burst of wrong passwords over both processes is held by one per-account limit", async () => {
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) => attempt(servers[i % 2].base, user.email, `wrong-password-${i}`)),
  );
  // at most the account's five are verified; the rest are refused as locked, on either process
  expect(results.filter((r) => r === "credentials").length).toBeLessThanOrEqual(5);
  expect(results.filter((r) => r === "locked").length).toBeGreaterThanOrEqual(7);
  expect(
    results.every((r) => r === "credentials" || r === "locked"),
    results.join(","),
  ).toBe(true);
  for (const s of servers) expect(await attempt(s.base, user.email, user.password)).toBe("locked");
});

/** GET /api/health on a connection of its own (fetch would reuse a kept-alive one): the status code. */
function healthStatusOverNewConnection(base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/health`, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

test("a worker that dies is replaced, and the other serves meanwhile", async () => {
  test.setTimeout(120_000);
  const a = servers[0];
  const before = childPids(a.process.pid!);
  expect(before).toHaveLength(2);
  process.kill(before[0], "SIGKILL");
  // once the primary has seen the death (until then it may still hand it a new connection, which is
  // reset), the other worker answers while the replacement starts
  const log = () => fs.readFileSync(path.join(work, "a.log"), "utf8");
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !/worker \d exited \(SIGKILL\); starting another/.test(log()))
    await new Promise((r) => setTimeout(r, 100));
  expect(log()).toMatch(/worker \d exited \(SIGKILL\); starting another/);
  expect(await healthStatusOverNewConnection(a.base)).toBe(200);
  let after = childPids(a.process.pid!);
  while (Date.now() < deadline && (after.length < 2 || after.includes(before[0]))) {
    await new Promise((r) => setTimeout(r, 500));
    after = childPids(a.process.pid!);
  }
  expect(after).toHaveLength(2);
  expect(after).not.toContain(before[0]);
  await waitForHealth(a.base, 60_000);
});
