// The worked examples of the original design, end to end: a day's facts in, the metrics row out.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { addDays } from "@/lib/domain/dates";
import { recalculateMetrics } from "./recalculate-metrics";
import { insertCostPrice, insertSales, insertSku, insertStock, insertWarehouse } from "@/lib/testing/fixtures";

let accounts = 0;
async function insertAccount(db: Db): Promise<number> {
  const [row] = await db
    .insert(schema.accounts)
    .values({ marketplace: "WB", name: `shop ${++accounts}` })
    .returning({ id: schema.accounts.id });
  return row.id;
}

async function metricsOf(db: Db, skuId: number, d: string) {
  const [row] = await db
    .select()
    .from(schema.metricsDaily)
    .where(and(eq(schema.metricsDaily.skuId, skuId), eq(schema.metricsDaily.d, d)));
  return row;
}

describe.each(testDatabaseKinds())("worked examples end to end (%s)", (kind) => {
  const { db } = useTestDatabase(kind);

  it("P&L: payout = the lines, net sales = sales + returns, COGS reversed at the sale day's cost", async () => {
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
        refundsQty: 1,
        lines: {
          sales: "6000.00",
          returns: "-1000.00",
          deductions_other: "-500.00",
          logistics: "-120.00",
          commission: "-900.00",
        },
        isSettled: true,
      },
      {
        d: "2025-01-31",
        skuId,
        warehouseId: null,
        qty: 4,
        lines: { sales: "4000.00", logistics: "-80.00", commission: "-600.00" },
        isSettled: true,
      },
      {
        d: "2025-02-01",
        skuId,
        warehouseId: wh,
        qty: 3,
        refundsQty: 1,
        lines: {
          sales: "3000.00",
          returns: "-1000.00",
          commission: "-450.00",
          storage: "-30.00",
          compensations: "50.00",
        },
        isSettled: true,
      },
      // costs exceed net sales of 0: margin 0
      {
        d: "2025-02-02",
        skuId,
        warehouseId: wh,
        qty: 1,
        lines: {
          sales: "1000.00",
          returns: "-1000.00",
          deductions_other: "-300.00",
          logistics: "-200.00",
          commission: "-500.00",
        },
        isSettled: true,
      },
    ]);
    // Jan 31 takes back a unit sold on Jan 20; Feb 1 one sold on Jan 31 (at January's 100, not February's 110)
    await db.insert(schema.dailyReturns).values([
      { accountId: await insertAccount(db), d: "2025-01-31", skuId, saleD: "2025-01-20", qty: 1 },
      { accountId: await insertAccount(db), d: "2025-02-01", skuId, saleD: "2025-01-31", qty: 1 },
    ]);
    await recalculateMetrics({ db, from: "2025-01-31", to: "2025-02-02" });

    const jan31 = await metricsOf(db, skuId, "2025-01-31");
    expect(jan31).toMatchObject({
      qty: 10,
      refundsQty: 1,
      sales: "10000.00",
      returns: "-1000.00",
      commission: "-1500.00",
      logistics: "-200.00",
      deductionsOther: "-500.00",
      // 10000 - 1000
      netSales: "9000.00",
      // 10000 - 1000 - 1500 - 200 - 500
      payout: "6800.00",
      // 10 x 100 - 1 x 100
      cogs: "900.00",
      // 6800 - 900
      profit: "5900.00",
      // 5900 / 9000 = 65.555...%
      margin: "65.56",
      isSettled: true,
      isCommissionEstimated: false,
      isLogisticsEstimated: false,
    });
    const feb1 = await metricsOf(db, skuId, "2025-02-01");
    expect(feb1).toMatchObject({
      qty: 3,
      // 3000 - 1000
      netSales: "2000.00",
      // 3000 - 1000 - 450 - 30 + 50
      payout: "1570.00",
      // 3 x 110 - 1 x 100 (the returned unit's sale on Jan 31)
      cogs: "230.00",
      // 1570 - 230 = 1340; 1340 / 2000 = 67%
      profit: "1340.00",
      margin: "67.00",
    });
    const feb2 = await metricsOf(db, skuId, "2025-02-02");
    // net 1000 - 1000 = 0; payout 0 - 300 - 200 - 500 = -1000; cogs 1 x 110; profit -1110; margin 0
    expect(feb2).toMatchObject({
      netSales: "0.00",
      payout: "-1000.00",
      cogs: "110.00",
      profit: "-1110.00",
      margin: "0.00",
    });
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
        lines: { sales: "800.00", commission: "-80.00" },
        isSettled: true,
      },
    ]);
    const result = await recalculateMetrics({ db, from: "2025-04-01", to: "2025-04-01" });
    expect(await metricsOf(db, skuId, "2025-04-01")).toMatchObject({
      netSales: "800.00",
      // 800 - 80
      payout: "720.00",
      cogs: null,
      profit: null,
      margin: null,
    });
    expect(result.daysMissingCost).toBe(1);
    expect(result.skusMissingCost).toBe(1);
  });

  it("an FBS-specific commission rule wins over the all-channels rule for FBS sales only", async () => {
    const skuId = await insertSku(db, { marketplace: "OZON" });
    const fboWh = await insertWarehouse(db, "OZON", "fbo-ch");
    const fbsWh = await insertWarehouse(db, "OZON", "fbs-ch");
    await db.insert(schema.commissionRules).values([
      { marketplace: "OZON", channel: "all", dtFrom: "2025-06-01", ruleJson: { defaultPercent: 10 } },
      { marketplace: "OZON", channel: "FBS", dtFrom: "2025-06-05", ruleJson: { defaultPercent: 15 } },
    ]);
    const day = (d: string) => [
      { d, skuId, warehouseId: fboWh, channel: "FBO" as const, qty: 2, lines: { sales: "1000.00" } },
      { d, skuId, warehouseId: fbsWh, channel: "FBS" as const, qty: 1, lines: { sales: "500.00" } },
    ];
    await insertSales(db, [...day("2025-06-04"), ...day("2025-06-05")]);
    await recalculateMetrics({ db, from: "2025-06-04", to: "2025-06-05" });
    // before the FBS rule: (1000 + 500) x 10 %
    expect(await metricsOf(db, skuId, "2025-06-04")).toMatchObject({ estimatedCommission: "-150.00" });
    // from it: 1000 x 10 % (FBO, the all-channels rule) + 500 x 15 % (FBS) = 100 + 75
    expect(await metricsOf(db, skuId, "2025-06-05")).toMatchObject({
      estimatedCommission: "-175.00",
      commission: "-175.00",
      isCommissionEstimated: true,
    });
  });

  it("commission and logistics estimated until the finance lines settle the units", async () => {
    const accountId = await insertAccount(db);
    const skuId = await insertSku(db, { marketplace: "WB", category: "Shoes", accountId });
    // a SKU of the same store with no settled sales of its own: the store's rate applies
    const newcomer = await insertSku(db, { marketplace: "WB", category: "Shoes", accountId });
    await insertCostPrice(db, skuId, "2025-05-01", "100.00");
    await db.insert(schema.commissionRules).values({
      marketplace: "WB",
      dtFrom: "2025-05-01",
      ruleJson: { defaultPercent: 15, categories: { Shoes: 20 }, priceBands: [] },
    });
    await insertSales(db, [
      // settled history: 4 units charged 200.00 logistics = 50.00 a unit
      {
        d: "2025-05-03",
        skuId,
        accountId,
        warehouseId: null,
        qty: 4,
        lines: { sales: "4000.00", commission: "-800.00", logistics: "-200.00" },
        isSettled: true,
      },
      {
        d: "2025-05-10",
        skuId,
        accountId,
        warehouseId: null,
        qty: 10,
        refundsQty: 1,
        lines: { sales: "10000.00", returns: "-1000.00" },
        isSettled: false,
      },
      {
        d: "2025-05-10",
        skuId: newcomer,
        accountId,
        warehouseId: null,
        qty: 2,
        lines: { sales: "3000.00" },
        isSettled: false,
      },
    ]);
    await recalculateMetrics({ db, from: "2025-05-10", to: "2025-05-10" });
    expect(await metricsOf(db, skuId, "2025-05-10")).toMatchObject({
      // Shoes 20% of (10000 - 1000) unpriced sales
      estimatedCommission: "-1800.00",
      commission: "-1800.00",
      // the SKU's rate: 10 provisional units x -200 / 4
      estimatedLogistics: "-500.00",
      logistics: "-500.00",
      isCommissionEstimated: true,
      isLogisticsEstimated: true,
      isSettled: false,
      provisionalSales: "9000.00",
      netSales: "9000.00",
      // 10000 - 1000 - 1800 - 500
      payout: "6700.00",
      // 6700 - 10 x 100
      profit: "5700.00",
    });
    expect(await metricsOf(db, newcomer, "2025-05-10")).toMatchObject({
      // 20% of 3000
      estimatedCommission: "-600.00",
      // the store's rate: (-200 + 0) / (4 + 0) settled units x 2 provisional units
      estimatedLogistics: "-100.00",
      // 3000 - 600 - 100
      payout: "2300.00",
      cogs: null,
    });

    // the finance lines arrive: commission 1750 and logistics 480 replace the estimates
    await db
      .update(schema.dailySales)
      .set({
        commission: "-1750.00",
        logistics: "-480.00",
        isSettled: true,
        provisionalQty: 0,
        provisionalRefundsQty: 0,
        provisionalSales: "0",
        unpricedSales: "0",
      })
      .where(and(eq(schema.dailySales.skuId, skuId), eq(schema.dailySales.d, "2025-05-10")));
    await recalculateMetrics({ db, from: "2025-05-10", to: "2025-05-10" });
    expect(await metricsOf(db, skuId, "2025-05-10")).toMatchObject({
      commission: "-1750.00",
      logistics: "-480.00",
      estimatedCommission: "0.00",
      estimatedLogistics: "0.00",
      isCommissionEstimated: false,
      isLogisticsEstimated: false,
      isSettled: true,
      // 10000 - 1000 - 1750 - 480
      payout: "6770.00",
      // 6770 - 1000
      profit: "5770.00",
    });
  });
});
