// The SKU table's period rows: for a preset period the recalculation keeps them (metrics_sku_period),
// for any other they are computed per request; both give the numbers worked out by hand below, the
// same order (no-number rows last in both directions, natural article order) and the same totals.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, rowsOf } from "@/db";
import { querySkuPage, type SkuFilters, type SkuSortKey } from "@/lib/data/skus";
import { addDays } from "@/lib/domain/dates";
import { clearFacts, insertCostPrice, insertSales, insertSku, insertWarehouse } from "@/lib/testing/fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { insertAccount } from "@/lib/testing/pnl-fixtures";
import { recalculateMetrics } from "./recalculate-metrics";
import { presetPeriods, REQUESTED_PERIODS_KEPT } from "./sku-period";

const BASE = "2026-03-01";
const day = (n: number) => addDays(BASE, n);

async function seed(db: Db) {
  const wb = await insertAccount(db, "WB", "WB store");
  const oz = await insertAccount(db, "OZON", "Ozon store");
  const whOz = await insertWarehouse(db, "OZON", "oz-1");
  const whWb = await insertWarehouse(db, "WB", "wb-1");
  const oz10 = await insertSku(db, { marketplace: "OZON", accountId: oz, article: "OZ-10" });
  const oz2 = await insertSku(db, { marketplace: "OZON", accountId: oz, article: "OZ-2" });
  const oz1 = await insertSku(db, { marketplace: "OZON", accountId: oz, article: "OZ-1" });
  const wb3 = await insertSku(db, { marketplace: "WB", accountId: wb, article: "WB-3" });
  await insertSales(db, [
    // 2 x 500, commission 100, cost 100: payout 900, COGS 200, profit 700, margin 70 %
    {
      d: day(8),
      skuId: oz10,
      warehouseId: whOz,
      accountId: oz,
      qty: 2,
      revenueGross: "1000.00",
      commissionAmount: "100.00",
      isSettled: true,
    },
    // 1 x 300, logistics 400, cost 200: payout -100, profit -300, margin -100 %
    {
      d: day(9),
      skuId: oz2,
      warehouseId: whOz,
      accountId: oz,
      qty: 1,
      revenueGross: "300.00",
      deliveryCost: "400.00",
      isSettled: true,
    },
    // no cost price at all: no COGS, profit or margin
    { d: day(9), skuId: oz1, warehouseId: whOz, accountId: oz, qty: 1, revenueGross: "1000.00", isSettled: true },
    // before the period only
    { d: day(1), skuId: wb3, warehouseId: whWb, accountId: wb, qty: 1, revenueGross: "100.00", isSettled: true },
  ]);
  await insertCostPrice(db, oz10, day(0), "100.00");
  await insertCostPrice(db, oz2, day(0), "200.00");
  await insertCostPrice(db, wb3, day(0), "50.00");
  await recalculateMetrics({ db, from: day(0), to: day(9), aggrDaysWb: 14, aggrDaysOzon: 28, today: day(10) });
  return { wb, oz };
}

describe.each(testDatabaseKinds())("SKU table periods (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("kept periods and computed ones give the hand-worked rows, order and totals", async () => {
    const db = database.db;
    const { oz } = await seed(db);
    // the header's presets as they read on day 10, the day after the latest day: yesterday, the last 7
    // days, the last 30 (clamped to day 9), this month (day 0..9), last month and this quarter; the last 7
    // days ending today (day 10, before its data) is no preset: its first request keeps it, and so are
    // the presets of day 9 (the last 7 days ending on day 8)
    const kept = presetPeriods(day(9), day(10));
    expect(kept).toEqual([
      { from: day(9), to: day(9) },
      { from: day(3), to: day(9) },
      { from: "2026-02-09", to: day(9) },
      { from: day(0), to: day(9) },
      { from: "2026-02-01", to: "2026-02-28" },
      { from: "2026-01-01", to: day(9) },
    ]);
    expect(kept).not.toContainEqual({ from: day(2), to: day(8) });
    expect(kept).not.toContainEqual({ from: day(4), to: day(9) });

    const cases: { scope: { accountId: number | null; from: string; to: string }; filters: SkuFilters }[] = [
      { scope: { accountId: null, from: day(3), to: day(9) }, filters: {} },
      // ends today, before its data: the same rows as ending on the latest day
      { scope: { accountId: null, from: day(4), to: day(10) }, filters: {} },
      { scope: { accountId: oz, from: day(3), to: day(9) }, filters: {} },
      { scope: { accountId: null, from: day(3), to: day(9) }, filters: { q: "OZ-1" } },
    ];
    const read = (
      c: (typeof cases)[number],
      sort: SkuSortKey,
      dir: "asc" | "desc",
      page = 1,
      pageSize = 50,
      keepPeriod = true,
    ) => querySkuPage(db, c.scope, c.filters, { page, pageSize, sort, dir }, { keepPeriod });

    const all = cases[0];
    const first = await read(all, "profit", "asc");
    expect(first.isPrepared).toBe(true);
    // the loss-maker first ascending, the SKU without a cost price last in both directions
    expect(first.rows.map((r) => r.article)).toEqual(["OZ-2", "WB-3", "OZ-10", "OZ-1"]);
    expect((await read(all, "profit", "desc")).rows.map((r) => r.article)).toEqual(["OZ-10", "WB-3", "OZ-2", "OZ-1"]);
    expect((await read(all, "article", "asc")).rows.map((r) => r.article)).toEqual(["OZ-1", "OZ-2", "OZ-10", "WB-3"]);
    expect((await read(all, "margin", "asc")).rows.map((r) => r.article)).toEqual(["OZ-2", "OZ-10", "OZ-1", "WB-3"]);
    expect((await read(all, "profit", "asc", 2, 3)).rows.map((r) => r.article)).toEqual(["OZ-1"]);
    const byArticle = new Map(first.rows.map((r) => [r.article, r]));
    expect(byArticle.get("OZ-10")).toMatchObject({
      payout: "900.00",
      cogs: "200.00",
      profit: "700.00",
      margin: "70.00",
    });
    expect(byArticle.get("OZ-2")).toMatchObject({ payout: "-100.00", profit: "-300.00", margin: "-100.00" });
    expect(byArticle.get("OZ-1")).toMatchObject({ netSales: "1000.00", cogs: null, profit: null, margin: null });
    expect(byArticle.get("WB-3")).toMatchObject({ units: 0, profit: "0.00", margin: null });
    // totals of every selected SKU: margin over the net sales that had a cost price (1,300 of 2,300)
    expect(first.totals).toEqual({
      skus: 4,
      units: 4,
      refunds: 0,
      netSales: "2300.00",
      payout: "1800.00",
      cogs: "400.00",
      profit: "400.00",
      margin: "30.77",
      costCoverage: "56.52",
    });
    expect((await read(cases[2], "profit", "asc")).totals).toMatchObject({ skus: 3, profit: "400.00" });
    expect((await read(cases[3], "article", "asc")).rows.map((r) => r.article)).toEqual(["OZ-1", "OZ-10"]);

    // every case, sort and page again with the kept periods gone: each period's first request computes
    // and keeps it, the others read it; then computed for each request alone (as while a recalculation
    // runs): identical every time
    const sorts: SkuSortKey[] = ["profit", "margin", "article", "units", "netSales", "coverDays", "name"];
    const snapshot = async (keepPeriod: boolean) => {
      const out: unknown[] = [];
      for (const c of cases)
        for (const sort of sorts)
          for (const dir of ["asc", "desc"] as const)
            for (const page of [1, 2]) {
              const p = await read(c, sort, dir, page, 2, keepPeriod);
              expect(p.isPrepared).toBe(keepPeriod);
              out.push({ ...p, isPrepared: undefined });
            }
      return out;
    };
    const prepared = await snapshot(true);
    const forget = async () => {
      await db.execute(sql`DELETE FROM metrics_sku_period`);
      await db.execute(sql`DELETE FROM metrics_sku_period_totals`);
    };
    await forget();
    expect(await snapshot(true)).toEqual(prepared);
    expect(await requestedPeriods(db)).toEqual([
      { from: day(4), to: day(9) },
      { from: day(3), to: day(9) },
    ]);
    await forget();
    expect(await snapshot(false)).toEqual(prepared);
    expect(await requestedPeriods(db)).toEqual([]);

    // a rerun on the same day after a cost price edit (OZ-10 costs 150 from day 0: COGS 300, profit 600)
    // rewrites the kept rows it changed: kept and computed agree again, and the requested period is gone
    await read(cases[1], "profit", "asc");
    await db.execute(sql`UPDATE cost_price_history SET cost_price = 150 WHERE cost_price = 100`);
    await recalculateMetrics({ db, from: day(0), to: day(9), aggrDaysWb: 14, aggrDaysOzon: 28, today: day(10) });
    expect(await requestedPeriods(db)).toEqual([]);
    const rerun = (await read(all, "profit", "desc")).rows.find((r) => r.article === "OZ-10");
    expect(rerun).toMatchObject({ cogs: "300.00", profit: "600.00" });
    const edited = await snapshot(true);
    expect(edited).not.toEqual(prepared);
    await forget();
    expect(await snapshot(false)).toEqual(edited);
  });

  it("keeps a requested period until the next recalculation, the longest kept going first", async () => {
    const db = database.db;
    await clearFacts(db);
    await db.execute(sql`TRUNCATE accounts RESTART IDENTITY CASCADE`);
    await seed(db);
    const presets = new Set(presetPeriods(day(9), day(10)).map((p) => `${p.from}/${p.to}`));
    const custom: { from: string; to: string }[] = [];
    for (let to = 9; to >= 0 && custom.length <= REQUESTED_PERIODS_KEPT; to--)
      for (let from = 0; from <= to && custom.length <= REQUESTED_PERIODS_KEPT; from++)
        if (!presets.has(`${day(from)}/${day(to)}`)) custom.push({ from: day(from), to: day(to) });
    const page = (p: { from: string; to: string }) =>
      querySkuPage(db, { accountId: null, ...p }, {}, { page: 1, pageSize: 50, sort: "profit", dir: "desc" });

    const first = await page(custom[0]);
    expect(first.isPrepared).toBe(true);
    expect(first.total).toBe(4);
    const [rows] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM metrics_sku_period
        WHERE period_from = ${custom[0].from}::date AND period_to = ${custom[0].to}::date`),
    );
    expect(rows.n).toBe(4);
    // asked again: read, not written again
    expect(await page(custom[0])).toEqual(first);
    expect(await requestedPeriods(db)).toEqual([custom[0]]);

    for (const p of custom.slice(1)) await page(p);
    const kept = await requestedPeriods(db);
    expect(kept).toHaveLength(REQUESTED_PERIODS_KEPT);
    expect(kept).not.toContainEqual(custom[0]);
    expect(kept).toContainEqual(custom[REQUESTED_PERIODS_KEPT]);
    const [orphans] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM metrics_sku_period p WHERE NOT EXISTS (
        SELECT 1 FROM metrics_sku_period_totals t WHERE t.period_from = p.period_from AND t.period_to = p.period_to)`),
    );
    expect(orphans.n).toBe(0);

    // a recalculation changes what the rows sum: it forgets every requested period
    await recalculateMetrics({ db, from: day(9), to: day(9), aggrDaysWb: 14, aggrDaysOzon: 28, today: day(10) });
    expect(await requestedPeriods(db)).toEqual([]);
  });

  it.skipIf(kind === "pglite")("keeps nothing while a recalculation runs, and shows the same page", async () => {
    const db = database.db;
    await clearFacts(db);
    await db.execute(sql`TRUNCATE accounts RESTART IDENTITY CASCADE`);
    await seed(db);
    const period = { accountId: null, from: day(1), to: day(8) };
    const params = { page: 1, pageSize: 50, sort: "profit", dir: "desc" } as const;
    // a recalculation holds its lock on another connection of the pool
    const during = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('sovani.recalculate-metrics'))`);
      return querySkuPage(db, period, {}, params);
    });
    expect(during.isPrepared).toBe(false);
    expect(await requestedPeriods(db)).toEqual([]);
    const after = await querySkuPage(db, period, {}, params);
    expect(after.isPrepared).toBe(true);
    expect({ ...after, isPrepared: undefined }).toEqual({ ...during, isPrepared: undefined });
  });
});

async function requestedPeriods(db: Db): Promise<{ from: string; to: string }[]> {
  return rowsOf<{ from: string; to: string }>(
    await db.execute(sql`SELECT period_from::text AS "from", period_to::text AS "to" FROM metrics_sku_period_totals
      WHERE requested_at IS NOT NULL GROUP BY period_from, period_to ORDER BY max(requested_at) DESC, 1, 2`),
  );
}
