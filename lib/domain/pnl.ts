// P&L rules as pure functions. lib/services/metrics computes the same numbers in SQL
// (recalculateMetricsStatement); a property test holds the two together.
//
// A SKU's day: the twelve P&L lines of lib/domain/pnl-lines.ts summed over its daily_sales rows,
// signed from the seller's view, plus two estimates for what the finance report has not settled yet:
// - commission on provisional sales the feed stated none for (unpriced sales), from the rule in force
//   on the day: -round(unpriced x percent / 100, 2), inside `commission`;
// - logistics for provisional units at the SKU's (else its store's) settled logistics per settled
//   unit: round(settled logistics x provisional units / settled units, 2), inside `logistics`.
// Then net_sales = sales + returns; payout = the twelve lines (estimates included); cogs = units sold x
// the cost effective on the day - units returned x the cost effective on their sale's day (positive,
// NULL when units were sold without a cost price); profit = payout - cogs; margin = profit / net_sales
// x 100 (NULL without cogs, 0 when net_sales <= 0).
import { commissionPercent, type CommissionRule } from "./commission";
import { Decimal, type MoneyInput, toDecimal } from "./money";
import { PNL_LINES, type PnlLine } from "./pnl-lines";

export interface CostHistoryEntry {
  /** business day (YYYY-MM-DD) from which the cost applies */
  dtFrom: string;
  costPrice: MoneyInput;
}

/** The unit cost effective on day d: the latest entry with dtFrom <= d, or null when there is none. */
export function findCostPrice(d: string, costHistory: readonly CostHistoryEntry[]): Decimal | null {
  let best: CostHistoryEntry | undefined;
  for (const entry of costHistory) {
    if (entry.dtFrom <= d && (!best || entry.dtFrom > best.dtFrom)) best = entry;
  }
  return best ? toDecimal(best.costPrice) : null;
}

/** Units returned on a day, with the day their sale was counted (null: the sale is older than the data). */
export interface ReturnedUnits {
  qty: number;
  saleD: string | null;
}

/**
 * Cost of goods sold on day d (positive): qty units at the cost effective on d, less the returned
 * units at the cost effective on their sale's day (the return's own day when the sale is unknown).
 * NULL when units were sold on d without a cost price; a returned unit whose cost is unknown reverses
 * nothing.
 */
export function calcCogs(
  d: string,
  qty: number,
  returned: readonly ReturnedUnits[],
  costHistory: readonly CostHistoryEntry[],
): Decimal | null {
  const cost = findCostPrice(d, costHistory);
  if (cost === null && qty > 0) return null;
  let cogs = (cost ?? new Decimal(0)).times(qty);
  for (const r of returned) {
    const saleCost = findCostPrice(r.saleD ?? d, costHistory);
    if (saleCost !== null) cogs = cogs.minus(saleCost.times(r.qty));
  }
  return cogs;
}

/** Largest margin the metrics column holds: a huge loss on tiny sales is capped to fit numeric(9,2). */
export const MARGIN_CAP = new Decimal("9999999.99");

/** Margin in percent of net sales, rounded to 2 places; 0 when net sales are zero or negative. */
export function calcMargin(profit: MoneyInput, netSales: MoneyInput): Decimal {
  const sales = toDecimal(netSales);
  if (sales.lte(0)) return new Decimal(0);
  const margin = toDecimal(profit).times(100).div(sales).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return Decimal.min(MARGIN_CAP, Decimal.max(MARGIN_CAP.neg(), margin));
}

/**
 * A period's margin numerator over the same rows as its denominator (net sales of the SKU-days with a
 * cost price): their gross profit, carrying the store-level lines (storage, deductions) in proportion
 * of their share of net sales, all of them at full coverage and none when no row has a cost price.
 */
export function grossProfitWithCost(p: {
  skuProfitWithCost: MoneyInput;
  storeLevel: MoneyInput;
  netSales: MoneyInput;
  netSalesWithCost: MoneyInput;
}): Decimal {
  const netSales = toDecimal(p.netSales);
  const withCost = toDecimal(p.netSalesWithCost);
  const storeLevel = toDecimal(p.storeLevel);
  const storeShare =
    netSales.gt(0) && !withCost.eq(netSales)
      ? storeLevel.times(withCost).div(netSales)
      : withCost.isZero()
        ? new Decimal(0)
        : storeLevel;
  return toDecimal(p.skuProfitWithCost).plus(storeShare);
}

/** Settled logistics (signed, normally negative) over the settled units sold it was charged for. */
export interface LogisticsRate {
  logistics: MoneyInput;
  units: number;
}

/** The logistics rate from settled history: the SKU's when it sold settled units, else its store's. */
export function chooseLogisticsRate(
  skuRate: LogisticsRate | null,
  storeRate: LogisticsRate | null,
): LogisticsRate | null {
  if (skuRate && skuRate.units > 0) return skuRate;
  if (storeRate && storeRate.units > 0) return storeRate;
  return null;
}

/** Estimated logistics of provisional units: round(logistics x units / settled units, 2); null when none. */
export function estimateLogistics(provisionalQty: number, rate: LogisticsRate | null): Decimal | null {
  if (provisionalQty <= 0 || rate === null || rate.units <= 0) return null;
  return toDecimal(rate.logistics).times(provisionalQty).div(rate.units).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Estimated commission (signed: a cost, so negative for positive sales) of unpriced sales under the
 * rule in force; null without a rule or without unpriced sales. The percent is the SKU category's,
 * else the price band of the unit price unpriced sales / provisional units, else the default.
 */
export function estimateDayCommission(
  rule: CommissionRule | null,
  category: string | null,
  unpricedSales: MoneyInput,
  provisionalQty: number,
): Decimal | null {
  const base = toDecimal(unpricedSales);
  if (rule === null || base.isZero()) return null;
  const percent = commissionPercent(rule, { category, qty: provisionalQty, revenueGross: base });
  return base.times(percent).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).neg();
}

export interface PnlDayInput {
  d: string;
  /** the day's P&L lines summed over the SKU's daily_sales rows, signed; missing lines are 0 */
  lines: Partial<Record<PnlLine, MoneyInput>>;
  /** units sold (settled and provisional) */
  qty: number;
  /** of which not settled by a finance line yet */
  provisionalQty: number;
  /** provisional sales net of returns whose feed stated no commission */
  unpricedSales: MoneyInput;
  category: string | null;
  /** the commission rule in force on d for the SKU's marketplace */
  rule: CommissionRule | null;
  /** chooseLogisticsRate(...) for the SKU */
  logisticsRate: LogisticsRate | null;
  costHistory: readonly CostHistoryEntry[];
  /** units returned on d with their sale's day */
  returned: readonly ReturnedUnits[];
}

export interface PnlDay {
  /** the twelve lines, commission and logistics with their estimates */
  lines: Record<PnlLine, Decimal>;
  estimatedCommission: Decimal;
  estimatedLogistics: Decimal;
  isCommissionEstimated: boolean;
  isLogisticsEstimated: boolean;
  netSales: Decimal;
  payout: Decimal;
  cogs: Decimal | null;
  profit: Decimal | null;
  margin: Decimal | null;
}

/** A SKU's day of metrics_daily from its facts (see the file's head comment). */
export function derivePnlDay(input: PnlDayInput): PnlDay {
  const lines = Object.fromEntries(PNL_LINES.map((l) => [l, toDecimal(input.lines[l] ?? 0)])) as Record<
    PnlLine,
    Decimal
  >;
  const commission = estimateDayCommission(input.rule, input.category, input.unpricedSales, input.provisionalQty);
  const logistics = estimateLogistics(input.provisionalQty, input.logisticsRate);
  const estimatedCommission = commission ?? new Decimal(0);
  const estimatedLogistics = logistics ?? new Decimal(0);
  lines.commission = lines.commission.plus(estimatedCommission);
  lines.logistics = lines.logistics.plus(estimatedLogistics);
  const netSales = lines.sales.plus(lines.returns);
  const payout = PNL_LINES.reduce((sum, l) => sum.plus(lines[l]), new Decimal(0));
  const cogs = calcCogs(input.d, input.qty, input.returned, input.costHistory);
  const profit = cogs === null ? null : payout.minus(cogs);
  return {
    lines,
    estimatedCommission,
    estimatedLogistics,
    isCommissionEstimated: commission !== null,
    isLogisticsEstimated: logistics !== null,
    netSales,
    payout,
    cogs,
    profit,
    margin: profit === null ? null : calcMargin(profit, netSales),
  };
}
