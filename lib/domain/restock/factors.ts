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
/**
 * last year's level may differ from this year's by at most this multiple (either way): beyond it the
 * SKU was launching or fading then, and last year's shape is that ramp, not a season
 */
export const SEASON_MAX_YEAR_CHANGE = 2;
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
  /** Welch's t of the two velocities: (coming − past) ÷ √(s_c²/n_c + s_p²/n_p); null when not computed */
  t?: number | null;
  /** the raw ratio before it is shrunk toward 1 by (1 − 1/t²) */
  rawRatio?: number | null;
  /**
   * Did last year's shape repeat? Last year's ratio of its window just past to the one before,
   * applied to this year's window before the last, predicts the last window (`predicted`); the
   * season counts when that is nearer the actual velocity than no season (`naive`) is.
   */
  check?: { predicted: number; naive: number; actual: number } | null;
  /** why the ratio is null (or "ok") */
  reason?: "short" | "thin" | "noise" | "regime" | "not_repeated" | "ok";
}

/**
 * Last year's ratio of the coming `horizonDays` to the `windowDays` just past, from a history that
 * ends today (oldest first). null ratio when the history is shorter than 13 months or too thin.
 */
export function seasonalRatio(history: readonly DemandDay[], horizonDays: number, windowDays: number): SeasonalRatio {
  const none: SeasonalRatio = { ratio: null, pastVelocity: null, comingVelocity: null, units: 0, reason: "short" };
  const n = history.length;
  if (n < Math.max(SEASON_MIN_HISTORY_DAYS, 365 + windowDays)) return none;
  const yearAgo = n - 365; // the day after "today last year"
  const past = history.slice(yearAgo - windowDays, yearAgo);
  const coming = history.slice(yearAgo, Math.min(n, yearAgo + horizonDays));
  const p = correctedVelocity(past, past.length, Math.min(MIN_IN_STOCK_DAYS, past.length));
  const c = correctedVelocity(coming, coming.length, Math.min(MIN_IN_STOCK_DAYS, coming.length));
  const units = p.inStockUnits + c.inStockUnits;
  if (p.velocity === null || c.velocity === null || p.velocity <= 0 || units < SEASON_MIN_UNITS)
    return { ratio: null, pastVelocity: p.velocity, comingVelocity: c.velocity, units, reason: "thin" };
  // a difference within the day-to-day noise is not a season: the ratio is shrunk toward 1 by
  // (1 − 1/t²), so one sale more or less last year (lumpy or thin demand) cannot swing the forecast
  const se = Math.sqrt(p.dailyStd ** 2 / p.inStockDays + c.dailyStd ** 2 / c.inStockDays);
  const diff = c.velocity - p.velocity;
  const t = se > 0 ? diff / se : diff === 0 ? 0 : Math.sign(diff) * Infinity;
  const rawRatio = c.velocity / p.velocity;
  const base = { pastVelocity: p.velocity, comingVelocity: c.velocity, units, t, rawRatio };
  const weight = Math.max(0, 1 - 1 / t ** 2);
  if (weight <= 0) return { ...base, ratio: null, reason: "noise" };
  // a season repeats; a launch ramp or a fading SKU last year does not. The level must be within
  // SEASON_MAX_YEAR_CHANGE of last year's, and last year's shape must have predicted this year's last
  // window better than no season did (both checked once the history holds 365 + 2 windows)
  let check: SeasonalRatio["check"] = null;
  if (n >= 365 + 2 * windowDays) {
    const v = (from: number) => {
      const w = history.slice(from, from + windowDays);
      return correctedVelocity(w, w.length, Math.min(MIN_IN_STOCK_DAYS, w.length)).velocity;
    };
    const lyBefore = v(yearAgo - 2 * windowDays);
    const naive = v(n - 2 * windowDays);
    const actual = v(n - windowDays);
    if (lyBefore !== null && lyBefore > 0 && naive !== null && actual !== null) {
      check = { predicted: naive * (p.velocity / lyBefore), naive, actual };
      const change = actual / p.velocity;
      if (change > SEASON_MAX_YEAR_CHANGE || change < 1 / SEASON_MAX_YEAR_CHANGE)
        return { ...base, ratio: null, check, reason: "regime" };
      if (Math.abs(actual - check.predicted) >= Math.abs(actual - naive))
        return { ...base, ratio: null, check, reason: "not_repeated" };
    }
  }
  return { ...base, ratio: 1 + weight * (rawRatio - 1), check, reason: "ok" };
}

/** Seasonality from the SKU's own last year, else its category's, else 1. */
export function seasonalityFactor(
  history: readonly DemandDay[],
  horizonDays: number,
  windowDays: number,
  category?: SeasonalRatio | null,
  /** intermittent demand: the SKU's own year is too lumpy for a ratio; only the category's counts */
  intermittent = false,
): Factor {
  const own: SeasonalRatio = intermittent
    ? { ratio: null, pastVelocity: null, comingVelocity: null, units: 0, reason: "thin" }
    : seasonalRatio(history, horizonDays, windowDays);
  const pick = (s: SeasonalRatio, source: FactorSource): Factor => {
    const value = clamp(s.ratio as number, SEASON_CLAMP);
    const raw = s.rawRatio ?? (s.ratio as number);
    const shrunk = s.rawRatio !== undefined && s.rawRatio !== null && s.rawRatio !== s.ratio;
    return {
      name: "seasonality",
      value,
      source,
      detail: `last year ${horizonDays} d ahead ${r3(s.comingVelocity as number)}/d ÷ ${windowDays} d before ${r3(s.pastVelocity as number)}/d = ${r3(raw)}${shrunk ? `, ${r3(Math.abs(s.t as number))} s.e. from equal → 1 + (${r3(raw)} − 1) × (1 − 1/t²) = ${r3(s.ratio as number)}` : ""}${value !== s.ratio ? ` → clamped ${r3(value)}` : ""}${s.check ? ` (last year's shape predicted the last ${windowDays} d at ${r3(s.check.predicted)}/d, no season ${r3(s.check.naive)}/d, actual ${r3(s.check.actual)}/d)` : ""}`,
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
        : intermittent
          ? "intermittent demand: too lumpy for its own seasonal ratio, and no category ratio"
          : own.reason === "noise"
            ? `last year ${r3(own.comingVelocity as number)}/d ahead vs ${r3(own.pastVelocity as number)}/d before is ${r3(Math.abs(own.t as number))} s.e. apart (≤ 1): noise, and no category ratio`
            : own.reason === "regime" && own.check
              ? `this year's ${r3(own.check.actual)}/d is over ${SEASON_MAX_YEAR_CHANGE}× away from last year's ${r3(own.pastVelocity as number)}/d: last year was a launch or a decline, not a season; no category ratio`
              : own.reason === "not_repeated" && own.check
                ? `last year's shape did not repeat: it predicted ${r3(own.check.predicted)}/d for the last ${windowDays} d, no season ${r3(own.check.naive)}/d, actual ${r3(own.check.actual)}/d; no category ratio`
                : `last year too thin (${own.units} units < ${SEASON_MIN_UNITS}) and no category ratio`,
  };
}

/** the slope is read over this many days: a quarter tells a trend from noise where 28 days cannot */
export const TREND_WINDOW_DAYS = 91;

/**
 * Least-squares line through the in-stock days of `window` (oldest first, ending today). The
 * velocity is the mean of the last `levelDays` of it, so the factor carries the line from the centre
 * of those days' in-stock days to the middle of the coming horizon: ŷ(horizon) ÷ ŷ(velocity days).
 * Applied only when the slope is TREND_MIN_T standard errors from 0.
 */
export function trendFactor(
  window: readonly DemandDay[],
  states: readonly string[],
  horizonDays: number,
  levelDays: number = window.length,
): Factor {
  const xs: number[] = [];
  const ys: number[] = [];
  let levelSum = 0;
  let levelN = 0;
  const levelFrom = window.length - Math.min(levelDays, window.length);
  window.forEach((day, i) => {
    if (states[i] === "in_stock") {
      xs.push(i);
      ys.push(day.units);
      if (i >= levelFrom) {
        levelSum += i;
        levelN++;
      }
    }
  });
  const flat = (detail: string): Factor => ({ name: "trend", value: 1, source: "none", detail });
  const n = xs.length;
  if (n < MIN_IN_STOCK_DAYS || levelN === 0) return flat(`${n} in-stock days: no trend`);
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
    return flat(
      `slope ${r3(slope)}/d² over ${window.length} d is ${r3(Math.abs(t))} s.e. from 0 (< ${TREND_MIN_T}): no trend`,
    );
  const last = window.length - 1;
  const levelX = levelSum / levelN;
  const target = last + (horizonDays + 1) / 2;
  const atLevel = my + slope * (levelX - mx);
  const atTarget = my + slope * (target - mx);
  const raw = atLevel > 0 ? Math.max(0, atTarget) / atLevel : TREND_CLAMP[1];
  const value = clamp(raw, TREND_CLAMP);
  const ago = (x: number) => (last - x).toFixed(1);
  return {
    name: "trend",
    value,
    source: "window",
    detail:
      levelFrom === 0
        ? `(${r3(my)} + ${r3(slope)} × ${(target - mx).toFixed(1)} d) ÷ ${r3(my)} = ${r3(raw)}${value !== raw ? ` → clamped ${r3(value)}` : ""}`
        : `line over ${window.length} d, slope ${r3(slope)}/d²: ${r3(atTarget)} at the horizon's middle (+${((horizonDays + 1) / 2).toFixed(1)} d) ÷ ${r3(atLevel)} at the velocity days' centre (−${ago(levelX)} d) = ${r3(raw)}${value !== raw ? ` → clamped ${r3(value)}` : ""}`,
  };
}

/** The seller's own multiplier (a planned promotion, a delisting); 1 when none is set. */
export function manualFactor(value: number | null | undefined): Factor {
  if (value === null || value === undefined) return { name: "manual", value: 1, source: "none", detail: "not set" };
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`the manual factor must be above 0, got ${value}`);
  return { name: "manual", value, source: "user", detail: `set by the seller: ${r3(value)}` };
}
