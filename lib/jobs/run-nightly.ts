// The nightly job without an Inngest server (embedded scheduler, CLI): the same plan, sync and
// recalculation services the Inngest functions call, one after the other in this process.
import type { Db } from "@/db";
import {
  buildDailySummary,
  formatDailySummary,
  formatFailureMessage,
  type JobFailure,
} from "@/lib/notifications/job-messages";
import { notify } from "@/lib/notifications/telegram";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { logger } from "@/lib/logger";
import { jobDeps, yesterdayOf } from "./deps";
import { finishJobRun, startJobRun } from "./job-runs";
import { collectedRange, nightlyRecalcRange, planCollection } from "./plan-collection";
import { classifyError, countSync, failureOf } from "./sync-outcome";

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
  failures: JobFailure[];
  metricsRows: number | null;
  adviceRows: number | null;
  notified: boolean;
}

export async function runNightly(options: RunNightlyOptions = {}): Promise<RunNightlyResult> {
  const deps = jobDeps();
  const db = options.db ?? (await deps.getDb());
  const trigger = options.trigger ?? "schedule";
  const day = yesterdayOf(deps.today());
  const stores = await planCollection({ db, to: day });
  const collected = collectedRange(stores, { from: day, to: day });
  const jobRunId = await startJobRun(db, { kind: "nightly", trigger, ...collected });
  const failures: JobFailure[] = [];
  let synced = 0;
  for (const store of stores) {
    try {
      const summary = await deps.syncStores({
        db,
        from: store.from,
        to: store.to,
        accountIds: [store.accountId],
        trigger,
      });
      const failure = failureOf(summary);
      if (failure) failures.push({ what: `${store.marketplace} ${store.name}`, error: failure.message });
      else synced += 1;
      logger.info("nightly.store_synced", { accountId: store.accountId, ...countSync(summary) });
    } catch (error) {
      failures.push({ what: `${store.marketplace} ${store.name}`, error: classifyError(error).message });
    }
  }
  const collectStatus = failures.length === 0 ? "succeeded" : synced > 0 ? "partial" : "failed";
  await finishJobRun(
    db,
    jobRunId,
    collectStatus,
    { stores: stores.length, synced, failures },
    failures.length ? failures.map((f) => `${f.what}: ${f.error}`).join("; ") : undefined,
  );

  // every store's collection has finished (or failed): now the recalculation sees complete data
  let metricsRows: number | null = null;
  let adviceRows: number | null = null;
  try {
    const result = await runRecalculation({ db, ...nightlyRecalcRange(stores, day), trigger });
    metricsRows = result.metrics.rows;
    adviceRows = result.advice?.rows ?? 0;
  } catch (error) {
    failures.push({ what: "recalculation", error: (error as Error).message });
  }
  const notified =
    failures.length > 0
      ? await notify(formatFailureMessage({ job: "nightly run", day, failures }), deps.telegram())
      : await notify(formatDailySummary(await buildDailySummary(db, day)), deps.telegram());
  return { day, jobRunId, stores: stores.length, synced, failures, metricsRows, adviceRows, notified };
}
