// metrics_sku_cumulative: running totals of metrics_daily per SKU, so a period's totals per SKU are two
// index probes (the running row at the period's end minus the one before its start) instead of a sum
// over every day of the period. recalculateMetrics runs this in the same transaction as the rows it sums;
// the migration that created the table ran the same running sums once over all days.
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { metricsSkuCumulative } from "@/db/schema/metrics";
import { updateWhenChanged } from "./upsert-changed";

/** SQL names of the running totals: every column of metrics_sku_cumulative but its key (sku_id, d) */
export const RUNNING_COLUMNS: readonly string[] = Object.values(getTableColumns(metricsSkuCumulative))
  .map((column) => column.name)
  .filter((name) => name !== "sku_id" && name !== "d");

/**
 * Rewrites the running totals of every metrics_daily row on or after `from` (all SKUs), continuing
 * from each SKU's last running row before `from`. Rows after the recalculated range are included:
 * a changed day shifts every later total. Only rows whose totals changed are written; with `isFirst`
 * (no running row on or after `from` yet: a first recalculation) they are plainly inserted, which
 * costs a third less per row than the upsert's conflict check, and in day order: the wide covering
 * (d, ...) index then grows at its right edge and only the narrow key (sku_id, d) takes scattered
 * inserts (see recalculateMetricsStatement on the cost of the other way round).
 */
export function refreshSkuCumulativeStatement(from: string, isFirst = false): SQL {
  const columns = sql.raw(RUNNING_COLUMNS.join(", "));
  /** the running totals of row `alias`, in RUNNING_COLUMNS' order */
  const totalsOf = (alias: string) => sql.raw(RUNNING_COLUMNS.map((c) => `${alias}.${c}`).join(", "));
  return sql`
    WITH base AS (
      SELECT s.id AS sku_id, ${totalsOf("b")}
      FROM sku s
      LEFT JOIN LATERAL (
        SELECT * FROM metrics_sku_cumulative c WHERE c.sku_id = s.id AND c.d < ${from}::date ORDER BY c.d DESC LIMIT 1
      ) b ON true
    ),
    running AS (
      SELECT m.sku_id, m.d,
        coalesce(b.days, 0) + count(*) OVER w AS days,
        coalesce(b.qty, 0) + sum(m.qty) OVER w AS qty,
        coalesce(b.refunds_qty, 0) + sum(m.refunds_qty) OVER w AS refunds_qty,
        coalesce(b.net_sales, 0) + sum(m.net_sales) OVER w AS net_sales,
        coalesce(b.payout, 0) + sum(m.payout) OVER w AS payout,
        coalesce(b.net_sales_with_cost, 0)
          + coalesce(sum(m.net_sales) FILTER (WHERE m.cogs IS NOT NULL) OVER w, 0) AS net_sales_with_cost,
        coalesce(b.cogs, 0) + coalesce(sum(m.cogs) OVER w, 0) AS cogs,
        coalesce(b.cogs_days, 0) + count(m.cogs) OVER w AS cogs_days,
        coalesce(b.profit, 0) + coalesce(sum(m.profit) OVER w, 0) AS profit,
        coalesce(b.profit_days, 0) + count(m.profit) OVER w AS profit_days,
        coalesce(b.missing_cost_days, 0) + count(*) FILTER (WHERE m.cogs IS NULL AND m.qty > 0) OVER w AS missing_cost_days,
        coalesce(b.provisional_days, 0)
          + count(*) FILTER (WHERE NOT m.is_settled AND (m.qty <> 0 OR m.refunds_qty <> 0)) OVER w AS provisional_days,
        coalesce(b.estimated_days, 0)
          + count(*) FILTER (WHERE m.is_commission_estimated OR m.is_logistics_estimated) OVER w AS estimated_days
      FROM metrics_daily m
      JOIN base b ON b.sku_id = m.sku_id
      WHERE m.d >= ${from}::date
      -- "+ 0": the rows come in SKU order from a sort, not along metrics_daily_sku_d_idx; over the rows a
      -- first recalculation has just written (in day order) that index walk reads the heap at random
      WINDOW w AS (PARTITION BY m.sku_id + 0 ORDER BY m.d ROWS UNBOUNDED PRECEDING)
    )
    ${
      isFirst
        ? sql`INSERT INTO metrics_sku_cumulative (sku_id, d, ${columns})
    SELECT sku_id, d, ${columns} FROM running ORDER BY d, sku_id`
        : sql`,
    -- the rows whose totals changed, found by one range read of the covering (d, ...) index rather
    -- than an arbiter probe per row: most of a nightly rerun's running rows come out as they were
    changed AS (
      SELECT r.* FROM running r
      LEFT JOIN metrics_sku_cumulative o ON o.sku_id = r.sku_id AND o.d = r.d AND o.d >= ${from}::date
      WHERE o.sku_id IS NULL OR (${totalsOf("o")}) IS DISTINCT FROM (${totalsOf("r")})
    )
    INSERT INTO metrics_sku_cumulative AS c (sku_id, d, ${columns})
    SELECT sku_id, d, ${columns} FROM changed
    ON CONFLICT (sku_id, d) ${updateWhenChanged("c", RUNNING_COLUMNS)}`
    }`;
}
