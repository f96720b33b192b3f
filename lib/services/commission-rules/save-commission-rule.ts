// Saving a commission rule recalculates the days it governs, so estimated commissions follow it at once.
import { sql } from "drizzle-orm";
import { type Db, schema } from "@/db";
import type { CommissionChannel, Marketplace } from "@/db/schema";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { recalculateMetrics, type RecalculateMetricsResult } from "@/lib/services/metrics/recalculate-metrics";
import { checkInput, type CommissionRuleRecord } from "./commission-rule-input";
import { governedRange } from "./governed-range";
import { listCommissionRules } from "./list-commission-rules";

export interface SaveCommissionRuleOptions {
  marketplace: Marketplace;
  /** all channels unless said */
  channel?: CommissionChannel;
  dtFrom: string;
  /** raw input; validated with commissionRuleSchema */
  rule: unknown;
  /** defaults to today in APP_TIMEZONE */
  today?: string;
}

export interface SaveCommissionRuleResult {
  rule: CommissionRuleRecord;
  /** the recalculated range, null when the rule governs no past day yet */
  recalculated: RecalculateMetricsResult | null;
}

/** Creates or replaces the rule of a marketplace and channel from dtFrom and recalculates the days it governs. */
export async function saveCommissionRule(
  db: Db,
  options: SaveCommissionRuleOptions,
): Promise<SaveCommissionRuleResult> {
  const input = checkInput(options.marketplace, options.dtFrom, options.rule, options.channel ?? "all");
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const [saved] = await db
    .insert(schema.commissionRules)
    .values({ marketplace: input.marketplace, channel: input.channel, dtFrom: input.dtFrom, ruleJson: input.rule! })
    .onConflictDoUpdate({
      target: [schema.commissionRules.marketplace, schema.commissionRules.channel, schema.commissionRules.dtFrom],
      set: { ruleJson: input.rule!, updatedAt: sql`now()` },
    })
    .returning();
  const range = await governedRange(db, input.marketplace, input.dtFrom, today, input.channel);
  const recalculated = range ? await recalculateMetrics({ db, ...range }) : null;
  const all = await listCommissionRules(db, { marketplace: input.marketplace });
  return { rule: all.find((r) => r.id === saved.id)!, recalculated };
}
