// A shipped supply plan counts as inbound until the marketplace shows its units, then not at all: a
// unit is either still on the road in the plan or already in the marketplace's stock or inbound.

export interface PlanLineObservation {
  qty: number;
  /** on hand + marketplace inbound at the destination when the plan was shipped */
  baselineUnits: number;
  /** on hand + marketplace inbound at the destination now */
  currentUnits: number;
  /** units ordered at the destination since shipping (they left the stock the plan refilled) */
  orderedSince: number;
}

export interface PlanLineProgress {
  /** units the marketplace already shows (never more than the line, never less than before) */
  arrived: number;
  /** units still counted as inbound from the plan */
  remaining: number;
}

export function planLineProgress(o: PlanLineObservation, previouslyArrived = 0): PlanLineProgress {
  const seen = o.currentUnits + o.orderedSince - o.baselineUnits;
  const arrived = Math.min(o.qty, Math.max(previouslyArrived, seen, 0));
  return { arrived, remaining: o.qty - arrived };
}
