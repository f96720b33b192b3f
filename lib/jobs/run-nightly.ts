// The nightly job without an Inngest server (embedded scheduler, CLI): nightly-collect run by the
// inline runner, which runs the recalculation it requests right after it in this process.
import type { Db } from "@/db";
import type { RecordedFailure } from "./recalculate-metrics";
import { nightlyCollectJob } from "./nightly-collect";
import { runJobInline } from "./run-inline";

/** Job lease shared by the nightly run and an inline "Sync now": they never overlap. */
export const COLLECT_LOCK = "collect";

export interface RunNightlyOptions {
  db?: Db;
  trigger?: "schedule" | "cli";
}

export interface RunNightlyResult {
  day: string;
  jobRunId: number;
  stores: number;
  synced: number;
  /** the stores that failed, then the recalculation if it did */
  failures: RecordedFailure[];
  metricsRows: number | null;
  adviceRows: number | null;
  notified: boolean;
}

interface RecalcOutcome {
  metrics: { rows: number };
  advice: { rows: number };
  notified: boolean;
}

export async function runNightly(options: RunNightlyOptions = {}): Promise<RunNightlyResult> {
  const run = await runJobInline(nightlyCollectJob, { trigger: options.trigger ?? "schedule" }, { db: options.db });
  const { day, jobRunId, stores, synced } = run.result;
  const failures = [...run.result.failures];
  const recalc = run.dispatched.find((d) => d.job === "recalculate-metrics");
  if (recalc?.ok) {
    const outcome = recalc.result as RecalcOutcome;
    return {
      day,
      jobRunId,
      stores,
      synced,
      failures,
      metricsRows: outcome.metrics.rows,
      adviceRows: outcome.advice.rows,
      notified: outcome.notified,
    };
  }
  if (recalc) failures.push({ what: "recalculation", error: recalc.error, failure: recalc.failure });
  const notified = (recalc?.onFailure as { notified?: boolean } | undefined)?.notified ?? false;
  return { day, jobRunId, stores, synced, failures, metricsRows: null, adviceRows: null, notified };
}
