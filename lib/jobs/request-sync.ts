// "Sync now": with Inngest configured, send the event and let Inngest run sync-now (one run per store);
// without it, run the same job definition inline in this process, under the same lease as the
// nightly run so the two never overlap.
import type { Inngest } from "inngest";
import type { Db } from "@/db";
import type { Marketplace } from "@/db/schema";
import { isInngestConfigured } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobDeps } from "./deps";
import { tryAcquireJobLease } from "./job-lock";
import type { RecordedFailure } from "./recalculate-metrics";
import { runJobInline } from "./run-inline";
import { sendJobEvent } from "./send-job-event";
import { COLLECT_LOCK } from "./run-nightly";
import { syncNowJob } from "./sync-now";

export interface RequestSyncOptions {
  /** one store, or every active store when omitted */
  accountId?: number;
  /** only this marketplace's stores */
  marketplace?: Marketplace;
  /** first day; default SYNC_NOW_DAYS back (a store's first sync goes back INITIAL_HISTORY_DAYS) */
  from?: string;
  to?: string;
  /** false: a store's first sync collects only from..to, not its history */
  history?: boolean;
  /** who asked; default "manual" (the buttons) */
  trigger?: "manual" | "cli";
  /** stops an inline run after the page in progress */
  signal?: AbortSignal;
  /** default: "inngest" when INNGEST_SIGNING_KEY / INNGEST_DEV is set, else "inline" */
  mode?: "inngest" | "inline";
  db?: Db;
  /** the Inngest client to send with (tests); default the app's client */
  client?: Inngest;
}

export interface InlineSyncResult {
  stores: number;
  synced: number;
  failures: RecordedFailure[];
  /** rows the recalculation wrote; null when nothing was synced, so nothing was recalculated */
  metricsRows: number | null;
}

export type RequestSyncResult =
  | { mode: "inngest"; eventIds: string[] }
  | { mode: "inline"; started: false; reason: string }
  | { mode: "inline"; started: true; done: Promise<InlineSyncResult> };

export async function requestSync(options: RequestSyncOptions = {}): Promise<RequestSyncResult> {
  const mode = options.mode ?? (isInngestConfigured() ? "inngest" : "inline");
  const input = {
    accountId: options.accountId,
    marketplace: options.marketplace,
    from: options.from,
    to: options.to,
    history: options.history,
    trigger: options.trigger ?? "manual",
  };
  if (mode === "inngest") return sendJobEvent((e) => e.syncRequested.create(input), options.client);

  const db = options.db ?? (await jobDeps().getDb());
  const lease = await tryAcquireJobLease({ db, name: COLLECT_LOCK, ttlMs: 5 * 60_000 });
  if (!lease) return { mode: "inline", started: false, reason: "a sync or the nightly run is already in progress" };
  const done = (async (): Promise<InlineSyncResult> => {
    try {
      const run = await runJobInline(syncNowJob, input, { db, signal: options.signal });
      const recalc = run.dispatched.find((d) => d.job === "recalculate-metrics");
      const metricsRows = recalc?.ok ? (recalc.result as { metrics: { rows: number } }).metrics.rows : null;
      return { ...run.result, metricsRows };
    } finally {
      await lease.release();
    }
  })();
  done.catch((error: Error) => logger.error("sync_now.failed", { error: error.message }));
  return { mode: "inline", started: true, done };
}
