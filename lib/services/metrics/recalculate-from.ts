// Late corrections: a cost price or commission rule saved from day X changes every day from X on.
import type { Db } from "@/db";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { recalculateMetrics, type RecalculateMetricsResult } from "./recalculate-metrics";

export interface RecalculateFromOptions {
  db: Db;
  /** first affected business day */
  from: string;
  /** defaults to today in APP_TIMEZONE */
  today?: string;
}

/** Recalculates from..today (nothing when from is in the future). */
export async function recalculateFrom(options: RecalculateFromOptions): Promise<RecalculateMetricsResult | null> {
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  if (options.from > today) return null;
  return recalculateMetrics({ db: options.db, from: options.from, to: today });
}
