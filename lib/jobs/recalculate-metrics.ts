// recalculate-metrics — no schedule: started by nightly-collect (about 02:xx UTC) and sync-now once
// every store's collection has finished. Days are business days in APP_TIMEZONE. Rebuilds metrics_daily
// for the range and the supply advice for its last day, in one sync_runs record (kind 'recalc'); after
// the nightly run it deletes raw payloads older than RAW_RETENTION_DAYS and sends the Telegram daily
// summary, or the list of stores that failed.
import { z } from "zod";
import { syncFailureSchema } from "@/lib/marketplaces/http/errors";
import { buildDailySummary, formatDailySummary, formatFailureMessage } from "@/lib/notifications/job-messages";
import { notify } from "@/lib/notifications/telegram";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { pruneRawRecords } from "@/lib/services/ingestion/prune-raw-records";
import { generateSupplyAdvice } from "@/lib/services/metrics/generate-supply-advice";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { jobDeps } from "./deps";
import { defineJob } from "./job";
import { addJobRunSources, failJobRunByExternalId } from "./job-runs";
import { isoDay, jobTrigger } from "./sync-store";

/** A store (or step) that failed, as the job records and reports it. */
export const jobFailureSchema = z.object({
  what: z.string(),
  error: z.string(),
  failure: syncFailureSchema.optional(),
});
export type RecordedFailure = z.infer<typeof jobFailureSchema>;

export const recalculateMetricsInput = z.object({
  from: isoDay,
  to: isoDay,
  reason: z.enum(["nightly", "sync", "manual"]),
  /** stores whose collection failed (the nightly reports them) */
  failures: z.array(jobFailureSchema).optional(),
  /** who started the collection; events queued before this field existed have none */
  trigger: jobTrigger.optional(),
  /** false: metrics only, no supply advice (`npm run recalc -- --no-advice`) */
  advice: z.boolean().optional(),
});

export const recalculateMetricsJob = defineJob({
  id: "recalculate-metrics",
  name: "Recalculate metrics and supply advice",
  event: "sovani/metrics.recalc.requested",
  input: recalculateMetricsInput,
  // one recalculation at a time; a queued one still runs (it may cover other days)
  concurrency: { limit: 1 },
  retries: 3,
  handler: async ({ input, runId, step, getDb }) => {
    const { from, to, reason } = input;
    const metrics = await step.run("recalculate-metrics", async () => {
      const db = await getDb();
      const result = await runRecalculation({
        db,
        from,
        to,
        trigger: input.trigger ?? "inngest",
        advice: false,
        externalId: runId,
      });
      return {
        runId: result.runId,
        rows: result.metrics.rows,
        ms: result.metrics.ms,
        skusMissingCost: result.metrics.skusMissingCost,
        daysMissingCost: result.metrics.daysMissingCost,
        daysCommissionEstimated: result.metrics.daysCommissionEstimated,
      };
    });
    const advice =
      input.advice === false
        ? null
        : await step.run("generate-supply-advice", async () => {
            const db = await getDb();
            const result = await generateSupplyAdvice({ db, d: to });
            // the advice belongs to the same recalculation record the sync page shows
            await addJobRunSources(db, metrics.runId, { advice: result });
            return { rows: result.rows, toShip: result.toShip };
          });
    let notified = false;
    if (reason === "nightly") {
      // raw payloads older than RAW_RETENTION_DAYS go once a night, after the facts they fed are derived
      await step.run("prune-raw-records", async () => {
        const env = getEnv();
        const today = businessToday(env.APP_TIMEZONE);
        const { keptFrom, deleted } = await pruneRawRecords(await getDb(), {
          today,
          keepDays: env.RAW_RETENTION_DAYS,
          timeZone: env.APP_TIMEZONE,
        });
        return { keptFrom, deleted };
      });
      notified = await step.run("notify", async () => {
        const deps = jobDeps();
        const failures = input.failures ?? [];
        if (failures.length > 0)
          return notify(formatFailureMessage({ job: "nightly collection", day: to, failures }), deps.telegram());
        return notify(formatDailySummary(await buildDailySummary(await getDb(), to)), deps.telegram());
      });
    }
    return { metrics, advice, notified };
  },
  onFailure: async ({ input, runId, error, getDb }) => {
    const deps = jobDeps();
    const marked = await failJobRunByExternalId(await getDb(), "recalc", runId, error.message);
    const notified =
      input.reason === "nightly"
        ? await notify(
            formatFailureMessage({
              job: "nightly recalculation",
              day: input.to,
              failures: [{ what: `metrics ${input.from}..${input.to}`, error: error.message }],
            }),
            deps.telegram(),
          )
        : false;
    return { marked, notified };
  },
});
