// The SKU table's period rows: every SKU's totals for a period (from the running totals of
// metrics_sku_cumulative: the row at the period's end minus the one before its start) with its latest
// velocity, stock and cover. recalculateMetrics keeps them for the header's preset periods of the
// business day it runs on (metrics_sku_period, read along an index in sort order); any other period's
// first request computes them with the same SQL and keeps them until the next recalculation.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { PERIOD_PRESETS, presetRange } from "@/lib/domain/periods";
import { RUNNING_COLUMNS } from "./sku-cumulative";
import { updateWhenChanged } from "./upsert-changed";

/** The columns of a period row, in metrics_sku_period's order after (period_from, period_to). */
export const PERIOD_ROW_COLUMNS = [
  "sku_id",
  "account_id",
  "article_key",
  "units",
  "refunds",
  "net_sales",
  "payout",
  "net_sales_with_cost",
  "cogs",
  "profit",
  "margin",
  "is_missing_cost",
  "is_provisional",
  "is_estimated",
  "sv7",
  "sv14",
  "sv28",
  "on_hand",
  "in_transit",
  "cover_days",
] as const;

/**
 * Natural sort key of an article (immutable SQL on `expr`): every digit run is zero-padded to 20
 * digits, so "OZ-2" < "OZ-10"; lower-cased so case does not split the order.
 */
export function articleKeySql(expr: SQL): SQL {
  return sql`lower(regexp_replace(regexp_replace(${expr}, ${String.raw`(\d+)`}, ${String.raw`00000000000000000000\1`}, 'g'), ${String.raw`0*(\d{20})`}, ${String.raw`\1`}, 'g'))`;
}

/** The natural-order key of SKU `alias` (its article, else its marketplace id). */
export function skuArticleKeySql(alias: string): SQL {
  const s = sql.raw(alias);
  return articleKeySql(sql`coalesce(${s}.article, coalesce(${s}.nm_id, ${s}.ozon_id)::text)`);
}

/** `alias.c` for every running total, each falling back through `sources` in order, else zero. */
function runningColumns(sources: string[]): SQL {
  return sql.raw(
    RUNNING_COLUMNS.map((c) => `coalesce(${[...sources.map((a) => `${a}.${c}`), "0"].join(", ")}) as ${c}`).join(", "),
  );
}

/**
 * The period rows of every SKU s (filtered by `where`, on sku s) for each of `periods`, in one pass:
 * the running rows of all SKUs on the periods' bound days are read once (index ranges on
 * metrics_sku_cumulative's day-first index) and joined per period. Every SKU normally has a running
 * row on those days; one without (created or recalculated later) falls back to its own latest row
 * before the bound (h1, l1). A SKU without a cost price effective by the period's end has no COGS,
 * profit or margin. Columns: period_from, period_to, then PERIOD_ROW_COLUMNS. `articleKey: false` leaves
 * article_key NULL: its two regular expressions cost about half of a request's period (10 us a SKU), and a
 * page sorted by anything else needs the key only for its rows without a number (skuArticleKeySql).
 */
export function skuPeriodRowsSql(
  periods: Period[],
  where: SQL = sql`true`,
  options: { articleKey?: boolean } = {},
): SQL {
  const values = sql.join(
    periods.map((p) => sql`(${p.from}::date, ${p.to}::date)`),
    sql`, `,
  );
  return sql`
    with periods (pf, pt) as (values ${values}),
    b as materialized (
      select pf, pt,
        (select max(d) from metrics_sku_cumulative where d <= pt) as hi_d,
        (select max(d) from metrics_sku_cumulative where d < pf) as lo_d,
        (select max(d) from metrics_daily where d <= pt) as l_d
      from periods
    ),
    k as materialized (
      select s.id, s.account_id, ${options.articleKey === false ? sql`null::text` : skuArticleKeySql("s")} as article_key,
        (select min(h.dt_from) from cost_price_history h where h.sku_id = s.id) as first_cost
      from sku s where ${where}
    ),
    -- the bound days' rows, read day by day along the day-first covering indexes: a semi-join on the
    -- day list was planned as a scan of the whole table, which grows with the history kept
    cum as materialized (
      select c.* from (select hi_d as d from b union select lo_d from b) bd
      -- offset 0: pulled up, the lateral becomes the hash join over the whole table again
      cross join lateral (select * from metrics_sku_cumulative c where c.d = bd.d offset 0) c
    ),
    lat as materialized (
      select m.sku_id, m.d, m.sv7, m.sv14, m.sv28, m.on_hand, m.in_transit, m.stock_cover_days
      from (select distinct l_d as d from b) ld
      cross join lateral (select * from metrics_daily m where m.d = ld.d offset 0) m
    )
    select b.pf as period_from, b.pt as period_to, k.id as sku_id, k.account_id, k.article_key,
      coalesce(p.units, 0) as units, coalesce(p.refunds, 0) as refunds,
      coalesce(p.net_sales, 0) as net_sales, coalesce(p.payout, 0) as payout,
      case when hc.has_cost then coalesce(p.net_sales_with_cost, 0) else 0 end as net_sales_with_cost,
      case when hc.has_cost then coalesce(p.cogs, 0) end as cogs,
      case when hc.has_cost then coalesce(p.profit, 0) end as profit,
      case when hc.has_cost and p.net_sales_with_cost > 0
           then least(999999999999.99, greatest(-999999999999.99, round(p.profit * 100 / p.net_sales_with_cost, 2))) end as margin,
      coalesce(p.missing_cost, false) as is_missing_cost, coalesce(p.provisional, false) as is_provisional,
      coalesce(p.estimated, false) as is_estimated,
      l.sv7, l.sv14, l.sv28, l.on_hand, l.in_transit, l.stock_cover_days as cover_days
    from b cross join k
    left join cum h0 on h0.sku_id = k.id and h0.d = b.hi_d
    left join lateral (
      select * from metrics_sku_cumulative c
      where h0.sku_id is null and c.sku_id = k.id and c.d <= b.pt order by c.d desc limit 1
    ) h1 on true
    left join cum l0 on l0.sku_id = k.id and l0.d = b.lo_d
    left join lateral (
      select * from metrics_sku_cumulative c
      where l0.sku_id is null and b.lo_d is not null and c.sku_id = k.id and c.d < b.pf order by c.d desc limit 1
    ) l1 on true
    cross join lateral (select ${runningColumns(["h0", "h1"])}) hi
    cross join lateral (select ${runningColumns(["l0", "l1"])}) lo
    left join lateral (
      select hi.qty - lo.qty as units,
        hi.refunds_qty - lo.refunds_qty as refunds,
        hi.net_sales - lo.net_sales as net_sales,
        hi.payout - lo.payout as payout,
        hi.net_sales_with_cost - lo.net_sales_with_cost as net_sales_with_cost,
        hi.cogs - lo.cogs as cogs,
        hi.profit - lo.profit as profit,
        hi.missing_cost_days > lo.missing_cost_days as missing_cost,
        hi.provisional_days > lo.provisional_days as provisional,
        hi.estimated_days > lo.estimated_days as estimated
      where hi.days > lo.days
    ) p on true
    cross join lateral (select coalesce(k.first_cost <= b.pt, false) as has_cost) hc
    left join lat l on l.sku_id = k.id and l.d = b.l_d`;
}

export interface Period {
  from: string;
  to: string;
}

/**
 * The periods the recalculation keeps in metrics_sku_period: the header's presets (yesterday, the last 7
 * and 30 days, this and last month, this quarter) as they read on the business day `today`, each end
 * after the latest recalculated day `latest` stored as `latest` (the same rows; readers clamp the
 * requested end the same way, clampPeriodEnd), a preset starting after `latest` left out. Each costs
 * every recalculation a row per SKU, so any other period (a custom range, the presets of a day the
 * recalculation did not run for, as between midnight and the nightly run) is kept on its first request
 * instead (keepRequestedSkuPeriod).
 */
export function presetPeriods(latest: string, today: string): Period[] {
  const out = new Map<string, Period>();
  for (const preset of PERIOD_PRESETS) {
    const p = presetRange(preset, today);
    const to = clampPeriodEnd(p.to, latest);
    if (p.from <= to) out.set(`${p.from}/${to}`, { from: p.from, to });
  }
  return [...out.values()];
}

/** A period's end after the latest recalculated day holds the same rows as one ending on it. */
export function clampPeriodEnd(to: string, latest: string | null): string {
  return latest !== null && to > latest ? latest : to;
}

/**
 * Rewrites metrics_sku_period and its per-store totals for the preset periods of `today` (presetPeriods):
 * every other period's rows (yesterday's presets, requested periods) go; a preset's rows already there (a
 * rerun on the same day: a sync, a cost price edit) are rewritten only where their numbers changed.
 */
export function refreshSkuPeriodStatements(latest: string | null, today: string): SQL[] {
  // no data yet, or none reaching the presets (every one starts after the latest day): nothing to keep
  const periods = latest === null ? [] : presetPeriods(latest, today);
  if (periods.length === 0) return [sql`DELETE FROM metrics_sku_period`, sql`DELETE FROM metrics_sku_period_totals`];
  const kept = sql.join(
    periods.map((p) => sql`(${p.from}::date, ${p.to}::date)`),
    sql`, `,
  );
  return [
    sql`DELETE FROM metrics_sku_period WHERE (period_from, period_to) NOT IN (VALUES ${kept})`,
    sql`DELETE FROM metrics_sku_period_totals`,
    ...insertSkuPeriodStatements(periods, null, true),
  ];
}

/**
 * Writes the rows of `periods` and their per-store totals; with `upsert`, a row already there is rewritten
 * only when its numbers changed (its totals must have been deleted).
 */
function insertSkuPeriodStatements(periods: Period[], requestedAt: SQL | null, upsert = false): SQL[] {
  const columns = sql.raw(PERIOD_ROW_COLUMNS.join(", "));
  const ranges = sql.join(
    periods.map((p) => sql`(period_from = ${p.from}::date AND period_to = ${p.to}::date)`),
    sql` OR `,
  );
  const changed = PERIOD_ROW_COLUMNS.filter((c) => c !== "sku_id");
  return [
    sql`
      INSERT INTO metrics_sku_period AS p (period_from, period_to, ${columns})
      SELECT period_from, period_to, ${columns} FROM (${skuPeriodRowsSql(periods)}) r
      -- a period's rows written together fill a few heap pages instead of one row in every few: a filtered
      -- page (text, brand) sums its matches by reading those pages
      ORDER BY period_from, period_to, sku_id
      ${upsert ? sql`ON CONFLICT (period_from, period_to, sku_id) ${updateWhenChanged("p", changed)}` : sql``}`,
    sql`
      INSERT INTO metrics_sku_period_totals (period_from, period_to, account_id, skus, units, refunds, net_sales, payout,
        net_sales_with_cost, cogs, profit, profit_skus, missing_cost_skus, requested_at)
      SELECT period_from, period_to, account_id, count(*), sum(units), sum(refunds), sum(net_sales), sum(payout),
        sum(net_sales_with_cost), coalesce(sum(cogs), 0), coalesce(sum(profit), 0), count(profit),
        count(*) FILTER (WHERE is_missing_cost), ${requestedAt ?? sql`NULL::timestamptz`}
      FROM metrics_sku_period WHERE ${ranges} GROUP BY period_from, period_to, account_id`,
  ];
}

/** How many requested periods (custom ranges) stay kept beside the presets until the next recalculation. */
export const REQUESTED_PERIODS_KEPT = 12;

/**
 * Keeps the rows of a period no recalculation keeps (a custom range on the SKU page), so its first
 * request computes every SKU's row once and the next ones (paging, sorting, filtering, other users)
 * read them along metrics_sku_period's indexes like a preset's. They stay until the next recalculation,
 * which rewrites the table; beyond REQUESTED_PERIODS_KEPT the longest kept go first.
 * Returns false, keeping nothing, while a recalculation runs (its rows would be stale when it commits):
 * the caller computes the period for that request alone. `period.to` is clamped (clampPeriodEnd).
 */
export async function keepRequestedSkuPeriod(db: Db, period: Period): Promise<boolean> {
  return db.transaction(async (tx) => {
    // one request computes a period; the others asking for it meanwhile wait here, then read its rows
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext('sovani.sku-period'), hashtext(${`${period.from}/${period.to}`}))`,
    );
    // the recalculation takes this lock exclusively for its whole transaction and rewrites the table
    // after it: holding it shared, the rows written here are either its input or deleted by it
    const [state] = rowsOf<{ free: boolean; kept: boolean }>(
      await tx.execute(sql`
        SELECT pg_try_advisory_xact_lock_shared(hashtext('sovani.recalculate-metrics')) AS free,
          EXISTS (SELECT 1 FROM metrics_sku_period_totals
                  WHERE period_from = ${period.from}::date AND period_to = ${period.to}::date) AS kept`),
    );
    if (state?.kept) return true;
    if (!state?.free) return false;
    await tx.execute(sql`
      WITH evicted AS (
        SELECT period_from, period_to FROM metrics_sku_period_totals WHERE requested_at IS NOT NULL
        GROUP BY period_from, period_to ORDER BY max(requested_at) DESC, period_from, period_to
        OFFSET ${REQUESTED_PERIODS_KEPT - 1}
      ),
      rows_gone AS (
        DELETE FROM metrics_sku_period p USING evicted e
        WHERE p.period_from = e.period_from AND p.period_to = e.period_to
      )
      DELETE FROM metrics_sku_period_totals t USING evicted e
      WHERE t.period_from = e.period_from AND t.period_to = e.period_to`);
    for (const statement of insertSkuPeriodStatements([period], sql`now()`)) await tx.execute(statement);
    return true;
  });
}
