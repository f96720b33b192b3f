// Small SQL fragments shared by the dashboard reads.
import { type SQL, sql } from "drizzle-orm";

/** `<alias>.account_id = $1`, or nothing when all stores are selected. */
export function storeCondition(accountId: number | null, skuAlias = "s"): SQL {
  if (accountId === null) return sql`true`;
  return sql`${sql.raw(skuAlias)}.account_id = ${accountId}`;
}

/** LIKE pattern for a case-insensitive "contains" search, with the wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The text filter on a SKU (alias `s`): its article or name contains `q` (case-insensitive, along the
 * trigram indexes), or `q` is its marketplace id. Every arm of the OR can use an index, so the matches
 * are a bitmap of index entries, not a scan of every SKU.
 */
export function skuTextCondition(q: string, alias = "s"): SQL {
  const s = sql.raw(alias);
  const like = containsPattern(q);
  const arms = [sql`${s}.article ilike ${like}`, sql`${s}.name ilike ${like}`];
  // an id is digits without a leading zero that fit a bigint; other text cannot equal one
  if (/^[1-9]\d{0,17}$/.test(q)) {
    // the marketplace arm lets the (marketplace, id) unique indexes serve the probe
    arms.push(sql`(${s}.marketplace in ('WB', 'OZON') and (${s}.nm_id = ${q}::bigint or ${s}.ozon_id = ${q}::bigint))`);
  }
  return sql`(${sql.join(arms, sql` or `)})`;
}

/** Turns numeric text from PostgreSQL into a plain string, keeping null as null. */
export function num(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

export function int(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Number(value);
}

/**
 * The latest recalculated day on or before `to`, as a scalar subquery. recalculateMetrics writes a
 * row for every SKU on every day it covers, so "each SKU's latest velocity and stock as of `to`" is
 * the rows of this one day: one index range instead of a backward probe per SKU.
 */
export function latestMetricsDay(to: string): SQL {
  return sql`(select max(d) from metrics_daily where d <= ${to}::date)`;
}
