// Allocation of a store-level amount (storage, subscriptions, deductions that name no SKU) to SKUs, for
// a "fully loaded" per-SKU profit. The user picks the rule and sees it: by share of net sales (the
// default), by units sold net of returns, or none. Pure and exact: the largest-remainder method on
// whole kopecks, so the parts always sum to the store-level amount to the kopeck.
import Decimal from "decimal.js";

export const ALLOCATION_RULES = ["net_sales", "units", "none"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];
export const DEFAULT_ALLOCATION_RULE: AllocationRule = "net_sales";

export function isAllocationRule(value: unknown): value is AllocationRule {
  return typeof value === "string" && (ALLOCATION_RULES as readonly string[]).includes(value);
}

/**
 * Splits `total` kopecks in proportion to `weights` (negative weights count as 0). Each part is the
 * floor of its exact quota; the kopecks left over go one each to the largest remainders (ties: the
 * earlier weight). A negative total is split as its absolute value and negated. When every weight is
 * 0 nothing can be allocated: every part is 0.
 */
export function allocateKopecks(total: bigint, weights: readonly bigint[]): bigint[] {
  const w = weights.map((x) => (x > 0n ? x : 0n));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n || total === 0n) return w.map(() => 0n);
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const parts = w.map((x) => (abs * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: (abs * x) % sum }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

/** Money or a quantity as whole hundredths (kopecks), rounding half away from zero. */
export function toKopecks(value: Decimal.Value): bigint {
  return BigInt(new Decimal(value).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/** Kopecks back to a money string with two decimals. */
export function fromKopecks(kopecks: bigint): string {
  const sign = kopecks < 0n ? "-" : "";
  const abs = kopecks < 0n ? -kopecks : kopecks;
  const rub = abs / 100n;
  const kop = abs % 100n;
  return `${sign}${rub}.${kop.toString().padStart(2, "0")}`;
}

export interface AllocationTarget {
  /** net sales of the period (sales + returns), money */
  netSales: Decimal.Value;
  /** units sold less units returned */
  units: number;
}

/**
 * A store-level amount split over the store's SKUs by `rule`: one money string per target, in order.
 * With "none", or when no target has a positive weight, every part is "0.00" (the amount stays at
 * store level).
 */
export function allocateAmount(amount: Decimal.Value, targets: readonly AllocationTarget[], rule: AllocationRule) {
  if (rule === "none") return targets.map(() => "0.00");
  const weights = targets.map((t) => (rule === "units" ? BigInt(Math.trunc(t.units)) : toKopecks(t.netSales)));
  return allocateKopecks(toKopecks(amount), weights).map(fromKopecks);
}
