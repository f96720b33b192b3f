// sync-store — no schedule: runs on "sovani/store.sync.requested" (sent by nightly-collect and
// sync-now). Days in the event are business days in APP_TIMEZONE (default Europe/Moscow).
// One run per store at a time (concurrency keyed by accountId); run starts per marketplace are
// throttled (queued, never dropped as rateLimit would). 429 -> RetryAfterError with the
// marketplace's delay; 401/403 -> NonRetriableError.
import { inngest } from "../client";
import { toInngestError } from "../errors";
import { storeSyncRequested } from "../events";
import { jobDeps } from "@/lib/jobs/deps";
import { failRunningStoreSyncs } from "@/lib/jobs/job-runs";
import { classifyError, countSync, failureOf } from "@/lib/jobs/sync-outcome";
import { logger } from "@/lib/logger";

export const syncStoreFunction = inngest.createFunction(
  {
    id: "sync-store",
    name: "Sync one store",
    triggers: [storeSyncRequested],
    concurrency: [{ key: "event.data.accountId", limit: 1 }],
    throttle: { key: "event.data.marketplace", limit: 6, period: "1m", burst: 2 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      const original = event.data.event.data as { accountId: number };
      const db = await jobDeps().getDb();
      const marked = await failRunningStoreSyncs(db, original.accountId, error.message);
      logger.error("inngest.sync_store_failed", { accountId: original.accountId, error: error.message, marked });
      return { marked };
    },
  },
  async ({ event, step }) => {
    const { accountId, from, to, trigger } = event.data;
    return step.run("sync-store", async () => {
      const deps = jobDeps();
      const db = await deps.getDb();
      let summary;
      try {
        summary = await deps.syncStores({ db, from, to, accountIds: [accountId], trigger });
      } catch (error) {
        throw toInngestError(classifyError(error));
      }
      const failure = failureOf(summary);
      if (failure) throw toInngestError(failure);
      return countSync(summary);
    });
  },
);
