// One recalculation as the CLI, the scheduler and Inngest run it: metrics for the range, then the
// supply advice for its last day, recorded in sync_runs (kind 'recalc') through the same job-run records as the
// nightly collection, so the UI shows its history and a job's failure handler finds it by run id.
import { type Db, schema } from "@/db";
import { finishJobRun, startJobRun } from "@/lib/jobs/job-runs";
import { logger } from "@/lib/logger";
import { generateSupplyAdvice, type GenerateSupplyAdviceResult } from "./generate-supply-advice";
import { recalculateMetrics, type RecalculateMetricsResult, validateDayRange } from "./recalculate-metrics";

export type RunTrigger = (typeof schema.syncRuns.$inferInsert)["trigger"];

export interface RunRecalculationOptions {
  db: Db;
  from: string;
  to: string;
  trigger: RunTrigger;
  /** generate advice for `to` as well (default true) */
  advice?: boolean;
  /** id of the job run that asked (an Inngest run id), kept so a failure handler can find the row */
  externalId?: string;
}

export interface RunRecalculationResult {
  runId: number;
  metrics: RecalculateMetricsResult;
  advice: GenerateSupplyAdviceResult | null;
}

export async function runRecalculation(options: RunRecalculationOptions): Promise<RunRecalculationResult> {
  validateDayRange(options.from, options.to);
  const db = options.db;
  const runId = await startJobRun(db, {
    kind: "recalc",
    trigger: options.trigger,
    from: options.from,
    to: options.to,
    externalId: options.externalId,
  });
  try {
    const metrics = await recalculateMetrics({ db, from: options.from, to: options.to });
    const advice = options.advice === false ? null : await generateSupplyAdvice({ db, d: options.to });
    await finishJobRun(db, runId, "succeeded", { metrics, ...(advice ? { advice } : {}) });
    return { runId, metrics, advice };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error("recalc.failed", { runId, from: options.from, to: options.to, error: message });
    await finishJobRun(db, runId, "failed", {}, message);
    throw error;
  }
}
