// The dashboard reads against real migrations on PGlite (and PostgreSQL with TEST_DATABASE_URL),
// with facts and derived rows inserted directly so each expected number is worked out by hand.
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { queryCashflowSummary, queryPayouts } from "./cashflow";
import { queryCostHistory, queryMissingCostSkus, querySkuCostPage } from "./costs";
import { refreshSkuCumulativeStatement } from "@/lib/services/metrics/sku-cumulative";
import { refreshSkuPeriodStatements } from "@/lib/services/metrics/sku-period";
import { refreshCashflowDailyStatements } from "@/lib/services/metrics/cashflow-daily";
import { refreshStoreDailyStatements } from "@/lib/services/metrics/store-daily";
import { queryAttentionCounts, queryOverviewTiles, queryPnlSeries } from "./overview";
import { parseCostQuery, parseRestockQuery, parseSkuQuery } from "./page-params";
import { queryReorderSoon, queryRestockLocations, queryRestockPage, querySkuRestock } from "./restock";
import { queryReviewPage, queryReviewStats } from "./reviews";
import { querySkuFilterOptions, querySkuHeader, querySkuPage, querySkuSeries, querySkuWarehouses } from "./skus";
import { bucketFor, previousPeriod } from "./scope";

describe.each(testDatabaseKinds())("dashboard reads on %s", (kind) => {
  const { db } = useTestDatabase(kind);
  let wb: number;
  let ozon: number;
  const sku: Record<string, number> = {};
  let wh1: number;
  let wh2: number;

  beforeAll(async () => {
    const acc = await db.execute(
      sql`insert into accounts (marketplace, name) values ('WB', 'WB shop'), ('OZON', 'Ozon shop') returning id`,
    );
    [wb, ozon] = (acc as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
    const skus = await db.execute(sql`
      insert into sku (account_id, marketplace, nm_id, ozon_id, article, name, brand, category) values
        (${wb}, 'WB', 1001, null, 'CUP-1', 'Кружка синяя', 'Acme', 'Посуда'),
        (${wb}, 'WB', 9007199254740993, null, 'CUP-2', 'Mug 100%_red', 'Acme', 'Посуда'),
        (${ozon}, 'OZON', null, 5001, 'TOY-1', 'Игрушка', 'Toyco', 'Игрушки')
      returning id, article`);
    for (const r of (skus as unknown as { rows: { id: number; article: string }[] }).rows)
      sku[r.article] = Number(r.id);
    const whs = await db.execute(
      sql`insert into warehouse (marketplace, code, name, kind) values ('WB', '1', 'Коледино', 'FBO'), ('WB', '2', 'Казань', 'FBO') returning id`,
    );
    [wh1, wh2] = (whs as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));

    // previous period 2026-10-25..2026-10-31, current 2026-11-01..2026-11-07
    // CUP-1: 2 units/day, sales 700 - commission 150 - logistics 50 = payout 500, cost 200 -> cogs 400,
    //        profit 100/day; settled except 11-07, whose logistics is estimated
    // CUP-2: sells 1/day at 300 without cost price in November
    // TOY-1: 1 unit on 10-30 (previous period) only, sales 1000, estimated commission 100
    await db.execute(sql`
      insert into metrics_daily (d, sku_id, qty, refunds_qty, sales, commission, logistics, estimated_logistics,
        is_logistics_estimated, is_settled, net_sales, payout, cogs, profit, margin, sv7, sv14, sv28, on_hand, in_transit, stock_cover_days)
      select d::date, ${sku["CUP-1"]}, 2, 0, 700, -150, -50, case when d::date = '2026-11-07' then -50 else 0 end,
        d::date = '2026-11-07', d::date < '2026-11-07', 700, 500, 400, 100, 14.29, 2, 2, 2, 10, 0, 5
      from generate_series('2026-10-25'::date, '2026-11-07'::date, '1 day') d
    `);
    await db.execute(sql`
      insert into metrics_daily (d, sku_id, qty, refunds_qty, sales, is_settled, net_sales, payout, cogs, profit, margin,
        sv7, sv14, sv28, on_hand, in_transit, stock_cover_days)
      select d::date, ${sku["CUP-2"]}, 1, 0, 300, true, 300, 300, null, null, null, 1, 1, 1, 100, 20, 120
      from generate_series('2026-11-01'::date, '2026-11-07'::date, '1 day') d
    `);
    await db.execute(sql`
      insert into metrics_daily (d, sku_id, qty, refunds_qty, sales, commission, estimated_commission, is_commission_estimated,
        is_settled, net_sales, payout, cogs, profit, margin, sv7, sv14, sv28, on_hand, in_transit, stock_cover_days)
      values ('2026-10-30', ${sku["TOY-1"]}, 1, 0, 1000, -100, -100, true, false, 1000, 900, 300, 600, 60, 0.14, 0.07, 0.04, 3, 0, 21)
    `);
    // finance lines: CUP-1's sale and its logistics on 11-02; store-level lines (no SKU): WB storage 70 on
    // 11-03, Ozon storage 20 on 11-04, a WB loan repayment on 10-20 (before both periods); a WB weekly
    // report paying out 700 on 11-05
    await db.execute(sql`
      insert into finance_lines (account_id, marketplace, line_key, d, sku_id, source_type, sales, commission, logistics,
        storage, deductions_other, src_hash) values
        (${wb}, 'WB', 'r1', '2026-11-02', ${sku["CUP-1"]}, 'Продажа', 1000.10, -150, 0, 0, 0, 'h'),
        (${wb}, 'WB', 'r2', '2026-11-02', ${sku["CUP-1"]}, 'Логистика', 0, 0, -100.05, 0, 0, 'h'),
        (${wb}, 'WB', 'r6', '2026-11-03', null, 'Хранение', 0, 0, 0, -70, 0, 'h'),
        (${wb}, 'WB', 'r3', '2026-10-20', null, 'Удержание: Погашение по займу (financing)', 0, 0, 0, 0, -500, 'h'),
        (${ozon}, 'OZON', 'r5', '2026-11-04', null, 'storage', 0, 0, 0, -20, 0, 'h')`);
    await db.execute(sql`
      insert into settlement_reports (account_id, kind, report_id, date_from, date_to, payout, src_hash) values
        (${wb}, 'wb_report', 'r4', '2026-10-30', '2026-11-05', 700, 'h')`);
    // the per-store daily totals the Overview and cash flow read and the SKU running totals, as recalculateMetrics would write them
    for (const statement of refreshStoreDailyStatements("2026-10-01", "2026-11-30")) await db.execute(statement);
    for (const statement of refreshCashflowDailyStatements("2026-10-01", "2026-11-30")) await db.execute(statement);
    await db.execute(refreshSkuCumulativeStatement("2026-10-01"));
    await db.execute(sql`insert into cost_price_history (sku_id, dt_from, cost_price) values
      (${sku["CUP-1"]}, '2026-01-01', 150), (${sku["CUP-1"]}, '2026-10-01', 200), (${sku["TOY-1"]}, '2026-01-01', 300)`);
    await db.execute(sql`
      insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, src_hash) values
        ('2026-11-06', ${sku["CUP-1"]}, ${wh1}, 4, 0, 'x'), ('2026-11-07', ${sku["CUP-1"]}, ${wh1}, 6, 0, 'x'),
        ('2026-11-07', ${sku["CUP-1"]}, ${wh2}, 4, 0, 'x')`);
    await db.execute(sql`
      insert into restock_advice (d, account_id, sku_id, marketplace, location_kind, location_key, location_name, status, status_rank,
        status_days, reorder_date, reorder_sort, quantity, velocity, forecast, in_stock_days, out_of_stock_days, on_hand, inbound,
        open_plans, lost_units, explanation)
      select v.d::date, s.account_id, s.id, s.marketplace, 'warehouse', v.key, v.name, v.status, v.rank, v.days, v.reorder::date,
        coalesce(v.reorder, '9999-12-31')::date, v.qty, 1.2, 1.2, 18, 10, 6, 0, 0, v.lost, '{}'::jsonb
      from (values
        ('2026-11-07', ${sku["CUP-1"]}::int, ${String(wh1)}, 'Коледино', 'order_now', 0, -2, '2026-11-07', 22, 12.5),
        ('2026-11-07', ${sku["CUP-1"]}::int, ${String(wh2)}, 'Казань', 'soon', 1, 3, '2026-11-10', 10, 0),
        ('2026-11-07', ${sku["CUP-2"]}::int, ${String(wh1)}, 'Коледино', 'ok', 3, 20, '2026-11-27', 0, 0),
        ('2026-11-06', ${sku["CUP-1"]}::int, ${String(wh1)}, 'Коледино', 'order_now', 0, 0, '2026-11-06', 99, 0)
      ) as v(d, sku_id, key, name, status, rank, days, reorder, qty, lost)
      join sku s on s.id = v.sku_id`);
    // 2026-11-01 00:30 Moscow is 2026-10-31 21:30 UTC: inside the period; 2026-10-31 23:30 Moscow is outside
    await db.execute(sql`
      insert into reviews (review_id, marketplace, account_id, sku_id, parent_review_id, created_at_utc, rating, has_media, text, reply_status, src_hash) values
        ('w1', 'WB', ${wb}, ${sku["CUP-1"]}, null, '2026-10-31T21:30:00Z', 5, true, '<script>alert(1)</script> great', 'answered', 'h'),
        ('w1s', 'WB', ${wb}, ${sku["CUP-1"]}, 'w1', '2026-11-03T10:00:00Z', 2, false, 'broke after a week', 'unanswered', 'h'),
        ('w0', 'WB', ${wb}, ${sku["CUP-1"]}, null, '2026-10-31T20:30:00Z', 1, false, 'too early', 'unanswered', 'h'),
        ('o1', 'OZON', ${ozon}, ${sku["TOY-1"]}, null, '2026-11-05T10:00:00Z', 4, false, 'ok', 'pending', 'h')`);
    await db.execute(sql`
      insert into sync_runs (account_id, trigger, status, started_at) values
        (${wb}, 'cli', 'failed', '2026-11-03T00:00:00Z'), (${wb}, 'cli', 'succeeded', '2026-11-04T00:00:00Z'),
        (${ozon}, 'cli', 'partial', '2026-10-01T00:00:00Z')`);
  });

  const scope = (accountId: number | null = null) => ({ accountId, from: "2026-11-01", to: "2026-11-07" });

  it("sums the period's tiles and the previous period of the same length", async () => {
    const tiles = await queryOverviewTiles(db, scope());
    expect(tiles.previousFrom).toBe("2026-10-25");
    expect(tiles.previousTo).toBe("2026-10-31");
    expect(tiles.current).toEqual({
      netSales: "7000.00", // 7 x 700 + 7 x 300
      payout: "5510.00", // 7 x 500 + 7 x 300 - 70 - 20 store-level storage
      cogs: "2800.00", // 7 x 400
      profit: "610.00", // SKU profit 7 x 100 (CUP-2 has no cost price) + store level -90
      storeLevel: "-90.00",
      // as the P&L statement: (700 SKU profit + -90 store level x 4900 / 7000) / 4900 net sales with a cost
      // price = (700 - 63) / 4900 = 13.00%
      margin: "13.00",
      units: 21,
      refunds: 0,
      netSalesWithoutCost: "2100.00",
    });
    expect(tiles.previous).toMatchObject({
      netSales: "5900.00", // 7 x 700 + 1000
      payout: "4400.00", // 7 x 500 + 900; the loan repayment on 10-20 is before the period
      profit: "1300.00", // 7 x 100 + 600
      storeLevel: "0.00",
      margin: "22.03", // 1300 / 5900 = 22.033%
      units: 15,
    });
    expect(tiles.hasProvisional).toBe(true); // CUP-1 on 11-07
    // CUP-1's logistics on 11-07 is estimated (TOY-1's commission estimate is in the previous period)
    expect(tiles.hasEstimatedCommission).toBe(true);
    expect(tiles.hasData).toBe(true);
    // CUP-1 sells every day from 25.10: the previous period is covered, a percentage means something
    expect(tiles.isPreviousCovered).toBe(true);
  });

  it("profit = the SKUs' profit + the store-level lines, per store", async () => {
    const skuProfit = (
      await querySkuPage(db, scope(wb), {}, { page: 1, pageSize: 50, sort: "article", dir: "asc" })
    ).rows.reduce((sum, r) => sum + Number(r.profit ?? 0), 0);
    const tiles = await queryOverviewTiles(db, scope(wb));
    // 700 (CUP-1) + 0 (CUP-2, no cost price) and WB storage -70; payout 7 x 500 + 7 x 300 - 70
    expect(skuProfit).toBe(700);
    expect(tiles.current).toMatchObject({ profit: "630.00", storeLevel: "-70.00", payout: "5530.00" });
  });

  it("limits the tiles to the selected store", async () => {
    const tiles = await queryOverviewTiles(db, scope(ozon));
    // Ozon sold nothing in November; its store-level storage of 20 is still a cost of the period
    expect(tiles.current).toMatchObject({ netSales: "0.00", payout: "-20.00", profit: "-20.00", margin: null });
    expect(tiles.hasData).toBe(true);
    expect(tiles.previous.netSales).toBe("1000.00");
    expect(tiles.previous.profit).toBe("600.00");
    // Ozon's history starts on 30.10, inside 25.10-31.10: no "+x %" against five empty days
    expect(tiles.historyFrom).toBe("2026-10-30");
    expect(tiles.isPreviousCovered).toBe(false);
  });

  it("charts by day for short ranges and by week for long ones", async () => {
    const series = await queryPnlSeries(db, scope());
    expect(series.bucket).toBe("day");
    expect(series.points).toHaveLength(7);
    expect(series.points[0]).toMatchObject({
      d: "2026-11-01",
      revenue: "1000.00", // 700 + 300
      costs: "600.00", // 1000 - 800 payout + 400 cogs
      profit: "100.00",
      payout: "800.00",
      units: 3,
    });
    // the store-level storage of 11-03 is a cost of that day: payout 800 - 70, profit 100 - 70
    expect(series.points[2]).toMatchObject({ d: "2026-11-03", costs: "670.00", payout: "730.00", profit: "30.00" });
    expect(series.points[6].isProvisional).toBe(true);
    expect(series.points[5].isProvisional).toBe(false);
    expect(bucketFor({ from: "2026-01-01", to: "2026-12-31" })).toBe("week");
    const weekly = await queryPnlSeries(db, { accountId: null, from: "2026-10-25", to: "2026-11-07" }, "week");
    // 2026-10-25 is a Sunday: weeks start 10-19 (1 day), 10-26, 11-02
    expect(weekly.points.map((p) => p.d)).toEqual(["2026-10-19", "2026-10-26", "2026-11-02"]);
    expect(weekly.points.reduce((n, p) => n + p.units, 0)).toBe(36);
  });

  it("counts what needs attention", async () => {
    expect(await queryAttentionCounts(db, scope())).toEqual({
      skusWithoutCost: 1,
      runningOut: 1,
      failedSyncs: 1,
    });
    expect(await queryAttentionCounts(db, scope(ozon))).toEqual({
      skusWithoutCost: 0,
      runningOut: 0,
      failedSyncs: 0,
    });
    // no recalculation kept the period here: its first request kept it, as the SKU page would
    const requested = rowsOf(
      await db.execute(sql`select period_from::text as "from", period_to::text as "to", count(*)::int as stores
        from metrics_sku_period_totals where requested_at is not null group by 1, 2`),
    );
    expect(requested).toEqual([{ from: "2026-11-01", to: "2026-11-07", stores: 2 }]);
    // 11-01..11-07 is a preset period of the day after the latest day ("this month" on 11-08): the
    // recalculation keeps it, and the count is read from the per-store totals (CUP-2 sold without a cost
    // price), and agrees with the probe
    for (const statement of refreshSkuPeriodStatements("2026-11-07", "2026-11-08")) await db.execute(statement);
    try {
      const kept = rowsOf(
        await db.execute(sql`
        select a.marketplace, t.missing_cost_skus from metrics_sku_period_totals t join accounts a on a.id = t.account_id
        where t.period_from = '2026-11-01' and t.period_to = '2026-11-07' order by a.marketplace`),
      );
      expect(kept).toEqual([
        { marketplace: "OZON", missing_cost_skus: 0 },
        { marketplace: "WB", missing_cost_skus: 1 },
      ]);
      expect((await queryAttentionCounts(db, scope())).skusWithoutCost).toBe(1);
      expect((await queryAttentionCounts(db, scope(ozon))).skusWithoutCost).toBe(0);
      // rows written before the column existed hold NULL: the count falls back to the probe
      await db.execute(sql`update metrics_sku_period_totals set missing_cost_skus = null`);
      expect((await queryAttentionCounts(db, scope())).skusWithoutCost).toBe(1);
    } finally {
      await db.execute(sql`delete from metrics_sku_period`);
      await db.execute(sql`delete from metrics_sku_period_totals`);
    }
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
  });

  it("pages, sorts and filters SKUs on the server", async () => {
    const params = { page: 1, pageSize: 2, sort: "profit" as const, dir: "desc" as const };
    const page = await querySkuPage(db, scope(), {}, params);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.article)).toEqual(["CUP-1", "TOY-1"]); // nulls last
    expect(page.rows[0]).toMatchObject({
      units: 14,
      netSales: "4900.00",
      payout: "3500.00",
      cogs: "2800.00",
      profit: "700.00",
      margin: "14.29", // 700 / 4900
      onHand: 10,
      coverDays: "5.00",
      isProvisional: true,
    });
    const second = await querySkuPage(db, scope(), {}, { ...params, page: 2 });
    expect(second.rows.map((r) => r.article)).toEqual(["CUP-2"]);
    expect(second.rows[0]).toMatchObject({ isMissingCost: true, cogs: null, externalId: "9007199254740993" });
    const asc = await querySkuPage(db, scope(), {}, { ...params, sort: "units", dir: "asc", pageSize: 50 });
    expect(asc.rows.map((r) => r.article)).toEqual(["TOY-1", "CUP-2", "CUP-1"]);

    const text = await querySkuPage(db, scope(), { q: "кружка" }, { ...params, pageSize: 50 });
    expect(text.rows.map((r) => r.article)).toEqual(["CUP-1"]);
    // LIKE wildcards in the search are literal
    expect((await querySkuPage(db, scope(), { q: "100%_" }, params)).rows.map((r) => r.article)).toEqual(["CUP-2"]);
    expect((await querySkuPage(db, scope(), { q: "%" }, params)).total).toBe(1);
    expect((await querySkuPage(db, scope(), { q: "9007199254740993" }, params)).rows[0].article).toBe("CUP-2");
    expect((await querySkuPage(db, scope(), { marketplace: "OZON" }, params)).rows.map((r) => r.article)).toEqual([
      "TOY-1",
    ]);
    expect((await querySkuPage(db, scope(), { brand: "Acme", category: "Посуда" }, params)).total).toBe(2);
    expect((await querySkuPage(db, scope(wb), {}, { ...params, pageSize: 50 })).total).toBe(2);
    const beyond = await querySkuPage(db, scope(), {}, { ...params, page: 9 });
    expect(beyond).toMatchObject({ rows: [], total: 3 });
    expect(await querySkuFilterOptions(db, scope())).toEqual({
      brands: ["Acme", "Toyco"],
      categories: ["Игрушки", "Посуда"],
    });
  });

  it("reads one SKU's series, its stock per warehouse and its restock plan", async () => {
    expect(await querySkuHeader(db, 999_999)).toBeNull();
    const header = await querySkuHeader(db, sku["CUP-1"]);
    expect(header).toMatchObject({ article: "CUP-1", accountName: "WB shop", externalId: "1001" });
    const series = await querySkuSeries(db, sku["CUP-1"], scope());
    expect(series).toHaveLength(7);
    expect(series[6]).toMatchObject({ d: "2026-11-07", units: 2, profit: "100.00", isSettled: false });
    const warehouses = await querySkuWarehouses(db, sku["CUP-1"], "2026-11-07");
    expect(warehouses.map((w) => [w.warehouseName, w.stockDay, w.onHand, w.inbound, w.withBuyers])).toEqual([
      ["Казань", "2026-11-07", 4, 0, 0],
      ["Коледино", "2026-11-07", 6, 0, 0],
    ]);
    // the SKU's restock plan is the restock page's rows of its latest advice day, most urgent first
    const plan = await querySkuRestock(db, sku["CUP-1"], "2026-11-07");
    expect(plan.map((r) => [r.locationName, r.status, r.quantity, r.lostUnits])).toEqual([
      ["Коледино", "order_now", 22, "12.50"],
      ["Казань", "soon", 10, "0.00"],
    ]);
    expect((await querySkuRestock(db, sku["CUP-1"], "2026-11-06")).map((r) => r.quantity)).toEqual([99]);
    expect(await querySkuRestock(db, sku["CUP-1"], "2026-10-01")).toEqual([]);
  });

  it("lists the restock plan most urgent first (status, then reorder date), with filters and pages", async () => {
    const params = { page: 1, pageSize: 50, sort: "urgency" as const, dir: "asc" as const };
    const page = await queryRestockPage(db, scope(), {}, params);
    expect(page.adviceDay).toBe("2026-11-07");
    expect(page.rows.map((r) => [r.article, r.locationName, r.status, r.quantity])).toEqual([
      ["CUP-1", "Коледино", "order_now", 22],
      ["CUP-1", "Казань", "soon", 10],
      ["CUP-2", "Коледино", "ok", 0],
    ]);
    expect((await queryRestockPage(db, scope(), { isNeedOnly: true }, params)).total).toBe(2);
    expect((await queryRestockPage(db, scope(), { status: "soon" }, params)).rows.map((r) => r.quantity)).toEqual([10]);
    expect((await queryRestockPage(db, scope(), { location: `warehouse:${wh2}` }, params)).total).toBe(1);
    expect((await queryRestockPage(db, { ...scope(), to: "2026-11-06" }, {}, params)).rows[0].quantity).toBe(99);
    expect((await queryRestockPage(db, { ...scope(), to: "2026-10-01" }, {}, params)).adviceDay).toBeNull();
    // pages cut the ordered matches: page 2 of 2 rows each continues where page 1 stopped, and a page past
    // the end still reports the total so the pager can lead back
    const small = { ...params, pageSize: 2 };
    expect((await queryRestockPage(db, scope(), {}, { ...small, page: 2 })).rows.map((r) => r.article)).toEqual([
      "CUP-2",
    ]);
    const beyond = await queryRestockPage(db, scope(), {}, { ...small, page: 5 });
    expect([beyond.rows.length, beyond.total]).toEqual([0, 3]);
    const byArticle = await queryRestockPage(db, scope(), {}, { ...params, sort: "article", dir: "desc" });
    expect(byArticle.rows.map((r) => [r.article, r.quantity])).toEqual([
      ["CUP-2", 0],
      ["CUP-1", 22],
      ["CUP-1", 10],
    ]);
    const soon = await queryReorderSoon(db, "2026-11-07", null, 7);
    expect([soon.adviceDay, soon.total, soon.rows.map((r) => r.reorderDate)]).toEqual([
      "2026-11-07",
      2,
      ["2026-11-07", "2026-11-10"],
    ]);
    // within 2 days: only the order-now row; a store without advice and a day before any advice have none
    expect((await queryReorderSoon(db, "2026-11-07", null, 2)).total).toBe(1);
    expect((await queryReorderSoon(db, "2026-11-07", ozon, 7)).total).toBe(0);
    expect(await queryReorderSoon(db, "2026-10-01", null, 7)).toEqual({ adviceDay: null, total: 0, rows: [] });
    // the location filter's options: each location of the day once, by marketplace, kind and name
    expect(await queryRestockLocations(db, "2026-11-07")).toEqual([
      { value: `warehouse:${wh2}`, marketplace: "WB", kind: "warehouse", name: "Казань" },
      { value: `warehouse:${wh1}`, marketplace: "WB", kind: "warehouse", name: "Коледино" },
    ]);
    expect(await queryRestockLocations(db, "2026-10-01")).toEqual([]);
  });

  it("reads whatever a URL holds without failing: control characters and ids out of range are dropped", async () => {
    const hostile = { q: "mug\u0000", brand: "\u0000", category: "a\u0001b", warehouse: "99999999999", mp: "WB\u0000" };
    const skus = parseSkuQuery(hostile);
    expect(skus.filters).toMatchObject({ q: "mug", brand: undefined, category: "ab", marketplace: "WB" });
    await querySkuPage(db, scope(), skus.filters, skus.table);
    const restock = parseRestockQuery(hostile);
    expect(restock.filters.location).toBeUndefined();
    await queryRestockPage(db, scope(), restock.filters, restock.table);
    const costs = parseCostQuery({ q: "\u0000\u0000" });
    await querySkuCostPage(db, scope(), { ...costs, asOf: "2026-11-07" });
    expect(parseRestockQuery({ advice: "2147483647" }).filters.drawer).toBe(2_147_483_647);
    expect(parseRestockQuery({ advice: "2147483648" }).filters.drawer).toBeUndefined();
    expect(parseRestockQuery({ advice: "1e3" }).filters.drawer).toBeUndefined();
  });

  it("sums cash flow by P&L line and bucket, keeping financing and payouts out of operating", async () => {
    const summary = await queryCashflowSummary(db, scope(), "day");
    // 1000.10 - 150 - 100.05 - 70 - 20
    expect(summary.operating).toBe("660.05");
    expect(summary.financing).toBe("0.00");
    expect(summary.payouts).toBe("700.00");
    expect(summary.buckets.map((b) => b.d)).toEqual(["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]);
    expect(summary.buckets[0]).toMatchObject({
      operating: "750.05", // 1000.10 - 150 - 100.05
      byType: { sales: "1000.10", commission: "-150.00", logistics: "-100.05" },
    });
    // in a statement's order: operating (money in, then the largest deductions), financing, payouts
    expect(summary.totalsByType.map((x) => [x.type, x.amount, x.count])).toEqual([
      ["sales", "1000.10", 1],
      ["commission", "-150.00", 1],
      ["logistics", "-100.05", 1],
      ["storage", "-90.00", 2],
      ["payout", "700.00", 1],
    ]);
    const loan = await queryCashflowSummary(db, { accountId: null, from: "2026-10-20", to: "2026-10-20" }, "day");
    expect([loan.operating, loan.financing]).toEqual(["0.00", "-500.00"]);
    expect((await queryCashflowSummary(db, scope(ozon), "week")).operating).toBe("-20.00");
    expect((await queryPayouts(db, scope())).map((p) => [p.d, p.amount])).toEqual([["2026-11-05", "700.00"]]);
  });

  it("lists reviews in the business-day range with supplements under their parent", async () => {
    const page = await queryReviewPage(db, scope(), {}, { page: 1, pageSize: 20 }, "Europe/Moscow");
    expect(page.rows.map((r) => r.reviewId)).toEqual(["o1", "w1"]);
    expect(page.rows[1].supplements.map((s) => s.reviewId)).toEqual(["w1s"]);
    expect(page.rows[1].text).toBe("<script>alert(1)</script> great");
    // the unanswered supplement brings its parent along
    const unanswered = await queryReviewPage(
      db,
      scope(),
      { isUnansweredOnly: true },
      { page: 1, pageSize: 20 },
      "Europe/Moscow",
    );
    expect(unanswered.rows.map((r) => r.reviewId)).toEqual(["w1"]);
    expect(
      (await queryReviewPage(db, scope(), { isWithMediaOnly: true }, { page: 1, pageSize: 20 }, "Europe/Moscow")).total,
    ).toBe(1);
    expect(
      (await queryReviewPage(db, scope(ozon), { rating: 4 }, { page: 1, pageSize: 20 }, "Europe/Moscow")).total,
    ).toBe(1);
    expect(await queryReviewStats(db, scope(), "Europe/Moscow")).toEqual({
      total: 3,
      unanswered: 1,
      averageRating: "3.67",
      queued: 2,
    });
    // the reply queue: every unanswered review of any date, each on its own, lowest rating first
    const queue = await queryReviewPage(db, scope(), { isQueue: true }, { page: 1, pageSize: 20 }, "Europe/Moscow");
    expect(queue.rows.map((r) => [r.reviewId, r.rating, r.replyAction, r.supplements.length])).toEqual([
      ["w0", 1, "answer", 0],
      ["w1s", 2, "answer", 0],
    ]);
    expect(page.rows.map((r) => [r.reviewId, r.replyAction, r.reply])).toEqual([
      ["o1", null, null],
      ["w1", null, null],
    ]);
  });

  it("reads cost prices and the SKUs that sell without one", async () => {
    expect((await queryCostHistory(db, sku["CUP-1"])).map((e) => [e.dtFrom, e.costPrice])).toEqual([
      ["2026-10-01", "200.00"],
      ["2026-01-01", "150.00"],
    ]);
    const page = await querySkuCostPage(db, scope(), { asOf: "2026-09-30", page: 1, pageSize: 50 });
    expect(page.rows.map((r) => [r.article, r.currentCost, r.entries])).toEqual([
      ["CUP-1", "150.00", 2],
      ["CUP-2", null, 0],
      ["TOY-1", "300.00", 1],
    ]);
    const missing = await querySkuCostPage(db, scope(), {
      asOf: "2026-11-07",
      isMissingOnly: true,
      page: 1,
      pageSize: 50,
    });
    expect(missing.rows.map((r) => r.article)).toEqual(["CUP-2"]);
    expect(await queryMissingCostSkus(db, scope())).toEqual({
      total: 1,
      hasSales: true,
      rows: [
        {
          skuId: sku["CUP-2"],
          article: "CUP-2",
          name: "Mug 100%_red",
          marketplace: "WB",
          unitsWithoutCost: 7,
          firstDay: "2026-11-01",
        },
      ],
    });
    // Ozon sold nothing in November: no "every SKU sold has a cost price" about an empty period
    expect(await queryMissingCostSkus(db, scope(ozon))).toEqual({ total: 0, hasSales: false, rows: [] });
  });
});
