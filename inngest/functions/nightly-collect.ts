// nightly-collect — cron "0 2 * * *" in UTC (05:00 Moscow, when both marketplaces have closed
// yesterday in Europe/Moscow). Collects yesterday (plus recent days that never synced) for every
// store through sync-store (a new store's first sync loads its history), then sends
// "sovani/metrics.recalc.requested" so the recalculation of the last 35 days (or the history just
// loaded) starts only after every store's collection has finished.
import { inngest } from "../client";
import { recalcRequested } from "../events";
import { syncStoreFunction } from "./sync-store";
import { jobDeps, yesterdayOf } from "@/lib/jobs/deps";
import { failJobRunByExternalId, finishJobRun, startJobRun } from "@/lib/jobs/job-runs";
import { collectedRange, nightlyRecalcRange, planCollection } from "@/lib/jobs/plan-collection";
import { formatFailureMessage } from "@/lib/notifications/job-messages";
import { notify } from "@/lib/notifications/telegram";

export const NIGHTLY_CRON = "TZ=UTC 0 2 * * *";

export const nightlyCollectFunction = inngest.createFunction(
  {
    id: "nightly-collect",
    name: "Nightly collection",
    triggers: [{ cron: NIGHTLY_CRON }],
    // a late or replayed tick never overlaps a nightly still running
    singleton: { mode: "skip" },
    retries: 2,
    onFailure: async ({ event, error }) => {
      const deps = jobDeps();
      const db = await deps.getDb();
      const marked = await failJobRunByExternalId(db, "nightly", event.data.run_id, error.message);
      const sent = await notify(
        formatFailureMessage({
          job: "nightly collection",
          day: yesterdayOf(deps.today()),
          failures: [{ what: "nightly run", error: error.message }],
        }),
        deps.telegram(),
      );
      return { marked, notified: sent };
    },
  },
  async ({ step, runId }) => {
    const plan = await step.run("plan-collection", async () => {
      const deps = jobDeps();
      const db = await deps.getDb();
      const day = yesterdayOf(deps.today());
      const stores = await planCollection({ db, to: day });
      const jobRunId = await startJobRun(db, {
        kind: "nightly",
        trigger: "inngest",
        ...collectedRange(stores, { from: day, to: day }),
        externalId: runId,
      });
      return { day, jobRunId, stores };
    });

    const failures: { what: string; error: string }[] = [];
    let synced = 0;
    for (const store of plan.stores) {
      try {
        await step.invoke(`sync-store-${store.accountId}`, {
          function: syncStoreFunction,
          data: {
            accountId: store.accountId,
            marketplace: store.marketplace,
            from: store.from,
            to: store.to,
            trigger: "inngest",
          },
          timeout: "3h",
        });
        synced += 1;
      } catch (error) {
        failures.push({ what: `${store.marketplace} ${store.name}`, error: (error as Error).message });
      }
    }

    await step.run("finish-run", async () => {
      const db = await jobDeps().getDb();
      const status = failures.length === 0 ? "succeeded" : synced > 0 ? "partial" : "failed";
      await finishJobRun(
        db,
        plan.jobRunId,
        status,
        { stores: plan.stores.length, synced, failures },
        failures.length ? failures.map((f) => `${f.what}: ${f.error}`).join("; ") : undefined,
      );
      return { status };
    });

    await step.sendEvent(
      "request-recalculation",
      recalcRequested.create({ ...nightlyRecalcRange(plan.stores, plan.day), reason: "nightly", failures }),
    );
    return { day: plan.day, stores: plan.stores.length, synced, failed: failures.length };
  },
);
