// daily_orders of one store and day range, derived in SQL from the order lines that are orders
// (ordered_at set: WB orders by srid, Ozon posting x SKU). Each unit counts once on its order day and
// warehouse; its fate is read from the line itself (cancellation, the feed's outcome) or from the
// lines that followed it: a sale line or a finance line settling a sale with the same order key and SKU
// means bought out, a return line or a finance line settling a return means returned.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { SourceContext, SourceSummary } from "./context";
import { type DeriveCounts, replaceDerivedRows } from "./replace-derived-rows";
import { derivationStart } from "./settlement-window";

const DAILY_ORDERS_COLUMNS = [
  "account_id",
  "channel",
  "ordered_qty",
  "ordered_value",
  "cancelled_qty",
  "cancelled_value",
  "bought_out_qty",
  "returned_qty",
] as const;

/** Rewrites daily_orders of the store for [from, to] (one transaction). */
export async function deriveDailyOrders(db: Db, accountId: number, from: string, to: string): Promise<DeriveCounts> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      CREATE TEMP TABLE derived_daily_orders ON COMMIT DROP AS
      WITH o AS (
        SELECT o.d, o.sku_id, o.warehouse_id, o.channel, coalesce(o.buyer_district, '') AS buyer_district,
               o.qty, o.amount, o.kind = 'cancellation' AS cancelled,
               -- bought out: the feed says so, or a sale (feed row or settling finance line) followed
               o.kind <> 'cancellation' AND (
                 o.outcome IN ('buyout', 'return') OR o.kind = 'sale'
                 OR EXISTS (SELECT 1 FROM order_lines s
                            WHERE s.account_id = o.account_id AND s.order_key = o.order_key
                              AND s.sku_id = o.sku_id AND s.kind = 'sale' AND s.ordered_at IS NULL)
                 OR EXISTS (SELECT 1 FROM finance_lines f
                            WHERE f.account_id = o.account_id AND f.order_key = o.order_key
                              AND f.sku_id = o.sku_id AND f.settles = 'sale' AND f.qty > 0)) AS bought,
               CASE WHEN o.outcome = 'return' THEN o.qty
                    ELSE least(o.qty, greatest(
                      (SELECT coalesce(sum(r.qty), 0) FROM order_lines r
                        WHERE r.account_id = o.account_id AND r.order_key = o.order_key
                          AND r.sku_id = o.sku_id AND r.kind = 'return'),
                      (SELECT coalesce(sum(f.qty), 0) FROM finance_lines f
                        WHERE f.account_id = o.account_id AND f.order_key = o.order_key
                          AND f.sku_id = o.sku_id AND f.settles = 'return'))) END AS returned
        FROM order_lines o
        WHERE o.account_id = ${accountId}::int AND o.ordered_at IS NOT NULL
          AND o.d BETWEEN ${from}::date AND ${to}::date
      )
      SELECT d, sku_id, warehouse_id, buyer_district, ${accountId}::int AS account_id, min(channel) AS channel,
             sum(qty)::int AS ordered_qty, sum(amount) AS ordered_value,
             coalesce(sum(qty) FILTER (WHERE cancelled), 0)::int AS cancelled_qty,
             coalesce(sum(amount) FILTER (WHERE cancelled), 0) AS cancelled_value,
             coalesce(sum(qty) FILTER (WHERE bought), 0)::int AS bought_out_qty,
             coalesce(sum(returned) FILTER (WHERE bought), 0)::int AS returned_qty
      FROM o
      GROUP BY d, sku_id, warehouse_id, buyer_district`);
    return replaceDerivedRows(
      tx,
      {
        table: "daily_orders",
        derived: "derived_daily_orders",
        key: ["d", "sku_id", "warehouse_id", "buyer_district"],
        columns: DAILY_ORDERS_COLUMNS,
      },
      accountId,
      from,
      to,
    );
  });
}

/**
 * The days a sync must re-derive: from derivationStart(from) (finance lines read now settle orders
 * up to that far back) or the earliest order day among the order lines this run wrote (a cancellation
 * flips an order weeks old), or every day when the store has no daily_orders yet (after an upgrade);
 * up to the last order day the store has.
 */
export async function dailyOrdersRange(ctx: SourceContext): Promise<{ from: string; to: string } | null> {
  const [row] = rowsOf<{ touched: string | null; first: string | null; last: string | null; derived: boolean }>(
    await ctx.db.execute(sql`
      SELECT
        (SELECT min(o.d)::text FROM order_lines o
          WHERE o.account_id = ${ctx.accountId}::int AND o.ordered_at IS NOT NULL
            AND o.updated_at >= (SELECT started_at FROM sync_runs WHERE id = ${ctx.runId})) AS touched,
        (SELECT min(o.d)::text FROM order_lines o
          WHERE o.account_id = ${ctx.accountId}::int AND o.ordered_at IS NOT NULL) AS first,
        (SELECT max(o.d)::text FROM order_lines o
          WHERE o.account_id = ${ctx.accountId}::int AND o.ordered_at IS NOT NULL) AS last,
        EXISTS (SELECT 1 FROM daily_orders WHERE account_id = ${ctx.accountId}::int) AS derived`),
  );
  if (!row?.first || !row.last) return null;
  const derived = row.derived === true || (row.derived as unknown) === "t";
  let from = derivationStart(ctx.from);
  const earliest = derived ? row.touched : row.first;
  if (earliest && earliest < from) from = earliest;
  const to = row.last > ctx.to ? row.last : ctx.to;
  return { from, to };
}

/** The sync's derivation step for daily_orders. */
export async function deriveStoreDailyOrders(ctx: SourceContext, summary: SourceSummary) {
  const range = await dailyOrdersRange(ctx);
  if (!range) return;
  const counts = await deriveDailyOrders(ctx.db, ctx.accountId, range.from, range.to);
  summary.fetched += counts.rows;
  summary.inserted += counts.inserted;
  summary.updated += counts.updated;
  summary.unchanged += counts.rows - counts.inserted - counts.updated;
  if (counts.deleted > 0) (summary.warnings ??= []).push(`${counts.deleted} superseded rows removed`);
}
