// Reconciliation: each marketplace statement (a WB weekly report and its bankPaymentSum, an Ozon payout
// period and what Ozon paid) beside Sovani's payout for the same finance lines: the sum of the twelve
// line columns of the report's lines (WB: the lines with that report id; Ozon: the store's lines dated
// in the period). A gap names the lines it could come from with Sovani's per-line sums, and the
// marketplace's own sums as it sent them.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { addDays } from "@/lib/domain/dates";
import { Decimal, percentOf, toMoneyString } from "@/lib/domain/money";
import { eachLine, PNL_LINES, type PnlLine } from "@/lib/domain/pnl-lines";

export interface ReconcileFilter {
  /** statements whose period overlaps [from, to] */
  from: string;
  to: string;
  accountIds?: number[] | null;
  marketplace?: Marketplace;
  /** today's business day: a period is closed when it ended before today - 1 */
  today: string;
}

export interface ReconciliationPeriod {
  accountId: number;
  accountName: string;
  marketplace: Marketplace;
  kind: "wb_report" | "ozon_period";
  reportId: string;
  dateFrom: string;
  dateTo: string;
  /** what the marketplace says it owes for the period (WB bankPaymentSum, Ozon payment) */
  marketplacePayout: string;
  /** the sum of the twelve lines of the period's finance lines */
  sovaniPayout: string;
  /** Sovani - marketplace */
  gap: string;
  /** gap / |marketplace payout| x 100; null when the marketplace payout is 0 */
  gapPercent: string | null;
  isClosed: boolean;
  /** the gap is not 0.00 */
  hasGap: boolean;
  /** finance lines counted */
  financeLines: number;
  /** Sovani's sum per line, the lines a gap can come from; null when there is no gap */
  lines: Record<PnlLine, string> | null;
  /** the lines with a non-zero sum, in statement order (when there is a gap) */
  nonZeroLines: PnlLine[];
  /** the statement's own sums as the marketplace sent them (WB report header: retailAmountSum, ...) */
  marketplaceSums: Record<string, string>;
}

export interface Reconciliation {
  periods: ReconciliationPeriod[];
  /** closed periods whose gap is not 0.00 */
  closedWithGap: number;
}

function accountCondition(accountIds: number[] | null | undefined): SQL {
  if (accountIds === null || accountIds === undefined) return sql`true`;
  if (accountIds.length === 0) return sql`false`;
  return sql`r.account_id in (${sql.join(
    accountIds.map((id) => sql`${id}::int`),
    sql`, `,
  )})`;
}

const sums = sql.raw(eachLine((line) => `coalesce(sum(f.${line}), 0)::text as ${line}`));

/** Every statement of the range, oldest first, with Sovani's payout for the same lines. */
export async function reconcile(db: Db, filter: ReconcileFilter): Promise<Reconciliation> {
  const result = await db.execute(sql`
    select r.account_id, a.name as account_name, a.marketplace, r.kind, r.report_id,
      r.date_from::text as date_from, r.date_to::text as date_to, r.payout::text as payout, r.sums,
      coalesce(w.n, o.n, 0)::int as n,
      ${sql.raw(eachLine((line) => `coalesce(w.${line}, o.${line}, '0') as ${line}`))}
    from settlement_reports r
    join accounts a on a.id = r.account_id
    left join lateral (
      select count(*) as n, ${sums} from finance_lines f
      where f.account_id = r.account_id and f.report_id = r.report_id
    ) w on r.kind = 'wb_report'
    left join lateral (
      select count(*) as n, ${sums} from finance_lines f
      where f.account_id = r.account_id and f.d between r.date_from and r.date_to
    ) o on r.kind = 'ozon_period'
    where r.date_from <= ${filter.to}::date and r.date_to >= ${filter.from}::date
      and ${accountCondition(filter.accountIds)}
      and ${filter.marketplace ? sql`a.marketplace = ${filter.marketplace}` : sql`true`}
    order by r.date_to, r.date_from, a.name, r.account_id, r.report_id
  `);
  const lastOpenDay = addDays(filter.today, -1);
  const periods = rowsOf<Record<string, unknown>>(result).map((r): ReconciliationPeriod => {
    const perLine = {} as Record<PnlLine, string>;
    let sovani = new Decimal(0);
    for (const line of PNL_LINES) {
      const v = new Decimal(String(r[line] ?? "0"));
      perLine[line] = toMoneyString(v);
      sovani = sovani.plus(v);
    }
    const marketplacePayout = new Decimal(String(r.payout));
    const gap = sovani.minus(marketplacePayout);
    const hasGap = !gap.toDecimalPlaces(2).isZero();
    const rawSums = (typeof r.sums === "string" ? JSON.parse(r.sums) : (r.sums ?? {})) as Record<string, unknown>;
    return {
      accountId: Number(r.account_id),
      accountName: String(r.account_name),
      marketplace: r.marketplace as Marketplace,
      kind: r.kind as ReconciliationPeriod["kind"],
      reportId: String(r.report_id),
      dateFrom: String(r.date_from),
      dateTo: String(r.date_to),
      marketplacePayout: toMoneyString(marketplacePayout),
      sovaniPayout: toMoneyString(sovani),
      gap: hasGap ? toMoneyString(gap) : "0.00",
      gapPercent: percentOf(gap, marketplacePayout.abs()),
      isClosed: String(r.date_to) < lastOpenDay,
      hasGap,
      financeLines: Number(r.n ?? 0),
      lines: hasGap ? perLine : null,
      nonZeroLines: hasGap ? PNL_LINES.filter((line) => !new Decimal(perLine[line]).isZero()) : [],
      marketplaceSums: Object.fromEntries(Object.entries(rawSums).map(([key, value]) => [key, String(value)])),
    };
  });
  return {
    periods,
    closedWithGap: periods.filter((p) => p.isClosed && p.hasGap).length,
  };
}
