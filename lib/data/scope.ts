// The slice of data every dashboard page shows: one store or all, and an inclusive business-day range.
// Pure helpers (no server imports) so components can reason about buckets and periods too.
import { addDays, daysBetween } from "@/lib/domain/dates";

export interface DashboardScope {
  /** accounts.id of the selected store; null means all stores */
  accountId: number | null;
  /** first business day, YYYY-MM-DD */
  from: string;
  /** last business day, inclusive */
  to: string;
}

export type Bucket = "day" | "week" | "month";

/** Number of days in the scope (inclusive). */
export function scopeLength(scope: Pick<DashboardScope, "from" | "to">): number {
  return daysBetween(scope.from, scope.to) + 1;
}

/** The period of the same length right before the scope, for "change vs previous period". */
export function previousPeriod(scope: Pick<DashboardScope, "from" | "to">): { from: string; to: string } {
  const len = scopeLength(scope);
  return { from: addDays(scope.from, -len), to: addDays(scope.from, -1) };
}

/** Chart granularity: days up to two months, weeks up to ~a year, months beyond. */
export function bucketFor(scope: Pick<DashboardScope, "from" | "to">): Bucket {
  const len = scopeLength(scope);
  if (len <= 62) return "day";
  if (len <= 400) return "week";
  return "month";
}
