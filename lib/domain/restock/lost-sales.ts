// Lost sales: each day out of stock (or censored) × the corrected velocity of the in-stock days
// before it, less what still sold that day. Units, then revenue and profit at the P&L's unit figures.
import { correctedVelocity, type DemandDay, DEFAULT_WINDOW_DAYS, MIN_IN_STOCK_DAYS } from "./velocity";

/** how far back a long stock-out looks for in-stock days */
export const LOST_SALES_MAX_LOOKBACK_DAYS = 91;

export interface LostSales {
  units: number;
  stockOutDays: number;
  /** stock-out days with no observed velocity to price them (left out of `units`) */
  unpricedDays: number;
  /** kopecks; null when no price was given */
  revenueKopecks: number | null;
  profitKopecks: number | null;
  formula: string;
}

export interface LostSalesInput {
  /** the whole series, oldest first; the period is its last `periodDays` */
  days: readonly DemandDay[];
  periodDays: number;
  /** average selling price per unit in kopecks (from the P&L) */
  unitPriceKopecks?: number | null;
  /** profit per unit in kopecks (from the P&L) */
  unitProfitKopecks?: number | null;
  windowDays?: number;
}

export function estimateLostSales(input: LostSalesInput): LostSales {
  const window = input.windowDays ?? DEFAULT_WINDOW_DAYS;
  const { days } = input;
  const from = Math.max(0, days.length - input.periodDays);
  let units = 0;
  let stockOutDays = 0;
  let unpricedDays = 0;
  let velocitySum = 0;
  for (let i = from; i < days.length; i++) {
    // the day's own state, judged against the window that ends with it
    const upTo = days.slice(Math.max(0, i + 1 - window), i + 1);
    const state = correctedVelocity(upTo, upTo.length, 1).states.at(-1);
    if (state !== "out_of_stock" && state !== "censored") continue;
    stockOutDays++;
    const v = correctedVelocity(
      days.slice(Math.max(0, i + 1 - LOST_SALES_MAX_LOOKBACK_DAYS), i + 1),
      window,
      MIN_IN_STOCK_DAYS,
      LOST_SALES_MAX_LOOKBACK_DAYS,
    ).velocity;
    if (v === null) {
      unpricedDays++;
      continue;
    }
    velocitySum += v;
    units += Math.max(0, v - days[i].units);
  }
  const priced = stockOutDays - unpricedDays;
  const money = (perUnit: number | null | undefined) =>
    perUnit === null || perUnit === undefined ? null : Math.round(units * perUnit);
  return {
    units,
    stockOutDays,
    unpricedDays,
    revenueKopecks: money(input.unitPriceKopecks),
    profitKopecks: money(input.unitProfitKopecks),
    formula:
      priced > 0
        ? `${priced} days out of stock × ${(velocitySum / priced).toFixed(3)}/day (less units still sold) = ${units.toFixed(1)} units`
        : "no priced stock-out days",
  };
}
