// recalculate-metrics — no schedule: runs on "sovani/metrics.recalc.requested" (after nightly-collect,
// about 02:xx UTC, and after sync-now). Days are business days in APP_TIMEZONE. Rebuilds metrics_daily
// for the range and the supply advice for its last day; after the nightly run it sends the Telegram
// daily summary, or the list of stores that failed.
import { inngest } from "../client";
import { recalcRequested } from "../events";
import { jobDeps } from "@/lib/jobs/deps";
import { failJobRunByExternalId } from "@/lib/jobs/job-runs";
import { buildDailySummary, formatDailySummary, formatFailureMessage } from "@/lib/notifications/job-messages";
import { notify } from "@/lib/notifications/telegram";
import { generateSupplyAdvice } from "@/lib/services/metrics/generate-supply-advice";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";

export const recalculateMetricsFunction = inngest.createFunction(
  {
    id: "recalculate-metrics",
    name: "Recalculate metrics and supply advice",
    triggers: [recalcRequested],
    // one recalculation at a time; a queued one still runs (it may cover other days)
    concurrency: [{ limit: 1 }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const deps = jobDeps();
      const db = await deps.getDb();
      const data = event.data.event.data as { from: string; to: string; reason: string };
      const marked = await failJobRunByExternalId(db, "recalc", event.data.run_id, error.message);
      const notified =
        data.reason === "nightly"
          ? await notify(
              formatFailureMessage({
                job: "nightly recalculation",
                day: data.to,
                failures: [{ what: `metrics ${data.from}..${data.to}`, error: error.message }],
              }),
              deps.telegram(),
            )
          : false;
      return { marked, notified };
    },
  },
  async ({ event, step, runId }) => {
    const { from, to, reason } = event.data;
    const metrics = await step.run("recalculate-metrics", async () => {
      const db = await jobDeps().getDb();
      const { metrics, runId: recalcRunId } = await runRecalculation({
        db,
        from,
        to,
        trigger: "inngest",
        advice: false,
        externalId: runId,
      });
      return {
        runId: recalcRunId,
        rows: metrics.rows,
        skusMissingCost: metrics.skusMissingCost,
        daysCommissionEstimated: metrics.daysCommissionEstimated,
      };
    });
    const advice = await step.run("generate-supply-advice", async () => {
      const db = await jobDeps().getDb();
      const result = await generateSupplyAdvice({ db, d: to });
      return { rows: result.rows, pairs: result.pairs, toShip: result.toShip };
    });
    let notified = false;
    if (reason === "nightly") {
      notified = await step.run("notify", async () => {
        const deps = jobDeps();
        const failures = event.data.failures ?? [];
        if (failures.length > 0)
          return notify(formatFailureMessage({ job: "nightly collection", day: to, failures }), deps.telegram());
        return notify(formatDailySummary(await buildDailySummary(await deps.getDb(), to)), deps.telegram());
      });
    }
    return { metrics, advice, notified };
  },
);
