// Sync benchmark: an emulator dataset of 2,000 SKUs x 35 days (rate limits off) synced into a fresh
// database (a scratch database on DATABASE_URL's server, else a temporary embedded one). Prints
// records/s, API calls against the minimum the protocols need, and the database write time against a
// plain INSERT ... SELECT of the same rows into the same tables (target ratio <= 2).
//   npx tsx scripts/bench/sync.ts [--skus 2000] [--days 35]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/scratch-database";
import type { Dataset } from "@/lib/emulator/dataset";
import { startEmulator } from "@/lib/emulator/server";
import { marketplaceConfigForEmulator } from "@/lib/services/ingestion/config";
import { FACT_TABLES } from "@/lib/services/ingestion/testing/facts";
import { syncStores } from "@/lib/services/sync-stores";

const ceil = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/** The fewest calls our clients' protocols allow for this dataset (page sizes as the real APIs). */
function minimumApiCalls(d: Dataset): { wb: number; ozon: number } {
  const wb =
    ceil(d.wb.skus.length + 1, 100) + // cards: a short page ends the list
    ceil(d.wb.sales.length, 80_000) +
    1 + // sales: the inclusive cursor needs one call that returns only the last rows
    ceil(d.wb.finance.length, 100_000) +
    1 + // finance: 204 ends the report
    1 + // sales-reports/list: the weekly report headers, one page
    ceil(d.wb.stocks.length + 1, 250_000) +
    ceil(d.wb.sellerStocks.length + 1, 250_000) + // FBS stock on the seller's warehouses
    // orders: a 35-day range reaches past the order feed's 31 days, so the statistics feed (cursor as sales)
    ceil(d.wb.orders.length, 80_000) +
    1 +
    ["unanswered", "answered", "archive"].reduce(
      (n, l) => n + ceil(d.wb.feedbacks.filter((f) => f.list === l).length + 1, 5000),
      0,
    );
  let accrualCalls = 0;
  for (
    let day = d.options.from;
    day <= d.options.to;
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  ) {
    accrualCalls += ceil(d.ozon.accruals.get(day)?.length ?? 0, 1000);
  }
  const fbo = d.ozon.postings.filter((p) => p.schema === "FBO").length;
  const fbs = d.ozon.postings.length - fbo;
  const ozon =
    ceil(d.ozon.skus.length + 1, 1000) + // product list until an empty page
    1 + // cluster list
    ceil(d.ozon.skus.length, 1000) + // product info
    1 + // accrual types
    accrualCalls +
    ceil(fbo, 100) +
    ceil(fbs, 100) +
    ceil(d.ozon.skus.length, 100) + // FBO stocks, 100 SKUs a call
    ceil(d.ozon.skus.length, 1000) + // FBS stocks name the SKUs, 1000 a call
    ceil(d.ozon.reviews.length, 100) +
    ceil(d.ozon.cashFlows.length, 1); // payouts: one half-month statement a call (page_size 1)
  return { wb, ozon };
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const admin = process.env.DATABASE_URL;
  if (admin) {
    const scratch = await createScratchDatabase(admin, "sovani_bench");
    const database = await openDatabase({ url: scratch.url });
    return {
      database,
      drop: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-bench-"));
  const database = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
  return {
    database,
    drop: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Time to insert the same rows into the same tables with one plain INSERT ... SELECT per table. */
async function plainInsertMs(database: Database): Promise<{ ms: number; rows: number }> {
  let ms = 0;
  let rows = 0;
  for (const table of ["raw_records", ...FACT_TABLES]) {
    const identity = ["reviews", "settlement_reports", "daily_returns"].includes(table)
      ? ""
      : "overriding system value";
    await database.db.execute(sql.raw(`create temp table bench_copy_${table} as select * from ${table}`));
    await database.db.execute(sql.raw(`delete from ${table}`));
    const started = performance.now();
    const result = await database.db.execute(
      sql.raw(`insert into ${table} ${identity} select * from bench_copy_${table}`),
    );
    ms += performance.now() - started;
    rows += Number(
      (result as { rowCount?: number; affectedRows?: number }).rowCount ??
        (result as { affectedRows?: number }).affectedRows ??
        0,
    );
  }
  return { ms, rows };
}

export async function benchSync(options: { skus?: number; days?: number } = {}): Promise<void> {
  const skus = options.skus ?? 2000;
  const days = options.days ?? 35;
  console.log(`sync bench: ${skus} SKUs x ${days} days per marketplace, rate limits off`);
  const emulator = await startEmulator({ seed: 42, skus, days, warehouses: 3, endDate: "2026-11-20" });
  const { database, drop } = await freshDatabase();
  try {
    await migrateDatabase(database);
    console.log(`database: ${database.kind} (${database.location})`);
    const started = performance.now();
    const summary = await syncStores({
      db: database.db,
      from: emulator.truth.from,
      to: emulator.truth.to,
      trigger: "test",
      config: marketplaceConfigForEmulator(emulator),
      resilience: { rateLimits: false, timeoutMs: 120_000 },
    });
    const seconds = (performance.now() - started) / 1000;
    if (!summary.ok) {
      for (const r of summary.runs)
        for (const [n, s] of Object.entries(r.sources))
          if (s.status !== "succeeded") console.log(`  ${r.marketplace} ${n}: ${s.status} ${s.error ?? ""}`);
      throw new Error("the bench sync did not succeed");
    }
    let records = 0;
    let calls = 0;
    let writeMs = 0;
    for (const r of summary.runs) {
      const fetched = Object.entries(r.sources)
        .filter(([n]) => !/_daily_(sales|orders)$/.test(n))
        .reduce((sum, [, s]) => sum + s.fetched, 0);
      records += fetched;
      calls += r.apiCalls;
      writeMs += r.writeMs;
      console.log(`  ${r.marketplace}: ${fetched} records, ${r.apiCalls} API calls, write ${r.writeMs} ms`);
      for (const [n, s] of Object.entries(r.sources))
        console.log(`    ${n.padEnd(18)} ${String(s.fetched).padStart(8)} rows ${String(s.ms).padStart(7)} ms`);
      for (const [k, ms] of Object.entries(r.writeMsByStatement)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6))
        console.log(`    write ${String(ms).padStart(6)} ms  ${k}`);
    }
    const minimum = minimumApiCalls(emulator.dataset);
    const counts = rowsOf<{ t: string; n: number }>(
      await database.db.execute(sql`select 'order_lines' as t, count(*)::int as n from order_lines
        union all select 'finance_lines', count(*)::int from finance_lines
        union all select 'daily_sales', count(*)::int from daily_sales
        union all select 'daily_orders', count(*)::int from daily_orders
        union all select 'raw_records', count(*)::int from raw_records union all select 'daily_stock', count(*)::int from daily_stock union all select 'reviews', count(*)::int from reviews`),
    );
    const plain = await plainInsertMs(database);
    console.log(`rows written: ${counts.map((c) => `${c.t} ${c.n}`).join(", ")}`);
    console.log(`records/s: ${Math.round(records / seconds)} (${records} records in ${seconds.toFixed(1)} s)`);
    console.log(
      `API calls: ${calls} (minimum needed ${minimum.wb + minimum.ozon}: WB ${minimum.wb}, Ozon ${minimum.ozon}; ratio ${(calls / (minimum.wb + minimum.ozon)).toFixed(2)})`,
    );
    console.log(
      `DB write time: ${Math.round(writeMs)} ms vs plain INSERT ... SELECT of the same ${plain.rows} rows ${Math.round(plain.ms)} ms: ratio ${(writeMs / plain.ms).toFixed(2)} (target <= 2)`,
    );
  } finally {
    await drop();
    await emulator.stop();
  }
}

// runnable alone: npx tsx scripts/bench/sync.ts [--skus N] [--days N]
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname ?? __dirname, "sync.ts")) {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  benchSync({ skus: arg("skus"), days: arg("days") }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
