// The restock plan for one SKU at one location: forecast, safety stock, reorder point, reorder date,
// quantity rounded to case pack and MOQ, and a status band. Every number carries its formula.
import { addDays, daysBetween } from "../dates";
import type { Factor } from "./factors";
import type { SpikeRisk, VelocityResult } from "./velocity";

export const SERVICE_LEVELS = [90, 95, 97.5, 99] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
export const DEFAULT_SERVICE_LEVEL: ServiceLevel = 95;
/** one-sided standard normal quantiles */
export const Z_BY_SERVICE_LEVEL: Record<ServiceLevel, number> = { 90: 1.2816, 95: 1.6449, 97.5: 1.96, 99: 2.3263 };
/** a reorder date within this many days is "soon" */
export const SOON_DAYS = 7;
/** a position lasting longer than this multiple of (lead time + cover) is overstock */
export const OVERSTOCK_MULTIPLE = 2;

export interface PlanSettings {
  /** production + transit + acceptance, days */
  leadTimeDays: number;
  /** days of stock to cover after the supply arrives */
  coverDays: number;
  serviceLevel: ServiceLevel;
  /** minimum order quantity, units (0 = none) */
  moq: number;
  /** units per case (1 = loose) */
  casePack: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  leadTimeDays: 14,
  coverDays: 14,
  serviceLevel: DEFAULT_SERVICE_LEVEL,
  moq: 0,
  casePack: 1,
};

/** Days the supplier takes no orders (a factory holiday), first and last day inclusive. */
export interface SupplierClosure {
  from: string;
  to: string;
}

/** The first day on or after `day` that no closure covers (closures may touch or overlap). */
export function firstOpenDay(day: string, closures: readonly SupplierClosure[]): string {
  let d = day;
  for (let moved = true; moved;) {
    moved = false;
    for (const c of closures) {
      if (c.from <= d && d <= c.to) {
        d = addDays(c.to, 1);
        moved = true;
      }
    }
  }
  return d;
}

/** How many days from `day` on closures cover without a break (0 when `day` is open). */
function closedDaysFrom(day: string, closures: readonly SupplierClosure[]): number {
  return daysBetween(day, firstOpenDay(day, closures));
}

export type RestockStatus = "order_now" | "soon" | "ok" | "overstock" | "not_observed";

export interface PlanInput {
  /** the business day the plan is for */
  today: string;
  velocity: VelocityResult;
  factors: readonly Factor[];
  onHand: number;
  /** inbound to the marketplace (supplies in transit, accepted plans shipped) */
  inbound: number;
  /** saved supply plans not shipped yet */
  openPlans: number;
  settings: PlanSettings;
  /** spread of past lead times, days (measured from supplies that arrived); 0 when unknown */
  leadTimeStdDays?: number;
  /** the daily spread counting this quarter's spike days (velocity's spikeRisk); safety reads it when wider */
  spikeRisk?: SpikeRisk | null;
  /** the supplier's announced closures (orders cannot be placed on those days) */
  closures?: readonly SupplierClosure[];
}

export interface RestockPlan {
  status: RestockStatus;
  /** days until the reorder date (negative: overdue); for overstock the days of cover beyond lead time + cover */
  statusDays: number | null;
  reorderDate: string | null;
  /** corrected velocity × every factor, units per day */
  forecastPerDay: number | null;
  demandOverLead: number | null;
  coverDemand: number | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  /** on hand + inbound + open plans */
  position: number;
  /** the unrounded need: lead demand + cover + safety − position (may be negative) */
  need: number | null;
  /** what to order now, rounded up to case pack and MOQ; 0 when nothing is needed */
  quantity: number;
  /** days the position lasts at the forecast */
  coverDaysOfPosition: number | null;
  explanation: string[];
}

/** Rounds a positive need up to the MOQ and then to whole cases; 0 stays 0. */
export function roundOrderQuantity(need: number, moq: number, casePack: number): number {
  if (!(need > 0)) return 0;
  const pack = Math.max(1, Math.floor(casePack));
  const atLeast = Math.max(Math.ceil(need - 1e-9), Math.max(0, Math.ceil(moq)));
  return Math.ceil(atLeast / pack) * pack;
}

/**
 * Safety stock: z(service level) × σ of demand over the lead time, where that σ is
 * √(L × σ_daily² + forecast² × σ_L²): the day-to-day spread over L days plus the spread of L itself.
 */
export function safetyStock(
  dailyStd: number,
  leadTimeDays: number,
  serviceLevel: ServiceLevel,
  forecastPerDay = 0,
  leadTimeStdDays = 0,
): number {
  return (
    Z_BY_SERVICE_LEVEL[serviceLevel] * Math.sqrt(leadTimeDays * dailyStd ** 2 + (forecastPerDay * leadTimeStdDays) ** 2)
  );
}

export function validatePlanSettings(s: PlanSettings): void {
  const bad = (what: string) => {
    throw new RangeError(what);
  };
  if (!Number.isInteger(s.leadTimeDays) || s.leadTimeDays < 1 || s.leadTimeDays > 365)
    bad(`lead time must be 1-365 days, got ${s.leadTimeDays}`);
  if (!Number.isInteger(s.coverDays) || s.coverDays < 0 || s.coverDays > 365)
    bad(`cover must be 0-365 days, got ${s.coverDays}`);
  if (!SERVICE_LEVELS.includes(s.serviceLevel))
    bad(`service level must be one of ${SERVICE_LEVELS.join(", ")}, got ${s.serviceLevel}`);
  if (!Number.isInteger(s.moq) || s.moq < 0) bad(`MOQ must be a whole number ≥ 0, got ${s.moq}`);
  if (!Number.isInteger(s.casePack) || s.casePack < 1) bad(`case pack must be a whole number ≥ 1, got ${s.casePack}`);
}

const f2 = (x: number) => x.toFixed(2);

/** Plans one SKU at one location. */
export function planRestock(input: PlanInput): RestockPlan {
  const { settings: s, velocity: v, today } = input;
  validatePlanSettings(s);
  const position = input.onHand + input.inbound + input.openPlans;
  const explanation: string[] = [
    `velocity: ${v.formula} (${v.outOfStockDays} out of stock, ${v.censoredDays} censored, ${v.unknownDays} unknown of ${v.windowDays} days)`,
    `position = on hand ${input.onHand} + inbound ${input.inbound} + open plans ${input.openPlans} = ${position}`,
  ];
  if (v.velocity === null) {
    return {
      status: "not_observed",
      statusDays: null,
      reorderDate: null,
      forecastPerDay: null,
      demandOverLead: null,
      coverDemand: null,
      safetyStock: null,
      reorderPoint: null,
      position,
      need: null,
      quantity: 0,
      coverDaysOfPosition: null,
      explanation: [...explanation, "demand not observed: no quantity until the SKU has 7 in-stock days"],
    };
  }
  const multiplier = input.factors.reduce((m, f) => m * f.value, 1);
  for (const f of input.factors) explanation.push(`${f.name} × ${f.value.toFixed(3)} (${f.source}: ${f.detail})`);
  const forecast = v.velocity * multiplier;
  const L = s.leadTimeDays;
  const C = s.coverDays;
  const z = Z_BY_SERVICE_LEVEL[s.serviceLevel];
  // this quarter's spikes: their spread already holds promotion-sized days, so a planned rise (a manual
  // factor above 1, the next promotion) is not applied to it again; season, trend and a planned cut are
  const manual = input.factors.find((f) => f.name === "manual")?.value ?? 1;
  const spikeSigma = input.spikeRisk ? input.spikeRisk.dailyStd * (multiplier / Math.max(1, manual)) : 0;
  const spikes = input.spikeRisk && spikeSigma > v.dailyStd * multiplier ? input.spikeRisk : null;
  const sigma = spikes ? spikeSigma : v.dailyStd * multiplier;
  const demandOverLead = forecast * L;
  const coverDemand = forecast * C;
  const sigmaL = input.leadTimeStdDays ?? 0;
  const safetyOver = (days: number) => safetyStock(sigma, days, s.serviceLevel, forecast, sigmaL);
  // the supplier's closures: an order can be placed on an open day only, so the last open day before a
  // closure must carry the closed days too (the next order waits for the supplier to reopen)
  const closures = input.closures ?? [];
  const firstOpen = firstOpenDay(today, closures);
  const closedAhead = firstOpen === today ? closedDaysFrom(addDays(today, 1), closures) : 0;
  const closedDemand = forecast * closedAhead;
  const safety = safetyOver(L + closedAhead);
  const reorderPoint = demandOverLead + closedDemand + safety;
  const need = demandOverLead + Math.max(coverDemand, closedDemand) + safety - position;
  const quantity = roundOrderQuantity(need, s.moq, s.casePack);
  const safetyDays = closedAhead > 0 ? `(${L} + ${closedAhead} closed)` : `${L}`;
  explanation.push(
    `forecast = ${v.velocity.toFixed(3)} × ${multiplier.toFixed(3)} = ${forecast.toFixed(3)}/day`,
    ...(spikes
      ? [
          `σ = ${spikes.dailyStd.toFixed(3)} × ${(multiplier / Math.max(1, manual)).toFixed(3)} = ${sigma.toFixed(3)}/day: the last ${spikes.days} days with their ${spikes.spikeDays} spike days (a promotion can come again within the lead time; a planned rise is not counted twice), wider than the velocity days' ${v.dailyStd.toFixed(3)} × ${multiplier.toFixed(3)}`,
        ]
      : []),
    ...(closedAhead > 0
      ? [
          `supplier closed ${addDays(today, 1)} – ${addDays(today, closedAhead)}: today is the last day to order before it, so the order covers the ${closedAhead} closed days too`,
        ]
      : []),
    sigmaL > 0
      ? `safety = z(${s.serviceLevel}%) ${z} × √(${safetyDays} × σ ${sigma.toFixed(3)}² + (${forecast.toFixed(3)} × σL ${sigmaL.toFixed(2)})²) = ${f2(safety)}`
      : `safety = z(${s.serviceLevel}%) ${z} × σ ${sigma.toFixed(3)} × √${safetyDays} = ${f2(safety)}`,
    closedAhead > 0
      ? `reorder point = ${forecast.toFixed(3)} × (${L} + ${closedAhead}) d + ${f2(safety)} = ${f2(reorderPoint)}`
      : `reorder point = ${forecast.toFixed(3)} × ${L} d + ${f2(safety)} = ${f2(reorderPoint)}`,
    closedAhead > C
      ? `need = ${f2(demandOverLead)} + closed ${forecast.toFixed(3)} × ${closedAhead} d ${f2(closedDemand)} (longer than the cover) + safety ${f2(safety)} − position ${position} = ${f2(need)}`
      : `need = ${f2(demandOverLead)} + cover ${forecast.toFixed(3)} × ${C} d ${f2(coverDemand)} + safety ${f2(safety)} − position ${position} = ${f2(need)}`,
    `quantity = ${need > 0 ? `ceil to MOQ ${s.moq}, case pack ${s.casePack}` : "nothing needed"} → ${quantity}`,
  );
  // the figures every outcome carries; the status, its days and the reorder date depend on the forecast
  const figures = {
    forecastPerDay: forecast,
    demandOverLead,
    coverDemand,
    safetyStock: safety,
    reorderPoint,
    position,
    need,
    quantity,
  };
  if (forecast <= 0) {
    return {
      ...figures,
      status: position > 0 ? "overstock" : "ok",
      statusDays: null,
      reorderDate: null,
      coverDaysOfPosition: null,
      explanation: [...explanation, "no demand in the window: no reorder date"],
    };
  }
  const coverOfPosition = position / forecast;
  let daysToReorder = Math.floor((position - reorderPoint) / forecast);
  const dayIn = (n: number) => `today ${n >= 0 ? "+" : "−"} ${Math.abs(n)} d`;
  explanation.push(
    `reorder date = today + ⌊(${position} − ${f2(reorderPoint)}) ÷ ${forecast.toFixed(3)}⌋ = ${dayIn(daysToReorder)} → ${addDays(today, Math.max(0, daysToReorder))}`,
  );
  // a closure ahead moves the date to its eve when the date falls inside it, or when the position would
  // not last through it and the lead time after it (the eve's reorder point counts the closed days)
  for (const c of [...closures].sort((x, y) => (x.from < y.from ? -1 : 1))) {
    const eve = daysBetween(today, c.from) - 1;
    if (eve < 1 || eve >= daysToReorder) continue;
    const closed = closedDaysFrom(c.from, closures);
    const eveSafety = safetyOver(L + closed);
    const point = forecast * (L + closed) + eveSafety;
    const atEve = position - forecast * eve;
    if (atEve < point || daysToReorder <= eve + closed) {
      daysToReorder = eve;
      explanation.push(
        `supplier closed ${c.from} – ${addDays(c.from, closed - 1)}: the position on its eve, ${f2(atEve)}, must last the closed days and the lead time, ${forecast.toFixed(3)} × (${L} + ${closed}) d + safety ${f2(eveSafety)} = ${f2(point)} → order by ${addDays(today, eve)}`,
      );
      break;
    }
  }
  // a later date on a closed day whose eve did not need the order (the position lasts) waits for the reopening
  if (daysToReorder > 0) {
    const on = addDays(today, daysToReorder);
    const reopen = firstOpenDay(on, closures);
    if (reopen !== on) {
      daysToReorder = daysBetween(today, reopen);
      explanation.push(`supplier closed on ${on}: the order waits for ${reopen}`);
    }
  }
  if (firstOpen !== today)
    explanation.push(`supplier closed until ${addDays(firstOpen, -1)}: an order placed now starts on ${firstOpen}`);
  const reorderDate = addDays(today, Math.max(0, daysToReorder));
  let status: RestockStatus;
  let statusDays: number;
  if (daysToReorder <= 0) {
    status = "order_now";
    statusDays = daysToReorder;
  } else if (daysToReorder <= SOON_DAYS) {
    status = "soon";
    statusDays = daysToReorder;
  } else if (coverOfPosition > OVERSTOCK_MULTIPLE * (L + C)) {
    status = "overstock";
    statusDays = Math.floor(coverOfPosition - (L + C));
  } else {
    status = "ok";
    statusDays = daysToReorder;
  }
  return {
    ...figures,
    status,
    statusDays,
    reorderDate,
    coverDaysOfPosition: coverOfPosition,
    explanation,
  };
}
