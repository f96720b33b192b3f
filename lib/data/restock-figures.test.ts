// The marketplaces' own figures beside Sovani's plan on the restock reads: WB's lost orders estimate day on
// WB rows and Ozon's recommended supply on Ozon cluster rows, the latest taken within 14 days up to the
// advice day, on PGlite and PostgreSQL.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { queryRestockDetail, queryRestockPage, querySkuRestock } from "./restock";

const D = "2026-11-07";

describe.each(testDatabaseKinds())("the marketplaces' figures on the restock reads (%s)", (kind) => {
  const { db } = useTestDatabase(kind);
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const q = async (query: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await db.execute(query));
    const [wb, ozon] = (
      await q(sql`insert into accounts (marketplace, name) values ('WB', 'WB'), ('OZON', 'Ozon') returning id`)
    ).map((r) => Number(r.id));
    for (const r of await q(sql`insert into sku (account_id, marketplace, nm_id, ozon_id, article) values
        (${wb}, 'WB', 1001, null, 'WB-1'), (${wb}, 'WB', 1002, null, 'WB-2'), (${ozon}, 'OZON', null, 5001, 'OZ-1')
        returning id, article`))
      ids[String(r.article)] = Number(r.id);
    for (const r of await q(sql`insert into cluster (marketplace, code, name) values
        ('OZON', '4', 'Москва'), ('OZON', '2', 'Санкт-Петербург') returning id, code`))
      ids[`cluster ${String(r.code)}`] = Number(r.id);
    // WB-1: WB's estimate taken 11-05 (its numbers copied into the advice); WB-2: only one of 10-20, too old
    // to show, and one of 11-09, after the advice day
    await db.execute(sql`insert into sku_marketplace_estimates (account_id, d, sku_id, source, period_from, period_to,
        lost_orders_qty, lost_orders_sum, src_hash) values
      (${wb}, '2026-11-05', ${ids["WB-1"]}, 'wb_stocks_report', '2026-10-08', '2026-11-04', 23.7, 32457.15, 'h'),
      (${wb}, '2026-11-01', ${ids["WB-1"]}, 'wb_stocks_report', '2026-10-04', '2026-10-31', 30, 40000, 'h'),
      (${wb}, '2026-10-20', ${ids["WB-2"]}, 'wb_stocks_report', '2026-09-22', '2026-10-19', 5, 500, 'h'),
      (${wb}, '2026-11-09', ${ids["WB-2"]}, 'wb_stocks_report', '2026-10-12', '2026-11-08', 6, 600, 'h')`);
    // OZ-1: on 11-04 Ozon named both clusters; on 11-06 only Moscow, for FBO and for all schemas
    await db.execute(sql`insert into ozon_supply_recommendations (account_id, d, sku_id, cluster_id, supply_period,
        delivery_schema, recommended_supply, value, local_index, src_hash) values
      (${ozon}, '2026-11-04', ${ids["OZ-1"]}, ${ids["cluster 4"]}, 'TWO_WEEKS', 'FBO', 50, 1000, 55.5, 'h'),
      (${ozon}, '2026-11-04', ${ids["OZ-1"]}, ${ids["cluster 2"]}, 'TWO_WEEKS', 'FBO', 12, 240, 10, 'h'),
      (${ozon}, '2026-11-06', ${ids["OZ-1"]}, ${ids["cluster 4"]}, 'TWO_WEEKS', 'ALL', 80, 1600, 70, 'h'),
      (${ozon}, '2026-11-06', ${ids["OZ-1"]}, ${ids["cluster 4"]}, 'TWO_WEEKS', 'FBO', 60, 1200, 61.2, 'h')`);
    await db.execute(sql`
      insert into restock_advice (d, account_id, sku_id, marketplace, location_kind, location_key, location_name, status,
        status_rank, reorder_sort, quantity, in_stock_days, out_of_stock_days, on_hand, inbound, open_plans, lost_units,
        mp_lost_units, mp_lost_sum, explanation)
      select ${D}::date, s.account_id, s.id, s.marketplace, v.kind, v.key, v.name, 'ok', 3, '9999-12-31'::date, v.qty,
        28, 0, 10, 0, 0, 0, v.mp, v.mps, '{}'::jsonb
      from (values
        (${ids["WB-1"]}::int, 'national', 'WB-FBO', null, 5, 24, 32457.15),
        (${ids["WB-2"]}::int, 'national', 'WB-FBO', null, 4, null, null),
        (${ids["OZ-1"]}::int, 'cluster', '4', 'Москва', 3, null, null),
        (${ids["OZ-1"]}::int, 'cluster', '2', 'Санкт-Петербург', 2, null, null)
      ) as v(sku_id, kind, key, name, qty, mp, mps)
      join sku s on s.id = v.sku_id`);
  });

  it("shows each marketplace's latest figure up to the advice day with the day it was taken", async () => {
    const page = await queryRestockPage(
      db,
      { accountId: null, from: "2026-11-01", to: D },
      {},
      { page: 1, pageSize: 50, sort: "quantity", dir: "desc" },
    );
    expect(page.rows.map((r) => [r.article, r.locationKey, r.mpLost, r.ozonSupply])).toEqual([
      ["WB-1", "WB-FBO", { d: "2026-11-05", periodFrom: "2026-10-08", periodTo: "2026-11-04" }, null],
      // WB-2's estimates are too old or taken after the advice day
      ["WB-2", "WB-FBO", null, null],
      [
        "OZ-1",
        "4",
        null,
        // FBO, the schema Sovani plans cluster stock for, before "all schemas"
        {
          d: "2026-11-06",
          recommendedSupply: 60,
          supplyPeriod: "TWO_WEEKS",
          deliverySchema: "FBO",
          localIndex: "61.20",
        },
      ],
      // on Ozon's latest day this cluster has no recommendation: the older one is not shown as current
      ["OZ-1", "2", null, null],
    ]);
  });

  it("gives the drawer and the SKU page the same figures", async () => {
    const [row] = await querySkuRestock(db, ids["OZ-1"], D).then((rows) => rows.filter((r) => r.locationKey === "4"));
    expect(row.ozonSupply?.recommendedSupply).toBe(60);
    const detail = await queryRestockDetail(db, row.id);
    expect(detail?.ozonSupply).toEqual(row.ozonSupply);
    const [wbRow] = await querySkuRestock(db, ids["WB-1"], D);
    expect([wbRow.mpLostUnits, wbRow.mpLostSum, wbRow.mpLost?.d]).toEqual([24, "32457.15", "2026-11-05"]);
    // a day whose own window holds only the 11-01 estimate shows that day
    const earlier = rowsOf<{ id: number }>(
      await db.execute(sql`insert into restock_advice (d, account_id, sku_id, marketplace, location_kind, location_key,
          status, status_rank, reorder_sort, quantity, in_stock_days, out_of_stock_days, on_hand, inbound, open_plans,
          lost_units, mp_lost_units, explanation)
        select '2026-11-02', account_id, id, marketplace, 'national', 'WB-FBO', 'ok', 3, '9999-12-31', 0, 28, 0, 0, 0, 0,
          0, 30, '{}'::jsonb from sku where id = ${ids["WB-1"]} returning id`),
    );
    expect((await queryRestockDetail(db, Number(earlier[0].id)))?.mpLost?.d).toBe("2026-11-01");
  });
});
