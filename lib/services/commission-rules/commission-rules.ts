// Commission rules per marketplace, effective from dt_from until the next rule. Saving or deleting
// one recalculates the days it governs, so estimated commissions follow the rules at once.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Db, getDb, rowsOf, schema } from "@/db";
import { CommissionRuleError, type CommissionRule, parseCommissionRule } from "@/lib/domain/commission";
import { addDays, businessToday, daysBetween, isIsoDay } from "@/lib/domain/dates";
import { Decimal } from "@/lib/domain/money";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  MAX_RECALC_DAYS,
  recalculateMetrics,
  type RecalculateMetricsResult,
} from "@/lib/services/metrics/recalculate-metrics";
import type { Marketplace } from "@/db/schema";

export interface CommissionRuleRecord {
  id: number;
  marketplace: Marketplace;
  dtFrom: string;
  /** last day the rule governs (the day before the next rule), null = open-ended */
  dtTo: string | null;
  rule: CommissionRule;
  updatedAt: Date;
}

function checkInput(
  marketplace: unknown,
  dtFrom: unknown,
  rule?: unknown,
): { marketplace: Marketplace; dtFrom: string; rule?: CommissionRule } {
  const fieldErrors: Record<string, string> = {};
  if (marketplace !== "WB" && marketplace !== "OZON") fieldErrors.marketplace = "choose WB or OZON";
  if (typeof dtFrom !== "string" || !isIsoDay(dtFrom)) fieldErrors.dtFrom = "expected a date in YYYY-MM-DD form";
  let parsed: CommissionRule | undefined;
  if (rule !== undefined) {
    try {
      parsed = parseCommissionRule(rule);
    } catch (error) {
      if (!(error instanceof CommissionRuleError)) throw error;
      for (const p of error.problems) fieldErrors[p.path ? `rule.${p.path}` : "rule"] ??= p.message;
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    const text = Object.entries(fieldErrors)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ");
    throw new AppError("VALIDATION", `Invalid commission rule: ${text}`, fieldErrors);
  }
  return { marketplace: marketplace as Marketplace, dtFrom: dtFrom as string, rule: parsed };
}

export interface ListCommissionRulesOptions {
  db?: Db;
  marketplace?: Marketplace;
}

/** Every rule, oldest first per marketplace, with the day each one stops applying. */
export async function listCommissionRules(options: ListCommissionRulesOptions = {}): Promise<CommissionRuleRecord[]> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(schema.commissionRules)
    .where(options.marketplace ? eq(schema.commissionRules.marketplace, options.marketplace) : undefined)
    .orderBy(asc(schema.commissionRules.marketplace), asc(schema.commissionRules.dtFrom));
  return rows.map((row, i) => {
    const next = rows[i + 1];
    return {
      id: row.id,
      marketplace: row.marketplace,
      dtFrom: row.dtFrom,
      dtTo: next && next.marketplace === row.marketplace ? addDays(next.dtFrom, -1) : null,
      // stored rules were validated on save; parsing again fills defaults of older shapes
      rule: parseCommissionRule(row.ruleJson),
      updatedAt: row.updatedAt,
    };
  });
}

/** Days a rule from dtFrom governs: dtFrom up to the day before the next rule, never past today. */
async function governedRange(
  db: Db,
  marketplace: Marketplace,
  dtFrom: string,
  today: string,
): Promise<{ from: string; to: string } | null> {
  const [next] = await db
    .select({ dtFrom: schema.commissionRules.dtFrom })
    .from(schema.commissionRules)
    .where(and(eq(schema.commissionRules.marketplace, marketplace), gt(schema.commissionRules.dtFrom, dtFrom)))
    .orderBy(asc(schema.commissionRules.dtFrom))
    .limit(1);
  let to = next ? addDays(next.dtFrom, -1) : today;
  if (to > today) to = today;
  // nothing to recalculate before the first sale
  const [first] = rowsOf<{ d: string | null }>(await db.execute(sql`SELECT min(d)::text AS d FROM daily_sales`));
  let from = dtFrom;
  if (first?.d && first.d > from) from = first.d;
  if (from > to) return null;
  if (daysBetween(from, to) + 1 > MAX_RECALC_DAYS) from = addDays(to, -(MAX_RECALC_DAYS - 1));
  return { from, to };
}

export interface SaveCommissionRuleOptions {
  db?: Db;
  marketplace: Marketplace;
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

/** Creates or replaces the rule of a marketplace from dtFrom and recalculates the days it governs. */
export async function saveCommissionRule(options: SaveCommissionRuleOptions): Promise<SaveCommissionRuleResult> {
  const input = checkInput(options.marketplace, options.dtFrom, options.rule);
  const db = options.db ?? (await getDb());
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const [saved] = await db
    .insert(schema.commissionRules)
    .values({ marketplace: input.marketplace, dtFrom: input.dtFrom, ruleJson: input.rule! })
    .onConflictDoUpdate({
      target: [schema.commissionRules.marketplace, schema.commissionRules.dtFrom],
      set: { ruleJson: input.rule!, updatedAt: sql`now()` },
    })
    .returning();
  const range = await governedRange(db, input.marketplace, input.dtFrom, today);
  const recalculated = range ? await recalculateMetrics({ db, ...range }) : null;
  const all = await listCommissionRules({ db, marketplace: input.marketplace });
  return { rule: all.find((r) => r.id === saved.id)!, recalculated };
}

export interface DeleteCommissionRuleOptions {
  db?: Db;
  id: number;
  today?: string;
}

/** Deletes a rule; its days fall back to the previous rule (or to no estimate) and are recalculated. */
export async function deleteCommissionRule(
  options: DeleteCommissionRuleOptions,
): Promise<{ recalculated: RecalculateMetricsResult | null }> {
  const db = options.db ?? (await getDb());
  const today = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const [deleted] = await db
    .delete(schema.commissionRules)
    .where(eq(schema.commissionRules.id, options.id))
    .returning();
  if (!deleted) throw new AppError("NOT_FOUND", `commission rule ${options.id} does not exist`);
  const range = await governedRange(db, deleted.marketplace, deleted.dtFrom, today);
  return { recalculated: range ? await recalculateMetrics({ db, ...range }) : null };
}

export interface PreviewCommissionRuleOptions {
  db?: Db;
  marketplace: Marketplace;
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
export async function previewCommissionRule(options: PreviewCommissionRuleOptions): Promise<CommissionRulePreview> {
  const input = checkInput(options.marketplace, options.dtFrom, options.rule);
  const days = options.days ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new AppError("VALIDATION", "preview days must be between 1 and 366", { days: "1-366" });
  const db = options.db ?? (await getDb());
  const to = options.today ?? businessToday(getEnv().APP_TIMEZONE);
  const from = addDays(to, -(days - 1));
  try {
    await db.transaction(async (tx) => {
      await recalculateMetrics({ db: tx, from, to });
      const before = await totals(tx, from, to);
      await tx
        .insert(schema.commissionRules)
        .values({ marketplace: input.marketplace, dtFrom: input.dtFrom, ruleJson: input.rule! })
        .onConflictDoUpdate({
          target: [schema.commissionRules.marketplace, schema.commissionRules.dtFrom],
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
