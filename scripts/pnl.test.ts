// npm run pnl and npm run reconcile end to end, as child processes on an embedded database directory:
// the JSON shape, exit codes and bad usage.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import {
  insertAccount,
  insertFinanceLine,
  insertMetricsDay,
  insertSettlementReport,
  insertSku,
} from "@/lib/testing/pnl-fixtures";
import { runScript } from "./run-script";

const run = (script: "pnl" | "reconcile", args: string[], env: Record<string, string | undefined>) =>
  runScript(script, args, env);

describe("npm run pnl / npm run reconcile", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-pnl-"));
  const pgliteDir = path.join(dir, "pglite");
  let wb = 0;

  beforeAll(async () => {
    const database = await openDatabase({ pgliteDir });
    await migrateDatabase(database);
    const db = database.db;
    wb = await insertAccount(db, "WB", "WB store");
    const sku = await insertSku(db, { marketplace: "WB", accountId: wb });
    await insertMetricsDay(db, {
      d: "2026-03-02",
      skuId: sku,
      qty: 1,
      sales: "1369.50",
      commission: "-273.90",
      logistics: "-79.20",
      netSales: "1369.50",
      payout: "1016.40",
      cogs: "600.00",
    });
    await insertFinanceLine(db, {
      accountId: wb,
      marketplace: "WB",
      d: "2026-03-05",
      reportId: "7",
      storage: "-287.14",
    });
    await insertSettlementReport(db, {
      accountId: wb,
      kind: "wb_report",
      reportId: "7",
      dateFrom: "2026-03-02",
      dateTo: "2026-03-08",
      payout: "-287.14",
    });
    await insertSettlementReport(db, {
      accountId: wb,
      kind: "wb_report",
      reportId: "8",
      dateFrom: "2026-03-09",
      dateTo: "2026-03-15",
      payout: "10.00",
    });
    await database.close();
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON object with exactly the twelve lines and the four totals", async () => {
    const r = await run("pnl", ["--from", "2026-03-01", "--to", "2026-03-07", "--format", "json"], {
      PGLITE_DIR: pgliteDir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["from", "to", "lines"]);
    expect(out.from).toBe("2026-03-01");
    expect(Object.keys(out.lines)).toEqual([...PNL_LINES, "net_sales", "payout", "cogs", "gross_profit"]);
    for (const value of Object.values(out.lines)) expect(value).toMatch(/^-?\d+\.\d{2}$/);
    expect(out.lines).toMatchObject({
      sales: "1369.50",
      commission: "-273.90",
      storage: "-287.14",
      acceptance: "0.00",
      net_sales: "1369.50",
      payout: "729.26", // 1016.40 - 287.14
      cogs: "-600.00",
      gross_profit: "129.26",
    });
  }, 120_000);

  it("prints a table and CSV, per store", async () => {
    const table = await run("pnl", ["--from", "2026-03-01", "--to", "2026-03-07", "--store", String(wb)], {
      PGLITE_DIR: pgliteDir,
    });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("P&L 2026-03-01..2026-03-07");
    expect(table.stdout).toMatch(/gross_profit\s+129\.26/);
    const csv = await run(
      "pnl",
      ["--from", "2026-03-01", "--to", "2026-03-07", "--marketplace", "wb", "--format", "csv"],
      {
        PGLITE_DIR: pgliteDir,
      },
    );
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split("\n");
    expect(rows[0]).toBe("line,amount,percent_of_net_sales,sku_level,store_level,estimated");
    expect(rows).toContain("storage,-287.14,-20.97,0.00,-287.14,0.00");
  }, 120_000);

  it("refuses bad usage with exit code 1", async () => {
    const missing = await run("pnl", ["--from", "2026-03-01"], { PGLITE_DIR: pgliteDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--to is required");
    const format = await run("pnl", ["--from", "2026-03-01", "--to", "2026-03-02", "--format", "xml"], {
      PGLITE_DIR: pgliteDir,
    });
    expect(format).toMatchObject({ code: 1 });
    expect(format.stderr).toContain("--format must be table, json or csv");
    const both = await run(
      "pnl",
      ["--from", "2026-03-01", "--to", "2026-03-02", "--store", "1", "--marketplace", "ozon"],
      { PGLITE_DIR: pgliteDir },
    );
    expect(both.stderr).toContain("cannot be combined");
    const store = await run("reconcile", ["--from", "2026-03-01", "--to", "2026-03-02", "--store", "99"], {
      PGLITE_DIR: pgliteDir,
    });
    expect(store.code).toBe(1);
    expect(store.stderr).toContain("store 99 not found");
  }, 180_000);

  it("reconciles: exit 0 when every closed period matches, 1 when one differs", async () => {
    const ok = await run("reconcile", ["--from", "2026-03-01", "--to", "2026-03-08"], { PGLITE_DIR: pgliteDir });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("WB report 7  [closed]  marketplace -287.14  Sovani -287.14  OK 0.00");
    const bad = await run("reconcile", ["--from", "2026-03-01", "--to", "2026-03-31"], { PGLITE_DIR: pgliteDir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("WB report 8  [closed]  marketplace 10.00  Sovani 0.00  GAP -10.00 (-100.00 %)");
    expect(bad.stdout).toContain("2 period(s), 2 closed, 1 closed with a gap");
  }, 120_000);
});
