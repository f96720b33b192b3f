// Syncs every configured store (or the chosen ones) for a range of business days. The CLI, the
// scheduler, Inngest functions and the demo all call this; each store's run is recorded in sync_runs.
// Each store syncs under its own database lease (sync:<id>), whichever path starts it and in whichever
// process, so two syncs of one store never overlap. Holding the lease also means no live run of that
// store exists: a row still 'running' was left by a process that died, and is marked interrupted.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { type Db, rowsOf, schema } from "@/db";
import { type JobLease, tryAcquireJobLease } from "@/lib/jobs/job-lock";
import { businessToday, isIsoDay } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { ensureEnvAccounts, listSyncableAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { type MarketplaceConfig, marketplaceConfigFromEnv } from "@/lib/services/ingestion/config";
import type { SourceSummary } from "@/lib/services/ingestion/context";
import { settlementStart } from "@/lib/services/ingestion/settlement-window";
import { type StoreRunSummary, syncStore } from "@/lib/services/ingestion/sync-store";
import type { Marketplace } from "@/db/schema";

export {
  AuthError,
  CircuitOpenError,
  MarketplaceHttpError,
  RateLimitedError,
  UpstreamError,
} from "@/lib/marketplaces/http/errors";

export interface SyncStoresOptions {
  db: Db;
  /** first and last business day, YYYY-MM-DD */
  from: string;
  to: string;
  marketplace?: Marketplace;
  accountIds?: number[];
  trigger: "cli" | "schedule" | "manual" | "inngest" | "demo" | "test";
  signal?: AbortSignal;
  /** where the marketplaces are and the env stores' credentials; default: lib/env.ts */
  config?: MarketplaceConfig;
  /** timeouts, retries, breaker, and `rateLimits: false` for emulator benchmarks */
  resilience?: ResilienceOptions;
  /** run only these sources (tests) */
  sources?: string[];
  /** the clock for today's stock snapshot (tests) */
  now?: Date;
  /**
   * false: read exactly [from, to]. By default each store's run starts earlier when days before `from`
   * (up to SETTLEMENT_WINDOW_DAYS) still wait for their finance lines (lib/services/ingestion/settlement-window.ts).
   */
  settlementWindow?: boolean;
}

export type SyncSourceSummary = SourceSummary;

/** Short, renewed every 20 s by the holder: a killed sync frees its store within a minute. */
export const STORE_SYNC_LEASE_MS = 60_000;
export const storeSyncLockName = (accountId: number) => `sync:${accountId}`;
export const INTERRUPTED_RUN_ERROR = "interrupted: the process running this sync stopped before it finished";
const BUSY_ERROR = "another sync of this store was in progress (nightly run, Sync now or npm run sync); not started";

/** host:pid:random, so a lease left by a process that died on this host can be recognised as gone. */
function leaseHolder(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID()}`;
}

function isHolderDead(holder: string): boolean {
  const [host, pid] = holder.split(":");
  if (host !== os.hostname() || !/^\d+$/.test(pid ?? "") || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * The store's lease, or null while another live sync holds it. A lease whose holder died on this
 * host (kill -9, a crash) is gone at once rather than when it expires.
 */
async function acquireStoreLease(db: Db, accountId: number): Promise<JobLease | null> {
  const name = storeSyncLockName(accountId);
  const lease = await tryAcquireJobLease({ db, name, ttlMs: STORE_SYNC_LEASE_MS, holder: leaseHolder() });
  if (lease) return lease;
  const [current] = await db.select().from(schema.jobLocks).where(eq(schema.jobLocks.name, name));
  if (!current || !isHolderDead(current.holder)) return null;
  await db
    .delete(schema.jobLocks)
    .where(and(eq(schema.jobLocks.name, name), eq(schema.jobLocks.holder, current.holder)));
  return tryAcquireJobLease({ db, name, ttlMs: STORE_SYNC_LEASE_MS, holder: leaseHolder() });
}

/**
 * Marks runs left 'running' by a dead process as failed. With `accountId` the caller holds that store's
 * lease; without it (at start-up) only runs whose store lease is free or expired are touched, since a
 * live lease may belong to another process that is still syncing.
 */
export async function markInterruptedSyncRuns(db: Db, options: { accountId?: number } = {}): Promise<number> {
  if (options.accountId === undefined) {
    // leases of processes that died on this host are gone now, not when they expire
    const locks = await db
      .select()
      .from(schema.jobLocks)
      .where(sql`${schema.jobLocks.name} like 'sync:%'`);
    for (const lock of locks.filter((l) => isHolderDead(l.holder))) {
      await db
        .delete(schema.jobLocks)
        .where(and(eq(schema.jobLocks.name, lock.name), eq(schema.jobLocks.holder, lock.holder)));
    }
  }
  const stale =
    options.accountId !== undefined
      ? eq(schema.syncRuns.accountId, options.accountId)
      : sql`not exists (select 1 from job_locks l where l.name = 'sync:' || ${schema.syncRuns.accountId} and l.locked_until > now())`;
  const marked = await db
    .update(schema.syncRuns)
    .set({ status: "failed", error: INTERRUPTED_RUN_ERROR, finishedAt: sql`now()` })
    .where(and(eq(schema.syncRuns.kind, "sync"), eq(schema.syncRuns.status, "running"), stale))
    .returning({ id: schema.syncRuns.id });
  return marked.length;
}

/** A store another sync holds: recorded as a failed run, so every caller reports it like any failure. */
async function recordBusyStore(
  db: Db,
  account: { id: number; name: string; marketplace: Marketplace },
  options: SyncStoresOptions,
): Promise<StoreRunSummary> {
  const sources = {
    store: {
      fetched: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
      status: "failed",
      error: BUSY_ERROR,
      failure: { kind: "busy" },
      ms: 0,
    },
  } satisfies Record<string, SourceSummary>;
  const [row] = rowsOf<{ id: number }>(
    await db.execute(sql`insert into sync_runs (account_id, kind, trigger, status, date_from, date_to, sources, error, finished_at)
      values (${account.id}, 'sync', ${options.trigger}, 'failed', ${options.from}::date, ${options.to}::date,
        ${JSON.stringify(sources)}::jsonb, ${BUSY_ERROR}, now())
      returning id`),
  );
  return {
    runId: Number(row.id),
    accountId: account.id,
    accountName: account.name,
    marketplace: account.marketplace,
    status: "failed",
    sources,
    apiCalls: 0,
    writeMs: 0,
    writeMsByStatement: {},
  };
}

export interface SyncSummary {
  ok: boolean;
  runs: StoreRunSummary[];
}

export async function syncStores(options: SyncStoresOptions): Promise<SyncSummary> {
  if (!isIsoDay(options.from) || !isIsoDay(options.to))
    throw new AppError("VALIDATION", "from and to must be dates in YYYY-MM-DD form");
  if (options.from > options.to) throw new AppError("VALIDATION", `from (${options.from}) is after to (${options.to})`);
  const config = options.config ?? marketplaceConfigFromEnv();
  await ensureEnvAccounts(options.db, config);
  const stores = (await listSyncableAccounts(options.db, config)).filter(
    (a) =>
      (!options.marketplace || a.marketplace === options.marketplace) &&
      (!options.accountIds || options.accountIds.includes(a.id)),
  );
  const today = businessToday(config.timeZone, options.now);
  const runs: StoreRunSummary[] = [];
  for (const account of stores) {
    options.signal?.throwIfAborted();
    const lease = await acquireStoreLease(options.db, account.id);
    if (!lease) {
      runs.push(await recordBusyStore(options.db, account, options));
      continue;
    }
    try {
      await markInterruptedSyncRuns(options.db, { accountId: account.id });
      // the settlement window: days before the range whose money the marketplace has not finished reporting
      const settleFrom =
        options.settlementWindow === false ? options.to : await settlementStart(options.db, account.id, options.to);
      runs.push(
        await syncStore({
          db: options.db,
          account,
          from: settleFrom < options.from ? settleFrom : options.from,
          to: options.to,
          trigger: options.trigger,
          config,
          today,
          resilience: config.rateLimits === false ? { rateLimits: false, ...options.resilience } : options.resilience,
          signal: options.signal,
          sources: options.sources,
        }),
      );
    } finally {
      await lease.release();
    }
  }
  return { ok: runs.length > 0 && runs.every((r) => r.status === "succeeded"), runs };
}
