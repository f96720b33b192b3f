// The planner's multipliers, each a named number with where it came from, so the drawer can show
// them one by one: seasonality (last year's shape), trend (this window's slope), manual (the seller's).
import { correctedVelocity, type DemandDay, MIN_IN_STOCK_DAYS } from "./velocity";

export type FactorName = "seasonality" | "trend" | "manual";
export type FactorSource = "sku" | "category" | "window" | "user" | "none";

export interface Factor {
  name: FactorName;
  value: number;
  source: FactorSource;
  /** why this value, filled in with the numbers */
  detail: string;
}

/** 13 months: a year back plus the window before it */
export const SEASON_MIN_HISTORY_DAYS = 395;
/** a last-year window needs this many units across both halves to stand on its own */
export const SEASON_MIN_UNITS = 20;
export const SEASON_CLAMP = [1 / 3, 3] as const;
export const TREND_CLAMP = [0.5, 2] as const;
/** slope must be this many standard errors from zero to count */
export const TREND_MIN_T = 2;

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
const r3 = (x: number) => x.toFixed(3);

export interface SeasonalRatio {
  ratio: number | null;
  /** last year's corrected velocity over the window just past (one year before today) */
  pastVelocity: number | null;
  /** last year's corrected velocity over the coming horizon */
  comingVelocity: number | null;
  units: number;
}

/**
 * Last year's ratio of the coming `horizonDays` to the `windowDays` just past, from a history that
 * ends today (oldest first). null ratio when the history is shorter than 13 months or too thin.
 */
export function seasonalRatio(history: readonly DemandDay[], horizonDays: number, windowDays: number): SeasonalRatio {
  const none: SeasonalRatio = { ratio: null, pastVelocity: null, comingVelocity: null, units: 0 };
  const n = history.length;
  if (n < Math.max(SEASON_MIN_HISTORY_DAYS, 365 + windowDays)) return none;
  const yearAgo = n - 365; // the day after "today last year"
  const past = history.slice(yearAgo - windowDays, yearAgo);
  const coming = history.slice(yearAgo, Math.min(n, yearAgo + horizonDays));
  const p = correctedVelocity(past, past.length, Math.min(MIN_IN_STOCK_DAYS, past.length));
  const c = correctedVelocity(coming, coming.length, Math.min(MIN_IN_STOCK_DAYS, coming.length));
  const units = p.inStockUnits + c.inStockUnits;
  if (p.velocity === null || c.velocity === null || p.velocity <= 0 || units < SEASON_MIN_UNITS)
    return { ratio: null, pastVelocity: p.velocity, comingVelocity: c.velocity, units };
  return { ratio: c.velocity / p.velocity, pastVelocity: p.velocity, comingVelocity: c.velocity, units };
}

/** Seasonality from the SKU's own last year, else its category's, else 1. */
export function seasonalityFactor(
  history: readonly DemandDay[],
  horizonDays: number,
  windowDays: number,
  category?: SeasonalRatio | null,
): Factor {
  const own = seasonalRatio(history, horizonDays, windowDays);
  const pick = (s: SeasonalRatio, source: FactorSource): Factor => {
    const value = clamp(s.ratio as number, SEASON_CLAMP);
    return {
      name: "seasonality",
      value,
      source,
      detail: `last year ${horizonDays} d ahead ${r3(s.comingVelocity as number)}/d ÷ ${windowDays} d before ${r3(s.pastVelocity as number)}/d = ${r3(s.ratio as number)}${value !== s.ratio ? ` → clamped ${r3(value)}` : ""}`,
    };
  };
  if (own.ratio !== null) return pick(own, "sku");
  if (category && category.ratio !== null) return pick(category, "category");
  return {
    name: "seasonality",
    value: 1,
    source: "none",
    detail:
      history.length < SEASON_MIN_HISTORY_DAYS
        ? `${history.length} days of history < ${SEASON_MIN_HISTORY_DAYS}: no seasonality`
        : `last year too thin (${own.units} units < ${SEASON_MIN_UNITS}) and no category ratio`,
  };
}

/**
 * Least-squares slope over the window's in-stock days, projected from the window's middle to the
 * middle of the coming horizon; applied only when the slope is TREND_MIN_T standard errors from 0.
 */
export function trendFactor(window: readonly DemandDay[], states: readonly string[], horizonDays: number): Factor {
  const xs: number[] = [];
  const ys: number[] = [];
  window.forEach((day, i) => {
    if (states[i] === "in_stock") {
      xs.push(i);
      ys.push(day.units);
    }
  });
  const flat = (detail: string): Factor => ({ name: "trend", value: 1, source: "none", detail });
  const n = xs.length;
  if (n < MIN_IN_STOCK_DAYS) return flat(`${n} in-stock days: no trend`);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0 || my <= 0) return flat("no spread: no trend");
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - my - slope * (xs[i] - mx)) ** 2;
  const se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Infinity;
  const t = se > 0 ? slope / se : slope === 0 ? 0 : Infinity;
  if (Math.abs(t) < TREND_MIN_T)
    return flat(`slope ${r3(slope)}/d² is ${r3(Math.abs(t))} s.e. from 0 (< ${TREND_MIN_T}): no trend`);
  const ahead = window.length - 1 - mx + (horizonDays + 1) / 2;
  const raw = (my + slope * ahead) / my;
  const value = clamp(raw, TREND_CLAMP);
  return {
    name: "trend",
    value,
    source: "window",
    detail: `(${r3(my)} + ${r3(slope)} × ${ahead.toFixed(1)} d) ÷ ${r3(my)} = ${r3(raw)}${value !== raw ? ` → clamped ${r3(value)}` : ""}`,
  };
}

/** The seller's own multiplier (a planned promotion, a delisting); 1 when none is set. */
export function manualFactor(value: number | null | undefined): Factor {
  if (value === null || value === undefined) return { name: "manual", value: 1, source: "none", detail: "not set" };
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`the manual factor must be above 0, got ${value}`);
  return { name: "manual", value, source: "user", detail: `set by the seller: ${r3(value)}` };
}
