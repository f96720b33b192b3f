// metrics_store_daily: metrics_daily summed per store and day, so the Overview reads a few hundred
// rows for a year instead of every SKU x day. recalculateMetrics rewrites the days it recalculates in
// the same transaction; the migration that created the table ran the same sums once over all days.
import { type SQL, sql } from "drizzle-orm";

/** Replaces the per-store totals of from..to with the sums of metrics_daily (two statements). */
export function refreshStoreDailyStatements(from: string, to: string): SQL[] {
  return [
    sql`DELETE FROM metrics_store_daily WHERE d BETWEEN ${from}::date AND ${to}::date`,
    sql`
    INSERT INTO metrics_store_daily (d, account_id, qty, refunds_qty, revenue, fees, revenue_net, cogs, profit,
      revenue_without_cost, active_skus, has_provisional, has_estimated_commission)
    SELECT m.d, s.account_id,
      sum(m.qty), sum(m.refunds_qty),
      sum(m.revenue_gross - m.refunds_amount),
      sum(m.commission_amount + m.delivery_cost + m.promo_cost),
      sum(m.revenue_net),
      coalesce(sum(m.cogs), 0),
      coalesce(sum(m.profit), 0),
      coalesce(sum(m.revenue_net) FILTER (WHERE m.cogs IS NULL AND m.qty > 0), 0),
      count(*) FILTER (WHERE m.qty <> 0 OR m.refunds_qty <> 0 OR m.revenue_net <> 0),
      coalesce(bool_or(NOT m.is_settled AND (m.qty <> 0 OR m.refunds_qty <> 0)), false),
      coalesce(bool_or(m.is_commission_estimated), false)
    FROM metrics_daily m JOIN sku s ON s.id = m.sku_id
    WHERE m.d BETWEEN ${from}::date AND ${to}::date
    GROUP BY m.d, s.account_id`,
  ];
}
