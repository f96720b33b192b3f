// nightly-collect — cron "0 2 * * *" in UTC (05:00 Moscow, when both marketplaces have closed
// yesterday in Europe/Moscow). Collects yesterday (plus recent days that never synced) for every
// store through sync-store (a new store's first sync loads its history), records the run in
// sync_runs (kind 'nightly'), then starts recalculate-metrics for the last 35 days (or the history
// just loaded) only after every store's collection has finished.
import { z } from "zod";
import { formatFailureMessage } from "@/lib/notifications/job-messages";
import { notify } from "@/lib/notifications/telegram";
import { jobDeps, yesterdayOf } from "./deps";
import { defineJob } from "./job";
import { failJobRunByExternalId, finishJobRun, startJobRun } from "./job-runs";
import { collectedRange, nightlyRecalcRange, planCollection } from "./plan-collection";
import { recalculateMetricsJob } from "./recalculate-metrics";
import { syncPlannedStores } from "./sync-planned-stores";
import { jobTrigger } from "./sync-store";

export const nightlyCollectJob = defineJob({
  id: "nightly-collect",
  name: "Nightly collection",
  schedule: { cron: "0 2 * * *", timeZone: "UTC", input: { trigger: "inngest" } },
  input: z.object({ trigger: jobTrigger }),
  // a late or replayed tick never overlaps a nightly still running
  singleton: {},
  retries: 2,
  handler: async ({ input, runId, step, getDb }) => {
    const plan = await step.run("plan-collection", async () => {
      const db = await getDb();
      const day = yesterdayOf(jobDeps().today());
      const stores = await planCollection({ db, to: day });
      const jobRunId = await startJobRun(db, {
        kind: "nightly",
        trigger: input.trigger,
        ...collectedRange(stores, { from: day, to: day }),
        externalId: runId,
      });
      return { day, jobRunId, stores };
    });

    const { synced, failures } = await syncPlannedStores(step, plan.stores, input.trigger);

    const status = failures.length === 0 ? "succeeded" : synced > 0 ? "partial" : "failed";
    await step.run("finish-run", async () => {
      await finishJobRun(
        await getDb(),
        plan.jobRunId,
        status,
        { stores: plan.stores.length, synced, failures },
        failures.length ? failures.map((f) => `${f.what}: ${f.error}`).join("; ") : undefined,
      );
      return { status };
    });

    await step.sendEvent("request-recalculation", recalculateMetricsJob, {
      ...nightlyRecalcRange(plan.stores, plan.day),
      reason: "nightly",
      failures,
      trigger: input.trigger,
    });
    return { day: plan.day, jobRunId: plan.jobRunId, stores: plan.stores.length, synced, failures };
  },
  onFailure: async ({ runId, error, getDb }) => {
    const deps = jobDeps();
    const marked = await failJobRunByExternalId(await getDb(), "nightly", runId, error.message);
    const notified = await notify(
      formatFailureMessage({
        job: "nightly collection",
        day: yesterdayOf(deps.today()),
        failures: [{ what: "nightly run", error: error.message }],
      }),
      deps.telegram(),
    );
    return { marked, notified };
  },
});
