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
