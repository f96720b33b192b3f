// Restock advice per SKU and location for day d (restock_advice). Demand is orders (daily_orders),
// stock the snapshots (daily_stock), both mapped to where the seller plans: Ozon per cluster, WB FBO
// nationally (WB masks its warehouses), FBS per seller warehouse. In transit is inbound to the
// marketplace only; shipped supply plans still on the road are inbound too, drafts are open plans.
// The numbers come from lib/domain/restock (planSku, estimateLostSales): SQL only gathers the series.
import { getTableColumns, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, rowsOf, schema } from "@/db";
import type { Marketplace } from "@/db/schema";
import { addDays, daysBetween, isIsoDay } from "@/lib/domain/dates";
import { SEASON_MIN_HISTORY_DAYS, type SeasonalRatio, seasonalRatio } from "@/lib/domain/restock/factors";
import { LEAD_TIME_SUPPLIES, leadTimeSpread } from "@/lib/domain/restock/lead-time";
import { estimateLostSales } from "@/lib/domain/restock/lost-sales";
import { type RestockStatus } from "@/lib/domain/restock/plan";
import { planSku } from "@/lib/domain/restock/plan-sku";
import { effectiveSettings, type PlanSettingsOverride } from "@/lib/domain/restock/settings";
import type { DemandDay } from "@/lib/domain/restock/velocity";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import {
  locationKeySql,
  locationKindSql,
  locationNameSql,
  type LocationKind,
} from "@/lib/services/restock/restock-locations";
import { reconcileSupplyPlans } from "@/lib/services/restock/reconcile-supply-plans";
import { supplierClosuresByStore } from "@/lib/services/restock/supplier-closures";

/** days of recent history read (the velocity's longest lookback) */
export const RECENT_DAYS = 91;
/** last year's days read for seasonality: from 13 months back (SEASON_MIN_HISTORY_DAYS) to a year − 63 days back */
const LAST_YEAR_FROM = SEASON_MIN_HISTORY_DAYS;
const LAST_YEAR_TO = 365 - 63;
/** lost sales are counted over the last 28 days */
export const LOST_SALES_DAYS = 28;

export const STATUS_RANK: Record<RestockStatus, number> = {
  order_now: 0,
  soon: 1,
  not_observed: 2,
  ok: 3,
  overstock: 4,
};
const NO_DATE = "9999-12-31";

export interface GenerateSupplyAdviceOptions {
  db: Db;
  /** business day the advice is for (orders up to d, the freshest snapshot of d) */
  d: string;
  /** business timezone for the supply plans' shipping and arrival days (default APP_TIMEZONE) */
  timeZone?: string;
}

export interface GenerateSupplyAdviceResult {
  d: string;
  /** advice rows written (SKU x location) */
  rows: number;
  /** rows whose status is "order now" */
  toShip: number;
  ms: number;
}

interface SeriesRow {
  sku_id: number;
  account_id: number | null;
  marketplace: Marketplace;
  category: string | null;
  kind: LocationKind;
  key: string;
  name: string | null;
  d: string;
  units: number | null;
  closing: number | null;
  inbound: number | null;
  to_client: number | null;
  snap: boolean;
}

interface Pair {
  skuId: number;
  accountId: number | null;
  marketplace: Marketplace;
  category: string | null;
  kind: LocationKind;
  key: string;
  name: string | null;
  /** day offset from the series start -> units / closing */
  units: Map<number, number>;
  closing: Map<number, number>;
  /** offsets with a stock snapshot anywhere at the location */
  inbound: number;
  toClient: number;
  districts: Map<string, number>;
}

const pairKey = (skuId: number, kind: string, key: string) => `${skuId}|${kind}|${key}`;

/** Rebuilds restock_advice for day d. */
export async function generateSupplyAdvice(options: GenerateSupplyAdviceOptions): Promise<GenerateSupplyAdviceResult> {
  const { db, d } = options;
  const timeZone = options.timeZone ?? getEnv().APP_TIMEZONE;
  if (!isIsoDay(d))
    throw new AppError("VALIDATION", `"${d}" is not a date in YYYY-MM-DD form`, { d: "expected YYYY-MM-DD" });
  const started = performance.now();
  await reconcileSupplyPlans({ db, timeZone });

  const start = addDays(d, -(LAST_YEAR_FROM - 1));
  const recentFrom = addDays(d, -(RECENT_DAYS - 1));
  const yearFrom = start;
  const yearTo = addDays(d, -LAST_YEAR_TO);
  const inRange = (col: string) =>
    sql`(${sql.raw(col)} between ${recentFrom}::date and ${d}::date or ${sql.raw(col)} between ${yearFrom}::date and ${yearTo}::date)`;
  // orders and snapshots per SKU, location and day; a location's snapshot day is a day any of its
  // warehouses reported stock for the store, so a SKU missing from that day's report had none
  const result = await db.execute(sql`
    with loc as (
      select w.id, w.marketplace, ${locationKindSql} as kind, ${locationKeySql} as key, ${locationNameSql} as name from warehouse w
    ),
    orders as (
      select o.sku_id, coalesce(l.kind, 'national') as kind, coalesce(l.key, ${"WB-FBO"}) as key, o.d,
             sum(o.ordered_qty - o.cancelled_qty)::int as units
      from daily_orders o
      join sku s on s.id = o.sku_id
      left join loc l on l.id = o.warehouse_id
      where ${inRange("o.d")} and (o.warehouse_id is not null or s.marketplace = 'WB')
      group by 1, 2, 3, 4
    ),
    stock as (
      select st.sku_id, l.kind, l.key, st.d, sum(st.on_hand)::int as closing, sum(st.in_transit)::int as inbound,
             sum(st.to_client)::int as to_client
      from daily_stock st join loc l on l.id = st.warehouse_id
      where ${inRange("st.d")}
      group by 1, 2, 3, 4
    ),
    snap_days as (
      select distinct s.account_id, l.kind, l.key, st.d
      from daily_stock st join loc l on l.id = st.warehouse_id join sku s on s.id = st.sku_id
      where ${inRange("st.d")}
    ),
    pairs as (
      select sku_id, kind, key from orders where d >= ${recentFrom}::date
      union select sku_id, kind, key from stock where d > ${d}::date - 28
    ),
    days as (
      select p.sku_id, p.kind, p.key, x.d from pairs p
      join (select sku_id, kind, key, d from orders union select sku_id, kind, key, d from stock) x
        on x.sku_id = p.sku_id and x.kind = p.kind and x.key = p.key
      union
      select p.sku_id, p.kind, p.key, sd.d from pairs p join sku s on s.id = p.sku_id
      join snap_days sd on sd.kind = p.kind and sd.key = p.key and sd.account_id is not distinct from s.account_id
    )
    select x.sku_id, s.account_id, s.marketplace, s.category, x.kind, x.key,
           (select min(name) from loc where loc.kind = x.kind and loc.key = x.key) as name,
           x.d::text as d, o.units, st.closing, st.inbound, st.to_client,
           exists (select 1 from snap_days sd where sd.kind = x.kind and sd.key = x.key and sd.d = x.d
                   and sd.account_id is not distinct from s.account_id) as snap
    from days x
    join sku s on s.id = x.sku_id
    left join orders o on o.sku_id = x.sku_id and o.kind = x.kind and o.key = x.key and o.d = x.d
    left join stock st on st.sku_id = x.sku_id and st.kind = x.kind and st.key = x.key and st.d = x.d
  `);
  const series = rowsOf<SeriesRow>(result);
  const length = daysBetween(start, d) + 1;
  const pairs = new Map<string, Pair>();
  for (const r of series) {
    const skuId = Number(r.sku_id);
    const k = pairKey(skuId, r.kind, r.key);
    let p = pairs.get(k);
    if (!p) {
      p = {
        skuId,
        accountId: r.account_id === null ? null : Number(r.account_id),
        marketplace: r.marketplace,
        category: r.category,
        kind: r.kind,
        key: r.key,
        name: r.name,
        units: new Map(),
        closing: new Map(),
        inbound: 0,
        toClient: 0,
        districts: new Map(),
      };
      pairs.set(k, p);
    }
    const offset = daysBetween(start, String(r.d));
    if (r.units !== null) p.units.set(offset, Number(r.units));
    if (r.snap) p.closing.set(offset, Number(r.closing ?? 0));
    if (String(r.d) === d) {
      p.inbound = Number(r.inbound ?? 0);
      p.toClient = Number(r.to_client ?? 0);
    }
  }

  const [storeRows, skuRows, planRows, priceRows, mpRows, districtRows, leadRows, closures] = await Promise.all([
    db.execute(sql`select account_id, lead_time_days, cover_days, service_level::float8 as service_level, moq, case_pack,
      wb_ship_warehouse_ids from restock_store_settings`),
    db.execute(sql`select sku_id, lead_time_days, cover_days, service_level::float8 as service_level, moq, case_pack,
      manual_factor::float8 as manual_factor from restock_sku_settings`),
    db.execute(sql`select p.location_kind as kind, p.location_key as key, l.sku_id, p.status,
      sum(case when p.status = 'draft' then l.qty else l.qty - l.arrived_units end)::int as qty
      from supply_plan p join supply_plan_line l on l.plan_id = p.id
      where p.status in ('draft', 'shipped') group by 1, 2, 3, 4`),
    db.execute(sql`select sku_id, sum(qty)::int as qty, sum(net_sales)::text as net_sales,
      sum(profit) filter (where profit is not null)::text as profit, sum(qty) filter (where profit is not null)::int as profit_qty
      from metrics_daily where d between ${addDays(d, -89)}::date and ${d}::date group by sku_id`),
    db.execute(sql`select distinct on (sku_id) sku_id, lost_orders_qty::float8 as qty, lost_orders_sum::text as sum
      from sku_marketplace_estimates where source = 'wb_stocks_report' and d <= ${d}::date and d > ${d}::date - 14
      order by sku_id, d desc`),
    db.execute(sql`select o.sku_id, o.buyer_district as district, sum(o.ordered_qty - o.cancelled_qty)::int as units
      from daily_orders o join sku s on s.id = o.sku_id
      where s.marketplace = 'WB' and o.channel = 'FBO' and o.d between ${addDays(d, -27)}::date and ${d}::date
      group by 1, 2`),
    // σL, the spread of past lead times, from the seller's supply plans that arrived. reconcileSupplyPlans
    // closes a shipped plan (closed_at = now()) on the first advice run whose latest stock shows every
    // line's units at the destination (on hand + marketplace inbound + orders since shipping, over the
    // shipping-day baseline), so shipped_at -> closed_at times the road and the acceptance, never the
    // production or purchase before the seller marks the plan shipped: the lead time setting holds all
    // three, σL only the spread of the part Sovani sees (the backtest shows its planner the same part).
    // Days are calendar days in the business timezone, as the lead time counts them; closed_at lags the
    // arrival by the time to the next sync and run, about the same for every supply, which leaves the
    // spread alone; on Ozon a supply it already lists as in transit counts as arrived, so the spread reads
    // short there. Per SKU and destination: each road has its own length, and mixing destinations would
    // count their difference as spread. The last 12 closed by d: a past day's advice reads no later supply.
    db.execute(sql`select sku_id, kind, key, days from (
        select l.sku_id, p.location_kind as kind, p.location_key as key, p.closed_at, p.id,
          ((p.closed_at at time zone ${timeZone})::date - (p.shipped_at at time zone ${timeZone})::date)::int as days,
          row_number() over (partition by l.sku_id, p.location_kind, p.location_key
            order by p.closed_at desc, p.id desc) as n
        from supply_plan p join supply_plan_line l on l.plan_id = p.id
        where p.status = 'closed' and p.shipped_at is not null and p.closed_at is not null
          and l.arrived_units >= l.qty and (p.closed_at at time zone ${timeZone})::date <= ${d}::date
      ) x where n <= ${LEAD_TIME_SUPPLIES} order by sku_id, kind, key, closed_at, id`),
    supplierClosuresByStore(db, d),
  ]);
  const stores = new Map(rowsOf<Record<string, unknown>>(storeRows).map((r) => [Number(r.account_id), r]));
  const overrides = new Map(rowsOf<Record<string, unknown>>(skuRows).map((r) => [Number(r.sku_id), r]));
  const plans = new Map<string, { draft: number; shipped: number }>();
  for (const r of rowsOf<{ kind: string; key: string; sku_id: number; status: string; qty: number }>(planRows)) {
    const k = pairKey(Number(r.sku_id), r.kind, r.key);
    const entry = plans.get(k) ?? { draft: 0, shipped: 0 };
    if (r.status === "draft") entry.draft += Number(r.qty);
    else entry.shipped += Number(r.qty);
    plans.set(k, entry);
  }
  const leadDays = new Map<string, number[]>();
  for (const r of rowsOf<{ sku_id: number; kind: string; key: string; days: number }>(leadRows)) {
    const k = pairKey(Number(r.sku_id), r.kind, r.key);
    leadDays.set(k, [...(leadDays.get(k) ?? []), Number(r.days)]);
  }
  const prices = new Map(
    rowsOf<{ sku_id: number; qty: number; net_sales: string; profit: string | null; profit_qty: number | null }>(
      priceRows,
    ).map((r) => [Number(r.sku_id), r]),
  );
  const mpLost = new Map(
    rowsOf<{ sku_id: number; qty: number | null; sum: string | null }>(mpRows).map((r) => [Number(r.sku_id), r]),
  );
  for (const r of rowsOf<{ sku_id: number; district: string; units: number }>(districtRows)) {
    const p = pairs.get(pairKey(Number(r.sku_id), "national", "WB-FBO"));
    if (p && Number(r.units) > 0) p.districts.set(r.district || "", Number(r.units));
  }
  const shipWarehouses = await db.execute(
    sql`select id, coalesce(name, code) as name, region from warehouse where marketplace = 'WB'`,
  );
  const warehouseById = new Map(
    rowsOf<{ id: number; name: string; region: string | null }>(shipWarehouses).map((w) => [Number(w.id), w]),
  );

  // category x marketplace x location series for thin SKUs' seasonality
  const categorySeries = new Map<string, DemandDay[]>();
  const toDays = (p: Pair): DemandDay[] =>
    Array.from({ length }, (_, i) => ({
      units: p.units.get(i) ?? 0,
      closing: p.closing.has(i) ? p.closing.get(i)! : null,
    }));
  const histories = new Map<string, DemandDay[]>();
  for (const [k, p] of pairs) {
    const days = toDays(p);
    histories.set(k, days);
    if (!p.category) continue;
    const ck = `${p.marketplace}|${p.category}|${p.kind}|${p.key}`;
    const agg = categorySeries.get(ck) ?? Array.from({ length }, () => ({ units: 0, closing: null as number | null }));
    days.forEach((day, i) => {
      agg[i].units += day.units;
      if (day.closing !== null) agg[i].closing = (agg[i].closing ?? 0) + day.closing;
    });
    categorySeries.set(ck, agg);
  }
  const categoryRatios = new Map<string, SeasonalRatio>();

  const rows: (typeof schema.restockAdvice.$inferInsert)[] = [];
  for (const [k, p] of pairs) {
    const history = histories.get(k)!;
    const store = p.accountId === null ? undefined : stores.get(p.accountId);
    const own = overrides.get(p.skuId);
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const eff = effectiveSettings(
      store
        ? {
            leadTimeDays: num(store.lead_time_days)!,
            coverDays: num(store.cover_days)!,
            serviceLevel: num(store.service_level) as never,
            moq: num(store.moq)!,
            casePack: num(store.case_pack)!,
          }
        : null,
      own
        ? ({
            leadTimeDays: num(own.lead_time_days),
            coverDays: num(own.cover_days),
            serviceLevel: num(own.service_level),
            moq: num(own.moq),
            casePack: num(own.case_pack),
            manualFactor: num(own.manual_factor),
          } as PlanSettingsOverride)
        : null,
    );
    const horizon = eff.settings.leadTimeDays + eff.settings.coverDays;
    let categorySeason: SeasonalRatio | null = null;
    if (p.category) {
      const ck = `${p.marketplace}|${p.category}|${p.kind}|${p.key}|${horizon}`;
      if (!categoryRatios.has(ck)) {
        const agg = categorySeries.get(`${p.marketplace}|${p.category}|${p.kind}|${p.key}`)!;
        categoryRatios.set(ck, seasonalRatio(agg, horizon, 28));
      }
      categorySeason = categoryRatios.get(ck)!;
    }
    const plan = plans.get(k) ?? { draft: 0, shipped: 0 };
    const onHand = history[length - 1].closing ?? 0;
    const leadTime = leadTimeSpread(leadDays.get(k) ?? []);
    const storeClosures = p.accountId === null ? [] : (closures.get(p.accountId) ?? []);
    const result = planSku({
      today: d,
      history,
      onHand,
      inbound: p.inbound + plan.shipped,
      openPlans: plan.draft,
      settings: eff.settings,
      manual: eff.manualFactor,
      categorySeason,
      leadTimeStdDays: leadTime.stdDays,
      closures: storeClosures,
    });
    const price = prices.get(p.skuId);
    const perUnit = (sum: string | null | undefined, qty: number | null | undefined) =>
      sum !== null && sum !== undefined && qty ? Math.round((Number(sum) * 100) / Number(qty)) : null;
    const lost = estimateLostSales({
      days: history,
      periodDays: LOST_SALES_DAYS,
      unitPriceKopecks: perUnit(price?.net_sales, price?.qty),
      unitProfitKopecks: perUnit(price?.profit, price?.profit_qty),
    });
    const mp = p.kind === "national" ? mpLost.get(p.skuId) : undefined;
    const { plan: r, velocity: v, factors } = result;
    const window = history.slice(length - v.lookbackDays);
    const split =
      p.kind === "national"
        ? splitByDistrict(
            p.districts,
            (store?.wb_ship_warehouse_ids as number[] | undefined) ?? [],
            warehouseById,
            r.quantity,
          )
        : null;
    rows.push({
      d,
      accountId: p.accountId,
      skuId: p.skuId,
      marketplace: p.marketplace,
      locationKind: p.kind,
      locationKey: p.key,
      locationName: p.name,
      status: r.status,
      statusRank: STATUS_RANK[r.status],
      statusDays: r.statusDays,
      reorderDate: r.reorderDate,
      reorderSort: r.reorderDate ?? NO_DATE,
      quantity: r.quantity,
      velocity: v.velocity === null ? null : v.velocity.toFixed(4),
      forecast: r.forecastPerDay === null ? null : r.forecastPerDay.toFixed(4),
      inStockDays: v.inStockDays,
      outOfStockDays: v.outOfStockDays + v.censoredDays,
      onHand,
      inbound: p.inbound + plan.shipped,
      openPlans: plan.draft,
      safetyStock: r.safetyStock === null ? null : r.safetyStock.toFixed(2),
      reorderPoint: r.reorderPoint === null ? null : r.reorderPoint.toFixed(2),
      lostUnits: lost.units.toFixed(2),
      lostRevenue: lost.revenueKopecks === null ? null : (lost.revenueKopecks / 100).toFixed(2),
      lostProfit: lost.profitKopecks === null ? null : (lost.profitKopecks / 100).toFixed(2),
      mpLostUnits: mp?.qty === null || mp?.qty === undefined ? null : Math.round(Number(mp.qty)),
      mpLostSum: mp?.sum ?? null,
      explanation: {
        v: 1,
        days: window.map((day, i) => ({
          d: addDays(d, i - window.length + 1),
          units: day.units,
          closing: day.closing,
          state: v.states[i],
        })),
        velocity: {
          formula: v.formula,
          inStockDays: v.inStockDays,
          outOfStockDays: v.outOfStockDays,
          censoredDays: v.censoredDays,
          spikeDays: v.spikeDays,
          lookbackDays: v.lookbackDays,
          std: v.dailyStd,
        },
        factors,
        settings: eff.settings,
        settingSources: eff.source,
        closures: storeClosures,
        leadTime,
        position: {
          onHand,
          marketplaceInbound: p.inbound,
          shippedPlans: plan.shipped,
          draftPlans: plan.draft,
          toClient: p.toClient,
        },
        steps: r.explanation,
        lostSales: { formula: lost.formula, stockOutDays: lost.stockOutDays, days: LOST_SALES_DAYS },
        split,
      },
    });
  }

  // A rebuild of the same day (every settings save asks for one) updates each SKU and location's row in
  // place and deletes only the rows it no longer produces: the row keeps its id, so rows a user ticked
  // on the page before the rebuild still name the same SKU and location when the plan is saved.
  const advice = schema.restockAdvice;
  // the unique key (restock_advice_d_sku_location_uq) is the conflict target; every other column but id is rewritten
  const key: PgColumn[] = [advice.d, advice.skuId, advice.locationKind, advice.locationKey];
  const set = Object.fromEntries(
    Object.entries(getTableColumns(advice))
      .filter(([, column]) => column !== advice.id && !key.includes(column))
      .map(([name, column]) => [name, sql.raw(`excluded.${column.name}`)]),
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('sovani.generate-supply-advice'))`);
    const kept: number[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const written = await tx
        .insert(advice)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({ target: key, set })
        .returning({ id: advice.id });
      for (const { id } of written) kept.push(id);
    }
    await tx.execute(
      sql`DELETE FROM restock_advice WHERE d = ${d}::date AND NOT (id = ANY(${`{${kept.join(",")}}`}::bigint[]))`,
    );
  });
  const summary: GenerateSupplyAdviceResult = {
    d,
    rows: rows.length,
    toShip: rows.filter((r) => r.status === "order_now").length,
    ms: Math.round(performance.now() - started),
  };
  logger.info("advice.generated", { ...summary });
  return summary;
}

export interface DistrictSplit {
  warehouseId: number | null;
  name: string | null;
  districts: string[];
  share: number;
  qty: number;
}

/**
 * WB FBO is planned nationally; the quantity is split onto the warehouses the seller ships to by the
 * buyers' federal districts over the last 28 days: a district goes to the ship warehouse whose region
 * names it, the rest to the first ship warehouse. Without ship warehouses the split is by district alone.
 */
export function splitByDistrict(
  districts: Map<string, number>,
  shipWarehouseIds: number[],
  warehouses: Map<number, { name: string; region: string | null }>,
  quantity: number,
): DistrictSplit[] {
  const total = [...districts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const groups = new Map<number | null, { districts: string[]; units: number }>();
  for (const [district, units] of districts) {
    const match = shipWarehouseIds.find((id) => {
      const region = warehouses.get(id)?.region?.toLowerCase();
      return region && district && region.includes(district.toLowerCase());
    });
    const target = match ?? (shipWarehouseIds.length > 0 ? shipWarehouseIds[0] : null);
    const key = shipWarehouseIds.length > 0 ? target : null;
    const g = groups.get(key) ?? { districts: [], units: 0 };
    g.districts.push(district || "—");
    g.units += units;
    groups.set(key, g);
  }
  if (shipWarehouseIds.length === 0)
    return [...districts].map(([district, units]) => ({
      warehouseId: null,
      name: null,
      districts: [district || "—"],
      share: units / total,
      qty: Math.round((quantity * units) / total),
    }));
  return [...groups].map(([id, g]) => ({
    warehouseId: id,
    name: id === null ? null : (warehouses.get(id)?.name ?? null),
    districts: g.districts,
    share: g.units / total,
    qty: Math.round((quantity * g.units) / total),
  }));
}
