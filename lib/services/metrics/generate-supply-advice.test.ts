// The restock plan generated from orders and stock snapshots on the real schema (PGlite and PostgreSQL),
// against numbers worked out by hand: no phantom channel advice, stock-out corrected velocity, the reorder
// date and lead time, case pack and MOQ, a shipped supply plan counted as inbound exactly once, and the
// spread of lead times read from closed supply plans.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { addDays } from "@/lib/domain/dates";
import { createSupplyPlan } from "@/lib/services/restock/create-supply-plan";
import { createSupplyPlansFromAdvice } from "@/lib/services/restock/create-supply-plans-from-advice";
import { shipSupplyPlan } from "@/lib/services/restock/ship-supply-plan";
import { insertDemandSeries, insertSales, insertSku, insertWarehouse } from "@/lib/testing/fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { generateSupplyAdvice } from "./generate-supply-advice";

const D = "2026-06-30";

async function account(db: Db, marketplace: Marketplace): Promise<number> {
  const [row] = rowsOf<{ id: number }>(
    await db.execute(
      sql`insert into accounts (marketplace, name) values (${marketplace}, ${`Plan ${marketplace} ${Math.random()}`}) returning id`,
    ),
  );
  return Number(row.id);
}

async function warehouse(
  db: Db,
  marketplace: Marketplace,
  code: string,
  kind: "FBO" | "FBS",
  clusterId: number | null = null,
) {
  const id = await insertWarehouse(db, marketplace, code);
  await db.execute(
    sql`update warehouse set kind = ${kind}, cluster_id = ${clusterId}, name = ${code} where id = ${id}`,
  );
  return id;
}

const series = (db: Db, o: Parameters<typeof insertDemandSeries>[2]) => insertDemandSeries(db, D, o);

const advice = async (db: Db, skuId: number, d = D) =>
  rowsOf<Record<string, unknown>>(
    await db.execute(sql`select location_kind, location_key, status, status_days, reorder_date::text as reorder_date, quantity,
      velocity::text as velocity, in_stock_days, out_of_stock_days, on_hand, inbound, open_plans, lost_units::text as lost_units
      from restock_advice where sku_id = ${skuId} and d = ${d}::date order by location_kind, location_key`),
  );

describe.each(testDatabaseKinds())("generateSupplyAdvice (%s)", (kind) => {
  const { db } = useTestDatabase(kind);
  let wb: number;
  let ozon: number;
  let wbFbo: number;

  beforeAll(async () => {
    wb = await account(db, "WB");
    ozon = await account(db, "OZON");
    wbFbo = await warehouse(db, "WB", "-999999", "FBO");
  });

  /** A WB SKU on the WB FBO warehouse with these 28 days of orders and closing stock (oldest first). */
  const wbSkuWith = async (orders: number[], closing: number[]) => {
    const skuId = await insertSku(db, { marketplace: "WB", accountId: wb });
    await series(db, { accountId: wb, skuId, warehouseId: wbFbo, orders, closing });
    return skuId;
  };
  const days28 = (n: number): number[] => Array(28).fill(n);

  it("Ozon plans per cluster and WB FBS per seller warehouse: no phantom channel warehouse advice", async () => {
    const [cluster] = rowsOf<{ id: number }>(
      await db.execute(
        sql`insert into cluster (marketplace, code, name) values ('OZON', '154', 'Москва, МО') returning id`,
      ),
    );
    const real = await warehouse(db, "OZON", "oz-hub-1", "FBO", Number(cluster.id));
    const phantom = await warehouse(db, "OZON", "channel:FBO", "FBO");
    const sku = await insertSku(db, { marketplace: "OZON", accountId: ozon });
    // settled sales sit on the channel warehouse (accruals); orders and stock on the real one
    await insertSales(
      db,
      Array.from({ length: 28 }, (_, i) => ({ d: addDays(D, -i), skuId: sku, warehouseId: phantom, qty: 2 })),
    );
    await series(db, {
      accountId: ozon,
      skuId: sku,
      warehouseId: real,
      orders: Array(28).fill(2),
      closing: Array(28).fill(100),
    });

    const seller = await warehouse(db, "WB", "seller-1", "FBS");
    const fbs = await insertSku(db, { marketplace: "WB", accountId: wb });
    await series(db, {
      accountId: wb,
      skuId: fbs,
      warehouseId: seller,
      channel: "FBS",
      orders: Array(28).fill(1),
      closing: Array(28).fill(5),
    });

    await generateSupplyAdvice({ db, d: D });
    expect((await advice(db, sku)).map((r) => [r.location_kind, r.location_key, r.velocity, r.on_hand])).toEqual([
      ["cluster", "154", "2.0000", 100],
    ]);
    expect((await advice(db, fbs)).map((r) => [r.location_kind, r.location_key])).toEqual([
      ["warehouse", String(seller)],
    ]);
    const onPhantom = rowsOf(
      await db.execute(sql`select 1 from restock_advice where location_key = ${String(phantom)}`),
    );
    expect(onPhantom).toEqual([]);
  });

  it("out of stock 10 of 28 days: velocity from the 18 in-stock days, lost sales 10 x 3", async () => {
    const sku = await wbSkuWith(
      [...Array(18).fill(3), ...Array(10).fill(0)],
      [...Array(18).fill(40), ...Array(10).fill(0)],
    );
    await generateSupplyAdvice({ db, d: D });
    // 54 / 18 = 3 a day (the calendar would say 1.93); sigma 0, no trend, no season: need = 3 x 14 + 3 x 14 - 0 = 84,
    // reorder point 42 with nothing on hand: order now, floor((0 - 42) / 3) = -14 days
    expect(await advice(db, sku)).toEqual([
      expect.objectContaining({
        location_kind: "national",
        velocity: "3.0000",
        in_stock_days: 18,
        out_of_stock_days: 10,
        quantity: 84,
        status: "order_now",
        status_days: -14,
        reorder_date: D,
        lost_units: "30.00",
      }),
    ]);
  });

  it("the reorder date moves with the lead time; case pack and MOQ round the quantity up", async () => {
    // 28 days alternating 8 and 12 (velocity 10, sample sigma 2.0367), 400 on hand today
    const orders = Array.from({ length: 28 }, (_, i) => (i % 2 ? 12 : 8));
    const closing = [...Array(27).fill(500), 400];
    const short = await wbSkuWith(orders, closing);
    const long = await wbSkuWith(orders, closing);
    await db.execute(
      sql`insert into restock_sku_settings (sku_id, lead_time_days) values (${short}, 7), (${long}, 28)`,
    );
    // 1 a day, 10 on hand, lead 7, cover 14: need 7 + 14 - 10 = 11 -> MOQ 50 -> 5 cases of 12 = 60;
    // reorder point 7, so the date is floor((10 - 7) / 1) = 3 days away: "soon"
    const packed = await wbSkuWith(days28(1), days28(10));
    await db.execute(
      sql`insert into restock_sku_settings (sku_id, lead_time_days, moq, case_pack) values (${packed}, 7, 50, 12)`,
    );

    await generateSupplyAdvice({ db, d: D });
    // L 7: ROP = 70 + 1.6449 x 2.0367 x sqrt 7 = 78.86 -> floor(321.14 / 10) = 32 days; L 28: 280 + 17.73 -> 10 days
    expect((await advice(db, short))[0]).toMatchObject({ reorder_date: addDays(D, 32), status: "ok" });
    expect((await advice(db, long))[0]).toMatchObject({ reorder_date: addDays(D, 10), status: "ok" });
    expect((await advice(db, packed))[0]).toMatchObject({ quantity: 60, status: "soon", reorder_date: addDays(D, 3) });
  });

  it("a supplier closure ahead moves the reorder date to its eve; another store's closure does not", async () => {
    // 28 days alternating 8 and 12 (velocity 10, sample σ 2.0367), 250 on hand today, lead 16, cover 14:
    // alone, ⌊(250 − 173.40) / 10⌋ = 7 days; the store's supplier is closed D+5..D+24, and on its eve D+4
    // the position 210 is below 10 × (16 + 20) + 1.6449 × 2.0367 × 6 = 380.10: order by D+4, "soon"
    const closedStore = await account(db, "WB");
    const orders = Array.from({ length: 28 }, (_, i) => (i % 2 ? 12 : 8));
    const closing = [...Array(27).fill(500), 250];
    const skuOf = async (accountId: number) => {
      const skuId = await insertSku(db, { marketplace: "WB", accountId });
      await series(db, { accountId, skuId, warehouseId: wbFbo, orders, closing });
      await db.execute(sql`insert into restock_sku_settings (sku_id, lead_time_days) values (${skuId}, 16)`);
      return skuId;
    };
    const held = await skuOf(closedStore);
    const free = await skuOf(wb);
    await db.execute(sql`insert into supplier_closure (account_id, first_day, last_day, note)
      values (${closedStore}, ${addDays(D, 5)}, ${addDays(D, 24)}, 'factory holiday'),
        (${closedStore}, ${addDays(D, -40)}, ${addDays(D, -30)}, 'over')`);

    await generateSupplyAdvice({ db, d: D });
    expect((await advice(db, held))[0]).toMatchObject({ reorder_date: addDays(D, 4), status: "soon", status_days: 4 });
    expect((await advice(db, free))[0]).toMatchObject({ reorder_date: addDays(D, 7), status: "soon", status_days: 7 });
    const [explained] = rowsOf<{ explanation: { closures: unknown; steps: string[] } }>(
      await db.execute(sql`select explanation from restock_advice where sku_id = ${held} and d = ${D}::date`),
    );
    // only the closure ahead reaches the plan and the drawer
    expect(explained.explanation.closures).toEqual([{ from: addDays(D, 5), to: addDays(D, 24) }]);
    expect(explained.explanation.steps.join("\n")).toContain(`order by ${addDays(D, 4)}`);
  });

  it("a rebuild of the same day keeps each row's id: rows ticked before it are saved as a plan after it", async () => {
    // 1 a day, 10 on hand, lead 7, cover 14: need 7 + 14 - 10 = 11; with cover 30 after a settings save, 27
    const kept = await wbSkuWith(days28(1), days28(10));
    const dropped = await wbSkuWith(days28(1), days28(10));
    await db.execute(sql`insert into restock_sku_settings (sku_id, lead_time_days) values (${kept}, 7)`);
    await generateSupplyAdvice({ db, d: D });
    const idOf = async (skuId: number) =>
      rowsOf<{ id: number }>(
        await db.execute(sql`select id from restock_advice where sku_id = ${skuId} and d = ${D}::date`),
      ).map((r) => Number(r.id));
    const [ticked] = await idOf(kept);
    expect((await advice(db, kept))[0]).toMatchObject({ quantity: 11 });

    // between the page's render and the save: a settings change rebuilds the day, and one SKU is gone
    await db.execute(sql`update restock_sku_settings set cover_days = 30 where sku_id = ${kept}`);
    await db.execute(sql`delete from daily_orders where sku_id = ${dropped}`);
    await db.execute(sql`delete from daily_stock where sku_id = ${dropped}`);
    await generateSupplyAdvice({ db, d: D });
    expect(await idOf(kept)).toEqual([ticked]);
    expect((await advice(db, kept))[0]).toMatchObject({ quantity: 27 });
    expect(await idOf(dropped)).toEqual([]);

    const { planIds } = await createSupplyPlansFromAdvice({ db, adviceIds: [ticked], actor: null });
    const lines = rowsOf<{ sku_id: number; qty: number }>(
      await db.execute(sql`select sku_id, qty from supply_plan_line where plan_id = ${planIds[0]}`),
    );
    expect(lines.map((l) => [Number(l.sku_id), Number(l.qty)])).toEqual([[kept, 27]]);
  });

  it("a shipped supply plan counts as inbound until the stock shows it, then closes: counted once", async () => {
    const sku = await wbSkuWith(days28(2), days28(20));
    const { planId } = await createSupplyPlan({
      db,
      actor: null,
      input: {
        accountId: wb,
        marketplace: "WB",
        locationKind: "national",
        locationKey: "WB-FBO",
        lines: [{ skuId: sku, qty: 100 }],
      },
    });
    await generateSupplyAdvice({ db, d: D });
    expect((await advice(db, sku))[0]).toMatchObject({ on_hand: 20, inbound: 0, open_plans: 100 });

    await shipSupplyPlan({ db, planId, actor: null });
    await db.execute(sql`update supply_plan set shipped_at = ${`${D}T12:00:00Z`} where id = ${planId}`);
    await generateSupplyAdvice({ db, d: D });
    expect((await advice(db, sku))[0]).toMatchObject({ on_hand: 20, inbound: 100, open_plans: 0 });

    // the next day the supply is on the shelf: 20 + 100 - 2 ordered = 118; position 118, not 218
    const next = addDays(D, 1);
    await db.execute(
      sql`insert into daily_orders (account_id, d, sku_id, warehouse_id, channel, ordered_qty) values (${wb}, ${next}, ${sku}, ${wbFbo}, 'FBO', 2)`,
    );
    await db.execute(
      sql`insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, src_hash) values (${next}, ${sku}, ${wbFbo}, 118, 0, 'x')`,
    );
    await generateSupplyAdvice({ db, d: next });
    expect((await advice(db, sku, next))[0]).toMatchObject({ on_hand: 118, inbound: 0, open_plans: 0 });
    const [plan] = rowsOf<{ status: string }>(
      await db.execute(sql`select status from supply_plan where id = ${planId}`),
    );
    expect(plan.status).toBe("closed");
  });

  it("σL is the spread of the SKU's last closed supply plans at the location, shipped -> closed in Moscow days", async () => {
    // 4 a day for 28 days with 100 on hand throughout: velocity 4, daily σ 0, no season or trend
    const steady = { orders: Array(28).fill(4), closing: Array(28).fill(100) };
    const three = await insertSku(db, { marketplace: "WB", accountId: wb });
    const two = await insertSku(db, { marketplace: "WB", accountId: wb });
    await series(db, { accountId: wb, skuId: three, warehouseId: wbFbo, ...steady });
    await series(db, { accountId: wb, skuId: two, warehouseId: wbFbo, ...steady });
    const closedPlan = async (skuId: number, shippedAt: string, closedAt: string, key = "WB-FBO") => {
      const [plan] = rowsOf<{ id: number }>(
        await db.execute(sql`insert into supply_plan (account_id, marketplace, location_kind, location_key, status,
          shipped_at, closed_at) values (${wb}, 'WB', ${key === "WB-FBO" ? "national" : "warehouse"}, ${key}, 'closed',
          ${shippedAt}, ${closedAt}) returning id`),
      );
      await db.execute(sql`insert into supply_plan_line (plan_id, sku_id, qty, baseline_units, arrived_units)
        values (${plan.id}, ${skuId}, 50, 100, 50)`);
    };
    // Moscow is UTC+3: shipped 1 Mar 22:30 UTC = 2 Mar, closed 12 Mar -> 10 days (11 in UTC days);
    // 1 Apr -> 13 Apr: 12 days; shipped 1 May, closed 14 May 21:30 UTC = 15 May -> 14 days (13 in UTC days)
    await closedPlan(three, "2026-03-01T22:30:00Z", "2026-03-12T02:00:00Z");
    await closedPlan(three, "2026-04-01T09:00:00Z", "2026-04-13T09:00:00Z");
    await closedPlan(three, "2026-05-01T09:00:00Z", "2026-05-14T21:30:00Z");
    // neither counts: another destination's road (30 days), and a supply closed after the plan's day
    await closedPlan(three, "2026-05-01T09:00:00Z", "2026-05-31T09:00:00Z", "seller-warehouse");
    await closedPlan(three, "2026-06-20T09:00:00Z", "2026-07-20T09:00:00Z");
    await closedPlan(two, "2026-03-01T09:00:00Z", "2026-03-11T09:00:00Z");
    await closedPlan(two, "2026-04-01T09:00:00Z", "2026-04-21T09:00:00Z");

    await generateSupplyAdvice({ db, d: D });
    const figures = async (skuId: number) => {
      const [row] = rowsOf<{ safety_stock: string; quantity: number; explanation: unknown }>(
        await db.execute(sql`select safety_stock::text as safety_stock, quantity, explanation from restock_advice
          where sku_id = ${skuId} and d = ${D}::date`),
      );
      const explanation = (typeof row.explanation === "string" ? JSON.parse(row.explanation) : row.explanation) as {
        leadTime: { stdDays: number; supplies: number; days: number[] };
        steps: string[];
      };
      return { ...row, explanation };
    };
    // leads 10, 12, 14: mean 12, squared deviations 4 + 0 + 4 = 8, ÷ (3 − 1) = 4, σL = 2 days;
    // safety = 1.6449 × √(14 × 0² + (4 × 2)²) = 1.6449 × 8 = 13.16; need = 4 × 14 + 4 × 14 + 13.16 − 100
    // = 25.16 -> 26 (in UTC days 11, 12, 13 would give σL 1 and safety 6.58)
    const withSpread = await figures(three);
    expect(withSpread).toMatchObject({ safety_stock: "13.16", quantity: 26 });
    expect(withSpread.explanation.leadTime).toEqual({ stdDays: 2, supplies: 3, days: [10, 12, 14] });
    expect(withSpread.explanation.steps).toContain(
      "safety = z(95%) 1.6449 × √(14 × σ 0.000² + (4.000 × σL 2.00)²) = 13.16",
    );
    // two supplies (10 and 20 days) say nothing about the spread yet: σL 0, safety 0, need 56 + 56 − 100 = 12
    const withoutSpread = await figures(two);
    expect(withoutSpread).toMatchObject({ safety_stock: "0.00", quantity: 12 });
    expect(withoutSpread.explanation.leadTime).toEqual({ stdDays: 0, supplies: 2, days: [10, 20] });
  });
});
