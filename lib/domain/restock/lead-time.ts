// The spread of past lead times (σL in safety stock), one rule wherever the planner runs: the nightly
// advice reads it from the seller's closed supply plans, the backtest from its simulated supplies, so
// the backtest cannot credit the planner with a spread the product does not measure.
import { sampleStd } from "./velocity";

/** the most recent supplies read */
export const LEAD_TIME_SUPPLIES = 12;
/** fewer supplies say nothing about the spread: σL stays 0 */
export const LEAD_TIME_MIN_SUPPLIES = 3;

export interface LeadTimeSpread {
  /** sample standard deviation of the observed lead times, days; 0 with fewer than 3 supplies */
  stdDays: number;
  /** the supplies read (the last 12 at most) */
  supplies: number;
  /** their lead times, days, oldest arrival first */
  days: number[];
}

/** observedDays: each arrived supply's lead time in whole days, ordered by arrival (oldest first). */
export function leadTimeSpread(observedDays: readonly number[]): LeadTimeSpread {
  const days = observedDays.slice(-LEAD_TIME_SUPPLIES);
  return {
    stdDays: days.length >= LEAD_TIME_MIN_SUPPLIES ? sampleStd(days) : 0,
    supplies: days.length,
    days,
  };
}
