// scripts/server.mjs refuses a worker count it cannot honour before it loads the app.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const server = path.join(__dirname, "server.mjs");

function start(env: Record<string, string>) {
  const { DATABASE_URL: _url, WEB_CONCURRENCY: _workers, ...rest } = process.env;
  return spawnSync(process.execPath, [server], { env: { ...rest, ...env }, encoding: "utf8", timeout: 30_000 });
}

describe("npm start's workers (WEB_CONCURRENCY)", () => {
  it("refuses more than one worker on the embedded database, which one process owns", () => {
    const run = start({ WEB_CONCURRENCY: "2" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("WEB_CONCURRENCY=2: the embedded database (no DATABASE_URL) serves one process");
  });

  it("refuses a count that is not a positive integer", () => {
    for (const value of ["0", "two", "1.5"]) {
      const run = start({ WEB_CONCURRENCY: value, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
      expect(run.status, value).toBe(1);
      expect(run.stderr).toContain(`WEB_CONCURRENCY: expected a positive integer, got "${value}"`);
    }
  });
});
