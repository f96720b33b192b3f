// The schema's constraints, checked on in-memory PGlite and (with TEST_DATABASE_URL) on PostgreSQL 15.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "./index";
import { getMigrationState, migrateDatabase } from "./migrate";
import { accounts, costPriceHistory, dailySales, dailyStock, financeLines, orderLines, sku, warehouse } from "./schema";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { FACT_TABLES } from "@/lib/services/ingestion/testing/facts";

const expectedTables = [
  "accounts",
  "sku",
  "warehouse",
  "cost_price_history",
  "commission_rules",
  ...FACT_TABLES,
  "metrics_daily",
  "metrics_store_daily",
  "metrics_sku_cumulative",
  "raw_records",
  "restock_store_settings",
  "restock_sku_settings",
  "supplier_closure",
  "supply_plan",
  "supply_plan_line",
  "restock_advice",
  "sync_runs",
  "quarantine",
  "users",
  "audit_log",
];

async function rejects(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ""} ${e.cause?.message ?? ""}`;
  }
  throw new Error("expected the statement to be refused");
}

describe.each(testDatabaseKinds())("schema on %s", (kind) => {
  const test = useTestDatabase(kind);
  const { db } = test;
  let skuId: number;
  let accountId: number;

  beforeAll(async () => {
    const [account] = await db.insert(accounts).values({ marketplace: "WB", name: "Test WB" }).returning();
    accountId = account.id;
    const [row] = await db
      .insert(sku)
      .values({ accountId, marketplace: "WB", nmId: 213456789n, article: "TSH-BLK-M" })
      .returning();
    skuId = row.id;
  });

  it("creates every table and records the migrations as applied", async () => {
    const result = await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
    for (const table of expectedTables) expect(names).toContain(table);
    // the pre-line-level cash flow table is gone: finance_lines hold every line
    expect(names).not.toContain("cashflows");
    const state = await getMigrationState(test.database);
    expect(state.upToDate).toBe(true);
    expect(state.pending).toEqual([]);
  });

  it("a second migration run changes nothing", async () => {
    const before = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await migrateDatabase(test.database);
    const after = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(rowsOf<{ n: number }>(after)[0].n).toBe(rowsOf<{ n: number }>(before)[0].n);
  });

  it("has no float column anywhere and money is numeric(14,2) but for the documented wider columns", async () => {
    const floats = await db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type in ('real', 'double precision')`,
    );
    expect(rowsOf(floats)).toEqual([]);
    const numeric = await db.execute(
      sql`select table_name, column_name, numeric_precision, numeric_scale from information_schema.columns
          where table_schema = 'public' and data_type = 'numeric'`,
    );
    const cols = rowsOf<{ table_name: string; column_name: string; numeric_precision: number; numeric_scale: number }>(
      numeric,
    );
    const other = cols
      .filter((c) => !(Number(c.numeric_precision) === 14 && Number(c.numeric_scale) === 2))
      .map((c) => `${c.table_name}.${c.column_name} ${c.numeric_precision},${c.numeric_scale}`)
      .sort();
    expect(other).toEqual(
      [
        // running totals over every day of a SKU
        "metrics_sku_cumulative.net_sales 18,2",
        "metrics_sku_cumulative.payout 18,2",
        "metrics_sku_cumulative.net_sales_with_cost 18,2",
        "metrics_sku_cumulative.cogs 18,2",
        "metrics_sku_cumulative.profit 18,2",
        // a period's totals per SKU and per store, from the running totals
        "metrics_sku_period.net_sales 18,2",
        "metrics_sku_period.payout 18,2",
        "metrics_sku_period.net_sales_with_cost 18,2",
        "metrics_sku_period.cogs 18,2",
        "metrics_sku_period.profit 18,2",
        "metrics_sku_period_totals.net_sales 18,2",
        "metrics_sku_period_totals.payout 18,2",
        "metrics_sku_period_totals.net_sales_with_cost 18,2",
        "metrics_sku_period_totals.cogs 18,2",
        "metrics_sku_period_totals.profit 18,2",
        // a store's day of one kind of line, summed over every sale's lines
        "cashflow_daily.amount 18,2",
        // a statement's total for a week or a month
        "settlement_reports.payout 16,2",
        // not money: percent, velocities, days, coefficients
        "metrics_daily.margin 9,2",
        "metrics_daily.sv7 12,4",
        "metrics_daily.sv14 12,4",
        "metrics_daily.sv28 12,4",
        "metrics_daily.stock_cover_days 12,2",
        "metrics_sku_period.sv7 12,4",
        "metrics_sku_period.sv14 12,4",
        "metrics_sku_period.sv28 12,4",
        "metrics_sku_period.cover_days 12,2",
        // restock planning: service levels, factors, velocities, units
        "restock_store_settings.service_level 3,1",
        "restock_sku_settings.service_level 3,1",
        "restock_sku_settings.manual_factor 6,3",
        "restock_advice.velocity 12,4",
        "restock_advice.forecast 12,4",
        "restock_advice.safety_stock 12,2",
        "restock_advice.reorder_point 12,2",
        "restock_advice.lost_units 12,2",
        // the marketplaces' own estimates: units (fractions of a unit) and days, a localisation percent
        "sku_marketplace_estimates.lost_orders_qty 14,3",
        "sku_marketplace_estimates.lost_buyouts_qty 14,3",
        "sku_marketplace_estimates.avg_daily_qty 14,3",
        "sku_marketplace_estimates.days_of_cover 14,3",
        "ozon_supply_recommendations.local_index 6,2",
      ].sort(),
    );
    // the twelve P&L lines and the provisional sums of daily_sales are money
    const daily = cols.filter((c) => c.table_name === "daily_sales").map((c) => c.column_name);
    expect(daily.sort()).toEqual([...PNL_LINES, "provisional_sales", "unpriced_sales"].sort());
  });

  it("timestamps are timestamptz", async () => {
    const naive = await db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type = 'timestamp without time zone'`,
    );
    expect(rowsOf(naive)).toEqual([]);
  });

  it("sku is unique per (marketplace, nm_id) and keeps ids beyond 2^53 exactly", async () => {
    const msg = await rejects(db.insert(sku).values({ accountId, marketplace: "WB", nmId: 213456789n }));
    expect(msg).toMatch(/sku_marketplace_nm_id_uq|duplicate key/);
    const big = 9007199254740993n;
    const [row] = await db.insert(sku).values({ accountId, marketplace: "OZON", ozonId: big }).returning();
    expect(row.ozonId).toBe(big);
    const again = await rejects(db.insert(sku).values({ accountId, marketplace: "OZON", ozonId: big }));
    expect(again).toMatch(/sku_marketplace_ozon_id_uq|duplicate key/);
    const read = await db.execute(sql`select ozon_id::text as id from sku where id = ${row.id}`);
    expect(rowsOf<{ id: string }>(read)[0].id).toBe("9007199254740993");
  });

  it("warehouse is unique per (marketplace, code)", async () => {
    await db.insert(warehouse).values({ marketplace: "WB", code: "-999999", name: "Склад WB" });
    const msg = await rejects(db.insert(warehouse).values({ marketplace: "WB", code: "-999999" }));
    expect(msg).toMatch(/warehouse_marketplace_code_uq|duplicate key/);
    await db.insert(warehouse).values({ marketplace: "OZON", code: "-999999" });
  });

  it("daily_sales: two rows for the same day and SKU with no warehouse conflict", async () => {
    const row = { d: "2026-11-24", skuId, qty: 1, sales: "1369.50", channel: "FBO" as const };
    await db.insert(dailySales).values(row);
    const msg = await rejects(db.insert(dailySales).values({ ...row, qty: 2 }));
    expect(msg).toMatch(/daily_sales_d_sku_warehouse_uq|duplicate key/);
  });

  it("order_lines and finance_lines: the upsert on (account, line key) updates only when src_hash changes", async () => {
    const order = (hash: string, qty: number) =>
      db
        .insert(orderLines)
        .values({
          accountId,
          lineKey: "S123",
          orderKey: "srid-1",
          skuId,
          channel: "FBO",
          kind: "sale",
          d: "2026-11-25",
          qty,
          amount: "100.00",
          srcHash: hash,
        })
        .onConflictDoUpdate({
          target: [orderLines.accountId, orderLines.lineKey],
          set: { qty: sql`excluded.qty`, srcHash: sql`excluded.src_hash` },
          setWhere: sql`${orderLines.srcHash} is distinct from excluded.src_hash`,
        })
        .returning({ id: orderLines.id });
    expect(await order("h1", 1)).toHaveLength(1);
    expect(await order("h1", 1)).toHaveLength(0);
    expect(await order("h2", 2)).toHaveLength(1);
    const rows = await db.execute(
      sql`select qty from order_lines where account_id = ${accountId} and line_key = 'S123'`,
    );
    expect(rowsOf<{ qty: number }>(rows)).toEqual([{ qty: 2 }]);

    // a WB rrdId beyond 2^53 is a text key, kept exactly; a store-level line names no SKU
    const finance = (hash: string, storage: string) =>
      db
        .insert(financeLines)
        .values({
          accountId,
          marketplace: "WB",
          lineKey: "9007199254740993",
          d: "2026-11-25",
          sourceType: "Хранение",
          storage,
          srcHash: hash,
        })
        .onConflictDoUpdate({
          target: [financeLines.accountId, financeLines.lineKey],
          set: { storage: sql`excluded.storage`, srcHash: sql`excluded.src_hash` },
          setWhere: sql`${financeLines.srcHash} is distinct from excluded.src_hash`,
        })
        .returning({ id: financeLines.id });
    expect(await finance("f1", "-287.14")).toHaveLength(1);
    expect(await finance("f1", "-287.14")).toHaveLength(0);
    expect(await finance("f2", "-300.01")).toHaveLength(1);
    const lines = await db.execute(
      sql`select line_key, storage::text as storage, sku_id from finance_lines where account_id = ${accountId}`,
    );
    expect(rowsOf(lines)).toEqual([{ line_key: "9007199254740993", storage: "-300.01", sku_id: null }]);
  });

  it("daily_stock: NULL warehouse also conflicts", async () => {
    const row = { d: "2026-11-24", skuId, onHand: 5, srcHash: "a" };
    await db.insert(dailyStock).values(row);
    const msg = await rejects(db.insert(dailyStock).values(row));
    expect(msg).toMatch(/daily_stock_d_sku_warehouse_uq|duplicate key/);
  });

  it("cost_price_history is unique per (sku_id, dt_from) and money stays exact", async () => {
    await db.insert(costPriceHistory).values({ skuId, dtFrom: "2025-01-01", costPrice: "100.10" });
    const msg = await rejects(db.insert(costPriceHistory).values({ skuId, dtFrom: "2025-01-01", costPrice: "1" }));
    expect(msg).toMatch(/cost_price_history_sku_dt_from_uq|duplicate key/);
    const sum = await db.execute(sql`select sum(cost_price) * 3 as s from cost_price_history where sku_id = ${skuId}`);
    expect(String(rowsOf<{ s: string }>(sum)[0].s)).toBe("300.30");
  });

  it("order and finance lines reject an unknown kind and a SKU that does not exist", async () => {
    const base = {
      accountId,
      marketplace: "WB" as const,
      d: "2026-11-24",
      sourceType: "Продажа",
      srcHash: "x",
    };
    const settles = await rejects(
      db.insert(financeLines).values({ ...base, lineKey: "2", settles: "bogus" as "sale", skuId }),
    );
    expect(settles).toMatch(/finance_lines_settles_ck|check constraint|invalid input/);
    const fk = await rejects(db.insert(financeLines).values({ ...base, lineKey: "3", skuId: 0 }));
    expect(fk).toMatch(/foreign key|violates/);
    const kind = await rejects(
      db.insert(orderLines).values({
        accountId,
        lineKey: "K1",
        orderKey: "o",
        skuId,
        channel: "FBO",
        kind: "bogus" as "sale",
        d: "2026-11-24",
        qty: 1,
        amount: "1.00",
        srcHash: "x",
      }),
    );
    expect(kind).toMatch(/order_lines_kind_ck|check constraint/);
  });
});
