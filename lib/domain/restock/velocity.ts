// Stock-out corrected demand: a day the SKU could not be bought at a location says nothing about
// demand, so velocity divides by the days it was in stock there, never by the calendar.

/** One day at one location, oldest first. */
export interface DemandDay {
  /** units ordered that day at this location */
  units: number;
  /** the stock snapshot stored under the day (on hand at the end of it); null when none was taken */
  closing: number | null;
}

/**
 * in_stock: counts toward velocity. out_of_stock: the snapshot says zero. censored: stock was below a
 * day of demand and sales collapsed (the listing starves before it hits zero). spike: far above the
 * typical day (a promotion: not baseline demand; the manual factor plans the next one). unknown: no
 * snapshot and no sale, so nothing can be said.
 */
export type DayState = "in_stock" | "out_of_stock" | "censored" | "spike" | "unknown";

export const DEFAULT_WINDOW_DAYS = 28;
/** fewer in-stock days than this and demand is "not observed", never zero */
export const MIN_IN_STOCK_DAYS = 7;
/** a day whose sales fell below this share of the velocity while stock was near zero is censored */
export const COLLAPSE_SHARE = 0.5;
/** a long stock-out looks this far back for its in-stock days before calling demand not observed */
export const MAX_LOOKBACK_DAYS = 91;

/**
 * A day above median + 4√median + 2 units is a spike, judged only where the median in-stock day sells
 * (intermittent demand has a median of 0 and no spikes). For Poisson demand of 1/day the bound is 7
 * units (P = 0.0001), of 10/day 24.6 (P < 0.0001): ordinary days stay in.
 */
export function spikeBound(inStockUnits: readonly number[]): number | null {
  if (inStockUnits.length < MIN_IN_STOCK_DAYS) return null;
  const sorted = [...inStockUnits].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  if (median < 1) return null;
  return median + 4 * Math.sqrt(median) + 2;
}

export interface VelocityResult {
  /** units per in-stock day; null when demand was not observed */
  velocity: number | null;
  isObserved: boolean;
  windowDays: number;
  inStockDays: number;
  outOfStockDays: number;
  censoredDays: number;
  unknownDays: number;
  spikeDays: number;
  /** days actually read: the window, or more when a long stock-out left fewer than 7 in-stock days */
  lookbackDays: number;
  /** units ordered on the in-stock days (the numerator) */
  inStockUnits: number;
  /** sample standard deviation of units over the in-stock days; 0 when fewer than 2 */
  dailyStd: number;
  states: DayState[];
  /** the division filled in, e.g. "54 units / 18 in-stock days = 3.000" */
  formula: string;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((acc, v) => acc + (v - m) ** 2, 0) / (values.length - 1));
}

/** how far back the safety stock looks for spikes (a quarter: promotions a few weeks apart show in it) */
export const SPIKE_RISK_DAYS = 91;

export interface SpikeRisk {
  /** sample standard deviation of units over the in-stock and spike days */
  dailyStd: number;
  spikeDays: number;
  /** days read (the last SPIKE_RISK_DAYS, or fewer when the history is shorter) */
  days: number;
}

/**
 * The daily spread counting spike days, over the last `days` of `days` (oldest first). Velocity leaves
 * spikes out (they are not the baseline), but a SKU that spiked this quarter can spike again within the
 * lead time: an unannounced promotion drains the stock before any supply can answer it, so safety stock
 * reads this spread instead of the velocity window's when it is wider. null when no day spiked or fewer
 * than 7 days count.
 */
export function spikeRisk(history: readonly DemandDay[], days: number = SPIKE_RISK_DAYS): SpikeRisk | null {
  const window = history.slice(history.length - Math.min(days, history.length));
  const states = classifyDays(window);
  const spikeDays = states.filter((s) => s === "spike").length;
  if (spikeDays === 0) return null;
  const units = window.filter((_, i) => states[i] === "in_stock" || states[i] === "spike").map((d) => d.units);
  if (units.length < MIN_IN_STOCK_DAYS) return null;
  return { dailyStd: sampleStd(units), spikeDays, days: window.length };
}

/** Classifies each day; `reference` is the velocity a day is compared with to spot a collapse. */
export function classifyDays(days: readonly DemandDay[], reference?: number): DayState[] {
  const ref =
    reference ??
    mean(
      days
        .filter((day) => (day.closing !== null && day.closing > 0) || (day.closing === null && day.units > 0))
        .map((day) => day.units),
    );
  const states: DayState[] = days.map((day) => {
    if (day.closing === null) return day.units > 0 ? "in_stock" : "unknown";
    if (day.closing <= 0) return "out_of_stock";
    if (ref > 0 && day.closing < ref && day.units < COLLAPSE_SHARE * ref) return "censored";
    return "in_stock";
  });
  const bound = spikeBound(days.filter((_, i) => states[i] === "in_stock").map((d) => d.units));
  if (bound !== null) days.forEach((day, i) => states[i] === "in_stock" && day.units > bound && (states[i] = "spike"));
  return states;
}

/**
 * Corrected velocity over the last `windowDays` of `days` (oldest first). When a stock-out leaves
 * fewer than `minInStockDays` in-stock days, the window grows by whole windows up to
 * `maxLookbackDays` (demand before the stock-out is the best evidence left; zero would lock the SKU
 * out of stock for good, since a SKU with no stock never shows demand again).
 */
export function correctedVelocity(
  days: readonly DemandDay[],
  windowDays: number = DEFAULT_WINDOW_DAYS,
  minInStockDays: number = MIN_IN_STOCK_DAYS,
  maxLookbackDays: number = MAX_LOOKBACK_DAYS,
): VelocityResult {
  let lookbackDays = Math.min(windowDays, days.length);
  let window = days.slice(days.length - lookbackDays);
  let states = classifyDays(window);
  const inStockCount = () => states.filter((s) => s === "in_stock").length;
  while (inStockCount() < minInStockDays && lookbackDays < Math.min(maxLookbackDays, days.length)) {
    lookbackDays = Math.min(lookbackDays + windowDays, maxLookbackDays, days.length);
    window = days.slice(days.length - lookbackDays);
    states = classifyDays(window);
  }
  const inStock: number[] = [];
  let outOfStockDays = 0;
  let censoredDays = 0;
  let unknownDays = 0;
  let spikeDays = 0;
  window.forEach((day, i) => {
    if (states[i] === "in_stock") inStock.push(day.units);
    else if (states[i] === "out_of_stock") outOfStockDays++;
    else if (states[i] === "censored") censoredDays++;
    else if (states[i] === "spike") spikeDays++;
    else unknownDays++;
  });
  const inStockUnits = inStock.reduce((a, b) => a + b, 0);
  const isObserved = inStock.length >= minInStockDays;
  const velocity = isObserved ? inStockUnits / inStock.length : null;
  return {
    velocity,
    isObserved,
    windowDays,
    inStockDays: inStock.length,
    outOfStockDays,
    censoredDays,
    unknownDays,
    spikeDays,
    lookbackDays,
    inStockUnits,
    dailyStd: sampleStd(inStock),
    states,
    formula: isObserved
      ? `${inStockUnits} units / ${inStock.length} in-stock days = ${(velocity as number).toFixed(3)}${lookbackDays > windowDays ? ` (looked back ${lookbackDays} days)` : ""}`
      : `${inStock.length} in-stock days < ${minInStockDays} in ${lookbackDays} days: demand not observed`,
  };
}
