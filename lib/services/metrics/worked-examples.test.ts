// The worked examples of the original design, end to end: a day's facts in, the metrics row out.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { addDays } from "@/lib/domain/dates";
import { recalculateMetrics } from "./recalculate-metrics";
import { insertCostPrice, insertSales, insertSku, insertStock, insertWarehouse } from "@/lib/testing/fixtures";

async function metricsOf(db: Db, skuId: number, d: string) {
  const [row] = await db
    .select()
    .from(schema.metricsDaily)
    .where(and(eq(schema.metricsDaily.skuId, skuId), eq(schema.metricsDaily.d, d)));
  return row;
}

describe.each(testDatabaseKinds())("worked examples end to end (%s)", (kind) => {
  const { db } = useTestDatabase(kind);

  it("P&L: 10000 - 1000 - 500 - 200 - 1500 = 6800 net; COGS at the price effective on the day", async () => {
    const skuId = await insertSku(db, { marketplace: "WB" });
    const wh = await insertWarehouse(db, "WB", "pnl");
    await insertCostPrice(db, skuId, "2025-01-01", "100.00");
    await insertCostPrice(db, skuId, "2025-02-01", "110.00");
    await insertSales(db, [
      // two warehouses' rows of one day add up
      {
        d: "2025-01-31",
        skuId,
        warehouseId: wh,
        qty: 6,
        revenueGross: "6000.00",
        refundsAmount: "1000.00",
        promoCost: "500.00",
        deliveryCost: "120.00",
        commissionAmount: "900.00",
        isSettled: true,
      },
      {
        d: "2025-01-31",
        skuId,
        warehouseId: null,
        qty: 4,
        revenueGross: "4000.00",
        deliveryCost: "80.00",
        commissionAmount: "600.00",
        isSettled: true,
      },
      {
        d: "2025-02-01",
        skuId,
        warehouseId: wh,
        qty: 3,
        revenueGross: "3000.00",
        commissionAmount: "450.00",
        isSettled: true,
      },
      // costs exceed revenue: net -500, margin 0
      {
        d: "2025-02-02",
        skuId,
        warehouseId: wh,
        qty: 1,
        revenueGross: "1000.00",
        refundsAmount: "500.00",
        promoCost: "300.00",
        deliveryCost: "200.00",
        commissionAmount: "500.00",
        isSettled: true,
      },
    ]);
    await recalculateMetrics({ db, from: "2025-01-31", to: "2025-02-02" });

    const jan31 = await metricsOf(db, skuId, "2025-01-31");
    expect(jan31).toMatchObject({
      qty: 10,
      revenueNet: "6800.00",
      cogs: "1000.00",
      profit: "5800.00",
      margin: "85.29",
      isSettled: true,
      isCommissionEstimated: false,
    });
    const feb1 = await metricsOf(db, skuId, "2025-02-01");
    expect(feb1).toMatchObject({ qty: 3, revenueNet: "2550.00", cogs: "330.00", profit: "2220.00", margin: "87.06" });
    const feb2 = await metricsOf(db, skuId, "2025-02-02");
    expect(feb2).toMatchObject({ revenueNet: "-500.00", cogs: "110.00", profit: "-610.00", margin: "0.00" });
  });

  it("velocity [10,12,8,15,11,9,14] = 11.29/day; cover 100+50 at 10/day = 15 days; no sales = NULL cover", async () => {
    const wb = await insertSku(db, { marketplace: "WB" });
    const steady = await insertSku(db, { marketplace: "WB" });
    const ozon = await insertSku(db, { marketplace: "OZON" });
    const idle = await insertSku(db, { marketplace: "WB" });
    const wh = await insertWarehouse(db, "WB", "vel");
    const oh = await insertWarehouse(db, "OZON", "vel");
    const week = [10, 12, 8, 15, 11, 9, 14];
    const d0 = "2025-03-01";
    await insertSales(
      db,
      week.map((qty, i) => ({ d: addDays(d0, i), skuId: wb, warehouseId: wh, qty, revenueGross: "0" })),
    );
    await insertSales(
      db,
      week.map((qty, i) => ({ d: addDays(d0, i), skuId: ozon, warehouseId: oh, qty, revenueGross: "0" })),
    );
    await insertSales(
      db,
      Array.from({ length: 14 }, (_, i) => ({ d: addDays(d0, i - 7), skuId: steady, warehouseId: wh, qty: 10 })),
    );
    const last = addDays(d0, 6);
    await insertStock(db, [
      { d: last, skuId: wb, warehouseId: wh, onHand: 100, inTransit: 50 },
      { d: last, skuId: steady, warehouseId: wh, onHand: 60, inTransit: 0 },
      { d: last, skuId: steady, warehouseId: null, onHand: 40, inTransit: 50 },
      { d: last, skuId: ozon, warehouseId: oh, onHand: 100, inTransit: 50 },
      { d: last, skuId: idle, warehouseId: wh, onHand: 100, inTransit: 50 },
    ]);
    await recalculateMetrics({ db, from: last, to: last });

    expect(await metricsOf(db, wb, last)).toMatchObject({
      sv7: "11.2857",
      sv14: "5.6429",
      sv28: "2.8214",
      onHand: 100,
      inTransit: 50,
      stockCoverDays: "26.58",
    });
    expect(Number((await metricsOf(db, wb, last)).sv7).toFixed(2)).toBe("11.29");
    expect(await metricsOf(db, steady, last)).toMatchObject({
      sv14: "10.0000",
      onHand: 100,
      inTransit: 50,
      stockCoverDays: "15.00",
    });
    // Ozon covers with 28 days of velocity by default
    expect(await metricsOf(db, ozon, last)).toMatchObject({ sv28: "2.8214", stockCoverDays: "53.16" });
    expect(await metricsOf(db, idle, last)).toMatchObject({
      sv7: "0.0000",
      onHand: 100,
      stockCoverDays: null,
      cogs: "0.00",
    });
  });

  it("sales without a cost price: cogs NULL (not 0), and the SKU is counted", async () => {
    const skuId = await insertSku(db, { marketplace: "OZON" });
    await insertSales(db, [
      {
        d: "2025-04-01",
        skuId,
        warehouseId: null,
        qty: 2,
        revenueGross: "800.00",
        isSettled: true,
        commissionAmount: "80.00",
      },
    ]);
    const result = await recalculateMetrics({ db, from: "2025-04-01", to: "2025-04-01" });
    expect(await metricsOf(db, skuId, "2025-04-01")).toMatchObject({
      revenueNet: "720.00",
      cogs: null,
      profit: null,
      margin: null,
    });
    expect(result.daysMissingCost).toBe(1);
    expect(result.skusMissingCost).toBe(1);
  });

  it("commission estimated from the rule until the finance report settles it", async () => {
    const skuId = await insertSku(db, { marketplace: "WB", category: "Shoes" });
    await insertCostPrice(db, skuId, "2025-05-01", "100.00");
    await db.insert(schema.commissionRules).values({
      marketplace: "WB",
      dtFrom: "2025-05-01",
      ruleJson: { defaultPercent: 15, categories: { Shoes: 20 }, priceBands: [] },
    });
    await insertSales(db, [
      {
        d: "2025-05-10",
        skuId,
        warehouseId: null,
        qty: 10,
        revenueGross: "10000.00",
        refundsAmount: "1000.00",
        isSettled: false,
      },
    ]);
    await recalculateMetrics({ db, from: "2025-05-10", to: "2025-05-10" });
    expect(await metricsOf(db, skuId, "2025-05-10")).toMatchObject({
      commissionAmount: "1800.00",
      isCommissionEstimated: true,
      isSettled: false,
      revenueNet: "7200.00",
      profit: "6200.00",
    });

    await db
      .update(schema.dailySales)
      .set({ commissionAmount: "1750.00", isSettled: true })
      .where(and(eq(schema.dailySales.skuId, skuId), eq(schema.dailySales.d, "2025-05-10")));
    await recalculateMetrics({ db, from: "2025-05-10", to: "2025-05-10" });
    expect(await metricsOf(db, skuId, "2025-05-10")).toMatchObject({
      commissionAmount: "1750.00",
      isCommissionEstimated: false,
      isSettled: true,
      revenueNet: "7250.00",
    });
  });
});
