// The restock backtest's simulator: known true demand per SKU and day, stock that sells only what it
// holds (unmet demand is lost), supplies that arrive after a lead time that varies, and a policy that
// each evening sees only what Sovani would see (orders censored by stock, the closing snapshot, inbound,
// and of past supplies only the road part of their lead times, the part its closed supply plans time;
// of supplier closures only those announced, as the seller enters them in the plan settings).
import { planSku } from "@/lib/domain/restock/plan-sku";
import { estimateLostSales } from "@/lib/domain/restock/lost-sales";
import { leadTimeSpread } from "@/lib/domain/restock/lead-time";
import type { DemandDay } from "@/lib/domain/restock/velocity";
import { demandStdDev, recommendSupply, rollingVelocity } from "@/lib/domain/inventory";
import { addDays } from "@/lib/domain/dates";

export const PATTERNS = ["steady", "trending", "seasonal", "intermittent", "promotion", "outage"] as const;
export type Pattern = (typeof PATTERNS)[number];

export interface SimSku {
  id: number;
  pattern: Pattern;
  /** true mean demand per day, one per simulated day */
  lambda: number[];
  /** realised demand per day (drawn once, shared by every policy) */
  demand: number[];
  /** nominal lead time the planner is told */
  leadTimeDays: number;
  /** actual lead time of an order placed on day t (production or purchase, then the road) */
  actualLead: number[];
  /**
   * the road part of actualLead[t]: shipped -> arrived (transit and acceptance). Sovani times only this
   * part (a supply plan's shipped_at -> closed_at), so it is all of a supply the planner is shown.
   */
  roadLead: number[];
  /** the seller's planned-promotion multiplier over the next h days from day t (1 when none) */
  plannedFactor: (t: number, horizon: number) => number | null;
  /** days the supplier takes no orders (the "period out of stock") */
  blocked: (t: number) => boolean;
  /** the closure as the seller enters it (first and last day), once announced; null when unannounced */
  announcedClosure: (t: number) => { from: number; to: number } | null;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 40) {
    // normal approximation (Box-Muller)
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

export interface SimOptions {
  skus: number;
  /** days before the scored period (history the planner learns from, incl. a year for seasonality) */
  warmupDays: number;
  scoredDays: number;
  seed: number;
  coverDays: number;
  /** share of supplier closures the seller learns of ahead and enters (default ANNOUNCED_SHARE) */
  announcedShare?: number;
}

/**
 * Share of supplier closures announced ahead (a factory holiday, the Chinese New Year), and how far ahead
 * the seller learns of one and enters it; the planner is shown an announced closure from then on. The
 * rest (a supplier out of material) come unannounced. The share is a modelling choice, not a measurement:
 * the bench prints the planner at 0 % and 100 % beside it.
 */
export const ANNOUNCED_SHARE = 0.7;
export const ANNOUNCED_DAYS_AHEAD = 60;

export function generateSkus(o: SimOptions): SimSku[] {
  const rand = mulberry32(o.seed);
  // the road parts draw from a stream of their own: demand and whole lead times stay as they were
  const roadRand = mulberry32(o.seed ^ 0x5bd1e995);
  // so do the closures' announcements
  const announceRand = mulberry32(o.seed ^ 0x27d4eb2f);
  const total = o.warmupDays + o.scoredDays;
  const skus: SimSku[] = [];
  for (let id = 0; id < o.skus; id++) {
    const pattern = PATTERNS[id % PATTERNS.length];
    const base = Math.exp(Math.log(0.5) + rand() * (Math.log(30) - Math.log(0.5))); // 0.5..30 a day, log-uniform
    const leadTimeDays = 7 + Math.floor(rand() * 24); // 7..30
    const lambda = new Array<number>(total);
    const promo = new Array<number>(total).fill(1);
    const planned = new Array<boolean>(total).fill(false);
    const slope = (rand() < 0.5 ? -1 : 1) * (0.3 + rand() * 0.9); // trending: ±30..120 % over the run
    const phase = rand() * 365;
    const amplitude = 0.4 + rand() * 0.45;
    const pSale = 0.08 + rand() * 0.2; // intermittent: a sale on 8..28 % of days
    const lumpy = 1 + rand() * 4;
    if (pattern === "promotion") {
      for (let t = 20 + Math.floor(rand() * 30); t < total; t += 35 + Math.floor(rand() * 40)) {
        const len = 3 + Math.floor(rand() * 5);
        const lift = 2 + rand() * 3;
        const isPlanned = rand() < 0.7; // most promotions are the seller's own, known ahead
        for (let k = t; k < Math.min(total, t + len); k++) {
          promo[k] = lift;
          planned[k] = isPlanned;
        }
      }
    }
    const outageStart = o.warmupDays + 30 + Math.floor(rand() * 80);
    const outageLen = 20 + Math.floor(rand() * 20);
    // most closures are the supplier's holidays, told ahead (like the promotions); the rest come unannounced
    const announced = announceRand() < (o.announcedShare ?? ANNOUNCED_SHARE);
    for (let t = 0; t < total; t++) {
      let l = base;
      if (pattern === "trending") l = base * Math.max(0.1, 1 + (slope * (t - o.warmupDays)) / o.scoredDays);
      if (pattern === "seasonal") l = base * (1 + amplitude * Math.sin((2 * Math.PI * (t + phase)) / 365));
      if (pattern === "intermittent") l = pSale * lumpy * (base / 3);
      lambda[t] = l * promo[t];
    }
    const demand = lambda.map((l) => {
      if (pattern !== "intermittent") return poisson(rand, l);
      return rand() < pSale ? 1 + poisson(rand, lumpy * (base / 3) - 1 > 0 ? lumpy * (base / 3) - 1 : 0) : 0;
    });
    const actualLead = Array.from({ length: total }, () =>
      Math.max(1, Math.round(leadTimeDays * (0.8 + rand() * 0.4))),
    );
    // the road is a quarter to a half of the nominal lead time and varies ±20 % on its own; production
    // takes the rest of each supply's whole lead time, so the spread the planner sees is the road's only
    const roadNominal = Math.max(1, Math.round(leadTimeDays * (0.25 + roadRand() * 0.25)));
    const roadLead = actualLead.map((whole) =>
      Math.min(whole, Math.max(1, Math.round(roadNominal * (0.8 + roadRand() * 0.4)))),
    );
    skus.push({
      id,
      pattern,
      lambda,
      demand,
      leadTimeDays,
      actualLead,
      roadLead,
      plannedFactor: (t, horizon) => {
        if (pattern !== "promotion") return null;
        let sum = 0;
        let any = false;
        for (let k = t + 1; k <= t + horizon && k < total; k++) {
          const f = planned[k] ? promo[k] : 1;
          if (planned[k]) any = true;
          sum += f;
        }
        return any ? sum / horizon : null;
      },
      blocked: (t) => pattern === "outage" && t >= outageStart && t < outageStart + outageLen,
      announcedClosure: (t) =>
        pattern === "outage" && announced && t >= outageStart - ANNOUNCED_DAYS_AHEAD && t < outageStart + outageLen
          ? { from: outageStart, to: outageStart + outageLen - 1 }
          : null,
    });
  }
  return skus;
}

/** What a policy is shown each evening and what it answers: units to order now. */
export interface PolicyView {
  t: number;
  today: string;
  history: readonly DemandDay[];
  onHand: number;
  inbound: number;
  sku: SimSku;
  coverDays: number;
  /** road days (shipped -> arrived) of the supplies that have arrived so far, by arrival */
  arrivedRoadDays: readonly number[];
}
export type Policy = (view: PolicyView) => number;

export const sovaniPolicy: Policy = (v) => {
  const closure = v.sku.announcedClosure(v.t);
  const settings = {
    leadTimeDays: v.sku.leadTimeDays,
    coverDays: v.coverDays,
    serviceLevel: 95 as const,
    moq: 0,
    casePack: 1,
  };
  const { plan } = planSku({
    today: v.today,
    history: v.history,
    onHand: v.onHand,
    inbound: v.inbound,
    openPlans: 0,
    settings,
    manual: v.sku.plannedFactor(v.t, v.sku.leadTimeDays + v.coverDays),
    // what generate-supply-advice reads from closed supply plans: the road part only
    leadTimeStdDays: leadTimeSpread(v.arrivedRoadDays).stdDays,
    closures: closure ? [{ from: addDays(START, closure.from), to: addDays(START, closure.to) }] : [],
  });
  return plan.status === "order_now" ? plan.quantity : 0;
};

/** The first formula as generate-supply-advice computes it, applied every day it asks for more. */
export function firstFormulaPolicy(windowDays: number): Policy {
  return (v) => {
    const units = v.history.slice(-windowDays).map((d) => d.units);
    return recommendSupply({
      sv: rollingVelocity(units, windowDays),
      windowDays,
      onHand: v.onHand,
      inTransit: v.inbound,
      safetyCoeff: 1.5,
      demandStd: demandStdDev(units),
    });
  };
}

export interface SkuOutcome {
  pattern: Pattern;
  demanded: number;
  sold: number;
  stockOutDays: number;
  /** Σ closing on hand over the scored days */
  inventoryUnitDays: number;
  trueLost: number;
  /** Sovani's estimator (stock-out days × corrected velocity) on this run */
  estimatedLost: number;
  /** the naive estimator (stock-out days × calendar velocity incl. zero days) on this run */
  naiveLost: number;
  orders: number;
}

const START = "2025-01-01";

export function simulateSku(sku: SimSku, policy: Policy, o: SimOptions): SkuOutcome {
  const total = o.warmupDays + o.scoredDays;
  const arrivals = new Array<number>(total + 64).fill(0);
  const arrivingRoads: number[][] = Array.from({ length: total + 64 }, () => []);
  const arrivedRoadDays: number[] = [];
  let onHand = Math.round(sku.lambda[0] * (sku.leadTimeDays + o.coverDays));
  let inbound = 0;
  const history: DemandDay[] = [];
  const out: SkuOutcome = {
    pattern: sku.pattern,
    demanded: 0,
    sold: 0,
    stockOutDays: 0,
    inventoryUnitDays: 0,
    trueLost: 0,
    estimatedLost: 0,
    naiveLost: 0,
    orders: 0,
  };
  for (let t = 0; t < total; t++) {
    onHand += arrivals[t];
    arrivedRoadDays.push(...arrivingRoads[t]);
    inbound -= arrivals[t];
    const sold = Math.min(onHand, sku.demand[t]);
    onHand -= sold;
    history.push({ units: sold, closing: onHand });
    const scored = t >= o.warmupDays;
    if (scored) {
      out.demanded += sku.demand[t];
      out.sold += sold;
      out.trueLost += sku.demand[t] - sold;
      out.inventoryUnitDays += onHand;
      if (onHand === 0) out.stockOutDays++;
    }
    if (sku.blocked(t)) continue;
    const q = policy({
      t,
      today: addDays(START, t),
      history,
      onHand,
      inbound,
      sku,
      coverDays: o.coverDays,
      arrivedRoadDays,
    });
    if (q > 0) {
      const at = Math.min(arrivals.length - 1, t + sku.actualLead[t]);
      arrivals[at] += q;
      arrivingRoads[at].push(sku.roadLead[t]);
      inbound += q;
      if (scored) out.orders++;
    }
  }
  out.estimatedLost = estimateLostSales({ days: history, periodDays: o.scoredDays }).units;
  // naive: each zero-snapshot day × the plain 28-day average that includes the zero days
  for (let t = o.warmupDays; t < total; t++) {
    if (history[t].closing !== 0) continue;
    const units = history.slice(Math.max(0, t - 27), t + 1).map((d) => d.units);
    out.naiveLost += Math.max(0, rollingVelocity(units, 28) - history[t].units);
  }
  return out;
}
