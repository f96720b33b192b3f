// One call from a SKU-location's history to its plan: corrected velocity over the window, the three
// factors, then planRestock. The service and the backtest both go through here.
import {
  type Factor,
  manualFactor,
  type SeasonalRatio,
  seasonalityFactor,
  TREND_WINDOW_DAYS,
  trendFactor,
} from "./factors";
import { type PlanSettings, planRestock, type RestockPlan, type SupplierClosure } from "./plan";
import {
  classifyDays,
  correctedVelocity,
  type DemandDay,
  DEFAULT_WINDOW_DAYS,
  spikeRisk,
  type VelocityResult,
} from "./velocity";

export const INTERMITTENT_WINDOW_DAYS = 91;

export interface PlanSkuInput {
  today: string;
  /** daily orders and closing snapshots at this location, oldest first, ending today */
  history: readonly DemandDay[];
  onHand: number;
  inbound: number;
  openPlans: number;
  settings: PlanSettings;
  manual?: number | null;
  /** the category's seasonal ratio for the same horizon, used when the SKU's own year is too thin */
  categorySeason?: SeasonalRatio | null;
  windowDays?: number;
  /** spread of past lead times, days (from supplies that arrived); 0 when unknown */
  leadTimeStdDays?: number;
  /** the supplier's announced closures */
  closures?: readonly SupplierClosure[];
}

export interface SkuPlan {
  velocity: VelocityResult;
  factors: Factor[];
  plan: RestockPlan;
}

export function planSku(input: PlanSkuInput): SkuPlan {
  const windowDays = input.windowDays ?? DEFAULT_WINDOW_DAYS;
  let velocity = correctedVelocity(input.history, windowDays);
  let intermittent = false;
  // intermittent demand (no order on most in-stock days): 28 days hold a handful of orders, so the
  // rate and its spread are read over a quarter instead
  if (velocity.isObserved && velocity.inStockDays > 0) {
    const window = input.history.slice(input.history.length - velocity.lookbackDays);
    const sellingDays = window.filter((d, i) => velocity.states[i] === "in_stock" && d.units > 0).length;
    if (sellingDays < velocity.inStockDays / 2 && input.history.length > windowDays) {
      velocity = correctedVelocity(input.history, INTERMITTENT_WINDOW_DAYS);
      intermittent = true;
    }
  }
  const horizon = input.settings.leadTimeDays + input.settings.coverDays;
  const season = seasonalityFactor(input.history, horizon, windowDays, input.categorySeason, intermittent);
  const slopeWindow = input.history.slice(
    input.history.length - Math.min(input.history.length, Math.max(TREND_WINDOW_DAYS, velocity.lookbackDays)),
  );
  // last year's ratio already carries the slope from now to the horizon: counting both would double it;
  // intermittent demand is read flat (a handful of orders has no slope)
  const trend: Factor = intermittent
    ? { name: "trend", value: 1, source: "none", detail: "intermittent demand: read flat over 91 days" }
    : season.source === "none"
      ? trendFactor(slopeWindow, classifyDays(slopeWindow), horizon, velocity.lookbackDays)
      : { name: "trend", value: 1, source: "none", detail: "inside the seasonal ratio" };
  const factors = [season, trend, manualFactor(input.manual)];
  const plan = planRestock({
    today: input.today,
    velocity,
    factors,
    onHand: input.onHand,
    inbound: input.inbound,
    openPlans: input.openPlans,
    settings: input.settings,
    leadTimeStdDays: input.leadTimeStdDays,
    spikeRisk: spikeRisk(input.history),
    closures: input.closures,
  });
  return { velocity, factors, plan };
}
