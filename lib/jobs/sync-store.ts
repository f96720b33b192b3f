// sync-store — no schedule: started by nightly-collect and sync-now, one run per store at a time
// (concurrency keyed by accountId); run starts per marketplace are throttled (queued, never dropped).
// Days are business days in APP_TIMEZONE (default Europe/Moscow). A failure is thrown typed, so a
// runner can retry a 429 after the marketplace's delay and never retry rejected credentials.
import { z } from "zod";
import { marketplaces } from "@/db/schema";
import { logger } from "@/lib/logger";
import { jobDeps } from "./deps";
import { defineJob, JobFailedError } from "./job";
import { failRunningStoreSyncs } from "./job-runs";
import { classifyError, countSync, failureOf } from "./sync-outcome";

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export const jobTrigger = z.enum(["cli", "schedule", "manual", "inngest", "demo", "test"]);

export const syncStoreInput = z.object({
  accountId: z.number().int().positive(),
  marketplace: z.enum(marketplaces),
  from: isoDay,
  to: isoDay,
  trigger: jobTrigger,
});

export const syncStoreJob = defineJob({
  id: "sync-store",
  name: "Sync one store",
  event: "sovani/store.sync.requested",
  input: syncStoreInput,
  concurrency: { key: "accountId", limit: 1 },
  throttle: { key: "marketplace", limit: 6, period: "1m", burst: 2 },
  retries: 4,
  handler: async ({ input, step, getDb, signal }) =>
    step.run("sync-store", async () => {
      const { accountId, from, to, trigger } = input;
      const db = await getDb();
      let summary;
      try {
        summary = await jobDeps().syncStores({ db, from, to, accountIds: [accountId], trigger, signal });
      } catch (error) {
        const failed = classifyError(error);
        throw new JobFailedError(failed.message, failed.failure);
      }
      const failed = failureOf(summary);
      if (failed) throw new JobFailedError(failed.message, failed.failure);
      return countSync(summary);
    }),
  onFailure: async ({ input, error, failure, getDb }) => {
    // a store another sync held has no run of ours left open, and the holder's run is still live
    const marked =
      failure.kind === "busy" ? 0 : await failRunningStoreSyncs(await getDb(), input.accountId, error.message);
    logger.error("job.sync_store_failed", {
      accountId: input.accountId,
      kind: failure.kind,
      error: error.message,
      marked,
    });
    return { marked };
  },
});
