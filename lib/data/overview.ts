import "server-only";
// Overview reads: the period's P&L tiles with the previous period and the P&L series (both from the
// per-store daily totals that recalculateMetrics keeps, see lib/services/metrics/store-daily.ts), and
// what needs attention.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { type Bucket, bucketFor, type DashboardScope, previousPeriod } from "./scope";
import { int, latestMetricsDay, num, storeCondition } from "./sql-helpers";

export interface PnlTotals {
  revenueNet: string;
  /** COGS of the units that have a cost price */
  cogs: string;
  /** profit of the rows whose COGS is known */
  profit: string;
  /** percent of net revenue, null when net revenue <= 0 */
  margin: string | null;
  units: number;
  refunds: number;
  /** net revenue of days where a SKU sold without a cost price (profit leaves it out) */
  revenueWithoutCost: string;
}

export interface OverviewTiles {
  current: PnlTotals;
  previous: PnlTotals;
  previousFrom: string;
  previousTo: string;
  /** some numbers of the period are not yet settled by the finance report */
  hasProvisional: boolean;
  /** some commissions of the period are estimated from commission rules */
  hasEstimatedCommission: boolean;
  hasData: boolean;
}

interface TotalsRow {
  revenue_net: string | null;
  cogs: string | null;
  profit: string | null;
  units: number | string | null;
  refunds: number | string | null;
  revenue_without_cost: string | null;
}

function totalsOf(row: TotalsRow | undefined): PnlTotals {
  const revenueNet = num(row?.revenue_net) ?? "0";
  const profit = num(row?.profit) ?? "0";
  const revenue = Number(revenueNet);
  // margin is displayed, not summed: a float division of two exact sums is fine here
  const margin = revenue > 0 ? ((Number(profit) / revenue) * 100).toFixed(2) : null;
  return {
    revenueNet,
    cogs: num(row?.cogs) ?? "0",
    profit,
    margin,
    units: int(row?.units),
    refunds: int(row?.refunds),
    revenueWithoutCost: num(row?.revenue_without_cost) ?? "0",
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
      sum(t.revenue_net) filter (where ${cur})::text as cur_revenue_net,
      sum(t.cogs) filter (where ${cur})::text as cur_cogs,
      sum(t.profit) filter (where ${cur})::text as cur_profit,
      sum(t.qty) filter (where ${cur})::bigint as cur_units,
      sum(t.refunds_qty) filter (where ${cur})::bigint as cur_refunds,
      sum(t.revenue_without_cost) filter (where ${cur})::text as cur_revenue_without_cost,
      sum(t.revenue_net) filter (where not ${cur})::text as prev_revenue_net,
      sum(t.cogs) filter (where not ${cur})::text as prev_cogs,
      sum(t.profit) filter (where not ${cur})::text as prev_profit,
      sum(t.qty) filter (where not ${cur})::bigint as prev_units,
      sum(t.refunds_qty) filter (where not ${cur})::bigint as prev_refunds,
      sum(t.revenue_without_cost) filter (where not ${cur})::text as prev_revenue_without_cost,
      coalesce(bool_or(t.has_provisional) filter (where ${cur}), false) as has_provisional,
      coalesce(bool_or(t.has_estimated_commission) filter (where ${cur}), false) as has_estimated,
      coalesce(sum(t.active_skus) filter (where ${cur}), 0)::int as active_rows
    from metrics_store_daily t
    where t.d between ${prev.from}::date and ${scope.to}::date and ${storeDailyCondition(scope.accountId)}
  `);
  const r = rowsOf<Record<string, string | number | boolean | null>>(result)[0] ?? {};
  const pick = (prefix: string): TotalsRow => ({
    revenue_net: r[`${prefix}_revenue_net`] as string | null,
    cogs: r[`${prefix}_cogs`] as string | null,
    profit: r[`${prefix}_profit`] as string | null,
    units: r[`${prefix}_units`] as number | null,
    refunds: r[`${prefix}_refunds`] as number | null,
    revenue_without_cost: r[`${prefix}_revenue_without_cost`] as string | null,
  });
  return {
    current: totalsOf(pick("cur")),
    previous: totalsOf(pick("prev")),
    previousFrom: prev.from,
    previousTo: prev.to,
    hasProvisional: Boolean(r.has_provisional),
    hasEstimatedCommission: Boolean(r.has_estimated),
    hasData: int(r.active_rows) > 0,
  };
}

export interface PnlPoint {
  /** first day of the bucket */
  d: string;
  /** gross sales minus refunds */
  revenue: string;
  /** marketplace fees (commission, logistics, promotion) plus known COGS */
  costs: string;
  profit: string;
  revenueNet: string;
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
      sum(t.revenue)::text as revenue,
      sum(t.fees + t.cogs)::text as costs,
      sum(t.profit)::text as profit,
      sum(t.revenue_net)::text as revenue_net,
      sum(t.cogs)::text as cogs,
      sum(t.qty)::bigint as units,
      bool_or(t.has_provisional) as provisional,
      bool_or(t.has_estimated_commission) as estimated
    from metrics_store_daily t
    where t.d between ${scope.from}::date and ${scope.to}::date and ${storeDailyCondition(scope.accountId)}
    group by 1 order by 1
  `);
  const points = rowsOf<Record<string, string | number | boolean | null>>(result).map((r) => ({
    d: String(r.d),
    revenue: num(r.revenue) ?? "0",
    costs: num(r.costs) ?? "0",
    profit: num(r.profit) ?? "0",
    revenueNet: num(r.revenue_net) ?? "0",
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
  const result = await db.execute(sql`
    select
      (select count(*)::int from sku s
        where ${storeCondition(scope.accountId)} and exists (
          select 1 from metrics_daily m
          where m.sku_id = s.id and m.d between ${scope.from}::date and ${scope.to}::date and m.qty > 0 and m.cogs is null)) as without_cost,
      (select count(*)::int from metrics_daily last join sku s on s.id = last.sku_id
        where last.d = ${latestMetricsDay(scope.to)} and last.stock_cover_days < 7 and ${storeCondition(scope.accountId)}) as running_out,
      (select count(*)::int from sync_runs r
        where r.status in ('failed', 'partial') and r.started_at >= ${scope.from}::date - interval '1 day'
          and ${scope.accountId === null ? sql`true` : sql`r.account_id = ${scope.accountId}`}) as failed_syncs
  `);
  const r = rowsOf<{ without_cost: number; running_out: number; failed_syncs: number }>(result)[0];
  return { skusWithoutCost: int(r?.without_cost), runningOut: int(r?.running_out), failedSyncs: int(r?.failed_syncs) };
}
