// Changing a cost price changes profit for exactly the affected days and no others.
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { addDays } from "@/lib/domain/dates";
import { Decimal } from "@/lib/domain/money";
import { recalculateFrom } from "./recalculate-from";
import { recalculateMetrics } from "./recalculate-metrics";
import { insertCostPrice, insertSales, insertSku, insertWarehouse } from "@/lib/testing/fixtures";

const BASE = "2026-05-01";
const day = (n: number) => addDays(BASE, n);
const TODAY = day(29);

describe.each(testDatabaseKinds())("cost price change (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("changes profit on exactly the days the new price is effective: units sold then, or returned from then", async () => {
    const db = database.db;
    const target = await insertSku(db, { marketplace: "WB" });
    const other = await insertSku(db, { marketplace: "WB" });
    const wh = await insertWarehouse(db, "WB", "c1");
    const soldDays = [0, 3, 9, 10, 12, 14, 15, 20, 29];
    for (const skuId of [target, other]) {
      await insertSales(
        db,
        soldDays.map((n) => ({
          d: day(n),
          skuId,
          warehouseId: wh,
          qty: 1 + (n % 3),
          lines: { sales: "1000.00", commission: "-150.00", logistics: "-40.00" },
          isSettled: true,
        })),
      );
      await insertCostPrice(db, skuId, day(0), "100.00");
      await insertCostPrice(db, skuId, day(15), "130.00");
    }
    // day 20 takes back a unit of each SKU sold on day 12: COGS reverses at day 12's cost
    const [account] = await db.insert(schema.accounts).values({ marketplace: "WB", name: "c" }).returning();
    await db
      .insert(schema.dailyReturns)
      .values([target, other].map((skuId) => ({ accountId: account.id, d: day(20), skuId, saleD: day(12), qty: 1 })));
    await recalculateMetrics({ db, from: day(0), to: TODAY });
    const read = async () =>
      db.select().from(schema.metricsDaily).orderBy(asc(schema.metricsDaily.skuId), asc(schema.metricsDaily.d));
    const before = await read();

    // a new price from day 10 is effective on days 10..14 only (day 15 has its own price)
    await insertCostPrice(db, target, day(10), "120.00");
    const result = await recalculateFrom({ db, from: day(10), today: TODAY });
    expect(result?.rows).toBe(2 * 20);
    // only the rows whose numbers changed are rewritten
    expect(result?.changed).toBe(4);
    const after = await read();

    expect(after.length).toBe(before.length);
    const changed = after
      .map((row, i) => ({ row, prev: before[i] }))
      .filter(({ row, prev }) => row.profit !== prev.profit || row.cogs !== prev.cogs);
    expect(changed.map(({ row }) => [row.skuId, row.d])).toEqual([
      [target, day(10)],
      [target, day(12)],
      [target, day(14)],
      [target, day(20)],
    ]);
    // day 20: 3 units at 130 less the return at day 12's cost, 100 before and 120 after: 290 -> 270
    const returnDay = changed.find(({ row }) => row.d === day(20))!;
    expect([returnDay.prev.cogs, returnDay.row.cogs]).toEqual(["290.00", "270.00"]);
    // 810 - 290 = 520 -> 810 - 270 = 540
    expect([returnDay.prev.profit, returnDay.row.profit]).toEqual(["520.00", "540.00"]);
    for (const { row, prev } of changed.filter(({ row }) => row.d !== day(20))) {
      // 120 instead of 100 a unit: profit (payout 1000 - 150 - 40 = 810 less cogs) falls by 20 a unit
      expect(row.payout).toBe("810.00");
      expect(new Decimal(prev.cogs!).toString()).toBe(new Decimal(100).times(row.qty).toString());
      expect(new Decimal(row.cogs!).toString()).toBe(new Decimal(120).times(row.qty).toString());
      expect(new Decimal(prev.profit!).minus(row.profit!).toString()).toBe(new Decimal(20).times(row.qty).toString());
    }
    // every other column of every row is untouched
    const strip = (r: (typeof after)[number]) => ({
      ...r,
      id: 0,
      updatedAt: null,
      cogs: null,
      profit: null,
      margin: null,
    });
    expect(after.map(strip)).toEqual(before.map(strip));
  });
});
