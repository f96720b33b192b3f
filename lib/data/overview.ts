import "server-only";
// Overview reads: the period's P&L tiles with the previous period and the P&L series (both from the
// per-store daily totals that recalculateMetrics keeps, see lib/services/metrics/store-daily.ts), and
// what needs attention.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { grossProfitWithCost } from "@/lib/domain/pnl";
import { Decimal } from "@/lib/domain/money";
import { isPeriodCovered } from "@/lib/domain/periods";
import { clampPeriodEnd, keepRequestedSkuPeriod } from "@/lib/services/metrics/sku-period";
import { firstDataDaySql } from "@/lib/services/pnl/statement";
import { type Bucket, bucketFor, type DashboardScope, previousPeriod } from "./scope";
import { int, latestMetricsDay, num, storeCondition } from "./sql-helpers";

export interface PnlTotals {
  /** sales less returns at the seller's price */
  netSales: string;
  /** what the marketplaces owe: every P&L line, SKU-level and store-level */
  payout: string;
  /** COGS of the units that have a cost price */
  cogs: string;
  /**
   * gross profit: the SKU-days whose COGS is known (payout - cogs) plus the store-level lines
   * (storage, deductions, subscriptions that name no SKU)
   */
  profit: string;
  /** the store-level lines inside profit (signed) */
  storeLevel: string;
  /**
   * gross profit of the SKU-days with a cost price and their share of the store-level lines, over their
   * net sales, in percent (as the P&L statement's margin); null when those net sales <= 0
   */
  margin: string | null;
  units: number;
  refunds: number;
  /** net sales of days where a SKU sold without a cost price (profit leaves them out) */
  netSalesWithoutCost: string;
}

export interface OverviewTiles {
  current: PnlTotals;
  previous: PnlTotals;
  previousFrom: string;
  previousTo: string;
  /** some numbers of the period are not yet settled by the finance report */
  hasProvisional: boolean;
  /** some commissions or logistics costs of the period are estimated */
  hasEstimatedCommission: boolean;
  hasData: boolean;
  /** the first day with any data in the scope's stores; null when there is none */
  historyFrom: string | null;
  /** history covers the whole previous period, so a percentage change compares like with like */
  isPreviousCovered: boolean;
}

interface TotalsRow {
  net_sales: string | null;
  payout: string | null;
  cogs: string | null;
  profit: string | null;
  store_level: string | null;
  units: number | string | null;
  refunds: number | string | null;
  net_sales_with_cost: string | null;
  net_sales_without_cost: string | null;
}

function totalsOf(row: TotalsRow | undefined): PnlTotals {
  const profit = num(row?.profit) ?? "0";
  const storeLevel = num(row?.store_level) ?? "0";
  const withCost = new Decimal(num(row?.net_sales_with_cost) ?? 0);
  // over the same rows as the P&L statement's margin: the costed SKU-days and their share of the store level
  const costed = grossProfitWithCost({
    skuProfitWithCost: new Decimal(profit).minus(storeLevel),
    storeLevel,
    netSales: num(row?.net_sales) ?? "0",
    netSalesWithCost: withCost,
  });
  const margin = withCost.gt(0) ? costed.div(withCost).times(100).toFixed(2) : null;
  return {
    netSales: num(row?.net_sales) ?? "0",
    payout: num(row?.payout) ?? "0",
    cogs: num(row?.cogs) ?? "0",
    profit,
    storeLevel,
    margin,
    units: int(row?.units),
    refunds: int(row?.refunds),
    netSalesWithoutCost: num(row?.net_sales_without_cost) ?? "0",
  };
}

/** `t.account_id = $1` on metrics_store_daily, or nothing when all stores are selected. */
function storeDailyCondition(accountId: number | null) {
  return storeCondition(accountId, "t");
}

/** Tiles of the overview: one pass over both periods of the per-store daily totals, split with FILTER. */
export async function queryOverviewTiles(db: Db, scope: DashboardScope): Promise<OverviewTiles> {
  const prev = previousPeriod(scope);
  const cur = sql`t.d >= ${scope.from}::date`;
  const result = await db.execute(sql`
    select
      (${firstDataDaySql({ accountIds: scope.accountId === null ? null : [scope.accountId] })})::text as history_from,
      sum(t.net_sales) filter (where ${cur})::text as cur_net_sales,
      sum(t.payout + t.store_level_payout) filter (where ${cur})::text as cur_payout,
      sum(t.cogs) filter (where ${cur})::text as cur_cogs,
      sum(t.profit + t.store_level_payout) filter (where ${cur})::text as cur_profit,
      sum(t.store_level_payout) filter (where ${cur})::text as cur_store_level,
      sum(t.qty) filter (where ${cur})::bigint as cur_units,
      sum(t.refunds_qty) filter (where ${cur})::bigint as cur_refunds,
      sum(t.net_sales_with_cost) filter (where ${cur})::text as cur_net_sales_with_cost,
      sum(t.net_sales_without_cost) filter (where ${cur})::text as cur_net_sales_without_cost,
      sum(t.net_sales) filter (where not ${cur})::text as prev_net_sales,
      sum(t.payout + t.store_level_payout) filter (where not ${cur})::text as prev_payout,
      sum(t.cogs) filter (where not ${cur})::text as prev_cogs,
      sum(t.profit + t.store_level_payout) filter (where not ${cur})::text as prev_profit,
      sum(t.store_level_payout) filter (where not ${cur})::text as prev_store_level,
      sum(t.qty) filter (where not ${cur})::bigint as prev_units,
      sum(t.refunds_qty) filter (where not ${cur})::bigint as prev_refunds,
      sum(t.net_sales_with_cost) filter (where not ${cur})::text as prev_net_sales_with_cost,
      sum(t.net_sales_without_cost) filter (where not ${cur})::text as prev_net_sales_without_cost,
      coalesce(bool_or(t.has_provisional) filter (where ${cur}), false) as has_provisional,
      coalesce(bool_or(t.has_estimated_commission or t.has_estimated_logistics) filter (where ${cur}), false)
        as has_estimated,
      coalesce(sum(t.active_skus) filter (where ${cur}), 0)::int
        + count(*) filter (where ${cur} and t.store_level_payout <> 0)::int as active_rows
    from metrics_store_daily t
    where t.d between ${prev.from}::date and ${scope.to}::date and ${storeDailyCondition(scope.accountId)}
  `);
  const r = rowsOf<Record<string, string | number | boolean | null>>(result)[0] ?? {};
  const text = (name: string) => r[name] as string | null;
  const historyFrom = text("history_from") ?? null;
  const pick = (prefix: string): TotalsRow => ({
    net_sales: text(`${prefix}_net_sales`),
    payout: text(`${prefix}_payout`),
    cogs: text(`${prefix}_cogs`),
    profit: text(`${prefix}_profit`),
    store_level: text(`${prefix}_store_level`),
    units: r[`${prefix}_units`] as number | null,
    refunds: r[`${prefix}_refunds`] as number | null,
    net_sales_with_cost: text(`${prefix}_net_sales_with_cost`),
    net_sales_without_cost: text(`${prefix}_net_sales_without_cost`),
  });
  return {
    current: totalsOf(pick("cur")),
    previous: totalsOf(pick("prev")),
    previousFrom: prev.from,
    previousTo: prev.to,
    hasProvisional: Boolean(r.has_provisional),
    hasEstimatedCommission: Boolean(r.has_estimated),
    hasData: int(r.active_rows) > 0,
    historyFrom,
    isPreviousCovered: isPeriodCovered(prev, historyFrom),
  };
}

export interface PnlPoint {
  /** first day of the bucket */
  d: string;
  /** net sales: sales less returns */
  revenue: string;
  /** every marketplace line but sales and returns (fees, storage, deductions, ...) plus known COGS, positive */
  costs: string;
  /** gross profit with the store-level lines */
  profit: string;
  payout: string;
  cogs: string;
  units: number;
  isProvisional: boolean;
  hasEstimatedCommission: boolean;
}

export interface PnlSeries {
  bucket: Bucket;
  points: PnlPoint[];
}

/** P&L per day, week or month (by the length of the range) for the chart. */
export async function queryPnlSeries(
  db: Db,
  scope: DashboardScope,
  bucket: Bucket = bucketFor(scope),
): Promise<PnlSeries> {
  const key = bucket === "day" ? sql`t.d` : sql.raw(`date_trunc('${bucket}', t.d::timestamp)::date`);
  const result = await db.execute(sql`
    select ${key}::text as d,
      sum(t.net_sales)::text as revenue,
      sum(t.net_sales - t.payout - t.store_level_payout + t.cogs)::text as costs,
      sum(t.profit + t.store_level_payout)::text as profit,
      sum(t.payout + t.store_level_payout)::text as payout,
      sum(t.cogs)::text as cogs,
      sum(t.qty)::bigint as units,
      bool_or(t.has_provisional) as provisional,
      bool_or(t.has_estimated_commission or t.has_estimated_logistics) as estimated
    from metrics_store_daily t
    where t.d between ${scope.from}::date and ${scope.to}::date and ${storeDailyCondition(scope.accountId)}
    group by 1 order by 1
  `);
  const points = rowsOf<Record<string, string | number | boolean | null>>(result).map((r) => ({
    d: String(r.d),
    revenue: num(r.revenue) ?? "0",
    costs: num(r.costs) ?? "0",
    profit: num(r.profit) ?? "0",
    payout: num(r.payout) ?? "0",
    cogs: num(r.cogs) ?? "0",
    units: int(r.units),
    isProvisional: Boolean(r.provisional),
    hasEstimatedCommission: Boolean(r.estimated),
  }));
  return { bucket, points };
}

export interface AttentionCounts {
  /** SKUs that sold in the period on days without a cost price */
  skusWithoutCost: number;
  /** SKUs whose stock lasts fewer than 7 days at the current velocity */
  runningOut: number;
  /** sync runs that failed or partly failed since the start of the period */
  failedSyncs: number;
}

/** Counts for the "needs attention" card; each links to the page that fixes it. */
export async function queryAttentionCounts(db: Db, scope: DashboardScope): Promise<AttentionCounts> {
  // the count of SKUs sold without a cost price is kept per store with the SKU table's period rows
  // (metrics_sku_period_totals, the same "sold on a day without a cost price"): a period not kept yet is
  // kept now, as the SKU page would; only while a recalculation runs does it probe every SKU's rows
  const keptCount = sql`(select sum(t.missing_cost_skus)::int from metrics_sku_period_totals t
    where t.period_from = ${scope.from}::date
      and t.period_to = least(${scope.to}::date, (select max(d) from metrics_daily))
      and ${storeCondition(scope.accountId, "t")}
    having count(*) > 0 and bool_and(t.missing_cost_skus is not null))`;
  const result = await db.execute(sql`
    select
      ${keptCount} as without_cost,
      (select max(d)::text from metrics_daily) as latest,
      (select count(*)::int from metrics_daily last join sku s on s.id = last.sku_id
        where last.d = ${latestMetricsDay(scope.to)} and last.stock_cover_days < 7 and ${storeCondition(scope.accountId)}) as running_out,
      (select count(*)::int from sync_runs r
        where r.status in ('failed', 'partial') and r.started_at >= ${scope.from}::date - interval '1 day'
          and ${scope.accountId === null ? sql`true` : sql`r.account_id = ${scope.accountId}`}) as failed_syncs
  `);
  const r = rowsOf<{ without_cost: number | null; latest: string | null; running_out: number; failed_syncs: number }>(
    result,
  )[0];
  let withoutCost = r?.without_cost ?? null;
  if (withoutCost === null) {
    const period = { from: scope.from, to: clampPeriodEnd(scope.to, r?.latest ?? null) };
    if (await keepRequestedSkuPeriod(db, period))
      withoutCost = rowsOf<{ n: number | null }>(await db.execute(sql`select ${keptCount} as n`))[0]?.n ?? null;
    // nothing kept (a recalculation is running, or no SKU at all): every SKU's missing-cost rows
    withoutCost ??= rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from sku s
        where ${storeCondition(scope.accountId)} and exists (
          select 1 from metrics_daily m
          where m.sku_id = s.id and m.d between ${scope.from}::date and ${scope.to}::date and m.qty > 0 and m.cogs is null)`),
    )[0]?.n;
  }
  return { skusWithoutCost: int(withoutCost), runningOut: int(r?.running_out), failedSyncs: int(r?.failed_syncs) };
}
