// The CLI as a user runs it (npm run sync), against the emulator, on the embedded database and on
// PostgreSQL: the sync-now job run inline, a per-source summary from each store's run record, exit 0
// only when every source succeeded, a clear message otherwise.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/lib/testing/database";
import type { Emulator } from "@/lib/emulator/server";
import { useEmulator } from "@/lib/emulator/use-emulator";
import { marketplaceEnvForEmulator } from "./config";
import { scratchTarget } from "./testing/scratch-target";

// child processes open a file-backed PGlite: slow on a busy machine
const CHILD_TIMEOUT = 240_000;

function runSync(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/sync.ts"), ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", LOG_LEVEL: "error", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    proc.stdout.on("data", (c: Buffer) => (out += c.toString()));
    proc.stderr.on("data", (c: Buffer) => (out += c.toString()));
    proc.on("exit", (code) => resolve({ code, out }));
  });
}

describe.each(testDatabaseKinds())("npm run sync on %s", (kind) => {
  const emulator = useEmulator({ seed: 31, skus: 5, days: 4, warehouses: 2, endDate: "2026-11-20" });
  let dbEnv: Record<string, string>;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const target = await scratchTarget(kind, "sovani-cli-", cleanup);
    dbEnv = "url" in target ? { DATABASE_URL: target.url } : { PGLITE_DIR: target.pgliteDir };
  });
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  const envFor = (e: Emulator, overrides: Record<string, string> = {}) => ({
    ...dbEnv,
    ...marketplaceEnvForEmulator(e),
    MARKETPLACE_RATE_LIMITS: "off",
    ...overrides,
  });

  it(
    "syncs every store, prints each source and exits 0",
    async () => {
      const { code, out } = await runSync(["--from", emulator.truth.from, "--to", emulator.truth.to], envFor(emulator));
      expect(out).toContain("All sources succeeded.");
      expect(code).toBe(0);
      // the sync-now job, run inline: the days it changed are recalculated after the stores' runs
      expect(out).toMatch(/Metrics recalculated: [1-9]\d* SKU-days/);
      for (const source of [
        "wb_sales",
        "wb_finance",
        "wb_daily_sales",
        "wb_orders",
        "wb_daily_orders",
        "ozon_accruals",
        "ozon_postings_fbo",
        "ozon_daily_sales",
        "ozon_daily_orders",
      ])
        expect(out).toMatch(new RegExp(`${source}\\s+succeeded`));
    },
    CHILD_TIMEOUT,
  );

  it(
    "exits non-zero with a clear message when a store's token is rejected",
    async () => {
      const { code, out } = await runSync(
        ["--from", emulator.truth.from, "--to", emulator.truth.to, "--marketplace", "wb"],
        envFor(emulator, { WB_API_TOKEN: "not-the-token" }),
      );
      expect(code).toBe(2);
      expect(out).not.toContain("ozon_accruals");
      expect(out).toMatch(/Sync incomplete: WB wb_cards: WB rejected the credentials \(401/);
      expect(out).not.toContain("not-the-token");
    },
    CHILD_TIMEOUT,
  );

  it(
    "explains bad usage and missing configuration",
    async () => {
      const usage = await runSync(["--from", "2026-13-01", "--to", "2026-11-20"], envFor(emulator));
      expect(usage.code).toBe(1);
      expect(usage.out).toContain("usage: npm run sync");
      const none = await runSync(["--from", "2026-11-01", "--to", "2026-11-02"], { ...dbEnv });
      expect(none.code).toBe(1);
      expect(none.out).toContain("No stores are configured");
    },
    CHILD_TIMEOUT,
  );
});
