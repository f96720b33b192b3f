// Every Inngest function Sovani serves at /api/inngest.
import { nightlyCollectFunction } from "./functions/nightly-collect";
import { recalculateMetricsFunction } from "./functions/recalculate-metrics";
import { refreshRestockPlanFunction } from "./functions/refresh-restock-plan";
import { syncNowFunction } from "./functions/sync-now";
import { syncStoreFunction } from "./functions/sync-store";

export { inngest } from "./client";
export const functions = [
  nightlyCollectFunction,
  syncNowFunction,
  syncStoreFunction,
  recalculateMetricsFunction,
  refreshRestockPlanFunction,
];
