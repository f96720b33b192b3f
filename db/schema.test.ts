// The schema's constraints, checked on in-memory PGlite and (with TEST_DATABASE_URL) on PostgreSQL 15.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "./index";
import { getMigrationState, migrateDatabase } from "./migrate";
import { accounts, cashflows, costPriceHistory, dailySales, dailyStock, sku, warehouse } from "./schema";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";

const expectedTables = [
  "accounts",
  "sku",
  "warehouse",
  "cost_price_history",
  "commission_rules",
  "daily_sales",
  "daily_stock",
  "reviews",
  "cashflows",
  "metrics_daily",
  "advice_supply",
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

  it("has no float column anywhere and money is numeric(14,2)", async () => {
    const floats = await db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type in ('real', 'double precision')`,
    );
    expect(rowsOf(floats)).toEqual([]);
    const money = await db.execute(
      sql`select column_name, numeric_precision, numeric_scale from information_schema.columns
          where table_schema = 'public' and table_name = 'daily_sales' and data_type = 'numeric'`,
    );
    const cols = rowsOf<{ column_name: string; numeric_precision: number; numeric_scale: number }>(money);
    expect(cols.map((c) => c.column_name).sort()).toEqual(
      ["commission_amount", "delivery_cost", "promo_cost", "refunds_amount", "revenue_gross"].sort(),
    );
    for (const c of cols) expect([Number(c.numeric_precision), Number(c.numeric_scale)]).toEqual([14, 2]);
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
    const row = { d: "2026-11-24", skuId, qty: 1, revenueGross: "1369.50", channel: "FBO" as const, srcHash: "a" };
    await db.insert(dailySales).values(row);
    const msg = await rejects(db.insert(dailySales).values({ ...row, srcHash: "b" }));
    expect(msg).toMatch(/daily_sales_d_sku_warehouse_uq|duplicate key/);
  });

  it("daily_sales: the upsert on the natural key with NULL warehouse updates only when src_hash changes", async () => {
    const upsert = (hash: string, qty: number) =>
      db
        .insert(dailySales)
        .values({ d: "2026-11-25", skuId, qty, revenueGross: "100.00", channel: "FBO", srcHash: hash })
        .onConflictDoUpdate({
          target: [dailySales.d, dailySales.skuId, dailySales.warehouseId],
          set: { qty: sql`excluded.qty`, srcHash: sql`excluded.src_hash` },
          setWhere: sql`${dailySales.srcHash} is distinct from excluded.src_hash`,
        })
        .returning({ id: dailySales.id });
    expect(await upsert("h1", 1)).toHaveLength(1);
    expect(await upsert("h1", 1)).toHaveLength(0);
    expect(await upsert("h2", 2)).toHaveLength(1);
    const rows = await db.execute(sql`select qty from daily_sales where d = '2026-11-25' and sku_id = ${skuId}`);
    expect(rowsOf<{ qty: number }>(rows)).toEqual([{ qty: 2 }]);
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

  it("cashflows reject unknown types and a SKU that does not exist", async () => {
    const base = {
      accountId,
      d: "2026-11-24",
      marketplace: "WB" as const,
      amount: "-287.14",
      refId: "1",
      srcHash: "x",
    };
    await db.insert(cashflows).values({ ...base, type: "storage" });
    const msg = await rejects(db.insert(cashflows).values({ ...base, refId: "2", type: "bogus" as "storage" }));
    expect(msg).toMatch(/cashflows_type_ck|check constraint/);
    const fk = await rejects(db.insert(cashflows).values({ ...base, refId: "3", type: "storage", skuId: 0 }));
    expect(fk).toMatch(/foreign key|violates/);
  });
});
