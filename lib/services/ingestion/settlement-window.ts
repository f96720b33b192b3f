// The settlement window: days whose money the marketplaces have not finished reporting. Every sync
// (nightly, Sync now, CLI) starts early enough to re-read them, so a WB daily report published late,
// money filled in late on the WB sales feed and Ozon accruals posted on delivery all land.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays } from "@/lib/domain/dates";

/** A sync re-reads at most this many days before its last day. */
export const SETTLEMENT_WINDOW_DAYS = 21;
/**
 * Deriving daily_sales after a sync of [from, to] also covers this many days before `from`: a
 * finance line read now may settle an order line dated up to this much earlier (an Ozon posting
 * ordered weeks before it is delivered), and that day loses its provisional sale.
 */
export const DERIVE_LOOKBACK_DAYS = 14;

/**
 * `EXISTS (...)`: a finance line settles the order line `alias` (same store, order key and SKU, same
 * direction; an open Ozon order is settled by the sale it turns into).
 */
export function orderLineSettled(alias: string): SQL {
  return sql.raw(`EXISTS (SELECT 1 FROM finance_lines f
      WHERE f.account_id = ${alias}.account_id AND f.order_key = ${alias}.order_key AND f.sku_id = ${alias}.sku_id
        AND (f.settles = ${alias}.kind OR (${alias}.kind = 'order' AND f.settles = 'sale')))`);
}

/** The first day daily_sales are re-derived after a sync starting on `from`. */
export function derivationStart(from: string): string {
  return addDays(from, -DERIVE_LOOKBACK_DAYS);
}

/**
 * The first day a sync of a store ending on `to` must read: the earliest day, within the window,
 * that holds a sale, return or open order no finance line settles yet, or that comes after the last
 * day the finance source reported; `to` itself when everything before it is settled.
 */
export async function settlementStart(db: Db, accountId: number, to: string): Promise<string> {
  const windowStart = addDays(to, -(SETTLEMENT_WINDOW_DAYS - 1));
  const [row] = rowsOf<{ open: string | null; reported: string | null; has_lines: boolean }>(
    await db.execute(sql`
      SELECT
        (SELECT min(o.d)::text FROM order_lines o
          WHERE o.account_id = ${accountId}::int AND o.d BETWEEN ${windowStart}::date AND ${to}::date
            AND o.kind IN ('sale', 'return', 'order')
            AND NOT ${orderLineSettled("o")}) AS open,
        (SELECT max(f.d)::text FROM finance_lines f
          WHERE f.account_id = ${accountId}::int AND f.d <= ${to}::date) AS reported,
        EXISTS (SELECT 1 FROM order_lines WHERE account_id = ${accountId}::int) AS has_lines`),
  );
  if (!row?.has_lines) return to;
  const afterReported = row.reported ? addDays(row.reported, 1) : windowStart;
  let start = to;
  for (const day of [row.open, afterReported]) if (day && day < start) start = day;
  return start < windowStart ? windowStart : start;
}
