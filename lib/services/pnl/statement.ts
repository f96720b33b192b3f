// The P&L statement of a period: the twelve signed lines (lib/domain/pnl-lines.ts), each split into
// its SKU-level part (metrics_daily, estimates for provisional days included) and its store-level part
// (finance lines that name no SKU), then net sales, payout, COGS and gross profit. Pure SQL reads on a
// Db, so the CLI, the pages and the tests share them. Money is exact: numeric sums come back as text
// and any arithmetic on them is done with Decimal.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { type AllocationRule, allocateAmount } from "@/lib/domain/allocation";
import { addDays, daysBetween } from "@/lib/domain/dates";
import { isPeriodCovered } from "@/lib/domain/periods";
import { Decimal, percentOf, toMoneyString } from "@/lib/domain/money";
import { grossProfitWithCost } from "@/lib/domain/pnl";
import {
  COST_LINES,
  eachLine,
  PNL_LINES,
  PNL_ROWS,
  type PnlLine,
  type PnlRow,
  rowAmount,
  sumOfLines,
} from "@/lib/domain/pnl-lines";

export interface PnlFilter {
  /** first business day, YYYY-MM-DD */
  from: string;
  /** last business day, inclusive */
  to: string;
  /** stores (accounts.id) to include; null or absent: every store (and SKUs of no store) */
  accountIds?: number[] | null;
  marketplace?: Marketplace;
}

export interface PnlLineAmount {
  /** the lines of SKU-level metrics (metrics_daily), estimates included */
  skuLevel: string;
  /** finance lines that name no SKU */
  storeLevel: string;
  total: string;
  /** total / net sales x 100, 2 decimals; null when net sales <= 0 */
  percentOfNetSales: string | null;
  /** of the total, the part estimated for sales not settled yet (commission and logistics only) */
  estimated: string;
  /** estimated / total x 100; null when the total is 0 */
  estimatedShare: string | null;
}

export interface PnlStatement {
  from: string;
  to: string;
  lines: Record<PnlLine, PnlLineAmount>;
  /** sales + returns (seller's price) */
  netSales: string;
  /** net sales not settled by a finance line yet */
  provisionalSales: string;
  /** provisional sales / net sales x 100 */
  provisionalShare: string | null;
  /** sum of the SKU-level parts of the twelve lines */
  skuLevelPayout: string;
  /** sum of the store-level parts */
  storeLevelPayout: string;
  /** what the marketplaces owe for the period: every line, SKU and store level */
  payout: string;
  /** cost of goods of the SKU-days with a cost price: negative */
  cogs: string;
  /** payout + cogs */
  grossProfit: string;
  /** net sales of the SKU-days with a cost price: margin's denominator */
  netSalesWithCost: string;
  /** net sales with cost / net sales x 100: how much of the period the margin speaks for */
  costCoverage: string | null;
  /**
   * gross profit of the same rows: the SKU-days with a cost price, plus the store-level lines in
   * proportion of their net sales (all of them at full coverage)
   */
  grossProfitWithCost: string;
  /** grossProfitWithCost / netSalesWithCost x 100 */
  margin: string | null;
  /** grossProfitWithCost / |cogs| x 100 */
  roi: string | null;
  /** some SKU-day of the period had metrics or a store-level line */
  hasData: boolean;
}

/** `<alias>.account_id in (...)` for a store list; `true` for all stores. */
function accountCondition(alias: string, accountIds: number[] | null | undefined): SQL {
  if (accountIds === null || accountIds === undefined) return sql`true`;
  if (accountIds.length === 0) return sql`false`;
  return sql`${sql.raw(alias)}.account_id in (${sql.join(
    accountIds.map((id) => sql`${id}::int`),
    sql`, `,
  )})`;
}

function marketplaceCondition(alias: string, marketplace: Marketplace | undefined): SQL {
  return marketplace ? sql`${sql.raw(alias)}.marketplace = ${marketplace}` : sql`true`;
}

/** metrics_daily m joined to sku s, restricted to the filter. */
function skuWhere(filter: PnlFilter): SQL {
  return sql`m.d between ${filter.from}::date and ${filter.to}::date
    and ${accountCondition("s", filter.accountIds)} and ${marketplaceCondition("s", filter.marketplace)}`;
}

/** finance_lines f that name no SKU, restricted to the filter. */
function storeWhere(filter: PnlFilter): SQL {
  return sql`f.sku_id is null and f.d between ${filter.from}::date and ${filter.to}::date
    and ${accountCondition("f", filter.accountIds)} and ${marketplaceCondition("f", filter.marketplace)}`;
}

const lineSums = (alias: string) =>
  sql.raw(eachLine((line) => `coalesce(sum(${alias}.${line}), 0)::text as ${line}`, ",\n      "));

const dec = (value: unknown): Decimal => new Decimal(value === null || value === undefined ? 0 : String(value));

export async function pnlStatement(db: Db, filter: PnlFilter): Promise<PnlStatement> {
  const [skuResult, storeResult] = await Promise.all([
    // the SKU-level lines from the per-store daily totals recalculateMetrics keeps (a few rows per day)
    db.execute(sql`
    select
      ${lineSums("t")},
      coalesce(sum(t.estimated_commission), 0)::text as estimated_commission,
      coalesce(sum(t.estimated_logistics), 0)::text as estimated_logistics,
      coalesce(sum(t.provisional_sales), 0)::text as provisional_sales,
      coalesce(sum(t.cogs), 0)::text as cogs,
      coalesce(sum(t.net_sales_with_cost), 0)::text as net_sales_with_cost,
      -- profit = payout - cogs over the rows with a cost price
      coalesce(sum(t.profit + t.cogs), 0)::text as payout_with_cost,
      count(*)::int as n
    from metrics_store_daily t ${filter.marketplace ? sql`join accounts a on a.id = t.account_id` : sql``}
    where t.d between ${filter.from}::date and ${filter.to}::date
      and ${accountCondition("t", filter.accountIds)} and ${marketplaceCondition("a", filter.marketplace)}
  `),
    db.execute(sql`
    select ${lineSums("f")}, count(*)::int as n
    from finance_lines f
    where ${storeWhere(filter)}
  `),
  ]);
  const k = rowsOf<Record<string, string | number | null>>(skuResult)[0] ?? {};
  const f = rowsOf<Record<string, string | number | null>>(storeResult)[0] ?? {};

  let skuPayout = new Decimal(0);
  let storePayout = new Decimal(0);
  const totals = {} as Record<PnlLine, Decimal>;
  for (const line of PNL_LINES) {
    skuPayout = skuPayout.plus(dec(k[line]));
    storePayout = storePayout.plus(dec(f[line]));
    totals[line] = dec(k[line]).plus(dec(f[line]));
  }
  const netSales = totals.sales.plus(totals.returns);
  const estimated: Partial<Record<PnlLine, Decimal>> = {
    commission: dec(k.estimated_commission),
    logistics: dec(k.estimated_logistics),
  };
  const lines = {} as Record<PnlLine, PnlLineAmount>;
  for (const line of PNL_LINES) {
    const est = estimated[line] ?? new Decimal(0);
    lines[line] = {
      skuLevel: toMoneyString(dec(k[line])),
      storeLevel: toMoneyString(dec(f[line])),
      total: toMoneyString(totals[line]),
      percentOfNetSales: percentOf(totals[line], netSales, { positive: true }),
      estimated: toMoneyString(est),
      estimatedShare: est.isZero() ? null : percentOf(est, totals[line]),
    };
  }
  const payout = skuPayout.plus(storePayout);
  const cogs = dec(k.cogs).negated();
  const grossProfit = payout.plus(cogs);
  const netSalesWithCost = dec(k.net_sales_with_cost);
  const grossProfitCosted = grossProfitWithCost({
    skuProfitWithCost: dec(k.payout_with_cost).plus(cogs),
    storeLevel: storePayout,
    netSales,
    netSalesWithCost,
  });
  return {
    from: filter.from,
    to: filter.to,
    lines,
    netSales: toMoneyString(netSales),
    provisionalSales: toMoneyString(dec(k.provisional_sales)),
    provisionalShare: percentOf(dec(k.provisional_sales), netSales, { positive: true }),
    skuLevelPayout: toMoneyString(skuPayout),
    storeLevelPayout: toMoneyString(storePayout),
    payout: toMoneyString(payout),
    cogs: toMoneyString(cogs),
    grossProfit: toMoneyString(grossProfit),
    netSalesWithCost: toMoneyString(netSalesWithCost),
    costCoverage: percentOf(netSalesWithCost, netSales, { positive: true }),
    grossProfitWithCost: toMoneyString(grossProfitCosted),
    margin: percentOf(grossProfitCosted, netSalesWithCost, { positive: true }),
    roi: cogs.isZero() ? null : percentOf(grossProfitCosted, cogs.abs()),
    hasData: Number(k.n ?? 0) > 0 || Number(f.n ?? 0) > 0,
  };
}

/** The period of the same length right before [from, to]. */
export function previousPnlPeriod(from: string, to: string): { from: string; to: string } {
  const len = daysBetween(from, to) + 1;
  return { from: addDays(from, -len), to: addDays(from, -1) };
}

export interface PnlComparison {
  current: PnlStatement;
  previous: PnlStatement;
  /** per row: current - previous */
  change: Record<PnlRow, string>;
  /**
   * per row: change / |previous| x 100; null when the previous amount is 0, and on every row when
   * the previous period is not fully covered by history (see historyFrom)
   */
  changePercent: Record<PnlRow, string | null>;
  /** the first day with any data in the filter's stores and marketplace; null when there is none */
  historyFrom: string | null;
  /** history starts on or before the previous period's first day, so a percentage compares like with like */
  isPreviousCovered: boolean;
}

/**
 * The first day with activity (a SKU that sold, was returned or was paid for, or a store-level line) in
 * the filter's stores, whatever the dates. Not merely the first row: recalculation writes every SKU x
 * day of its range, zeros included, so the first row is where the first recalculation began (the
 * first sync's 90 days, or the day a cost price was backdated to), not where the history does.
 */
/** The first day with any activity in the filter's stores, as a scalar SQL expression (a date, or null). */
export function firstDataDaySql(filter: Omit<PnlFilter, "from" | "to">): SQL {
  return sql`least(
      (select min(t.d) from metrics_store_daily t
        ${filter.marketplace ? sql`join accounts a on a.id = t.account_id` : sql``}
        where ${accountCondition("t", filter.accountIds)} and ${marketplaceCondition("a", filter.marketplace)}
          and (t.active_skus > 0 or t.store_level_payout <> 0)),
      (select min(f.d) from finance_lines f
        where f.sku_id is null and ${accountCondition("f", filter.accountIds)}
          and ${marketplaceCondition("f", filter.marketplace)})
    )`;
}

export async function firstDataDay(db: Db, filter: Omit<PnlFilter, "from" | "to">): Promise<string | null> {
  const result = await db.execute(sql`select ${firstDataDaySql(filter)}::text as first_day`);
  return rowsOf<{ first_day: string | null }>(result)[0]?.first_day ?? null;
}

/** The statement of the period and of the period of equal length before it. */
export async function pnlComparison(db: Db, filter: PnlFilter): Promise<PnlComparison> {
  const previousRange = previousPnlPeriod(filter.from, filter.to);
  // on PostgreSQL the queries run on several connections at once (PGlite queues them)
  const [current, previous, historyFrom] = await Promise.all([
    pnlStatement(db, filter),
    pnlStatement(db, { ...filter, ...previousRange }),
    firstDataDay(db, filter),
  ]);
  const isPreviousCovered = isPeriodCovered(previousRange, historyFrom);
  const change = {} as Record<PnlRow, string>;
  const changePercent = {} as Record<PnlRow, string | null>;
  for (const row of PNL_ROWS) {
    const cur = new Decimal(rowAmount(current, row));
    const prev = new Decimal(rowAmount(previous, row));
    change[row] = toMoneyString(cur.minus(prev));
    changePercent[row] = isPreviousCovered ? percentOf(cur.minus(prev), prev.abs()) : null;
  }
  return { current, previous, change, changePercent, historyFrom, isPreviousCovered };
}

/** What a drill-down can list per SKU: one of the twelve lines or a total. */
export type PnlDrillLine = PnlLine | "net_sales" | "payout" | "cogs" | "gross_profit";

export function isPnlDrillLine(value: unknown): value is PnlDrillLine {
  return typeof value === "string" && (PNL_ROWS as readonly string[]).includes(value);
}

export interface PnlLineBySkuOptions extends PnlFilter {
  line: PnlDrillLine;
  /** how the store-level part of the line is spread over the store's SKUs ("none": not at all) */
  allocation?: AllocationRule;
  limit?: number;
  offset?: number;
  /** default: costs (and COGS) most negative first, everything else largest first */
  dir?: "asc" | "desc";
}

export interface PnlSkuRow {
  skuId: number;
  accountId: number | null;
  marketplace: Marketplace;
  article: string | null;
  name: string | null;
  /** the SKU's own amount of the line */
  amount: string;
  /** its share of its store's store-level amount of the line, by the allocation rule */
  allocated: string;
  /** amount + allocated */
  fullyLoaded: string;
  netSales: string;
  /** units sold less units returned */
  units: number;
}

export interface PnlLineBySku {
  line: PnlDrillLine;
  allocation: AllocationRule;
  /** the page of SKUs */
  rows: PnlSkuRow[];
  /** SKUs with a non-zero amount or allocation, across all pages */
  total: number;
  /** sum of every SKU's amount: the line's SKU-level amount */
  skuLevel: string;
  /** the line's store-level amount */
  storeLevel: string;
  /** of the store-level amount, what the rule spread over SKUs */
  allocated: string;
  /** what stays at store level (rule "none", or a store with no SKU to carry it) */
  unallocated: string;
}

function skuAmountExpression(line: PnlDrillLine): SQL {
  switch (line) {
    case "net_sales":
      return sql`coalesce(sum(m.net_sales), 0)`;
    case "payout":
      return sql.raw(`coalesce(sum(${sumOfLines("m")}), 0)`);
    case "cogs":
      return sql`-coalesce(sum(m.cogs), 0)`;
    case "gross_profit":
      return sql.raw(`coalesce(sum(${sumOfLines("m")}), 0) - coalesce(sum(m.cogs), 0)`);
    default:
      return sql.raw(`coalesce(sum(m.${line}), 0)`);
  }
}

function storeAmountExpression(line: PnlDrillLine): SQL {
  switch (line) {
    case "net_sales":
      return sql`coalesce(sum(f.sales + f.returns), 0)`;
    case "payout":
    case "gross_profit":
      return sql.raw(`coalesce(sum(${sumOfLines("f")}), 0)`);
    case "cogs":
      return sql`0`;
    default:
      return sql.raw(`coalesce(sum(f.${line}), 0)`);
  }
}

/** The SKUs behind one line of the statement, each with its amount (and allocated store-level share). */
export async function pnlLineBySku(db: Db, options: PnlLineBySkuOptions): Promise<PnlLineBySku> {
  const rule = options.allocation ?? "none";
  const skuResult = await db.execute(sql`
    select s.id as sku_id, s.account_id, s.marketplace, s.article, s.name,
      (${skuAmountExpression(options.line)})::text as amount,
      coalesce(sum(m.net_sales), 0)::text as net_sales,
      coalesce(sum(m.qty - m.refunds_qty), 0)::bigint as units
    from metrics_daily m join sku s on s.id = m.sku_id
    where ${skuWhere(options)}
    group by s.id
    order by s.id
  `);
  const storeResult = await db.execute(sql`
    select f.account_id, (${storeAmountExpression(options.line)})::text as amount
    from finance_lines f
    where ${storeWhere(options)}
    group by f.account_id
    order by f.account_id
  `);
  const skus = rowsOf<{
    sku_id: number;
    account_id: number | null;
    marketplace: Marketplace;
    article: string | null;
    name: string | null;
    amount: string;
    net_sales: string;
    units: number | string;
  }>(skuResult).map((r) => ({
    skuId: Number(r.sku_id),
    accountId: r.account_id === null ? null : Number(r.account_id),
    marketplace: r.marketplace,
    article: r.article,
    name: r.name,
    amount: toMoneyString(dec(r.amount)),
    allocated: "0.00",
    fullyLoaded: "0.00",
    netSales: toMoneyString(dec(r.net_sales)),
    units: Number(r.units),
  }));
  let skuLevel = new Decimal(0);
  for (const r of skus) skuLevel = skuLevel.plus(r.amount);

  let storeLevel = new Decimal(0);
  let allocated = new Decimal(0);
  const byAccount = new Map<number, PnlSkuRow[]>();
  for (const r of skus) {
    if (r.accountId === null) continue;
    const list = byAccount.get(r.accountId) ?? [];
    list.push(r);
    byAccount.set(r.accountId, list);
  }
  for (const s of rowsOf<{ account_id: number; amount: string }>(storeResult)) {
    const amount = dec(s.amount);
    storeLevel = storeLevel.plus(amount);
    const targets = byAccount.get(Number(s.account_id)) ?? [];
    if (rule === "none" || amount.isZero() || targets.length === 0) continue;
    const parts = allocateAmount(amount, targets, rule);
    targets.forEach((t, i) => {
      t.allocated = parts[i];
      allocated = allocated.plus(parts[i]);
    });
  }
  for (const r of skus) r.fullyLoaded = toMoneyString(new Decimal(r.amount).plus(r.allocated));

  const ascending =
    (options.dir ??
      ((COST_LINES as readonly string[]).includes(options.line) || options.line === "cogs" ? "asc" : "desc")) === "asc";
  const listed = skus
    .filter((r) => !new Decimal(r.amount).isZero() || !new Decimal(r.allocated).isZero())
    .sort((a, b) => {
      const c = new Decimal(a.fullyLoaded).comparedTo(b.fullyLoaded);
      if (c !== 0) return ascending ? c : -c;
      return a.skuId - b.skuId;
    });
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(0, options.limit ?? 50);
  return {
    line: options.line,
    allocation: rule,
    rows: listed.slice(offset, offset + limit),
    total: listed.length,
    skuLevel: toMoneyString(skuLevel),
    storeLevel: toMoneyString(storeLevel),
    allocated: toMoneyString(allocated),
    unallocated: toMoneyString(storeLevel.minus(allocated)),
  };
}
