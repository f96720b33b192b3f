// Orders as the demand signal, end to end over the emulator: daily_orders must equal the orders the
// emulator generated (its truth, counted from its own events), whichever WB method the source reads,
// and a cancellation WB reports days after the order must move that order day's numbers.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { useEmulator } from "@/lib/emulator/use-emulator";
import { factsView, truthView } from "./testing/facts";
import { syncFromEmulator } from "./testing/emulator-sync";

function useOrdersSuite(kind: "pglite" | "postgres") {
  const database = useTestDatabase(kind);
  const emulator = useEmulator({
    seed: 31,
    skus: 10,
    days: 12,
    warehouses: 3,
    endDate: "2026-11-20",
    pageSizes: { wbOrders: 30, ozonPostings: 10 },
  });
  const sync = (from: string, to: string) =>
    syncFromEmulator(database.db, emulator, { from, to, now: new Date(emulator.now) });
  const wbOrderCalls = () => ({
    statistics: emulator.requests.filter((r) => r.path === "/api/v1/supplier/orders").length,
    feed: emulator.requests.filter((r) => r.path === "/api/analytics/v1/order-feed" && r.status === 200).length,
  });
  const expectOrdersAsTruth = async (label: string) => {
    for (const marketplace of ["WB", "OZON"] as const) {
      const truth = truthView(marketplace === "WB" ? emulator.truth.wb : emulator.truth.ozon, "");
      const facts = await factsView(database.db, marketplace);
      expect(facts.dailyOrders, `${label}: ${marketplace} daily orders`).toEqual(truth.dailyOrders);
    }
  };
  return { database, emulator, sync, wbOrderCalls, expectOrdersAsTruth };
}

describe.each(testDatabaseKinds())("daily orders from the statistics orders feed on %s", (kind) => {
  const { emulator, sync, wbOrderCalls, expectOrdersAsTruth } = useOrdersSuite(kind);

  it("the order feed off, then a nightly sync that sees late cancellations", async () => {
    emulator.setFaults({ wbOrderFeedOff: true });
    emulator.setNow("2026-11-17T00:30:00Z");
    // the range ends on the clock's own day: its first hours' orders exist already
    expect((await sync(emulator.truth.from, "2026-11-17")).ok).toBe(true);
    await expectOrdersAsTruth("first night");
    const early = truthView(emulator.truth.wb, "").dailyOrders;
    expect(wbOrderCalls().statistics).toBeGreaterThan(1);

    // three nights later only yesterday is asked for: cancellations of older orders arrive anyway
    emulator.setNow("2026-11-20T00:30:00Z");
    expect((await sync("2026-11-19", "2026-11-20")).ok).toBe(true);
    await expectOrdersAsTruth("three nights later");
    const late = truthView(emulator.truth.wb, "").dailyOrders;
    const flipped = Object.keys(early).filter(
      (k) =>
        k < "2026-11-19" && late[k] && /cancelled=(\d+)/.exec(late[k])![1] !== /cancelled=(\d+)/.exec(early[k])![1],
    );
    // the test means something only if an order placed before the nightly range was cancelled since
    expect(flipped.length).toBeGreaterThan(0);
  });
});

describe.each(testDatabaseKinds())("daily orders from the order feed on %s", (kind) => {
  const { database, emulator, sync, wbOrderCalls, expectOrdersAsTruth } = useOrdersSuite(kind);

  it("the same facts as the truth, and the buyout rate over resolved orders comes out of daily_orders", async () => {
    const before = wbOrderCalls().feed;
    emulator.setNow("2026-11-21T00:30:00Z");
    expect((await sync(emulator.truth.from, "2026-11-21")).ok).toBe(true);
    expect(wbOrderCalls().feed).toBeGreaterThan(before);
    await expectOrdersAsTruth("order feed");

    // Ozon warehouses point at the clusters /v2/cluster/list names for their ids
    const map = rowsOf<{ code: string; cluster: string | null }>(
      await database.db.execute(sql`select w.code, c.code as cluster from warehouse w
        left join cluster c on c.id = w.cluster_id where w.marketplace = 'OZON' and w.kind = 'FBO'`),
    );
    expect(Object.fromEntries(map.map((r) => [r.code, r.cluster]))).toEqual(
      Object.fromEntries(emulator.dataset.ozon.clusterOfWarehouse),
    );
    // so Ozon FBO orders add up per cluster as the truth's do
    const perCluster = new Map<string, number>();
    for (const [key, o] of emulator.truth.ozon.dailyOrders) {
      const [, , where] = key.split("|");
      if (!where.startsWith("FBO:")) continue;
      const cluster = emulator.dataset.ozon.clusterOfWarehouse.get(where.slice(4))!;
      perCluster.set(cluster, (perCluster.get(cluster) ?? 0) + o.ordered);
    }
    const ours = rowsOf<{ cluster: string; n: number }>(
      await database.db.execute(sql`select c.code as cluster, sum(dor.ordered_qty)::int as n from daily_orders dor
        join warehouse w on w.id = dor.warehouse_id join cluster c on c.id = w.cluster_id
        where dor.channel = 'FBO' group by 1`),
    );
    expect(Object.fromEntries(ours.map((r) => [r.cluster, Number(r.n)]))).toEqual(Object.fromEntries(perCluster));

    // Ozon's own ads/idc per SKU, read with the stock, beside ours (the emulator states 1.5 and 20 for all)
    const estimates = rowsOf<{ a: string; c: string; n: number }>(
      await database.db.execute(sql`select avg_daily_qty::text as a, days_of_cover::text as c, count(*)::int as n
        from sku_marketplace_estimates where source = 'ozon_stocks' group by 1, 2`),
    );
    expect(estimates.map((e) => [e.a, e.c, Number(e.n)])).toEqual([
      ["1.500", "20.000", emulator.dataset.ozon.skus.length],
    ]);

    // WB's own lost orders per card (stocks report per product): -2 is zero, other negatives not computed
    const lostRows = rowsOf<{ nm: string; q: string | null; s: string | null }>(
      await database.db
        .execute(sql`select s.nm_id::text as nm, e.lost_orders_qty::text as q, e.lost_orders_sum::text as s
        from sku_marketplace_estimates e join sku s on s.id = e.sku_id where e.source = 'wb_stocks_report'`),
    );
    const code = (v: number, scale: number) => (v === -2 ? (0).toFixed(scale) : v < 0 ? null : v.toFixed(scale));
    expect(Object.fromEntries(lostRows.map((r) => [r.nm, [r.q, r.s]]))).toEqual(
      Object.fromEntries(
        emulator.dataset.wb.productsReport.map((i) => {
          const m = i.metrics as { lostOrdersCount: number; lostOrdersSum: number };
          return [String(i.nmID), [code(m.lostOrdersCount, 3), code(m.lostOrdersSum, 2)]];
        }),
      ),
    );
    expect(lostRows.some((r) => r.q === "0.000") && lostRows.some((r) => r.q === null)).toBe(true);

    // Ozon's recommended supply per SKU and cluster (beta local-sale), with the period and schema asked for
    const recommended = rowsOf<{ p: string; sc: string; n: number; units: number }>(
      await database.db.execute(sql`select supply_period as p, delivery_schema as sc, count(*)::int as n,
          sum(recommended_supply)::int as units from ozon_supply_recommendations group by 1, 2`),
    );
    const ozonTruth = emulator.dataset.ozon.localSale;
    expect(recommended.map((r) => [r.p, r.sc, Number(r.n), Number(r.units)])).toEqual([
      [
        "TWO_WEEKS",
        "FBO",
        ozonTruth.length,
        ozonTruth.reduce((n, i) => n + (i.metrics as { recommended_supply: number }).recommended_supply, 0),
      ],
    ]);

    // resolved = bought out or cancelled; the rate from the table equals the truth's
    let bought = 0;
    let cancelled = 0;
    for (const o of emulator.truth.wb.dailyOrders.values()) {
      bought += o.boughtOut;
      cancelled += o.cancelled;
    }
    expect(bought).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
    const [rate] = rowsOf<{ rate: string }>(
      await database.db
        .execute(sql`select round(sum(bought_out_qty)::numeric / sum(bought_out_qty + cancelled_qty), 4)::text as rate
        from daily_orders dor join sku s on s.id = dor.sku_id where s.marketplace = 'WB'`),
    );
    expect(rate.rate).toBe((bought / (bought + cancelled)).toFixed(4));
  });
});
