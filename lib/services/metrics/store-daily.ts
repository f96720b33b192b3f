// metrics_store_daily: metrics_daily summed per store and day, plus the store's finance lines that
// name no SKU, so the Overview reads a few hundred rows for a year instead of every SKU x day.
// recalculateMetrics rewrites the days it recalculates in the same transaction.
import { type SQL, sql } from "drizzle-orm";
import { eachLine, sumOfLines } from "@/lib/domain/pnl-lines";

const lineSums = sql.raw(eachLine((l) => `sum(m.${l}) AS ${l}`));
const storeLevelPayout = sql.raw(sumOfLines("f"));

/** Replaces the per-store totals of from..to with the sums of metrics_daily and store-level lines. */
export function refreshStoreDailyStatements(from: string, to: string): SQL[] {
  return [
    sql`DELETE FROM metrics_store_daily WHERE d BETWEEN ${from}::date AND ${to}::date`,
    sql`
    WITH sku_days AS (
      SELECT m.d, s.account_id,
        sum(m.qty) AS qty, sum(m.refunds_qty) AS refunds_qty, sum(m.net_sales) AS net_sales,
        ${lineSums}, sum(m.estimated_commission) AS estimated_commission,
        sum(m.estimated_logistics) AS estimated_logistics, sum(m.provisional_sales) AS provisional_sales,
        sum(m.payout) AS payout,
        coalesce(sum(m.cogs), 0) AS cogs, coalesce(sum(m.profit), 0) AS profit,
        coalesce(sum(m.net_sales) FILTER (WHERE m.cogs IS NOT NULL), 0) AS net_sales_with_cost,
        coalesce(sum(m.net_sales) FILTER (WHERE m.cogs IS NULL AND m.qty > 0), 0) AS net_sales_without_cost,
        count(*) FILTER (WHERE m.qty <> 0 OR m.refunds_qty <> 0 OR m.payout <> 0) AS active_skus,
        coalesce(bool_or(NOT m.is_settled AND (m.qty <> 0 OR m.refunds_qty <> 0)), false) AS has_provisional,
        coalesce(bool_or(m.is_commission_estimated), false) AS has_estimated_commission,
        coalesce(bool_or(m.is_logistics_estimated), false) AS has_estimated_logistics
      FROM metrics_daily m JOIN sku s ON s.id = m.sku_id
      WHERE m.d BETWEEN ${from}::date AND ${to}::date
      GROUP BY m.d, s.account_id
    ),
    store_days AS (
      SELECT f.d, f.account_id, sum(${storeLevelPayout}) AS store_level_payout
      FROM finance_lines f
      WHERE f.sku_id IS NULL AND f.d BETWEEN ${from}::date AND ${to}::date
      GROUP BY f.d, f.account_id
    )
    INSERT INTO metrics_store_daily (d, account_id, qty, refunds_qty, net_sales, ${sql.raw(eachLine((l) => l))},
      estimated_commission, estimated_logistics, provisional_sales, payout, store_level_payout, cogs, profit, net_sales_with_cost, net_sales_without_cost, active_skus,
      has_provisional, has_estimated_commission, has_estimated_logistics)
    SELECT coalesce(k.d, st.d), coalesce(k.account_id, st.account_id),
      coalesce(k.qty, 0), coalesce(k.refunds_qty, 0), coalesce(k.net_sales, 0),
      ${sql.raw(eachLine((l) => `coalesce(k.${l}, 0)`))},
      coalesce(k.estimated_commission, 0), coalesce(k.estimated_logistics, 0), coalesce(k.provisional_sales, 0),
      coalesce(k.payout, 0), coalesce(st.store_level_payout, 0), coalesce(k.cogs, 0), coalesce(k.profit, 0),
      coalesce(k.net_sales_with_cost, 0), coalesce(k.net_sales_without_cost, 0), coalesce(k.active_skus, 0),
      coalesce(k.has_provisional, false), coalesce(k.has_estimated_commission, false),
      coalesce(k.has_estimated_logistics, false)
    FROM sku_days k
    FULL JOIN store_days st ON st.d = k.d AND st.account_id IS NOT DISTINCT FROM k.account_id`,
  ];
}
