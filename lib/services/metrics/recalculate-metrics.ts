// Derives metrics_daily (P&L, velocity, stock cover) from the facts with one set-based statement
// over every SKU and day of the range. lib/domain holds the same rules as pure functions; the
// property test in recalculate-metrics.test.ts keeps the two in step.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addDays, businessToday, daysBetween, isIsoDay } from "@/lib/domain/dates";
import { logger } from "@/lib/logger";
import { eachLine, PNL_LINES, type PnlLine, sumOfLines } from "@/lib/domain/pnl-lines";
import { refreshSkuCumulativeStatement } from "./sku-cumulative";
import { refreshSkuPeriodStatements } from "./sku-period";
import { updateWhenChanged } from "./upsert-changed";
import { refreshCashflowDailyStatements } from "./cashflow-daily";
import { refreshStoreDailyStatements } from "./store-daily";

/** Longest range one call may recalculate (a little over ten years). */
export const MAX_RECALC_DAYS = 3700;
/** The nightly job recalculates this many days, so late corrections land. */
export const NIGHTLY_RECALC_DAYS = 35;

export interface RecalculateMetricsOptions {
  db: Db;
  /** first business day, YYYY-MM-DD */
  from: string;
  /** last business day, YYYY-MM-DD (inclusive) */
  to: string;
  /** velocity window for WB stock cover (default AGGR_DAYS_WB = 14) */
  aggrDaysWb?: number;
  /** velocity window for Ozon stock cover (default AGGR_DAYS_OZON = 28) */
  aggrDaysOzon?: number;
  /** the business day whose header presets the SKU table's period rows are kept for (default: today in APP_TIMEZONE) */
  today?: string;
}

export interface RecalculateMetricsResult {
  from: string;
  to: string;
  /** metrics_daily rows of the range (every SKU x every day) */
  rows: number;
  /** rows inserted or whose numbers changed */
  changed: number;
  /** SKU-days with sales but no cost price (cogs NULL) */
  daysMissingCost: number;
  /** SKUs with at least one such day: the UI asks for their cost price */
  skusMissingCost: number;
  /** SKU-days whose commission is (partly) estimated from commission_rules */
  daysCommissionEstimated: number;
  ms: number;
}

export function validateDayRange(from: string, to: string): void {
  const problems: Record<string, string> = {};
  if (!isIsoDay(from)) problems.from = `"${from}" is not a date in YYYY-MM-DD form`;
  if (!isIsoDay(to)) problems.to = `"${to}" is not a date in YYYY-MM-DD form`;
  if (Object.keys(problems).length === 0) {
    if (from > to) problems.to = `the range ends (${to}) before it starts (${from})`;
    else if (daysBetween(from, to) + 1 > MAX_RECALC_DAYS)
      problems.to = `the range is longer than ${MAX_RECALC_DAYS} days`;
  }
  if (Object.keys(problems).length > 0) {
    throw new AppError("VALIDATION", Object.values(problems).join("; "), problems);
  }
}

function checkWindow(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 365) {
    throw new AppError("VALIDATION", `${name} must be a whole number of days between 1 and 365, got ${value}`);
  }
  return value;
}

/** metrics_daily's derived numbers: an upsert rewrites a row only when one of them changed */
const METRICS_COLUMNS = [
  "qty",
  "refunds_qty",
  ...PNL_LINES,
  "estimated_commission",
  "estimated_logistics",
  "is_commission_estimated",
  "is_logistics_estimated",
  "is_settled",
  "provisional_sales",
  "net_sales",
  "payout",
  "cogs",
  "profit",
  "margin",
  "sv7",
  "sv14",
  "sv28",
  "on_hand",
  "in_transit",
  "stock_cover_days",
] as const;

/** Rows written by one recalculation above which the tables it wrote are analyzed before reading them again. */
const ANALYZE_AFTER_ROWS = 100_000;

/** Days of settled history before the range that the logistics estimate per unit draws on. */
export const LOGISTICS_RATE_DAYS = 56;

const each = (fragment: (line: PnlLine) => string, separator?: string) => sql.raw(eachLine(fragment, separator));

/**
 * The statement itself, exported so the bench can time it. Definitions (see lib/domain/pnl.ts): the
 * twelve P&L lines are daily_sales' sums per SKU and day; provisional sales whose feed gave no
 * commission get one estimated from commission_rules (estimated_commission, inside commission), and
 * provisional units get the SKU's settled logistics per unit sold over the range and the 56 days
 * before it, else the store's (estimated_logistics, inside logistics); payout = the twelve lines;
 * net_sales = sales + returns; cogs = units sold x the cost effective on d less units returned x
 * the cost effective on their sale's day, NULL when units sold without a cost price; profit = payout -
 * cogs; margin = profit / net_sales x 100 (NULL without cogs, 0 when net_sales <= 0); svN = units over
 * the last N days / N; stock_cover_days = (on_hand + in_transit) / velocity over the marketplace's
 * window, NULL without sales or without a stock snapshot on d.
 *
 * `rangeIsEmpty`: metrics_daily holds no row of from..to yet (a first recalculation, a history load
 * before the earliest day), so every row is plainly inserted. The upsert's arbiter check and
 * speculative insertion cost about a tenth of the statement; only one recalculation runs at a time
 * (advisory lock) and nothing else writes the table, so no row can appear in between. The rows go in
 * in day order: the window hands them over SKU by SKU, which would put each SKU's rows into the two
 * indexes that lead with the day (the unique key and the wide covering one the pages read) at one
 * place per day. Once those indexes outgrow the buffer cache (a year of 10,000 SKUs), every such
 * insert reads and dirties a page of its own, and each checkpoint during the load logs those pages
 * whole again. In day order they grow at their right edge, and only the narrow (sku_id, d) index
 * takes scattered inserts.
 */
export function recalculateMetricsStatement(
  from: string,
  to: string,
  wbDays: number,
  ozonDays: number,
  rangeIsEmpty = false,
) {
  const maxWindow = Math.max(28, wbDays, ozonDays);
  const windowStart = addDays(from, -(maxWindow - 1));
  const rateStart = addDays(from, -LOGISTICS_RATE_DAYS);
  const span = daysBetween(windowStart, to);
  // validated integers (checkWindow): frame offsets must be constants
  const wbFrame = sql.raw(String(wbDays - 1));
  const ozonFrame = sql.raw(String(ozonDays - 1));
  // logistics estimated for provisional units (in est, where sr and str are joined); multiplied
  // before dividing: a rounded rate x units can miss the kopeck the exact product rounds to. est
  // repeats it in three columns: it divides only for the few provisional rows, cheaper than another
  // fenced step
  const estimatedLogistics = sql`CASE WHEN w.provisional_qty > 0 AND coalesce(sr.units, str.units) IS NOT NULL
    THEN round(coalesce(sr.logistics, str.logistics) * w.provisional_qty / coalesce(sr.units, str.units), 2)
    ELSE 0 END`;
  return sql`
    WITH rules AS (
      SELECT id, marketplace, channel, dt_from, rule_json,
             lead(dt_from) OVER (PARTITION BY marketplace, channel ORDER BY dt_from) AS dt_to
      FROM commission_rules
    ),
    sales_day AS (
      SELECT sku_id, d,
             sum(qty)::int AS qty, sum(refunds_qty)::int AS refunds_qty,
             sum(provisional_qty)::int AS provisional_qty, sum(provisional_sales) AS provisional_sales,
             sum(unpriced_sales) AS unpriced_sales,
             ${each((l) => `sum(${l}) AS ${l}`)},
             bool_and(is_settled) AS is_settled
      FROM daily_sales
      WHERE d BETWEEN ${from}::date AND ${to}::date
      GROUP BY sku_id, d
    ),
    -- units alone over the window's days before the range too: the running sums read nothing wider
    units_day AS (
      SELECT sku_id, d, sum(qty)::int AS qty
      FROM daily_sales
      WHERE d BETWEEN ${windowStart}::date AND ${to}::date
      GROUP BY sku_id, d
    ),
    -- the rule each SKU-day's sales fall under: their channel's own rule (FBO / FBS) in force on d,
    -- else the all-channels one; channels under the same rule are summed before rounding
    governed AS (
      SELECT ds.sku_id, ds.d, coalesce(rc.id, ra.id) AS rule_id,
             sum(ds.unpriced_sales) AS unpriced_sales, sum(ds.provisional_qty)::int AS provisional_qty
      FROM daily_sales ds
      JOIN sku k ON k.id = ds.sku_id
      LEFT JOIN rules rc ON rc.marketplace = k.marketplace AND rc.channel = ds.channel
        AND ds.d >= rc.dt_from AND (rc.dt_to IS NULL OR ds.d < rc.dt_to)
      LEFT JOIN rules ra ON ra.marketplace = k.marketplace AND ra.channel = 'all'
        AND ds.d >= ra.dt_from AND (ra.dt_to IS NULL OR ds.d < ra.dt_to)
      -- rows with nothing provisional add nothing to either sum: most of the range, skipped before the joins
      WHERE ds.d BETWEEN ${from}::date AND ${to}::date AND (ds.unpriced_sales <> 0 OR ds.provisional_qty <> 0)
      GROUP BY ds.sku_id, ds.d, coalesce(rc.id, ra.id)
      HAVING sum(ds.unpriced_sales) <> 0
    ),
    -- commission of provisional sales the feed stated none for, from the rules in force on d
    estimates AS (
      SELECT s.sku_id, s.d,
             sum(round(s.unpriced_sales * coalesce(
               (r.rule_json -> 'categories' ->> k.category)::numeric,
               (SELECT (b ->> 'percent')::numeric
                  FROM jsonb_array_elements(r.rule_json -> 'priceBands') AS b
                 WHERE s.provisional_qty > 0
                   AND s.unpriced_sales >= (b ->> 'minPrice')::numeric * s.provisional_qty
                   AND ((b ->> 'maxPrice') IS NULL OR s.unpriced_sales < (b ->> 'maxPrice')::numeric * s.provisional_qty)
                 LIMIT 1),
               (r.rule_json ->> 'defaultPercent')::numeric
             ) / 100, 2)) AS est
      FROM governed s
      JOIN sku k ON k.id = s.sku_id
      JOIN rules r ON r.id = s.rule_id
      GROUP BY s.sku_id, s.d
    ),
    -- settled logistics per settled unit sold: the SKU's, else its store's
    settled AS (
      SELECT sku_id, sum(logistics) AS logistics, sum(qty - provisional_qty) AS units
      FROM daily_sales
      WHERE d BETWEEN ${rateStart}::date AND ${to}::date
      GROUP BY sku_id
    ),
    sku_rate AS (
      SELECT sku_id, logistics, units FROM settled WHERE units > 0
    ),
    store_rate AS (
      SELECT k.account_id, sum(st.logistics) AS logistics, sum(st.units) AS units
      FROM settled st JOIN sku k ON k.id = st.sku_id
      GROUP BY k.account_id HAVING sum(st.units) > 0
    ),
    series AS (
      SELECT k.id AS sku_id, k.marketplace, k.account_id, (${windowStart}::date + i) AS d
      FROM sku k CROSS JOIN generate_series(0, ${span}::int) AS i
    ),
    win AS (
      SELECT se.sku_id, se.marketplace, se.account_id, se.d,
             CASE WHEN se.marketplace = 'WB' THEN ${wbDays}::int ELSE ${ozonDays}::int END AS cover_window,
             sum(coalesce(ud.qty, 0)) OVER (w ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS u7,
             sum(coalesce(ud.qty, 0)) OVER (w ROWS BETWEEN 13 PRECEDING AND CURRENT ROW) AS u14,
             sum(coalesce(ud.qty, 0)) OVER (w ROWS BETWEEN 27 PRECEDING AND CURRENT ROW) AS u28,
             CASE WHEN se.marketplace = 'WB'
                  THEN sum(coalesce(ud.qty, 0)) OVER (w ROWS BETWEEN ${wbFrame} PRECEDING AND CURRENT ROW)
                  ELSE sum(coalesce(ud.qty, 0)) OVER (w ROWS BETWEEN ${ozonFrame} PRECEDING AND CURRENT ROW) END AS ucover
      FROM series se
      LEFT JOIN units_day ud ON ud.sku_id = se.sku_id AND ud.d = se.d
      WINDOW w AS (PARTITION BY se.sku_id ORDER BY se.d)
    ),
    day AS (
      SELECT w.*,
             coalesce(sd.qty, 0) AS qty, coalesce(sd.refunds_qty, 0) AS refunds_qty,
             coalesce(sd.provisional_qty, 0) AS provisional_qty,
             coalesce(sd.provisional_sales, 0) AS provisional_sales,
             ${each((l) => `coalesce(sd.${l}, 0) AS ${l}`)},
             coalesce(-e.est, 0) AS estimated_commission,
             e.est IS NOT NULL AS is_commission_estimated, coalesce(sd.is_settled, true) AS is_settled
      FROM win w
      LEFT JOIN sales_day sd ON sd.sku_id = w.sku_id AND sd.d = w.d
      LEFT JOIN estimates e ON e.sku_id = w.sku_id AND e.d = w.d
      WHERE w.d >= ${from}::date
    ),
    stock_day AS (
      SELECT sku_id, d, sum(on_hand)::int AS on_hand, sum(in_transit)::int AS in_transit
      FROM daily_stock
      WHERE d BETWEEN ${from}::date AND ${to}::date
      GROUP BY sku_id, d
    ),
    -- each cost price with the day the next one takes over: one hash probe per SKU-day instead of an
    -- index descent (the price in force on d is the latest with dt_from <= d)
    cost AS (
      SELECT sku_id, dt_from, cost_price, lead(dt_from) OVER (PARTITION BY sku_id ORDER BY dt_from) AS dt_to
      FROM cost_price_history
    ),
    returned AS (
      SELECT r.sku_id, r.d, sum(r.qty * rc.cost_price) AS cogs, bool_or(rc.cost_price IS NULL) AS missing
      FROM daily_returns r
      LEFT JOIN LATERAL (
        SELECT c.cost_price FROM cost_price_history c
        WHERE c.sku_id = r.sku_id AND c.dt_from <= coalesce(r.sale_d, r.d)
        ORDER BY c.dt_from DESC LIMIT 1
      ) rc ON true
      WHERE r.d BETWEEN ${from}::date AND ${to}::date
      GROUP BY r.sku_id, r.d
    ),
    est AS (
      SELECT w.*, st.on_hand, st.in_transit,
             ${estimatedLogistics} AS estimated_logistics,
             w.provisional_qty > 0 AND coalesce(sr.units, str.units) IS NOT NULL AS is_logistics_estimated,
             CASE WHEN cp.cost_price IS NULL AND w.qty > 0 THEN NULL
                  -- a return whose sale's cost is unknown reverses nothing it cannot price
                  ELSE w.qty * coalesce(cp.cost_price, 0) - coalesce(rt.cogs, 0) END AS cogs,
             w.commission + w.estimated_commission AS commission_total,
             w.logistics + ${estimatedLogistics} AS logistics_total,
             w.sales + w.returns AS net_sales,
             ${sql.raw(sumOfLines("w"))} + w.estimated_commission + ${estimatedLogistics} AS payout
      FROM day w
      LEFT JOIN stock_day st ON st.sku_id = w.sku_id AND st.d = w.d
      LEFT JOIN returned rt ON rt.sku_id = w.sku_id AND rt.d = w.d
      LEFT JOIN sku_rate sr ON sr.sku_id = w.sku_id
      LEFT JOIN store_rate str ON str.account_id = w.account_id
      LEFT JOIN cost cp ON cp.sku_id = w.sku_id AND w.d >= cp.dt_from AND (cp.dt_to IS NULL OR w.d < cp.dt_to)
      -- OFFSET 0 keeps this subquery a step of its own: flattened into the insert's select list, cogs
      -- and payout would be evaluated again at every reference (PostgreSQL does not share common
      -- subexpressions), which cost about a sixth of the statement
      OFFSET 0
    ),
    written AS (
    INSERT INTO metrics_daily AS m (
      d, sku_id, ${sql.raw(METRICS_COLUMNS.join(", "))}, updated_at
    )
    SELECT d, sku_id, qty, refunds_qty,
           ${each((l) => (l === "commission" ? "commission_total" : l === "logistics" ? "logistics_total" : l))},
           estimated_commission, estimated_logistics, is_commission_estimated, is_logistics_estimated,
           is_settled, provisional_sales, net_sales, payout, cogs, payout - cogs,
           CASE WHEN cogs IS NULL THEN NULL
                WHEN net_sales <= 0 THEN 0
                -- a huge loss on tiny sales is capped to fit the column
                ELSE least(9999999.99, greatest(-9999999.99, round((payout - cogs) * 100 / net_sales, 2))) END,
           round(u7::numeric / 7, 4), round(u14::numeric / 14, 4), round(u28::numeric / 28, 4),
           on_hand, in_transit,
           CASE WHEN ucover > 0 AND on_hand IS NOT NULL
                THEN round((on_hand + in_transit)::numeric * cover_window / ucover, 2) END,
           now()
    FROM est
    -- a nightly rerun of 35 mostly unchanged days rewrites only the rows whose numbers changed
    ${
      rangeIsEmpty
        ? sql`ORDER BY d, sku_id`
        : sql`ON CONFLICT (d, sku_id) ${updateWhenChanged("m", METRICS_COLUMNS, ["updated_at"])}`
    }
    RETURNING 1
    )
    SELECT count(*)::int AS changed FROM written`;
}

/** Brings metrics_daily up to date for every SKU and every day from..to (inclusive), in one transaction. */
export async function recalculateMetrics(options: RecalculateMetricsOptions): Promise<RecalculateMetricsResult> {
  const { from, to } = options;
  validateDayRange(from, to);
  const env = options.aggrDaysWb === undefined || options.aggrDaysOzon === undefined ? getEnv() : undefined;
  const wbDays = checkWindow("AGGR_DAYS_WB", options.aggrDaysWb ?? env!.AGGR_DAYS_WB);
  const ozonDays = checkWindow("AGGR_DAYS_OZON", options.aggrDaysOzon ?? env!.AGGR_DAYS_OZON);
  const db = options.db;
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const started = performance.now();

  /** ms per step, logged: which part of a slow recalculation to look at */
  const steps: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - mark);
    mark = now;
  };
  const counts = await db.transaction(async (tx) => {
    // two recalculations of overlapping ranges would collide on the unique key: run them one at a time
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('sovani.recalculate-metrics'))`);
    const [{ empty }] = rowsOf<{ empty: boolean }>(
      await tx.execute(
        sql`SELECT NOT EXISTS (SELECT 1 FROM metrics_daily WHERE d BETWEEN ${from}::date AND ${to}::date) AS empty`,
      ),
    );
    // every SKU x day of the range is produced, so an upsert leaves no stale row (deleted SKUs cascade)
    const [written] = rowsOf<{ changed: number }>(
      await tx.execute(recalculateMetricsStatement(from, to, wbDays, ozonDays, empty)),
    );
    step("daily");
    // A first recalculation writes most of metrics_daily in this transaction, unseen by the planner's
    // statistics (autovacuum analyzes only after the commit): the running totals and period rows below
    // would be planned for an empty table. A sample of the new rows is cheap next to a bad plan. The
    // statements below select and join on the day and the SKU alone: their two columns' statistics (and
    // the row count) are all they need, at a third of the cost of all forty (~170 of 500 ms at 3.65M rows).
    if (written.changed >= ANALYZE_AFTER_ROWS) await tx.execute(sql`ANALYZE metrics_daily (d, sku_id)`);
    // The per-store sums group a range's rows by day and store: 27 sums a group, over the 4 MB default
    // a year of 10 stores' groups would need, so the planner read metrics_daily along its day index
    // (a heap visit per row, 8.9 s at 3.65M rows) instead of hashing a scan of it (under 1 s)
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    for (const statement of refreshStoreDailyStatements(from, to)) await tx.execute(statement);
    await tx.execute(sql`SET LOCAL work_mem TO DEFAULT`);
    for (const statement of refreshCashflowDailyStatements(from, to)) await tx.execute(statement);
    step("storeDaily");
    const [{ later }] = rowsOf<{ later: boolean }>(
      await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM metrics_sku_cumulative WHERE d >= ${from}::date) AS later`),
    );
    await tx.execute(refreshSkuCumulativeStatement(from, !later));
    if (written.changed >= ANALYZE_AFTER_ROWS) await tx.execute(sql`ANALYZE metrics_sku_cumulative (sku_id, d)`);
    step("cumulative");
    // the SKU table's preset periods as the header reads them today, ends clamped to the latest day
    const [{ latest }] = rowsOf<{ latest: string | null }>(
      await tx.execute(sql`SELECT max(d)::text AS latest FROM metrics_daily`),
    );
    for (const statement of refreshSkuPeriodStatements(latest, today)) await tx.execute(statement);
    step("periods");
    const result = await tx.execute(sql`
      SELECT count(*)::int AS rows,
             count(*) FILTER (WHERE cogs IS NULL)::int AS days_missing_cost,
             count(DISTINCT sku_id) FILTER (WHERE cogs IS NULL)::int AS skus_missing_cost,
             count(*) FILTER (WHERE is_commission_estimated)::int AS days_estimated
      FROM metrics_daily WHERE d BETWEEN ${from}::date AND ${to}::date`);
    return {
      ...rowsOf<{ rows: number; days_missing_cost: number; skus_missing_cost: number; days_estimated: number }>(
        result,
      )[0],
      changed: written.changed,
    };
  });

  const summary: RecalculateMetricsResult = {
    from,
    to,
    rows: Number(counts.rows),
    changed: Number(counts.changed),
    daysMissingCost: Number(counts.days_missing_cost),
    skusMissingCost: Number(counts.skus_missing_cost),
    daysCommissionEstimated: Number(counts.days_estimated),
    ms: Math.round(performance.now() - started),
  };
  logger.info("metrics.recalculated", { ...summary, steps });
  return summary;
}
