// sync-now — no schedule: runs on "sovani/sync.requested" (the "Sync now" button). Collects one
// store or all of them through sync-store (today and the two days before, in APP_TIMEZONE, unless
// the event names a range; a store's first sync loads its history), then requests the recalculation
// of the collected days.
import { inngest } from "../client";
import { recalcRequested, syncRequested } from "../events";
import { syncStoreFunction } from "./sync-store";
import { jobDeps } from "@/lib/jobs/deps";
import { changedRange, planCollection, syncNowRange } from "@/lib/jobs/plan-collection";

export const syncNowFunction = inngest.createFunction(
  {
    id: "sync-now",
    name: "Sync now",
    triggers: [syncRequested],
    // a second click while the same store (or "all") is syncing is skipped, not queued
    singleton: { key: "event.data.accountId", mode: "skip" },
    retries: 2,
  },
  async ({ event, step }) => {
    const plan = await step.run("plan-collection", async () => {
      const deps = jobDeps();
      const db = await deps.getDb();
      const { from, to } = syncNowRange(event.data.to ?? deps.today(), event.data.from);
      const stores = await planCollection({ db, from, to, accountId: event.data.accountId });
      // the recalculation covers the settlement window the stores' syncs may re-read
      return { ...changedRange(stores, { from, to }), stores };
    });

    let synced = 0;
    const failures: { what: string; error: string }[] = [];
    for (const store of plan.stores) {
      try {
        await step.invoke(`sync-store-${store.accountId}`, {
          function: syncStoreFunction,
          data: {
            accountId: store.accountId,
            marketplace: store.marketplace,
            from: store.from,
            to: store.to,
            trigger: event.data.trigger,
          },
          timeout: "3h",
        });
        synced += 1;
      } catch (error) {
        failures.push({ what: `${store.marketplace} ${store.name}`, error: (error as Error).message });
      }
    }
    if (synced > 0) {
      await step.sendEvent(
        "request-recalculation",
        recalcRequested.create({ from: plan.from, to: plan.to, reason: "sync" }),
      );
    }
    return { stores: plan.stores.length, synced, failed: failures.length };
  },
);
