// Editing a commission rule in place: its channel, first day and percentages change on the same row,
// and the days it governed before and governs now are recalculated, so estimates follow at once.
import { and, eq, ne } from "drizzle-orm";
import { type Db, schema } from "@/db";
import type { CommissionChannel } from "@/db/schema";
import { addDays, businessToday, daysBetween } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  MAX_RECALC_DAYS,
  recalculateMetrics,
  type RecalculateMetricsResult,
} from "@/lib/services/metrics/recalculate-metrics";
import { checkInput, type CommissionRuleRecord } from "./commission-rule-input";
import { governedRange } from "./governed-range";
import { listCommissionRules } from "./list-commission-rules";

export interface UpdateCommissionRuleOptions {
  id: number;
  channel: CommissionChannel;
  dtFrom: string;
  /** raw input; validated with commissionRuleSchema */
  rule: unknown;
  /** defaults to today in APP_TIMEZONE */
  today?: string;
}

export interface UpdateCommissionRuleResult {
  before: CommissionRuleRecord;
  rule: CommissionRuleRecord;
  /** the recalculated range (what the rule governed before and governs now), null when nothing past */
  recalculated: RecalculateMetricsResult | null;
}

/** Changes one rule in place (never a second rule on the same day) and recalculates the affected days. */
export async function updateCommissionRule(
  db: Db,
  options: UpdateCommissionRuleOptions,
): Promise<UpdateCommissionRuleResult> {
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const before = (await listCommissionRules(db)).find((r) => r.id === options.id);
  if (!before) throw new AppError("NOT_FOUND", `commission rule ${options.id} does not exist`);
  const input = checkInput(before.marketplace, options.dtFrom, options.rule, options.channel);
  const [clash] = await db
    .select({ id: schema.commissionRules.id })
    .from(schema.commissionRules)
    .where(
      and(
        eq(schema.commissionRules.marketplace, input.marketplace),
        eq(schema.commissionRules.channel, input.channel),
        eq(schema.commissionRules.dtFrom, input.dtFrom),
        ne(schema.commissionRules.id, options.id),
      ),
    );
  if (clash) {
    throw new AppError("VALIDATION", "another rule of this channel starts on that day", {
      dtFrom: "errors.ruleDayTaken",
    });
  }
  // what the rule governed before the edit, measured before the row moves
  const old = await governedRange(db, before.marketplace, before.dtFrom, today, before.channel);
  await db
    .update(schema.commissionRules)
    .set({ channel: input.channel, dtFrom: input.dtFrom, ruleJson: input.rule!, updatedAt: new Date() })
    .where(eq(schema.commissionRules.id, options.id));
  const now = await governedRange(db, input.marketplace, input.dtFrom, today, input.channel);
  const ranges = [old, now].filter((r): r is { from: string; to: string } => r !== null);
  let recalculated: RecalculateMetricsResult | null = null;
  if (ranges.length) {
    const to = ranges
      .map((r) => r.to)
      .sort()
      .at(-1)!;
    let from = ranges.map((r) => r.from).sort()[0];
    if (daysBetween(from, to) + 1 > MAX_RECALC_DAYS) from = addDays(to, -(MAX_RECALC_DAYS - 1));
    recalculated = await recalculateMetrics({ db, from, to });
  }
  const after = (await listCommissionRules(db, { marketplace: input.marketplace })).find((r) => r.id === options.id)!;
  return { before, rule: after, recalculated };
}
