import "server-only";
// Restock reads: the advice page (restock_advice of the latest advice day on or before scope.to, most
// urgent first, cut along the restock_advice page index), one row's explanation for the drawer, the
// supply plans, the settings, and the SKUs whose reorder date is near (overview, Telegram).
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { addDays, businessToday } from "@/lib/domain/dates";
import type { Factor } from "@/lib/domain/restock/factors";
import type { PlanSettings, RestockStatus } from "@/lib/domain/restock/plan";
import type { DayState } from "@/lib/domain/restock/velocity";
import { getEnv } from "@/lib/env";
import type { DashboardScope } from "./scope";
import { int, num, skuTextCondition, storeCondition } from "./sql-helpers";
import type { Page, TableParams } from "./table-params";

export { restockSortKeys, type RestockSortKey } from "./sort-keys";
import type { RestockSortKey } from "./sort-keys";

export interface RestockFilters {
  marketplace?: Marketplace;
  status?: RestockStatus;
  /** "kind:key" of one location */
  location?: string;
  q?: string;
  /** only rows with a quantity to order */
  isNeedOnly?: boolean;
  /** the advice row whose explanation the drawer shows */
  drawer?: number;
}

export interface RestockRow {
  id: number;
  d: string;
  skuId: number;
  marketplace: Marketplace;
  externalId: string;
  article: string | null;
  name: string | null;
  locationKind: "cluster" | "warehouse" | "national";
  locationKey: string;
  locationName: string | null;
  status: RestockStatus;
  statusDays: number | null;
  reorderDate: string | null;
  quantity: number;
  forecast: string | null;
  inStockDays: number;
  outOfStockDays: number;
  onHand: number;
  inbound: number;
  openPlans: number;
  lostUnits: string;
  lostRevenue: string | null;
  lostProfit: string | null;
  mpLostUnits: number | null;
  mpLostSum: string | null;
  /** WB rows: the day WB's lost orders estimate was taken and the period it covers */
  mpLost: MarketplaceFigureDay | null;
  /** Ozon cluster rows: Ozon's own recommended supply to this cluster */
  ozonSupply: OzonSupplyHint | null;
}

export interface MarketplaceFigureDay {
  d: string;
  periodFrom: string | null;
  periodTo: string | null;
}

/** Ozon's recommendation for one SKU and cluster (beta local-sale), as taken on day `d`. */
export interface OzonSupplyHint {
  d: string;
  recommendedSupply: number;
  /** ONE_WEEK | TWO_WEEKS | FOUR_WEEKS | EIGHT_WEEKS */
  supplyPeriod: string;
  deliverySchema: string;
  /** share of local sales, % */
  localIndex: string | null;
}

/** a marketplace's figure older than this many days before the advice day is not shown */
export const MARKETPLACE_FIGURE_DAYS = 14;

const sortSql: Record<Exclude<RestockSortKey, "urgency">, SQL> = {
  reorderDate: sql`a.reorder_sort`,
  quantity: sql`a.quantity`,
  forecast: sql`a.forecast`,
  onHand: sql`a.on_hand`,
  lostUnits: sql`a.lost_units`,
  article: sql`s.article`,
};

function restockWhere(scope: DashboardScope, filters: RestockFilters): SQL {
  const parts: SQL[] = [storeCondition(scope.accountId, "a")];
  if (filters.marketplace) parts.push(sql`a.marketplace = ${filters.marketplace}`);
  if (filters.status) parts.push(sql`a.status = ${filters.status}`);
  if (filters.isNeedOnly) parts.push(sql`a.quantity > 0`);
  if (filters.location) {
    const [kind, ...rest] = filters.location.split(":");
    parts.push(sql`a.location_kind = ${kind} and a.location_key = ${rest.join(":")}`);
  }
  if (filters.q) {
    parts.push(sql`a.sku_id in (select s2.id from sku s2 where ${skuTextCondition(filters.q, "s2")})`);
  }
  return sql.join(parts, sql` and `);
}

/** CTE `day`: the advice day shown for `asOf`, the latest generated on or before it (NULL before any). */
const adviceDayCte = (asOf: string) => sql`day as (select max(d) as d from restock_advice where d <= ${asOf}::date)`;

const rowColumns = sql`a.id, a.d::text as d, a.sku_id, a.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id,
  s.article, s.name, a.location_kind, a.location_key, a.location_name, a.status, a.status_days, a.reorder_date::text as reorder_date,
  a.quantity, a.forecast::text as forecast, a.in_stock_days, a.out_of_stock_days, a.on_hand, a.inbound, a.open_plans,
  a.lost_units::text as lost_units, a.lost_revenue::text as lost_revenue, a.lost_profit::text as lost_profit,
  a.mp_lost_units, a.mp_lost_sum::text as mp_lost_sum`;

function toRow(r: Record<string, unknown>): RestockRow {
  return {
    id: int(r.id),
    d: String(r.d),
    skuId: int(r.sku_id),
    marketplace: r.marketplace as Marketplace,
    externalId: String(r.external_id),
    article: (r.article as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    locationKind: r.location_kind as RestockRow["locationKind"],
    locationKey: String(r.location_key),
    locationName: (r.location_name as string | null) ?? null,
    status: r.status as RestockStatus,
    statusDays: r.status_days === null ? null : int(r.status_days),
    reorderDate: (r.reorder_date as string | null) ?? null,
    quantity: int(r.quantity),
    forecast: num(r.forecast),
    inStockDays: int(r.in_stock_days),
    outOfStockDays: int(r.out_of_stock_days),
    onHand: int(r.on_hand),
    inbound: int(r.inbound),
    openPlans: int(r.open_plans),
    lostUnits: String(r.lost_units),
    lostRevenue: num(r.lost_revenue),
    lostProfit: num(r.lost_profit),
    mpLostUnits: r.mp_lost_units === null ? null : int(r.mp_lost_units),
    mpLostSum: num(r.mp_lost_sum),
    mpLost: null,
    ozonSupply: null,
  };
}

const intArray = (values: number[]) => `{${[...new Set(values)].join(",")}}`;

/**
 * The marketplaces' own figures beside the rows' plan: for WB rows the day of WB's lost orders estimate
 * (the advice copied its numbers), for Ozon cluster rows Ozon's recommended supply to that cluster, each
 * the latest taken within MARKETPLACE_FIGURE_DAYS up to the row's advice day. Reads by exact day and SKU
 * (the tables' keys start with the day), so a page costs a few index probes, not a scan.
 */
async function withMarketplaceFigures<T extends RestockRow>(db: Db, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return rows;
  const adviceDays = [...new Set(rows.map((r) => r.d))];
  const days = new Set<string>();
  for (const d of adviceDays) for (let i = 0; i < MARKETPLACE_FIGURE_DAYS; i++) days.add(addDays(d, -i));
  const dayArray = `{${[...days].join(",")}}`;
  const last = adviceDays.sort().at(-1)!;
  const wb = rows.filter((r) => r.marketplace === "WB" && r.locationKind === "national").map((r) => r.skuId);
  const ozon = rows.filter((r) => r.marketplace === "OZON" && r.locationKind === "cluster").map((r) => r.skuId);
  const [wbRows, ozonRows] = await Promise.all([
    wb.length === 0
      ? []
      : rowsOf<Record<string, unknown>>(
          await db.execute(sql`select sku_id, d::text as d, period_from::text as period_from, period_to::text as period_to
            from sku_marketplace_estimates
            where d = any(${dayArray}::date[]) and sku_id = any(${intArray(wb)}::int[]) and source = 'wb_stocks_report'
              and d <= ${last}::date
            order by sku_id, d desc`),
        ),
    ozon.length === 0
      ? []
      : rowsOf<Record<string, unknown>>(
          await db.execute(sql`select r.sku_id, r.d::text as d, c.code, r.recommended_supply, r.supply_period,
              r.delivery_schema, r.local_index::text as local_index
            from ozon_supply_recommendations r join cluster c on c.id = r.cluster_id
            where r.d = any(${dayArray}::date[]) and r.sku_id = any(${intArray(ozon)}::int[]) and r.d <= ${last}::date
            order by r.sku_id, r.d desc, (r.delivery_schema = 'FBO') desc, r.supply_period`),
        ),
  ]);
  const inWindow = (figureDay: string, adviceDay: string) =>
    figureDay <= adviceDay && figureDay > addDays(adviceDay, -MARKETPLACE_FIGURE_DAYS);
  return rows.map((row) => {
    if (row.marketplace === "WB" && row.locationKind === "national") {
      const e = wbRows.find((x) => int(x.sku_id) === row.skuId && inWindow(String(x.d), row.d));
      return e
        ? {
            ...row,
            mpLost: {
              d: String(e.d),
              periodFrom: (e.period_from as string | null) ?? null,
              periodTo: (e.period_to as string | null) ?? null,
            },
          }
        : row;
    }
    if (row.marketplace === "OZON" && row.locationKind === "cluster") {
      // the SKU's latest day with any Ozon recommendation: a cluster Ozon no longer names that day has none
      const latest = ozonRows.find((x) => int(x.sku_id) === row.skuId && inWindow(String(x.d), row.d));
      const r =
        latest &&
        ozonRows.find(
          (x) => int(x.sku_id) === row.skuId && String(x.d) === String(latest.d) && String(x.code) === row.locationKey,
        );
      return r
        ? {
            ...row,
            ozonSupply: {
              d: String(r.d),
              recommendedSupply: int(r.recommended_supply),
              supplyPeriod: String(r.supply_period),
              deliverySchema: String(r.delivery_schema),
              localIndex: num(r.local_index),
            },
          }
        : row;
    }
    return row;
  });
}

/** One SKU's plan per location on the latest advice day on or before `asOf`, most urgent first. */
export async function querySkuRestock(db: Db, skuId: number, asOf: string): Promise<RestockRow[]> {
  const result = await db.execute(sql`
    select ${rowColumns}
    from restock_advice a join sku s on s.id = a.sku_id
    where a.sku_id = ${skuId}
      and a.d = (select max(x.d) from restock_advice x where x.sku_id = ${skuId} and x.d <= ${asOf}::date)
    order by a.status_rank, a.reorder_sort, a.id
  `);
  return withMarketplaceFigures(db, rowsOf<Record<string, unknown>>(result).map(toRow));
}

export async function queryRestockPage(
  db: Db,
  scope: DashboardScope,
  filters: RestockFilters,
  params: TableParams<RestockSortKey>,
): Promise<Page<RestockRow> & { adviceDay: string | null }> {
  const where = restockWhere(scope, filters);
  const offset = (params.page - 1) * params.pageSize;
  // urgency walks restock_advice_page_idx (or its per-store twin) in order and stops after the page:
  // the request reads page x size index entries, never every advice row of the day
  const order =
    params.sort === "urgency"
      ? params.dir === "asc"
        ? sql`a.status_rank, a.reorder_sort, a.id`
        : sql`a.status_rank desc, a.reorder_sort desc, a.id desc`
      : sql`${sortSql[params.sort]} ${params.dir === "asc" ? sql`asc` : sql`desc`} nulls last, a.status_rank, a.reorder_sort, a.id`;
  // one statement (the advice day, the count and the page): each statement costs a round trip, its
  // planning and the socket writes on both sides, about as much as reading the page itself
  const result = await db.execute(sql`
    with ${adviceDayCte(scope.to)}
    select day.d::text as advice_day, c.total, p.*
    from day
    cross join lateral (select count(*)::int as total from restock_advice a where a.d = day.d and ${where}) c
    left join lateral (
      select ${rowColumns}
      from restock_advice a join sku s on s.id = a.sku_id
      where a.d = day.d and ${where}
      order by ${order}
      limit ${params.pageSize} offset ${offset}
    ) p on true`);
  const all = rowsOf<Record<string, unknown>>(result);
  const adviceDay = (all[0]?.advice_day as string | null | undefined) ?? null;
  return {
    adviceDay,
    page: params.page,
    pageSize: params.pageSize,
    total: int(all[0]?.total),
    rows: await withMarketplaceFigures(db, all.filter((r) => r.id !== null && r.id !== undefined).map(toRow)),
  };
}

export interface RestockExplanation {
  v: 1;
  days: { d: string; units: number; closing: number | null; state: DayState }[];
  velocity: {
    formula: string;
    inStockDays: number;
    outOfStockDays: number;
    censoredDays: number;
    spikeDays: number;
    lookbackDays: number;
    std: number;
  };
  factors: Factor[];
  settings: PlanSettings;
  settingSources: Record<keyof PlanSettings, "sku" | "store" | "default">;
  /** σL and the closed supply plans it came from (shipped -> arrived, days); absent on older rows */
  leadTime?: { stdDays: number; supplies: number; days: number[] };
  /** the store's supplier closures ahead of the plan's day; absent on older rows */
  closures?: { from: string; to: string }[];
  position: { onHand: number; marketplaceInbound: number; shippedPlans: number; draftPlans: number; toClient: number };
  steps: string[];
  lostSales: { formula: string; stockOutDays: number; days: number };
  split: { warehouseId: number | null; name: string | null; districts: string[]; share: number; qty: number }[] | null;
}

export interface RestockDetail extends RestockRow {
  safetyStock: string | null;
  reorderPoint: string | null;
  velocity: string | null;
  explanation: RestockExplanation;
}

/** One advice row with everything the drawer explains. */
export async function queryRestockDetail(db: Db, id: number): Promise<RestockDetail | null> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select ${rowColumns}, a.safety_stock::text as safety_stock, a.reorder_point::text as reorder_point,
      a.velocity::text as velocity, a.explanation
      from restock_advice a join sku s on s.id = a.sku_id where a.id = ${id}`),
  );
  if (rows.length === 0) return null;
  const r = rows[0];
  const explanation = typeof r.explanation === "string" ? JSON.parse(r.explanation) : r.explanation;
  const [row] = await withMarketplaceFigures(db, [toRow(r)]);
  return {
    ...row,
    safetyStock: num(r.safety_stock),
    reorderPoint: num(r.reorder_point),
    velocity: num(r.velocity),
    explanation: explanation as RestockExplanation,
  };
}

export interface RestockLocationOption {
  value: string;
  marketplace: Marketplace;
  kind: RestockRow["locationKind"];
  name: string | null;
}

export async function queryRestockLocations(db: Db, asOf: string): Promise<RestockLocationOption[]> {
  // a skip scan along restock_advice_location_idx: one index probe per location of the day, not a
  // DISTINCT over every advice row (a day holds SKUs x locations rows, a store a few dozen locations)
  const result = await db.execute(sql`
    with recursive ${adviceDayCte(asOf)},
    loc as (
      select f.marketplace, f.location_kind, f.location_key from day, lateral (
        select a.marketplace, a.location_kind, a.location_key from restock_advice a
        where a.d = day.d order by a.marketplace, a.location_kind, a.location_key limit 1) f
      union all
      select n.marketplace, n.location_kind, n.location_key from loc, day, lateral (
        select a.marketplace, a.location_kind, a.location_key from restock_advice a
        where a.d = day.d and (a.marketplace, a.location_kind, a.location_key) > (loc.marketplace, loc.location_kind, loc.location_key)
        order by a.marketplace, a.location_kind, a.location_key limit 1) n
    )
    select loc.marketplace, loc.location_kind, loc.location_key, (
        select a.location_name from restock_advice a
        where a.d = day.d and a.marketplace = loc.marketplace and a.location_kind = loc.location_kind
          and a.location_key = loc.location_key and a.location_name is not null
        limit 1) as location_name
    from loc, day
    order by loc.marketplace, loc.location_kind, location_name nulls first, loc.location_key`);
  return rowsOf<Record<string, string | null>>(result).map((r) => ({
    value: `${r.location_kind}:${r.location_key}`,
    marketplace: r.marketplace as Marketplace,
    kind: r.location_kind as RestockRow["locationKind"],
    name: r.location_name ?? (r.location_kind === "national" ? null : r.location_key),
  }));
}

export interface SupplyPlanSummary {
  id: number;
  marketplace: Marketplace;
  locationKind: RestockRow["locationKind"];
  locationKey: string;
  locationName: string | null;
  status: "draft" | "shipped" | "closed";
  createdAt: string;
  shippedAt: string | null;
  closedAt: string | null;
  lines: number;
  units: number;
  arrived: number;
}

export async function querySupplyPlans(db: Db, limit = 50): Promise<SupplyPlanSummary[]> {
  const result = await db.execute(sql`
    select p.id, p.marketplace, p.location_kind, p.location_key, p.location_name, p.status,
      p.created_at::text as created_at, p.shipped_at::text as shipped_at, p.closed_at::text as closed_at,
      count(l.sku_id)::int as lines, coalesce(sum(l.qty), 0)::int as units, coalesce(sum(l.arrived_units), 0)::int as arrived
    from supply_plan p left join supply_plan_line l on l.plan_id = p.id
    group by p.id order by (p.status = 'closed'), p.id desc limit ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: int(r.id),
    marketplace: r.marketplace as Marketplace,
    locationKind: r.location_kind as RestockRow["locationKind"],
    locationKey: String(r.location_key),
    locationName: (r.location_name as string | null) ?? null,
    status: r.status as SupplyPlanSummary["status"],
    createdAt: String(r.created_at),
    shippedAt: (r.shipped_at as string | null) ?? null,
    closedAt: (r.closed_at as string | null) ?? null,
    lines: int(r.lines),
    units: int(r.units),
    arrived: int(r.arrived),
  }));
}

export interface SupplyPlanExportLine {
  article: string | null;
  externalId: string;
  name: string | null;
  qty: number;
  casePack: number;
  boxes: number;
}

/** A plan's lines in the shape sellers paste into a marketplace supply (article, id, quantity, boxes). */
export async function querySupplyPlanLines(
  db: Db,
  planId: number,
): Promise<{ plan: SupplyPlanSummary; lines: SupplyPlanExportLine[] } | null> {
  const plan = (await querySupplyPlans(db, 10_000)).find((p) => p.id === planId);
  if (!plan) return null;
  const result = await db.execute(sql`
    select s.article, coalesce(s.nm_id, s.ozon_id)::text as external_id, s.name, l.qty,
      coalesce(o.case_pack, st.case_pack, 1) as case_pack
    from supply_plan_line l join sku s on s.id = l.sku_id
    left join restock_sku_settings o on o.sku_id = l.sku_id
    left join restock_store_settings st on st.account_id = s.account_id
    where l.plan_id = ${planId} order by s.article nulls last, s.id`);
  return {
    plan,
    lines: rowsOf<Record<string, unknown>>(result).map((r) => ({
      article: (r.article as string | null) ?? null,
      externalId: String(r.external_id),
      name: (r.name as string | null) ?? null,
      qty: int(r.qty),
      casePack: int(r.case_pack),
      boxes: Math.ceil(int(r.qty) / Math.max(1, int(r.case_pack))),
    })),
  };
}

export interface ReorderSoon {
  skuId: number;
  article: string | null;
  name: string | null;
  marketplace: Marketplace;
  locationName: string | null;
  reorderDate: string;
  quantity: number;
}

/** SKUs whose reorder date falls within `days` of the advice day (overview list, Telegram digest). */
export async function queryReorderSoon(db: Db, asOf: string, accountId: number | null, days = 7, limit = 10) {
  // one statement; reorder_sort is reorder_date or 9999-12-31, so the count is an index-only range of
  // restock_advice_reorder_idx
  const within = sql`a.d = day.d and a.reorder_sort <= day.d + ${days}::int and ${storeCondition(accountId, "a")}`;
  const result = await db.execute(sql`
    with ${adviceDayCte(asOf)}
    select day.d::text as advice_day, c.total, p.*
    from day
    cross join lateral (select count(*)::int as total from restock_advice a where ${within}) c
    left join lateral (
      select a.sku_id, s.article, s.name, a.marketplace, a.location_name, a.location_kind,
        a.reorder_date::text as reorder_date, a.quantity
      from restock_advice a join sku s on s.id = a.sku_id where ${within}
      order by a.status_rank, a.reorder_sort, a.id limit ${limit}
    ) p on true`);
  const all = rowsOf<Record<string, unknown>>(result);
  return {
    adviceDay: (all[0]?.advice_day as string | null | undefined) ?? null,
    total: int(all[0]?.total),
    rows: all
      .filter((r) => r.sku_id !== null && r.sku_id !== undefined)
      .map((r): ReorderSoon => ({
        skuId: int(r.sku_id),
        article: (r.article as string | null) ?? null,
        name: (r.name as string | null) ?? null,
        marketplace: r.marketplace as Marketplace,
        locationName: (r.location_name as string | null) ?? (r.location_kind === "national" ? "WB FBO" : null),
        reorderDate: String(r.reorder_date),
        quantity: int(r.quantity),
      })),
  };
}

export interface RestockStoreSettingsRow {
  accountId: number;
  storeName: string;
  marketplace: Marketplace;
  leadTimeDays: number | null;
  coverDays: number | null;
  serviceLevel: number | null;
  moq: number | null;
  casePack: number | null;
  wbShipWarehouseIds: number[];
}

const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The plan settings a store default row and a SKU override row share (null: not set). */
function planSettingsOf(r: Record<string, unknown>) {
  return {
    leadTimeDays: nullableNumber(r.lead_time_days),
    coverDays: nullableNumber(r.cover_days),
    serviceLevel: nullableNumber(r.service_level),
    moq: nullableNumber(r.moq),
    casePack: nullableNumber(r.case_pack),
  };
}

export async function queryRestockStoreSettings(db: Db): Promise<RestockStoreSettingsRow[]> {
  const result = await db.execute(sql`
    select a.id, a.name, a.marketplace, r.lead_time_days, r.cover_days, r.service_level::float8 as service_level, r.moq, r.case_pack,
      coalesce(r.wb_ship_warehouse_ids, '{}') as wb_ship_warehouse_ids
    from accounts a left join restock_store_settings r on r.account_id = a.id order by a.name, a.id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    accountId: int(r.id),
    storeName: String(r.name),
    marketplace: r.marketplace as Marketplace,
    ...planSettingsOf(r),
    wbShipWarehouseIds: (Array.isArray(r.wb_ship_warehouse_ids)
      ? r.wb_ship_warehouse_ids
      : String(r.wb_ship_warehouse_ids).replace(/[{}]/g, "").split(",").filter(Boolean)
    ).map(Number),
  }));
}

export interface SupplierClosureRow {
  id: number;
  accountId: number;
  storeName: string;
  firstDay: string;
  lastDay: string;
  note: string | null;
  /** the closure ended before `today` */
  past: boolean;
}

/** Every store's supplier closures, the latest first (at most `limit`). */
export async function querySupplierClosures(
  db: Db,
  today: string = businessToday(getEnv().APP_TIMEZONE),
  limit = 200,
): Promise<SupplierClosureRow[]> {
  const result = await db.execute(sql`
    select c.id, c.account_id, a.name, c.first_day::text as first_day, c.last_day::text as last_day, c.note
    from supplier_closure c join accounts a on a.id = c.account_id
    order by c.first_day desc, c.id desc limit ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: int(r.id),
    accountId: int(r.account_id),
    storeName: String(r.name),
    firstDay: String(r.first_day),
    lastDay: String(r.last_day),
    note: (r.note as string | null) ?? null,
    past: String(r.last_day) < today,
  }));
}

export async function queryRestockSkuOverrides(db: Db, limit = 200) {
  const result = await db.execute(sql`
    select o.sku_id, s.article, s.name, s.marketplace, o.lead_time_days, o.cover_days, o.service_level::float8 as service_level,
      o.moq, o.case_pack, o.manual_factor::float8 as manual_factor
    from restock_sku_settings o join sku s on s.id = o.sku_id order by s.article nulls last, o.sku_id limit ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    skuId: int(r.sku_id),
    article: (r.article as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    marketplace: r.marketplace as Marketplace,
    ...planSettingsOf(r),
    manualFactor: nullableNumber(r.manual_factor),
  }));
}
