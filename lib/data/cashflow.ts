import "server-only";
// Cash flow reads: the money of the finance lines (settled, as the marketplaces report it) by P&L
// line and day/week, operating vs financing (loan repayments), from their per-day sums that
// recalculateMetrics keeps (cashflow_daily), and the statements' payouts.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { PnlLine } from "@/lib/domain/pnl-lines";
import type { DashboardScope } from "./scope";
import { int } from "./sql-helpers";
import { Decimal, parseMoney, toMoneyString } from "@/lib/domain/money";
import type { Marketplace } from "@/db/schema";

/** A P&L line, loan repayments kept apart as financing, or a payout to the seller's bank */
export type CashflowType = PnlLine | "financing" | "payout";

export interface CashflowBucket {
  d: string;
  /** signed sum per type (money out is negative) */
  byType: Partial<Record<CashflowType, string>>;
  operating: string;
  financing: string;
}

export interface CashflowSummary {
  bucket: "day" | "week";
  buckets: CashflowBucket[];
  totalsByType: { type: CashflowType; amount: string; count: number }[];
  /** everything except financing and payouts to the seller's bank account */
  operating: string;
  financing: string;
  payouts: string;
}

export interface PayoutRow {
  d: string;
  accountName: string | null;
  marketplace: Marketplace;
  amount: string;
  refId: string;
}

function accountCondition(accountId: number | null, alias = "c") {
  return accountId === null ? sql`true` : sql`${sql.raw(alias)}.account_id = ${accountId}`;
}

const groupRank = (type: CashflowType) => (type === "financing" ? 1 : type === "payout" ? 2 : 0);

/** The order of a statement: operating, financing, payouts; in each, money in first, then the largest deductions. */
function compareTotals(typeA: CashflowType, a: Decimal, typeB: CashflowType, b: Decimal): number {
  const group = groupRank(typeA) - groupRank(typeB);
  if (group !== 0) return group;
  if (a.isNegative() !== b.isNegative()) return a.isNegative() ? 1 : -1;
  return b.abs().comparedTo(a.abs()) || typeA.localeCompare(typeB);
}

/**
 * Operating = every P&L line except loan repayments ('financing'); payouts (money moving from the
 * marketplace to the seller, not earned or spent) come from the statements (WB weekly reports' bank
 * payment, Ozon payout periods), dated on their last day.
 */
export async function queryCashflowSummary(
  db: Db,
  scope: DashboardScope,
  bucket: "day" | "week",
): Promise<CashflowSummary> {
  const key = bucket === "day" ? sql`c.d` : sql.raw(`date_trunc('week', c.d::timestamp)::date`);
  const result = await db.execute(sql`
    select ${key}::text as d, c.type, sum(c.amount)::text as amount, sum(c.lines)::int as n
    from cashflow_daily c
    where c.d between ${scope.from}::date and ${scope.to}::date and ${accountCondition(scope.accountId)}
    group by 1, 2
    union all
    select ${bucket === "day" ? sql`r.date_to` : sql.raw(`date_trunc('week', r.date_to::timestamp)::date`)}::text, 'payout',
      sum(r.payout)::text, count(*)::int
    from settlement_reports r
    where r.date_to between ${scope.from}::date and ${scope.to}::date and ${accountCondition(scope.accountId, "r")}
    group by 1
    order by 1, 2
  `);
  const rows = rowsOf<{ d: string; type: CashflowType; amount: string; n: number }>(result);
  const zero = () => new Decimal(0);
  const buckets = new Map<
    string,
    { byType: Partial<Record<CashflowType, string>>; operating: Decimal; financing: Decimal }
  >();
  const totals = new Map<CashflowType, { amount: Decimal; count: number }>();
  let operating = zero();
  let financing = zero();
  let payouts = zero();
  for (const r of rows) {
    let b = buckets.get(r.d);
    if (!b) {
      b = { byType: {}, operating: zero(), financing: zero() };
      buckets.set(r.d, b);
    }
    b.byType[r.type] = r.amount;
    const amount = parseMoney(r.amount);
    if (r.type === "financing") {
      b.financing = b.financing.plus(amount);
      financing = financing.plus(amount);
    } else if (r.type === "payout") {
      payouts = payouts.plus(amount);
    } else {
      b.operating = b.operating.plus(amount);
      operating = operating.plus(amount);
    }
    const t = totals.get(r.type) ?? { amount: zero(), count: 0 };
    totals.set(r.type, { amount: t.amount.plus(amount), count: t.count + int(r.n) });
  }
  return {
    bucket,
    buckets: [...buckets.entries()].map(([d, b]) => ({
      d,
      byType: b.byType,
      operating: toMoneyString(b.operating),
      financing: toMoneyString(b.financing),
    })),
    totalsByType: [...totals.entries()]
      .sort(([ta, a], [tb, b]) => compareTotals(ta, a.amount, tb, b.amount))
      .map(([type, t]) => ({ type, amount: toMoneyString(t.amount), count: t.count })),
    operating: toMoneyString(operating),
    financing: toMoneyString(financing),
    payouts: toMoneyString(payouts),
  };
}

export async function queryPayouts(db: Db, scope: DashboardScope, limit = 100): Promise<PayoutRow[]> {
  const result = await db.execute(sql`
    select c.date_to::text as d, a.name as account_name, a.marketplace, c.payout::text as amount, c.report_id as ref_id
    from settlement_reports c join accounts a on a.id = c.account_id
    where c.date_to between ${scope.from}::date and ${scope.to}::date and ${accountCondition(scope.accountId)}
    order by c.date_to desc, c.report_id desc limit ${limit}
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    d: String(r.d),
    accountName: (r.account_name as string | null) ?? null,
    marketplace: r.marketplace as Marketplace,
    amount: String(r.amount),
    refId: String(r.ref_id),
  }));
}
