// daily_sales and daily_returns of one store and day range, derived in SQL from its order and finance
// lines: every finance line naming a SKU counts on its own day; every sale or return order line that
// no finance line settles yet (same order key, SKU and direction) counts on its own day as
// provisional, with the commission its feed states. A unit is therefore counted once, whatever days
// its order and its settlement fall on.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { eachLine, PNL_LINES, type PnlLine } from "@/lib/domain/pnl-lines";
import type { SourceContext, SourceSummary } from "./context";
import { type DeriveCounts, replaceDerivedRows } from "./replace-derived-rows";
import { derivationStart, orderLineSettled } from "./settlement-window";

const DAILY_SALES_COLUMNS = [
  "account_id",
  "channel",
  "qty",
  "refunds_qty",
  "provisional_qty",
  "provisional_refunds_qty",
  "provisional_sales",
  "unpriced_sales",
  ...PNL_LINES,
  "is_settled",
] as const;

const lines = (fragment: (line: PnlLine) => string) => sql.raw(eachLine(fragment));

/** Rewrites daily_sales and daily_returns of the store for [from, to] (one transaction). */
export async function deriveDailySales(db: Db, accountId: number, from: string, to: string): Promise<DeriveCounts> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      CREATE TEMP TABLE derived_daily_sales ON COMMIT DROP AS
      WITH fin AS (
        SELECT f.d, f.sku_id, coalesce(f.warehouse_id, o.warehouse_id) AS warehouse_id,
               coalesce(f.channel, o.channel, 'FBO') AS channel,
               -- Ozon accruals state no quantity (one entry per posting product): the posting does
               CASE WHEN f.settles <> 'sale' THEN 0
                    WHEN f.marketplace = 'OZON' AND o.qty IS NOT NULL THEN o.qty * sign(f.qty)::int
                    ELSE f.qty END AS qty,
               CASE WHEN f.settles = 'return' THEN f.qty ELSE 0 END AS refunds_qty,
               0 AS provisional_qty, 0 AS provisional_refunds_qty,
               0::numeric AS provisional_sales, 0::numeric AS unpriced_sales,
               ${lines((l) => `f.${l}`)}
        FROM finance_lines f
        -- Ozon accruals name no warehouse and no quantity: the posting's are borrowed
        LEFT JOIN LATERAL (
          SELECT o.warehouse_id, o.channel, o.qty FROM order_lines o
          WHERE o.account_id = f.account_id AND o.order_key = f.order_key AND o.sku_id = f.sku_id
          ORDER BY o.kind = 'sale' DESC, o.id LIMIT 1
        ) o ON f.order_key IS NOT NULL AND (f.warehouse_id IS NULL OR f.marketplace = 'OZON')
        WHERE f.account_id = ${accountId}::int AND f.sku_id IS NOT NULL AND f.d BETWEEN ${from}::date AND ${to}::date
      ),
      prov AS (
        SELECT o.d, o.sku_id, o.warehouse_id, o.channel,
               CASE WHEN o.kind = 'sale' THEN o.qty ELSE 0 END AS qty,
               CASE WHEN o.kind = 'return' THEN o.qty ELSE 0 END AS refunds_qty,
               CASE WHEN o.kind = 'sale' THEN o.qty ELSE 0 END AS provisional_qty,
               CASE WHEN o.kind = 'return' THEN o.qty ELSE 0 END AS provisional_refunds_qty,
               CASE WHEN o.kind = 'sale' THEN o.amount ELSE -o.amount END AS provisional_sales,
               CASE WHEN o.feed_commission IS NOT NULL THEN 0
                    WHEN o.kind = 'sale' THEN o.amount ELSE -o.amount END AS unpriced_sales,
               CASE WHEN o.kind = 'sale' THEN o.amount ELSE 0 END AS sales,
               CASE WHEN o.kind = 'return' THEN -o.amount ELSE 0 END AS returns,
               CASE WHEN o.kind = 'sale' THEN -coalesce(o.feed_commission, 0)
                    ELSE coalesce(o.feed_commission, 0) END AS commission,
               ${sql.raw(
                 PNL_LINES.filter((l) => !["sales", "returns", "commission"].includes(l))
                   .map((l) => `0::numeric AS ${l}`)
                   .join(", "),
               )}
        FROM order_lines o
        WHERE o.account_id = ${accountId}::int AND o.kind IN ('sale', 'return')
          AND o.d BETWEEN ${from}::date AND ${to}::date AND NOT ${orderLineSettled("o")}
      )
      SELECT d, sku_id, warehouse_id, ${accountId}::int AS account_id, min(channel) AS channel,
             sum(qty)::int AS qty, sum(refunds_qty)::int AS refunds_qty,
             sum(provisional_qty)::int AS provisional_qty, sum(provisional_refunds_qty)::int AS provisional_refunds_qty,
             sum(provisional_sales) AS provisional_sales, sum(unpriced_sales) AS unpriced_sales,
             ${lines((l) => `sum(${l}) AS ${l}`)},
             sum(provisional_qty) = 0 AND sum(provisional_refunds_qty) = 0 AS is_settled
      FROM (SELECT * FROM fin UNION ALL SELECT * FROM prov) x
      GROUP BY d, sku_id, warehouse_id`);
    const counts = await replaceDerivedRows(
      tx,
      {
        table: "daily_sales",
        derived: "derived_daily_sales",
        key: ["d", "sku_id", "warehouse_id"],
        columns: DAILY_SALES_COLUMNS,
      },
      accountId,
      from,
      to,
    );
    await deriveDailyReturns(tx, accountId, from, to);
    return counts;
  });
}

/**
 * Returned units per day and SKU with the day their sale was counted: the settling finance line's day
 * when the sale is settled, else the sale order line's day.
 */
async function deriveDailyReturns(tx: Db, accountId: number, from: string, to: string) {
  await tx.execute(sql`
    DELETE FROM daily_returns WHERE account_id = ${accountId}::int AND d BETWEEN ${from}::date AND ${to}::date`);
  await tx.execute(sql`
    INSERT INTO daily_returns (account_id, d, sku_id, sale_d, qty)
    SELECT ${accountId}::int, r.d, r.sku_id, r.sale_d, sum(r.qty)::int
    FROM (
      SELECT f.d, f.sku_id, f.qty, f.order_key FROM finance_lines f
      WHERE f.account_id = ${accountId}::int AND f.settles = 'return' AND f.sku_id IS NOT NULL
        AND f.d BETWEEN ${from}::date AND ${to}::date
      UNION ALL
      SELECT o.d, o.sku_id, o.qty, o.order_key FROM order_lines o
      WHERE o.account_id = ${accountId}::int AND o.kind = 'return'
        AND o.d BETWEEN ${from}::date AND ${to}::date AND NOT ${orderLineSettled("o")}
    ) r0
    CROSS JOIN LATERAL (
      SELECT r0.d, r0.sku_id, r0.qty, coalesce(
        (SELECT min(s.d) FROM finance_lines s
          WHERE s.account_id = ${accountId}::int AND s.order_key = r0.order_key AND s.sku_id = r0.sku_id
            AND s.settles = 'sale' AND s.qty > 0),
        (SELECT min(s.d) FROM order_lines s
          WHERE s.account_id = ${accountId}::int AND s.order_key = r0.order_key AND s.sku_id = r0.sku_id
            AND s.kind = 'sale')) AS sale_d
    ) r
    WHERE r.qty <> 0
    GROUP BY r.d, r.sku_id, r.sale_d`);
}

/** The sync's derivation step: the store's days from derivationStart(from) to `to`. */
export async function deriveStoreDailySales(ctx: SourceContext, summary: SourceSummary) {
  const counts = await deriveDailySales(ctx.db, ctx.accountId, derivationStart(ctx.from), ctx.to);
  summary.fetched += counts.rows;
  summary.inserted += counts.inserted;
  summary.updated += counts.updated;
  summary.unchanged += counts.rows - counts.inserted - counts.updated;
  if (counts.deleted > 0) (summary.warnings ??= []).push(`${counts.deleted} superseded rows removed`);
}
