// npm run recalc end to end, as a child process: clear errors and exit codes, and a real run on an
// embedded database directory and (with TEST_DATABASE_URL) on PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createScratchPostgres, testDatabaseKinds } from "@/lib/testing/database";
import { insertSales, insertSku } from "@/lib/testing/fixtures";
import { runScript } from "./run-script";

const runRecalcCli = (args: string[], env: Record<string, string | undefined>) => runScript("recalc", args, env);

async function seed(database: Database) {
  await migrateDatabase(database);
  const skuId = await insertSku(database.db, { marketplace: "WB" });
  await insertSales(database.db, [
    { d: "2026-03-02", skuId, warehouseId: null, qty: 2, revenueGross: "500.00", isSettled: true },
  ]);
}

describe("npm run recalc", () => {
  it("refuses bad arguments with a clear message and exit code 1", async () => {
    const missing = await runRecalcCli(["--from", "2026-03-01"], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--to is required");
    expect(missing.stderr).toContain("usage: npm run recalc -- --from YYYY-MM-DD --to YYYY-MM-DD");
    const bad = await runRecalcCli(["--from", "2026-02-30", "--to", "2026-03-01"], {});
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stderr).toContain('--from "2026-02-30" is not a date in YYYY-MM-DD form');
  }, 120_000);

  it("recalculates an embedded database directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-recalc-"));
    const pgliteDir = path.join(dir, "pglite");
    try {
      const database = await openDatabase({ pgliteDir });
      await seed(database);
      await database.close();
      const run = await runRecalcCli(["--from", "2026-03-01", "--to", "2026-03-03"], { PGLITE_DIR: pgliteDir });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Recalculated 2026-03-01..2026-03-03: 3 SKU-days");
      expect(run.stdout).toContain("1 SKU(s) sold without a cost price on 1 day(s)");
      // the seed has sales but no orders or stock: the planner (orders at real locations) plans nothing
      expect(run.stdout).toContain("Supply advice for 2026-03-03: 0 rows, 0 to ship");
      const after = await openDatabase({ pgliteDir });
      const [row] = rowsOf<{ n: number }>(
        await after.db.execute(sql`SELECT count(*)::int AS n FROM metrics_daily WHERE qty = 2 AND cogs IS NULL`),
      );
      await after.close();
      expect(row.n).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it.runIf(testDatabaseKinds().includes("postgres"))(
    "recalculates a PostgreSQL database, and fails with exit 1 on an unmigrated one",
    async () => {
      const scratch = await createScratchPostgres();
      try {
        const unmigrated = await runRecalcCli(["--from", "2026-03-01", "--to", "2026-03-03"], {
          DATABASE_URL: scratch.url,
        });
        expect(unmigrated.code).toBe(1);
        expect(unmigrated.stderr).toMatch(/pending migration\(s\): run npm run db:migrate first/);
        const database = await openDatabase({ url: scratch.url });
        await seed(database);
        await database.close();
        const run = await runRecalcCli(["--from", "2026-03-01", "--to", "2026-03-03", "--no-advice"], {
          DATABASE_URL: scratch.url,
        });
        expect(run.code).toBe(0);
        expect(run.stdout).toContain("Recalculated 2026-03-01..2026-03-03: 3 SKU-days");
        expect(run.stdout).not.toContain("Supply advice");
      } finally {
        await scratch.drop();
      }
    },
    180_000,
  );
});
