import { sql } from "drizzle-orm";
import { type Db, rowsOf, schema } from "@/db";
import type { CommissionChannel, Marketplace } from "@/db/schema";
import { addDays, businessToday } from "@/lib/domain/dates";
import { Decimal } from "@/lib/domain/money";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recalculateMetrics } from "@/lib/services/metrics/recalculate-metrics";
import { checkInput } from "./commission-rule-input";

export interface PreviewCommissionRuleOptions {
  marketplace: Marketplace;
  channel?: CommissionChannel;
  dtFrom: string;
  rule: unknown;
  /** how many days back from today to show (default 30) */
  days?: number;
  today?: string;
}

export interface CommissionTotals {
  /** the commission line as a positive cost */
  commission: string;
  /** what the marketplace owes: every SKU-level P&L line */
  payout: string;
  /** profit of the days with a cost price */
  profit: string;
  /** SKU-days whose commission is estimated */
  estimatedDays: number;
}

export interface CommissionRulePreview {
  from: string;
  to: string;
  before: CommissionTotals;
  after: CommissionTotals;
  /** after - before, in roubles */
  delta: { commission: string; payout: string; profit: string };
  /** per day, only days whose commission changes */
  changedDays: { d: string; commissionBefore: string; commissionAfter: string }[];
}

class PreviewRollback extends Error {
  constructor(public readonly preview: CommissionRulePreview) {
    super("preview rollback");
  }
}

async function totals(
  db: Db,
  from: string,
  to: string,
): Promise<{ totals: CommissionTotals; perDay: Map<string, string> }> {
  const [t] = rowsOf<{
    commission: string | null;
    payout: string | null;
    profit: string | null;
    estimated: number;
  }>(
    await db.execute(sql`
      SELECT (-sum(commission))::text AS commission, sum(payout)::text AS payout,
             coalesce(sum(profit), 0)::text AS profit, count(*) FILTER (WHERE is_commission_estimated)::int AS estimated
      FROM metrics_daily WHERE d BETWEEN ${from}::date AND ${to}::date`),
  );
  const days = rowsOf<{ d: string; commission: string }>(
    await db.execute(sql`
      SELECT d::text AS d, (-sum(commission))::text AS commission
      FROM metrics_daily WHERE d BETWEEN ${from}::date AND ${to}::date GROUP BY d`),
  );
  const money = (v: string | null) => new Decimal(v ?? 0).toFixed(2);
  return {
    totals: {
      commission: money(t.commission),
      payout: money(t.payout),
      profit: money(t.profit),
      estimatedDays: Number(t.estimated),
    },
    perDay: new Map(days.map((r) => [r.d, money(r.commission)])),
  };
}

/**
 * What saving the rule would change over the last `days` days, without saving it: both states are
 * computed inside one transaction that is rolled back.
 */
export async function previewCommissionRule(
  db: Db,
  options: PreviewCommissionRuleOptions,
): Promise<CommissionRulePreview> {
  const input = checkInput(options.marketplace, options.dtFrom, options.rule, options.channel ?? "all");
  const days = options.days ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new AppError("VALIDATION", "preview days must be between 1 and 366", { days: "1-366" });
  const to = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const from = addDays(to, -(days - 1));
  try {
    await db.transaction(async (tx) => {
      await recalculateMetrics({ db: tx, from, to });
      const before = await totals(tx, from, to);
      await tx
        .insert(schema.commissionRules)
        .values({ marketplace: input.marketplace, channel: input.channel, dtFrom: input.dtFrom, ruleJson: input.rule! })
        .onConflictDoUpdate({
          target: [schema.commissionRules.marketplace, schema.commissionRules.channel, schema.commissionRules.dtFrom],
          set: { ruleJson: input.rule! },
        });
      await recalculateMetrics({ db: tx, from, to });
      const after = await totals(tx, from, to);
      const diff = (a: string, b: string) => new Decimal(a).minus(b).toFixed(2);
      const changedDays = [...after.perDay.keys()]
        .sort()
        .filter((d) => after.perDay.get(d) !== (before.perDay.get(d) ?? "0.00"))
        .map((d) => ({ d, commissionBefore: before.perDay.get(d) ?? "0.00", commissionAfter: after.perDay.get(d)! }));
      throw new PreviewRollback({
        from,
        to,
        before: before.totals,
        after: after.totals,
        delta: {
          commission: diff(after.totals.commission, before.totals.commission),
          payout: diff(after.totals.payout, before.totals.payout),
          profit: diff(after.totals.profit, before.totals.profit),
        },
        changedDays,
      });
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.preview;
    throw error;
  }
  throw new Error("unreachable: the preview transaction always rolls back");
}
