// Commission estimation from commission_rules, for sales whose commission the finance report has
// not settled yet. lib/services/metrics computes the same numbers in SQL; a property test holds
// the two together.
//
// A sales row's commission is *unknown* when the row is not settled (is_settled = false) and its
// commission_amount is 0: operational feeds (WB sales, Ozon postings) carry no commission, the
// finance report does. For such a row the estimate is
//   round((revenue_gross - refunds_amount) * percent / 100, 2)   (half away from zero)
// where percent comes from the rule effective on the row's day (latest dt_from <= d for the SKU's
// marketplace), chosen in this order: the SKU's category percent, else the price band containing
// the unit price revenue_gross / qty (minPrice <= unit < maxPrice), else defaultPercent.
// Without a rule effective on d, or when the base is 0, the commission stays 0 and is not marked
// estimated.
import { z } from "zod";
import { Decimal, type MoneyInput, toDecimal } from "./money";

const percent = z
  .number({ error: "a percent must be a number, e.g. 15 or 12.5" })
  .finite()
  .min(0, "a percent cannot be negative")
  .max(100, "a percent cannot exceed 100")
  .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, {
    message: "a percent has at most 4 decimal places",
  });

const price = z.number({ error: "a price must be a number in roubles" }).finite().min(0, "a price cannot be negative");

const priceBandSchema = z.strictObject({
  /** unit price from which the band applies (inclusive), roubles */
  minPrice: price.default(0),
  /** unit price up to which the band applies (exclusive); omitted = no upper bound */
  maxPrice: price.optional(),
  percent,
});

export const commissionRuleSchema = z
  .strictObject(
    {
      defaultPercent: percent,
      /** percent per SKU category (sku.category, exact match) */
      categories: z.record(z.string(), percent).default({}),
      /** percent by unit price; bands must not overlap */
      priceBands: z.array(priceBandSchema).max(50, "at most 50 price bands").default([]),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? "a commission rule needs a defaultPercent (0-100) and optional categories and priceBands"
          : undefined,
    },
  )
  .superRefine((rule, ctx) => {
    for (const name of Object.keys(rule.categories)) {
      if (name.trim() === "")
        ctx.addIssue({ code: "custom", path: ["categories", name], message: "a category name cannot be empty" });
    }
    rule.priceBands.forEach((band, i) => {
      if (band.maxPrice !== undefined && band.maxPrice <= band.minPrice) {
        ctx.addIssue({
          code: "custom",
          path: ["priceBands", i, "maxPrice"],
          message: `price band ${i + 1}: maxPrice (${band.maxPrice}) must be greater than minPrice (${band.minPrice})`,
        });
      }
    });
    const sorted = rule.priceBands.map((band, i) => ({ ...band, i })).sort((a, b) => a.minPrice - b.minPrice);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1];
      const cur = sorted[k];
      if (prev.maxPrice === undefined || cur.minPrice < prev.maxPrice) {
        ctx.addIssue({
          code: "custom",
          path: ["priceBands", cur.i],
          message: `price bands ${prev.i + 1} and ${cur.i + 1} overlap: a unit price may fall in only one band`,
        });
      }
    }
  });

export type CommissionRule = z.infer<typeof commissionRuleSchema>;
export type CommissionRuleInput = z.input<typeof commissionRuleSchema>;

export class CommissionRuleError extends Error {
  constructor(public readonly problems: { path: string; message: string }[]) {
    super(
      `Invalid commission rule: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ")}`,
    );
    this.name = "CommissionRuleError";
  }
}

/** Validates and normalises a rule (defaults filled, bands sorted); throws CommissionRuleError with every problem. */
export function parseCommissionRule(input: unknown): CommissionRule {
  const result = commissionRuleSchema.safeParse(input);
  if (!result.success) {
    throw new CommissionRuleError(
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    );
  }
  const rule = result.data;
  return { ...rule, priceBands: [...rule.priceBands].sort((a, b) => a.minPrice - b.minPrice) };
}

export interface DatedCommissionRule {
  dtFrom: string;
  rule: CommissionRule;
}

/** The rule effective on day d: the latest with dtFrom <= d, or null. */
export function findCommissionRule(d: string, rules: readonly DatedCommissionRule[]): CommissionRule | null {
  let best: DatedCommissionRule | undefined;
  for (const entry of rules) if (entry.dtFrom <= d && (!best || entry.dtFrom > best.dtFrom)) best = entry;
  return best ? best.rule : null;
}

export type SalesChannel = "FBO" | "FBS";

export interface ChannelCommissionRule extends DatedCommissionRule {
  /** 'all' covers both channels; a channel's own rule wins over it */
  channel: "all" | SalesChannel;
}

/**
 * The rule governing a sale of `channel` on day d: the latest rule of that channel with dtFrom <= d,
 * else the latest all-channels rule, else null (the SQL in recalculate-metrics picks the same).
 */
export function findChannelCommissionRule(
  d: string,
  channel: SalesChannel,
  rules: readonly ChannelCommissionRule[],
): CommissionRule | null {
  return (
    findCommissionRule(
      d,
      rules.filter((r) => r.channel === channel),
    ) ??
    findCommissionRule(
      d,
      rules.filter((r) => r.channel === "all"),
    )
  );
}

/**
 * A SKU-day's estimated commission when its sales come through several channels: the channels under
 * one rule are summed, each rule's part is estimated (and rounded) on its own, the parts added.
 */
export function estimateChannelCommission(
  d: string,
  category: string | null,
  sales: readonly (Omit<CommissionBase, "category"> & { channel: SalesChannel })[],
  rules: readonly ChannelCommissionRule[],
): Decimal | null {
  const byRule = new Map<CommissionRule, { qty: number; gross: Decimal; refunds: Decimal }>();
  for (const sale of sales) {
    const rule = findChannelCommissionRule(d, sale.channel, rules);
    if (!rule) continue;
    const acc = byRule.get(rule) ?? { qty: 0, gross: new Decimal(0), refunds: new Decimal(0) };
    acc.qty += sale.qty;
    acc.gross = acc.gross.plus(toDecimal(sale.revenueGross));
    acc.refunds = acc.refunds.plus(toDecimal(sale.refundsAmount));
    byRule.set(rule, acc);
  }
  if (byRule.size === 0) return null;
  let total = new Decimal(0);
  for (const [rule, acc] of byRule) {
    total = total.plus(
      estimateCommission(rule, { category, qty: acc.qty, revenueGross: acc.gross, refundsAmount: acc.refunds }),
    );
  }
  return total;
}

export interface CommissionBase {
  category: string | null;
  qty: number;
  revenueGross: MoneyInput;
  refundsAmount: MoneyInput;
}

/** Percent that applies to a sales row: category, else price band of the unit price, else default. */
export function commissionPercent(
  rule: CommissionRule,
  row: Pick<CommissionBase, "category" | "qty" | "revenueGross">,
): Decimal {
  if (row.category !== null && Object.prototype.hasOwnProperty.call(rule.categories, row.category)) {
    return new Decimal(String(rule.categories[row.category]));
  }
  if (row.qty > 0) {
    const gross = toDecimal(row.revenueGross);
    // unit >= min  <=>  gross >= min*qty (exact, no division)
    const band = rule.priceBands.find(
      (b) =>
        gross.gte(new Decimal(String(b.minPrice)).times(row.qty)) &&
        (b.maxPrice === undefined || gross.lt(new Decimal(String(b.maxPrice)).times(row.qty))),
    );
    if (band) return new Decimal(String(band.percent));
  }
  return new Decimal(String(rule.defaultPercent));
}

/** Estimated commission of one sales row, rounded to kopecks half away from zero. */
export function estimateCommission(rule: CommissionRule, row: CommissionBase): Decimal {
  const base = toDecimal(row.revenueGross).minus(toDecimal(row.refundsAmount));
  return base.times(commissionPercent(rule, row)).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** True when the finance report has not yet given this row its commission. */
export function isCommissionUnknown(row: { isSettled: boolean; commissionAmount: MoneyInput }): boolean {
  return !row.isSettled && toDecimal(row.commissionAmount).isZero();
}

/** True when the row's commission is estimated from the rule (unknown, a rule exists, non-zero base). */
export function needsCommissionEstimate(
  rule: CommissionRule | null,
  row: CommissionBase & { isSettled: boolean; commissionAmount: MoneyInput },
): rule is CommissionRule {
  return (
    rule !== null &&
    isCommissionUnknown(row) &&
    !toDecimal(row.revenueGross).minus(toDecimal(row.refundsAmount)).isZero()
  );
}
