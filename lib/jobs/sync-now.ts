// sync-now — no schedule: started by the "Sync now" and "Load history" buttons. Collects one store or
// all of them through sync-store (today and the two days before, in APP_TIMEZONE, unless the input
// names a range; a store's first sync loads its history), then starts recalculate-metrics for the
// days the collection may have changed.
import { z } from "zod";
import { marketplaces } from "@/db/schema";
import { defineJob } from "./job";
import { changedRange, planCollection, syncNowRange } from "./plan-collection";
import { recalculateMetricsJob } from "./recalculate-metrics";
import { syncPlannedStores } from "./sync-planned-stores";
import { jobDeps } from "./deps";
import { isoDay, jobTrigger } from "./sync-store";

export const syncNowInput = z.object({
  accountId: z.number().int().positive().optional(),
  /** only this marketplace's stores (npm run sync -- --marketplace) */
  marketplace: z.enum(marketplaces).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  trigger: jobTrigger,
  /** false: a store's first sync collects only from..to, not its history (npm run sync) */
  history: z.boolean().optional(),
});

export const syncNowJob = defineJob({
  id: "sync-now",
  name: "Sync now",
  event: "sovani/sync.requested",
  input: syncNowInput,
  // a second click while the same store (or "all") is syncing is skipped, not queued
  singleton: { key: "accountId" },
  retries: 2,
  handler: async ({ input, step, getDb }) => {
    const plan = await step.run("plan-collection", async () => {
      const { from, to } = syncNowRange(input.to ?? jobDeps().today(), input.from);
      const stores = await planCollection({
        db: await getDb(),
        from,
        to,
        accountId: input.accountId,
        marketplace: input.marketplace,
        history: input.history,
      });
      // the recalculation covers the settlement window the stores' syncs may re-read
      return { ...changedRange(stores, { from, to }), stores };
    });

    const { synced, failures } = await syncPlannedStores(step, plan.stores, input.trigger);
    if (synced > 0) {
      await step.sendEvent("request-recalculation", recalculateMetricsJob, {
        from: plan.from,
        to: plan.to,
        reason: "sync",
        trigger: input.trigger,
      });
    }
    return { stores: plan.stores.length, synced, failures };
  },
});
