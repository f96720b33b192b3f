import { eq } from "drizzle-orm";
import { type Db, schema } from "@/db";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recalculateMetrics, type RecalculateMetricsResult } from "@/lib/services/metrics/recalculate-metrics";
import { governedRange } from "./governed-range";

export interface DeleteCommissionRuleOptions {
  id: number;
  today?: string;
}

/** Deletes a rule; its days fall back to the previous rule (or to no estimate) and are recalculated. */
export async function deleteCommissionRule(
  db: Db,
  options: DeleteCommissionRuleOptions,
): Promise<{ recalculated: RecalculateMetricsResult | null }> {
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const [deleted] = await db
    .delete(schema.commissionRules)
    .where(eq(schema.commissionRules.id, options.id))
    .returning();
  if (!deleted) throw new AppError("NOT_FOUND", `commission rule ${options.id} does not exist`);
  const range = await governedRange(db, deleted.marketplace, deleted.dtFrom, today, deleted.channel);
  return { recalculated: range ? await recalculateMetrics({ db, ...range }) : null };
}
