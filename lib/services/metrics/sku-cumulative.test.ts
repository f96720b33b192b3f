// The SKU running totals stay equal to a recomputation from scratch however the days are recalculated
// (later range first, a single old day, a SKU that appears halfway), and the SKU table's period totals
// read from them equal the plain sums of metrics_daily over the period.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { querySkuPage } from "@/lib/data/skus";
import { addDays } from "@/lib/domain/dates";
import { recalculateMetrics } from "./recalculate-metrics";
import { insertCostPrice, insertSales, insertSku, insertWarehouse } from "@/lib/testing/fixtures";

const BASE = "2026-03-01";
const day = (n: number) => addDays(BASE, n);
const WINDOWS = { aggrDaysWb: 14, aggrDaysOzon: 28 };

/** Running rows that differ from the running sums recomputed over all of metrics_daily (both directions). */
async function runningMismatches(db: Db): Promise<unknown[]> {
  return rowsOf(
    await db.execute(sql`
      with expected as (
        select m.sku_id, m.d, count(*) over w as days, sum(m.qty) over w as qty, sum(m.refunds_qty) over w as refunds_qty,
          sum(m.net_sales) over w as net_sales, sum(m.payout) over w as payout,
          coalesce(sum(m.net_sales) filter (where m.cogs is not null) over w, 0) as net_sales_with_cost,
          coalesce(sum(m.cogs) over w, 0) as cogs, count(m.cogs) over w as cogs_days,
          coalesce(sum(m.profit) over w, 0) as profit, count(m.profit) over w as profit_days,
          count(*) filter (where m.cogs is null and m.qty > 0) over w as missing_cost_days,
          count(*) filter (where not m.is_settled and (m.qty <> 0 or m.refunds_qty <> 0)) over w as provisional_days,
          count(*) filter (where m.is_commission_estimated or m.is_logistics_estimated) over w as estimated_days
        from metrics_daily m
        window w as (partition by m.sku_id order by m.d rows unbounded preceding)
      ),
      actual as (
        select sku_id, d, days, qty, refunds_qty, net_sales, payout, net_sales_with_cost, cogs, cogs_days, profit,
          profit_days, missing_cost_days,
          provisional_days, estimated_days
        from metrics_sku_cumulative
      )
      (select 'missing' as side, * from (select * from expected except select * from actual) a)
      union all
      (select 'extra', * from (select * from actual except select * from expected) b)
      order by 2, 3`),
  );
}

/** The period's totals per SKU summed straight from metrics_daily. */
async function directTotals(db: Db, from: string, to: string) {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select sku_id, sum(qty)::int as units, sum(refunds_qty)::int as refunds, sum(net_sales)::text as net_sales, sum(payout)::text as payout,
        sum(cogs)::text as cogs, sum(profit)::text as profit,
        bool_or(cogs is null and qty > 0) as missing_cost,
        bool_or(not is_settled and (qty <> 0 or refunds_qty <> 0)) as provisional,
        bool_or(is_commission_estimated or is_logistics_estimated) as estimated
      from metrics_daily where d between ${from}::date and ${to}::date group by sku_id`),
  );
  return new Map(rows.map((r) => [Number(r.sku_id), r]));
}

describe.each(testDatabaseKinds())("SKU running totals (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("match a recomputation from scratch after out-of-order, partial and late recalculations", async () => {
    const db = database.db;
    const wh = await insertWarehouse(db, "WB", "run-1");
    const a = await insertSku(db, { marketplace: "WB", article: "RUN-A" });
    const b = await insertSku(db, { marketplace: "WB", article: "RUN-B" });
    // A sells every other day, with a cost price only from day 5 and the last days unsettled (estimated); B has refunds
    await insertSales(
      db,
      Array.from({ length: 10 }, (_, i) => ({
        d: day(i * 2),
        skuId: a,
        warehouseId: wh,
        qty: 1 + (i % 3),
        revenueGross: `${300 + i * 10}.50`,
        // settled days carry their logistics; the unsettled ones get it estimated
        deliveryCost: i < 8 ? "30.00" : undefined,
        isSettled: i < 8,
      })),
    );
    await insertSales(db, [
      { d: day(1), skuId: b, warehouseId: wh, qty: 4, revenueGross: "1200.00", isSettled: true },
      { d: day(6), skuId: b, warehouseId: wh, qty: 0, refundsQty: 1, refundsAmount: "300.00", isSettled: true },
      { d: day(15), skuId: b, warehouseId: wh, qty: 2, revenueGross: "610.10", isSettled: false },
    ]);
    await insertCostPrice(db, a, day(5), "120.00");
    await insertCostPrice(db, b, day(0), "90.00");

    // the later range first, then the earlier one: every later running row must move
    await recalculateMetrics({ db, from: day(10), to: day(19), ...WINDOWS });
    expect(await runningMismatches(db)).toEqual([]);
    await recalculateMetrics({ db, from: day(0), to: day(9), ...WINDOWS });
    expect(await runningMismatches(db)).toEqual([]);

    // one old day changes (a late sale on day 3): only that day is recalculated, later totals follow
    await insertSales(db, [{ d: day(3), skuId: a, warehouseId: wh, qty: 5, revenueGross: "999.99", isSettled: true }]);
    await recalculateMetrics({ db, from: day(3), to: day(3), ...WINDOWS });
    expect(await runningMismatches(db)).toEqual([]);

    // C appears after days 6..11 were recalculated; recalculating 12..19 and 0..5 leaves it a gap at 6..11
    const c = await insertSku(db, { marketplace: "WB", article: "RUN-C" });
    await insertSales(db, [
      { d: day(2), skuId: c, warehouseId: wh, qty: 3, revenueGross: "450.00", isSettled: true },
      { d: day(8), skuId: c, warehouseId: wh, qty: 1, revenueGross: "150.00", isSettled: true },
      { d: day(14), skuId: c, warehouseId: wh, qty: 2, revenueGross: "300.00", isSettled: true },
    ]);
    await recalculateMetrics({ db, from: day(12), to: day(19), ...WINDOWS });
    await recalculateMetrics({ db, from: day(0), to: day(5), ...WINDOWS });
    expect(await runningMismatches(db)).toEqual([]);
    const cDays = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from metrics_daily where sku_id = ${c}`),
    )[0].n;
    expect(cDays).toBe(14);

    // the SKU table's totals equal the direct sums for periods inside, across and around the gap
    const periods: [string, string][] = [
      [day(0), day(19)],
      [day(4), day(13)],
      [day(7), day(8)],
      [day(6), day(11)],
      // ends inside C's gap, after its sale on day 2 (B has only a refund): C's totals come from its last row before the end (day 5)
      [day(2), day(7)],
      [day(3), day(3)],
      [addDays(BASE, -30), day(2)],
      [day(18), addDays(BASE, 40)],
    ];
    for (const [from, to] of periods) {
      const page = await querySkuPage(
        db,
        { accountId: null, from, to },
        { q: "RUN-" },
        { page: 1, pageSize: 50, sort: "article", dir: "asc" },
      );
      const expected = await directTotals(db, from, to);
      // a SKU without a cost price effective by the period's end has no COGS or profit at all
      const costed = new Set(
        rowsOf<{ sku_id: number }>(
          await db.execute(sql`select distinct sku_id from cost_price_history where dt_from <= ${to}::date`),
        ).map((r) => Number(r.sku_id)),
      );
      const actual = page.rows.map((r) => [
        r.article,
        r.units,
        r.refunds,
        Number(r.netSales),
        Number(r.payout),
        r.cogs === null ? null : Number(r.cogs),
        r.profit === null ? null : Number(r.profit),
        r.isMissingCost,
        r.isProvisional,
        r.hasEstimatedCommission,
      ]);
      const wanted = page.rows.map((r) => {
        const e = expected.get(r.id);
        const money = (v: unknown) => (!costed.has(r.id) ? null : v === null || v === undefined ? 0 : Number(v));
        if (!e) return [r.article, 0, 0, 0, 0, money(0), money(0), false, false, false];
        return [
          r.article,
          e.units,
          e.refunds,
          Number(e.net_sales),
          Number(e.payout),
          money(e.cogs),
          money(e.profit),
          e.missing_cost,
          e.provisional,
          e.estimated,
        ];
      });
      expect({ from, to, rows: actual }).toEqual({ from, to, rows: wanted });
      // sorted by a period total, the order (computed from every SKU's running rows, C's gap included)
      // follows the totals shown: an unknown profit (no cost price) last in both directions (by article),
      // ties by id in the sort's direction
      for (const sort of ["units", "netSales", "payout", "profit"] as const) {
        for (const dir of ["asc", "desc"] as const) {
          const sorted = await querySkuPage(
            db,
            { accountId: null, from, to },
            { q: "RUN-" },
            { page: 1, pageSize: 50, sort, dir },
          );
          const value = (r: (typeof page.rows)[number]) =>
            sort === "units"
              ? r.units
              : sort === "profit"
                ? r.profit === null
                  ? null
                  : Number(r.profit)
                : Number(r[sort]);
          const compare = (x: (typeof page.rows)[number], y: (typeof page.rows)[number]) => {
            const [vx, vy] = [value(x), value(y)];
            if (vx === null || vy === null) return vx === vy ? x.id - y.id : vx === null ? 1 : -1;
            return (dir === "asc" ? vx - vy : vy - vx) || (dir === "asc" ? x.id - y.id : y.id - x.id);
          };
          const expectedOrder = [...page.rows].sort(compare);
          expect({ from, to, sort, dir, order: sorted.rows.map((r) => r.article) }).toEqual({
            from,
            to,
            sort,
            dir,
            order: expectedOrder.map((r) => r.article),
          });
        }
      }
    }
    // a period where A sold only before its cost price: it had none by the period's end, so no COGS, profit
    // or margin at all (not 0), and flagged
    const early = await querySkuPage(
      db,
      { accountId: null, from: day(0), to: day(4) },
      { q: "RUN-A" },
      { page: 1, pageSize: 50, sort: "article", dir: "asc" },
    );
    expect(early.rows[0]).toMatchObject({
      article: "RUN-A",
      units: 2 + 5 + 3 + 1,
      isMissingCost: true,
      cogs: null,
      profit: null,
      margin: null,
    });
  });
});
