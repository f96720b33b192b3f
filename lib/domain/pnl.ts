// P&L rules as pure functions. lib/services/metrics computes the same numbers in SQL; a property
// test holds the two together.
import { Decimal, type MoneyInput, toDecimal } from "./money";

export interface CostHistoryEntry {
  /** business day (YYYY-MM-DD) from which the cost applies */
  dtFrom: string;
  costPrice: MoneyInput;
}

/** Net revenue = gross - refunds - promo - delivery - commission. */
export function calcRevenueNet(
  revenueGross: MoneyInput,
  refundsAmount: MoneyInput,
  promoCost: MoneyInput,
  deliveryCost: MoneyInput,
  commissionAmount: MoneyInput,
): Decimal {
  return toDecimal(revenueGross)
    .minus(toDecimal(refundsAmount))
    .minus(toDecimal(promoCost))
    .minus(toDecimal(deliveryCost))
    .minus(toDecimal(commissionAmount));
}

/** The unit cost effective on day d: the latest entry with dtFrom <= d, or null when there is none. */
export function findCostPrice(d: string, costHistory: readonly CostHistoryEntry[]): Decimal | null {
  let best: CostHistoryEntry | undefined;
  for (const entry of costHistory) {
    if (entry.dtFrom <= d && (!best || entry.dtFrom > best.dtFrom)) best = entry;
  }
  return best ? toDecimal(best.costPrice) : null;
}

/**
 * Cost of goods sold for qty units on day d. With no cost price effective on d the result is 0;
 * callers that must tell "no cost price" apart (metrics, UI) use findCostPrice.
 */
export function calcCogs(qty: number, d: string, costHistory: readonly CostHistoryEntry[]): Decimal {
  const cost = findCostPrice(d, costHistory);
  return cost ? cost.times(qty) : new Decimal(0);
}

export function calcProfit(revenueNet: MoneyInput, cogs: MoneyInput, marketing: MoneyInput = 0): Decimal {
  return toDecimal(revenueNet).minus(toDecimal(cogs)).minus(toDecimal(marketing));
}

/** Margin in percent of net revenue; 0 when net revenue is zero or negative. */
export function calcMargin(profit: MoneyInput, revenueNet: MoneyInput): Decimal {
  const revenue = toDecimal(revenueNet);
  if (revenue.lte(0)) return new Decimal(0);
  return toDecimal(profit).div(revenue).times(100);
}
