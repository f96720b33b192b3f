// Velocity, stock cover and restock quantity as pure functions.

/**
 * Average units per day over the last `window` entries of qtyByDay (oldest first). When the data is
 * shorter than the window it divides by the data's length; no data means 0.
 */
export function rollingVelocity(qtyByDay: readonly number[], window: number): number {
  const n = Math.min(window, qtyByDay.length);
  if (n <= 0) return 0;
  let total = 0;
  for (let i = qtyByDay.length - n; i < qtyByDay.length; i++) total += qtyByDay[i];
  return total / n;
}

/** Days the stock lasts at the given velocity; null when nothing sells (unbounded cover). */
export function stockCoverDays(onHand: number, inTransit: number, velocity: number): number | null {
  if (!(velocity > 0)) return null;
  return (onHand + inTransit) / velocity;
}

/** Population standard deviation of daily units (the demand spread used for safety stock). */
export function demandStdDev(qtyByDay: readonly number[]): number {
  if (qtyByDay.length === 0) return 0;
  const mean = qtyByDay.reduce((a, b) => a + b, 0) / qtyByDay.length;
  const variance = qtyByDay.reduce((acc, q) => acc + (q - mean) ** 2, 0) / qtyByDay.length;
  return Math.sqrt(variance);
}

export interface RecommendSupplyInput {
  /** sales velocity, units per day */
  sv: number;
  windowDays: number;
  onHand: number;
  inTransit: number;
  safetyCoeff?: number;
  /** standard deviation of daily units over the window */
  demandStd?: number;
}

/**
 * Units to ship so the stock covers the window plus safety stock:
 * max(0, round(sv*window + round(safetyCoeff*demandStd*sqrt(window))) - (onHand+inTransit)).
 */
export function recommendSupply({
  sv,
  windowDays,
  onHand,
  inTransit,
  safetyCoeff = 1.5,
  demandStd = 0,
}: RecommendSupplyInput): number {
  const safety = Math.round(safetyCoeff * demandStd * Math.sqrt(windowDays));
  const need = Math.round(sv * windowDays + safety);
  return Math.max(0, need - (onHand + inTransit));
}
