import "server-only";
// Overview reads: the period's P&L tiles with the previous period, the P&L series, and what needs attention.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { type Bucket, bucketFor, type DashboardScope, previousPeriod } from "./scope";
import { int, num, storeCondition } from "./sql-helpers";

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

/** Tiles of the overview: one scan over both periods, split with FILTER. */
export async function queryOverviewTiles(db: Db, scope: DashboardScope): Promise<OverviewTiles> {
  const prev = previousPeriod(scope);
  const join = scope.accountId === null ? sql`` : sql`join sku s on s.id = m.sku_id`;
  const cur = sql`m.d >= ${scope.from}::date`;
  const result = await db.execute(sql`
    select
      sum(m.revenue_net) filter (where ${cur})::text as cur_revenue_net,
      sum(m.cogs) filter (where ${cur})::text as cur_cogs,
      sum(m.profit) filter (where ${cur})::text as cur_profit,
      sum(m.qty) filter (where ${cur})::bigint as cur_units,
      sum(m.refunds_qty) filter (where ${cur})::bigint as cur_refunds,
      sum(m.revenue_net) filter (where ${cur} and m.cogs is null and m.qty > 0)::text as cur_revenue_without_cost,
      sum(m.revenue_net) filter (where not ${cur})::text as prev_revenue_net,
      sum(m.cogs) filter (where not ${cur})::text as prev_cogs,
      sum(m.profit) filter (where not ${cur})::text as prev_profit,
      sum(m.qty) filter (where not ${cur})::bigint as prev_units,
      sum(m.refunds_qty) filter (where not ${cur})::bigint as prev_refunds,
      sum(m.revenue_net) filter (where not ${cur} and m.cogs is null and m.qty > 0)::text as prev_revenue_without_cost,
      coalesce(bool_or(not m.is_settled and (m.qty <> 0 or m.refunds_qty <> 0)) filter (where ${cur}), false) as has_provisional,
      coalesce(bool_or(m.is_commission_estimated) filter (where ${cur}), false) as has_estimated,
      count(*) filter (where ${cur} and (m.qty <> 0 or m.refunds_qty <> 0 or m.revenue_net <> 0))::int as active_rows
    from metrics_daily m ${join}
    where m.d between ${prev.from}::date and ${scope.to}::date and ${storeCondition(scope.accountId)}
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
export async function queryPnlSeries(db: Db, scope: DashboardScope, bucket: Bucket = bucketFor(scope)): Promise<PnlSeries> {
  const join = scope.accountId === null ? sql`` : sql`join sku s on s.id = m.sku_id`;
  const key = bucket === "day" ? sql`m.d` : sql.raw(`date_trunc('${bucket}', m.d::timestamp)::date`);
  const result = await db.execute(sql`
    select ${key}::text as d,
      sum(m.revenue_gross - m.refunds_amount)::text as revenue,
      sum(m.commission_amount + m.delivery_cost + m.promo_cost + coalesce(m.cogs, 0))::text as costs,
      coalesce(sum(m.profit), 0)::text as profit,
      sum(m.revenue_net)::text as revenue_net,
      coalesce(sum(m.cogs), 0)::text as cogs,
      sum(m.qty)::bigint as units,
      bool_or(not m.is_settled and (m.qty <> 0 or m.refunds_qty <> 0)) as provisional,
      bool_or(m.is_commission_estimated) as estimated
    from metrics_daily m ${join}
    where m.d between ${scope.from}::date and ${scope.to}::date and ${storeCondition(scope.accountId)}
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
      (select count(distinct m.sku_id)::int from metrics_daily m join sku s on s.id = m.sku_id
        where m.d between ${scope.from}::date and ${scope.to}::date and m.qty > 0 and m.cogs is null
          and ${storeCondition(scope.accountId)}) as without_cost,
      (select count(*)::int from sku s
        cross join lateral (select m.stock_cover_days from metrics_daily m
          where m.sku_id = s.id and m.d <= ${scope.to}::date order by m.d desc limit 1) last
        where last.stock_cover_days < 7 and ${storeCondition(scope.accountId)}) as running_out,
      (select count(*)::int from sync_runs r
        where r.status in ('failed', 'partial') and r.started_at >= ${scope.from}::date - interval '1 day'
          and ${scope.accountId === null ? sql`true` : sql`r.account_id = ${scope.accountId}`}) as failed_syncs
  `);
  const r = rowsOf<{ without_cost: number; running_out: number; failed_syncs: number }>(result)[0];
  return { skusWithoutCost: int(r?.without_cost), runningOut: int(r?.running_out), failedSyncs: int(r?.failed_syncs) };
}
