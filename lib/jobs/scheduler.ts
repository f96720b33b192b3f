// The in-process scheduler used when no Inngest server is configured: nightly-collect on the schedule
// its definition names (02:00 UTC; croner here, Inngest's cron otherwise), guarded by the job_locks
// lease so two processes on one PostgreSQL, or a tick during an inline "Sync now", never run it
// twice. A nightly missed while the server was down is caught up shortly after start.
import { Cron } from "croner";
import type { Db } from "@/db";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { isInngestConfigured } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobDeps } from "./deps";
import { withJobLock } from "./job-lock";
import { nightlyCollectJob } from "./nightly-collect";
import { COLLECT_LOCK, runNightly } from "./run-nightly";

/** nightly-collect's cron with croner's seconds field ("0 0 2 * * *"), in the job's time zone (UTC). */
export const NIGHTLY_PATTERN = `0 ${nightlyCollectJob.schedule!.cron}`;
export const NIGHTLY_TIMEZONE = nightlyCollectJob.schedule!.timeZone;

export interface EmbeddedScheduler {
  /** next nightly run */
  nextRun(): Date | null;
  /** runs the nightly job now (under the lease); resolves false when another holder runs it */
  runNow(): Promise<boolean>;
  stop(): void;
}

export interface StartEmbeddedSchedulerOptions {
  /** croner pattern (with seconds); default NIGHTLY_PATTERN */
  pattern?: string;
  /** what a tick runs; default runNightly */
  job?: (db: Db) => Promise<unknown>;
  /** lease length, renewed while the job runs (default 15 minutes) */
  lockTtlMs?: number;
  /** delay before catching up a missed nightly run; null disables it (default 60 s) */
  catchUpDelayMs?: number | null;
  /** default: isInngestConfigured() */
  inngestConfigured?: boolean;
}

const globalForScheduler = globalThis as unknown as { __sovaniScheduler?: EmbeddedScheduler };

/** True when no nightly run has succeeded since the last scheduled time (the server was down at 02:00). */
export async function isNightlyOverdue(db: Db, pattern = NIGHTLY_PATTERN, now = new Date()): Promise<boolean> {
  const [previous] = new Cron(pattern, { timezone: NIGHTLY_TIMEZONE, paused: true }).previousRuns(1, now);
  if (!previous) return false;
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM sync_runs
      WHERE kind = 'nightly' AND status IN ('succeeded', 'partial', 'running') AND started_at >= ${previous.toISOString()}::timestamptz`),
  );
  return Number(row?.n ?? 0) === 0;
}

/**
 * Starts the nightly schedule in this process unless Inngest is configured (then Inngest's cron
 * runs it and this returns null). Safe to call more than once: the first scheduler is reused.
 */
export function startEmbeddedScheduler(options: StartEmbeddedSchedulerOptions = {}): EmbeddedScheduler | null {
  if (options.inngestConfigured ?? isInngestConfigured()) {
    logger.info("scheduler.inngest_mode", { detail: "nightly jobs run on Inngest" });
    return null;
  }
  if (globalForScheduler.__sovaniScheduler) return globalForScheduler.__sovaniScheduler;
  const pattern = options.pattern ?? NIGHTLY_PATTERN;
  const job = options.job ?? ((db: Db) => runNightly({ db, trigger: "schedule" }));
  const ttlMs = options.lockTtlMs ?? 15 * 60_000;

  const runNow = async (options: { onlyIfOverdue?: boolean } = {}): Promise<boolean> => {
    const db = await jobDeps().getDb();
    const outcome = await withJobLock({ db, name: COLLECT_LOCK, ttlMs }, async () => {
      // checked again under the lease: another process may have caught up since this one looked
      if (options.onlyIfOverdue && !(await isNightlyOverdue(db, pattern))) return;
      await job(db);
    });
    if (!outcome.ran) logger.info("scheduler.skipped", { reason: "held", heldBy: outcome.heldBy });
    return outcome.ran;
  };

  const cron = new Cron(
    pattern,
    {
      name: "sovani-nightly",
      timezone: NIGHTLY_TIMEZONE,
      // a tick while this process still runs the previous one is skipped; other processes: the lease
      protect: true,
      unref: true,
      catch: (error: unknown) => logger.error("scheduler.failed", { error: (error as Error).message }),
    },
    async () => {
      await runNow();
    },
  );

  let catchUp: NodeJS.Timeout | undefined;
  const delay = options.catchUpDelayMs === undefined ? 60_000 : options.catchUpDelayMs;
  if (delay !== null) {
    catchUp = setTimeout(() => {
      void (async () => {
        const db = await jobDeps().getDb();
        if (await isNightlyOverdue(db, pattern)) {
          logger.info("scheduler.catch_up", { detail: "the last nightly run was missed" });
          await runNow({ onlyIfOverdue: true });
        }
      })().catch((error: Error) => logger.error("scheduler.catch_up_failed", { error: error.message }));
    }, delay);
    catchUp.unref?.();
  }

  const scheduler: EmbeddedScheduler = {
    nextRun: () => cron.nextRun(),
    runNow,
    stop() {
      cron.stop();
      if (catchUp) clearTimeout(catchUp);
      if (globalForScheduler.__sovaniScheduler === scheduler) globalForScheduler.__sovaniScheduler = undefined;
    },
  };
  globalForScheduler.__sovaniScheduler = scheduler;
  logger.info("scheduler.started", { pattern, timezone: NIGHTLY_TIMEZONE, nextRun: cron.nextRun()?.toISOString() });
  return scheduler;
}
