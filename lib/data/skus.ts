import "server-only";
// SKU reads: the period's P&L per SKU (server-side sort/filter/paging) and one SKU's detail.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { AdviceFigures } from "./restock";
import type { DashboardScope } from "./scope";
import { RUNNING_COLUMNS } from "@/lib/services/metrics/sku-cumulative";
import { containsPattern, int, latestMetricsDay, num, storeCondition } from "./sql-helpers";
import type { Page, TableParams } from "./table-params";
import type { Marketplace } from "@/db/schema";

export { skuSortKeys, type SkuSortKey } from "./sort-keys";
import type { SkuSortKey } from "./sort-keys";

export interface SkuFilters {
  marketplace?: Marketplace;
  brand?: string;
  category?: string;
  /** contains, case-insensitive, on article, name or the marketplace id */
  q?: string;
}

/** What names a SKU on every page: its marketplace card. */
export interface SkuIdentity {
  id: number;
  marketplace: Marketplace;
  externalId: string;
  article: string | null;
  name: string | null;
  brand: string | null;
  category: string | null;
}

export interface SkuRow extends SkuIdentity {
  units: number;
  refunds: number;
  /** sales less returns */
  netSales: string;
  /** what the marketplace owes for the SKU: every SKU-level P&L line */
  payout: string;
  cogs: string | null;
  /** gross profit: payout - cogs */
  profit: string | null;
  margin: string | null;
  /** sold on a day without a cost price: COGS and profit are incomplete */
  isMissingCost: boolean;
  isProvisional: boolean;
  hasEstimatedCommission: boolean;
  sv7: string | null;
  sv14: string | null;
  sv28: string | null;
  onHand: number | null;
  inTransit: number | null;
  coverDays: string | null;
}

/** The sort keys and what each needs besides sku: the period's totals (p), or the latest metrics day (l). */
const sortSql: Record<SkuSortKey, { expr: SQL; needs: "sku" | "period" | "latest" }> = {
  article: { expr: sql`s.article`, needs: "sku" },
  name: { expr: sql`s.name`, needs: "sku" },
  units: { expr: sql`coalesce(p.units, 0)`, needs: "period" },
  refunds: { expr: sql`coalesce(p.refunds, 0)`, needs: "period" },
  netSales: { expr: sql`coalesce(p.net_sales, 0)`, needs: "period" },
  payout: { expr: sql`coalesce(p.payout, 0)`, needs: "period" },
  cogs: { expr: sql`case when p.days is null then 0 else p.cogs end`, needs: "period" },
  profit: { expr: sql`case when p.days is null then 0 else p.profit end`, needs: "period" },
  margin: {
    expr: sql`case when p.net_sales_with_cost > 0 then p.profit / p.net_sales_with_cost end`,
    needs: "period",
  },
  sv7: { expr: sql`l.sv7`, needs: "latest" },
  sv14: { expr: sql`l.sv14`, needs: "latest" },
  sv28: { expr: sql`l.sv28`, needs: "latest" },
  onHand: { expr: sql`l.on_hand`, needs: "latest" },
  coverDays: { expr: sql`l.stock_cover_days`, needs: "latest" },
};

export function skuFilterSql(scope: DashboardScope, filters: SkuFilters): SQL {
  const parts: SQL[] = [storeCondition(scope.accountId)];
  if (filters.marketplace) parts.push(sql`s.marketplace = ${filters.marketplace}`);
  if (filters.brand) parts.push(sql`s.brand = ${filters.brand}`);
  if (filters.category) parts.push(sql`s.category = ${filters.category}`);
  if (filters.q) {
    const like = containsPattern(filters.q);
    parts.push(
      sql`(s.article ilike ${like} or s.name ilike ${like} or s.nm_id::text = ${filters.q} or s.ozon_id::text = ${filters.q})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** `alias.c` for every running total, each falling back through `sources` in order, else zero. */
function runningColumns(sources: string[]): SQL {
  return sql.raw(
    RUNNING_COLUMNS.map((c) => `coalesce(${[...sources.map((a) => `${a}.${c}`), "0"].join(", ")}) as ${c}`).join(", "),
  );
}

/** The period's totals p from the running totals hi (at its end) and lo (before its start); null without a metrics row in it. */
const periodFromRunning = sql`
  left join lateral (
    select hi.days - lo.days as days,
      hi.qty - lo.qty as units,
      hi.refunds_qty - lo.refunds_qty as refunds,
      hi.net_sales - lo.net_sales as net_sales,
      hi.payout - lo.payout as payout,
      hi.net_sales_with_cost - lo.net_sales_with_cost as net_sales_with_cost,
      case when hi.cogs_days > lo.cogs_days then hi.cogs - lo.cogs end as cogs,
      case when hi.profit_days > lo.profit_days then hi.profit - lo.profit end as profit,
      hi.missing_cost_days > lo.missing_cost_days as missing_cost,
      hi.provisional_days > lo.provisional_days as provisional,
      hi.estimated_days > lo.estimated_days as estimated
    where hi.days > lo.days
  ) p on true`;

/**
 * p for every SKU s at once: its running totals at the period's end minus those before its start
 * (metrics_sku_cumulative). Every SKU normally has a running row on the latest day on or before each
 * bound, so both are read as one index range each (h0, l0); a SKU without a row on that day (created
 * or recalculated later) falls back to its own latest row before the bound (h1, l1).
 */
function periodForAllSkus(scope: DashboardScope): SQL {
  const hiDay = sql`(select max(d) from metrics_sku_cumulative where d <= ${scope.to}::date)`;
  const loDay = sql`(select max(d) from metrics_sku_cumulative where d < ${scope.from}::date)`;
  return sql`
    left join metrics_sku_cumulative h0 on h0.sku_id = s.id and h0.d = ${hiDay}
    left join lateral (
      select * from metrics_sku_cumulative c
      where h0.sku_id is null and c.sku_id = s.id and c.d <= ${scope.to}::date order by c.d desc limit 1
    ) h1 on true
    left join metrics_sku_cumulative l0 on l0.sku_id = s.id and l0.d = ${loDay}
    left join lateral (
      select * from metrics_sku_cumulative c
      where l0.sku_id is null and ${loDay} is not null and c.sku_id = s.id and c.d < ${scope.from}::date order by c.d desc limit 1
    ) l1 on true
    cross join lateral (select ${runningColumns(["h0", "h1"])}) hi
    cross join lateral (select ${runningColumns(["l0", "l1"])}) lo
    ${periodFromRunning}`;
}

/** p for a few SKUs s (one page): each one's latest running row on or before the end and before the start, one probe each. */
function periodForFewSkus(scope: DashboardScope): SQL {
  return sql`
    left join lateral (
      select * from metrics_sku_cumulative c where c.sku_id = s.id and c.d <= ${scope.to}::date order by c.d desc limit 1
    ) h on true
    left join lateral (
      select * from metrics_sku_cumulative c where c.sku_id = s.id and c.d < ${scope.from}::date order by c.d desc limit 1
    ) b on true
    cross join lateral (select ${runningColumns(["h"])}) hi
    cross join lateral (select ${runningColumns(["b"])}) lo
    ${periodFromRunning}`;
}

/** One page of SKUs with the period's P&L and the latest velocity and stock (as of scope.to). */
export async function querySkuPage(
  db: Db,
  scope: DashboardScope,
  filters: SkuFilters,
  params: TableParams<SkuSortKey>,
): Promise<Page<SkuRow>> {
  const dir = params.dir === "asc" ? sql`asc` : sql`desc`;
  const offset = (params.page - 1) * params.pageSize;
  const sort = sortSql[params.sort];
  const latest = sql`left join metrics_daily l on l.sku_id = s.id and l.d = ${latestMetricsDay(scope.to)}`;
  // Two steps: every matching SKU's sort key alone is computed, ordered and cut to the page (with the
  // count of matches), then the displayed columns are read for that page's SKUs only: carrying every
  // column of every SKU through the sort cost more (the bench's SQL-alone column shows it).
  const result = await db.execute(sql`
    with k as (
      select s.id, ${sort.expr} as sort_value, count(*) over () as total
      from sku s
      ${sort.needs === "period" ? periodForAllSkus(scope) : sort.needs === "latest" ? latest : sql``}
      where ${skuFilterSql(scope, filters)}
      order by sort_value ${dir} nulls last, s.id
      limit ${params.pageSize} offset ${offset}
    )
    select k.total, s.id, s.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id, s.article, s.name, s.brand, s.category,
      p.units, p.refunds, p.net_sales, p.payout, p.net_sales_with_cost,
      case when p.days is null then 0 else p.cogs end as cogs,
      case when p.days is null then 0 else p.profit end as profit, p.missing_cost, p.provisional, p.estimated,
      l.sv7, l.sv14, l.sv28, l.on_hand, l.in_transit, l.stock_cover_days
    from k
    join sku s on s.id = k.id
    ${periodForFewSkus(scope)}
    ${latest}
    order by k.sort_value ${dir} nulls last, k.id
  `);
  const raw = rowsOf<Record<string, unknown>>(result);
  let total = raw.length > 0 ? int(raw[0].total) : 0;
  if (raw.length === 0 && params.page > 1) {
    // past the last page: report the real total so the pager can offer a way back
    const c = await db.execute(sql`select count(*)::int as n from sku s where ${skuFilterSql(scope, filters)}`);
    total = int(rowsOf<{ n: number }>(c)[0]?.n);
  }
  const rows = raw.map((r): SkuRow => {
    const profit = num(r.profit);
    // margin over the same days in numerator and denominator: those with a cost price
    const withCost = Number(num(r.net_sales_with_cost) ?? 0);
    return {
      id: int(r.id),
      marketplace: r.marketplace as Marketplace,
      externalId: String(r.external_id),
      article: (r.article as string | null) ?? null,
      name: (r.name as string | null) ?? null,
      brand: (r.brand as string | null) ?? null,
      category: (r.category as string | null) ?? null,
      units: int(r.units),
      refunds: int(r.refunds),
      netSales: num(r.net_sales) ?? "0",
      payout: num(r.payout) ?? "0",
      cogs: num(r.cogs),
      profit,
      margin: profit !== null && withCost > 0 ? ((Number(profit) / withCost) * 100).toFixed(2) : null,
      isMissingCost: Boolean(r.missing_cost),
      isProvisional: Boolean(r.provisional),
      hasEstimatedCommission: Boolean(r.estimated),
      sv7: num(r.sv7),
      sv14: num(r.sv14),
      sv28: num(r.sv28),
      onHand: r.on_hand === null || r.on_hand === undefined ? null : int(r.on_hand),
      inTransit: r.in_transit === null || r.in_transit === undefined ? null : int(r.in_transit),
      coverDays: num(r.stock_cover_days),
    };
  });
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

export interface SkuFilterOptions {
  brands: string[];
  categories: string[];
}

/** Brands and categories present in the selected store(s), for the filter selects. */
export async function querySkuFilterOptions(db: Db, scope: DashboardScope): Promise<SkuFilterOptions> {
  const result = await db.execute(sql`
    select 'b' as kind, brand as value from sku s where brand is not null and ${storeCondition(scope.accountId)} group by brand
    union all
    select 'c', category from sku s where category is not null and ${storeCondition(scope.accountId)} group by category
    order by 1, 2
  `);
  const rows = rowsOf<{ kind: string; value: string }>(result);
  return {
    brands: rows.filter((r) => r.kind === "b").map((r) => r.value),
    categories: rows.filter((r) => r.kind === "c").map((r) => r.value),
  };
}

export interface SkuHeader extends SkuIdentity {
  accountId: number | null;
  accountName: string | null;
}

/** The SKU's identity, or null when it does not exist or is outside the selected store. */
export async function querySkuHeader(db: Db, skuId: number): Promise<SkuHeader | null> {
  const result = await db.execute(sql`
    select s.id, s.account_id, a.name as account_name, s.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id,
      s.article, s.name, s.brand, s.category
    from sku s left join accounts a on a.id = s.account_id
    where s.id = ${skuId}
  `);
  const r = rowsOf<Record<string, unknown>>(result)[0];
  if (!r) return null;
  return {
    id: int(r.id),
    accountId: r.account_id === null ? null : int(r.account_id),
    accountName: (r.account_name as string | null) ?? null,
    marketplace: r.marketplace as Marketplace,
    externalId: String(r.external_id),
    article: (r.article as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    brand: (r.brand as string | null) ?? null,
    category: (r.category as string | null) ?? null,
  };
}

export interface SkuDayPoint {
  d: string;
  units: number;
  refunds: number;
  /** net sales */
  revenue: string;
  /** every marketplace line but sales and returns, plus COGS, positive */
  costs: string;
  payout: string;
  cogs: string | null;
  profit: string | null;
  onHand: number | null;
  inTransit: number | null;
  sv7: string;
  sv14: string;
  sv28: string;
  coverDays: string | null;
  isSettled: boolean;
  isCommissionEstimated: boolean;
}

/** Day-by-day P&L, units, stock and velocity of one SKU. */
export async function querySkuSeries(
  db: Db,
  skuId: number,
  scope: Pick<DashboardScope, "from" | "to">,
): Promise<SkuDayPoint[]> {
  const result = await db.execute(sql`
    select m.d::text as d, m.qty, m.refunds_qty, m.net_sales::text as revenue,
      (m.net_sales - m.payout + coalesce(m.cogs, 0))::text as costs,
      m.payout::text as payout, m.cogs::text as cogs, m.profit::text as profit,
      m.on_hand, m.in_transit, m.sv7::text as sv7, m.sv14::text as sv14, m.sv28::text as sv28,
      m.stock_cover_days::text as cover, m.is_settled, m.is_commission_estimated or m.is_logistics_estimated as is_commission_estimated
    from metrics_daily m
    where m.sku_id = ${skuId} and m.d between ${scope.from}::date and ${scope.to}::date
    order by m.d
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    d: String(r.d),
    units: int(r.qty),
    refunds: int(r.refunds_qty),
    revenue: String(r.revenue),
    costs: String(r.costs),
    payout: String(r.payout),
    cogs: num(r.cogs),
    profit: num(r.profit),
    onHand: r.on_hand === null ? null : int(r.on_hand),
    inTransit: r.in_transit === null ? null : int(r.in_transit),
    sv7: String(r.sv7),
    sv14: String(r.sv14),
    sv28: String(r.sv28),
    coverDays: num(r.cover),
    isSettled: Boolean(r.is_settled),
    isCommissionEstimated: Boolean(r.is_commission_estimated),
  }));
}

export interface WarehouseStockAdvice {
  warehouseId: number | null;
  warehouseName: string | null;
  warehouseKind: string | null;
  stockDay: string | null;
  onHand: number | null;
  inTransit: number | null;
  advice: AdviceFigures[];
}

/** Latest stock per warehouse (as of scope.to) with the restock advice and the inputs behind it. */
export async function querySkuWarehouses(db: Db, skuId: number, asOf: string): Promise<WarehouseStockAdvice[]> {
  const stock = await db.execute(sql`
    select distinct on (st.warehouse_id) st.warehouse_id, st.d::text as d, st.on_hand, st.in_transit
    from daily_stock st where st.sku_id = ${skuId} and st.d <= ${asOf}::date
    order by st.warehouse_id, st.d desc
  `);
  const advice = await db.execute(sql`
    select a.warehouse_id, a.d::text as d, a.window_days, a.recommended_qty, a.velocity::text as velocity,
      a.demand_std::text as demand_std, a.on_hand, a.in_transit, a.safety_coeff::text as safety_coeff,
      a.stock_cover_days::text as cover
    from advice_supply a
    where a.sku_id = ${skuId}
      and a.d = (select max(x.d) from advice_supply x where x.sku_id = ${skuId} and x.d <= ${asOf}::date)
    order by a.warehouse_id, a.window_days
  `);
  const warehouses = await db.execute(sql`select id, name, kind, code from warehouse`);
  const names = new Map(
    rowsOf<{ id: number; name: string | null; kind: string | null; code: string }>(warehouses).map((w) => [w.id, w]),
  );
  const byWarehouse = new Map<number | null, WarehouseStockAdvice>();
  const entry = (id: number | null): WarehouseStockAdvice => {
    let e = byWarehouse.get(id);
    if (!e) {
      const w = id === null ? undefined : names.get(id);
      e = {
        warehouseId: id,
        warehouseName: w ? (w.name ?? w.code) : null,
        warehouseKind: w?.kind ?? null,
        stockDay: null,
        onHand: null,
        inTransit: null,
        advice: [],
      };
      byWarehouse.set(id, e);
    }
    return e;
  };
  for (const r of rowsOf<Record<string, unknown>>(stock)) {
    const e = entry(r.warehouse_id === null ? null : int(r.warehouse_id));
    e.stockDay = String(r.d);
    e.onHand = int(r.on_hand);
    e.inTransit = int(r.in_transit);
  }
  for (const r of rowsOf<Record<string, unknown>>(advice)) {
    entry(r.warehouse_id === null ? null : int(r.warehouse_id)).advice.push({
      windowDays: int(r.window_days),
      d: String(r.d),
      recommendedQty: int(r.recommended_qty),
      velocity: String(r.velocity),
      demandStd: String(r.demand_std),
      onHand: int(r.on_hand),
      inTransit: int(r.in_transit),
      safetyCoeff: String(r.safety_coeff),
      coverDays: num(r.cover),
    });
  }
  return [...byWarehouse.values()].sort((a, b) => (a.warehouseName ?? "").localeCompare(b.warehouseName ?? ""));
}
