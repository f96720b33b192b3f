// The loop the nightly collection and Sync now share: each planned store's sync as its own invoked
// job (its retries and lease are its own), one store's failure recorded and the others still synced.
import { errorMessageOf, type JobStep, jobFailureOf, type JobTrigger } from "./job";
import type { PlannedStore } from "./plan-collection";
import type { RecordedFailure } from "./recalculate-metrics";
import { syncStoreJob } from "./sync-store";

export async function syncPlannedStores(
  step: JobStep,
  stores: PlannedStore[],
  trigger: JobTrigger,
): Promise<{ synced: number; failures: RecordedFailure[] }> {
  let synced = 0;
  const failures: RecordedFailure[] = [];
  for (const store of stores) {
    try {
      await step.invoke(
        `sync-store-${store.accountId}`,
        syncStoreJob,
        { accountId: store.accountId, marketplace: store.marketplace, from: store.from, to: store.to, trigger },
        { timeout: "3h" },
      );
      synced += 1;
    } catch (error) {
      failures.push({
        what: `${store.marketplace} ${store.name}`,
        error: errorMessageOf(error),
        failure: jobFailureOf(error),
      });
    }
  }
  return { synced, failures };
}
