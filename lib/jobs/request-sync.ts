// "Sync now": with Inngest configured, send the event and let Inngest run it (one run per store);
// without it, run the same collection and recalculation inline in this process, under the same
// lease as the nightly run so the two never overlap.
import type { Inngest } from "inngest";
import type { Db } from "@/db";
import { isInngestConfigured } from "@/lib/env";
import { logger } from "@/lib/logger";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { jobDeps } from "./deps";
import { tryAcquireJobLease } from "./job-lock";
import { changedRange, planCollection, syncNowRange } from "./plan-collection";
import { COLLECT_LOCK } from "./run-nightly";
import { classifyError, failureOf } from "./sync-outcome";

export interface RequestSyncOptions {
  /** one store, or every active store when omitted */
  accountId?: number;
  /** first day; default SYNC_NOW_DAYS back (a store's first sync goes back INITIAL_HISTORY_DAYS) */
  from?: string;
  to?: string;
  /** default: "inngest" when INNGEST_SIGNING_KEY / INNGEST_DEV is set, else "inline" */
  mode?: "inngest" | "inline";
  db?: Db;
  /** the Inngest client to send with (tests); default the app's client */
  client?: Inngest;
}

export interface InlineSyncResult {
  stores: number;
  synced: number;
  failures: { what: string; error: string }[];
  metricsRows: number | null;
}

export type RequestSyncResult =
  | { mode: "inngest"; eventIds: string[] }
  | { mode: "inline"; started: false; reason: string }
  | { mode: "inline"; started: true; done: Promise<InlineSyncResult> };

export async function requestSync(options: RequestSyncOptions = {}): Promise<RequestSyncResult> {
  const mode = options.mode ?? (isInngestConfigured() ? "inngest" : "inline");
  if (mode === "inngest") {
    const client = options.client ?? (await import("@/inngest/client")).inngest;
    const { syncRequested } = await import("@/inngest/events");
    const sent = await client.send(
      syncRequested.create({ accountId: options.accountId, from: options.from, to: options.to, trigger: "manual" }),
    );
    return { mode: "inngest", eventIds: sent.ids };
  }

  const deps = jobDeps();
  const db = options.db ?? (await deps.getDb());
  const { from, to } = syncNowRange(options.to ?? deps.today(), options.from);
  const lease = await tryAcquireJobLease({ db, name: COLLECT_LOCK, ttlMs: 5 * 60_000 });
  if (!lease) return { mode: "inline", started: false, reason: "a sync or the nightly run is already in progress" };
  const done = (async (): Promise<InlineSyncResult> => {
    try {
      const stores = await planCollection({ db, from, to, accountId: options.accountId });
      const failures: { what: string; error: string }[] = [];
      let synced = 0;
      for (const store of stores) {
        try {
          const failure = failureOf(
            await deps.syncStores({
              db,
              from: store.from,
              to: store.to,
              accountIds: [store.accountId],
              trigger: "manual",
            }),
          );
          if (failure) failures.push({ what: `${store.marketplace} ${store.name}`, error: failure.message });
          else synced += 1;
        } catch (error) {
          failures.push({ what: `${store.marketplace} ${store.name}`, error: classifyError(error).message });
        }
      }
      const metricsRows =
        stores.length > 0
          ? (await runRecalculation({ db, ...changedRange(stores, { from, to }), trigger: "manual" })).metrics.rows
          : null;
      return { stores: stores.length, synced, failures, metricsRows };
    } finally {
      await lease.release();
    }
  })();
  done.catch((error: Error) => logger.error("sync_now.failed", { error: error.message }));
  return { mode: "inline", started: true, done };
}
