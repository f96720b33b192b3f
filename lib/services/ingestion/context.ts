// What every source ingester receives, and the one way a page of records is committed: raw payloads,
// quarantined records, derived facts and the cursor in a single transaction, so a crash at any point
// leaves either the whole page or none of it.
import type { Db } from "@/db";
import { logger } from "@/lib/logger";
import type { SyncFailure } from "@/lib/marketplaces/http/errors";
import {
  insertQuarantine,
  type RawRecordInput,
  SkuResolver,
  upsertRawRecords,
  type WriteStats,
  writeCursor,
} from "./write";

export type SourceStatus = "succeeded" | "failed" | "skipped";

/**
 * Why a source did not run: after a rejected token or failed inputs the store's run is incomplete;
 * a cancelled sync or a feature the seller does not have is not.
 */
export type SkipReason = "credentials_rejected" | "inputs_failed" | "cancelled" | "unavailable";

export interface SourceSummary {
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  status: SourceStatus;
  /** for people: what failed or why the source did not run */
  error?: string;
  /** for code: what failed (status "failed") */
  failure?: SyncFailure;
  /** for code: why the source did not run (status "skipped") */
  skipped?: SkipReason;
  ms: number;
  /** things that did not fail the source but someone should see (unknown accrual types, ...) */
  warnings?: string[];
}

export interface SourceContext {
  db: Db;
  accountId: number;
  runId: number;
  from: string;
  to: string;
  timeZone: string;
  /** business day of stock snapshots */
  today: string;
  signal?: AbortSignal;
  stats: WriteStats;
  skus: SkuResolver;
}

export function emptySummary(): SourceSummary {
  return { fetched: 0, inserted: 0, updated: 0, unchanged: 0, quarantined: 0, status: "succeeded", ms: 0 };
}

export interface Mapped<T> {
  key: string;
  d: string | null;
  version: string | null;
  value: T;
  raw: unknown;
}

/** Validates each record with its mapper; failures are kept with their reason for the quarantine. */
export function mapRecords<T>(
  raws: unknown[],
  map: (raw: unknown) => { key: string; d: string | null; version?: string | null; value: T },
): {
  ok: Mapped<T>[];
  bad: { reason: string; payload: unknown }[];
} {
  const ok: Mapped<T>[] = [];
  const bad: { reason: string; payload: unknown }[] = [];
  for (const raw of raws) {
    try {
      const m = map(raw);
      ok.push({ key: m.key, d: m.d, version: m.version ?? null, value: m.value, raw });
    } catch (error) {
      bad.push({ reason: (error as Error).message, payload: raw });
    }
  }
  return { ok, bad };
}

/** Commits one page atomically and adds its counts to the summary (only once it is committed). */
export async function commitPage<T>(
  ctx: SourceContext,
  source: string,
  summary: SourceSummary,
  page: { ok: Mapped<T>[]; bad: { reason: string; payload: unknown }[] },
  options: { cursor?: string; writeFacts?: (tx: Db, items: Mapped<T>[]) => Promise<void> } = {},
): Promise<void> {
  const records: RawRecordInput[] = page.ok.map((m) => ({ key: m.key, d: m.d, version: m.version, payload: m.raw }));
  try {
    const counts = await ctx.db.transaction(async (tx) => {
      const c = await upsertRawRecords(tx, ctx.stats, ctx.accountId, source, records);
      await insertQuarantine(tx, ctx.stats, ctx.runId, ctx.accountId, source, page.bad);
      if (options.writeFacts && page.ok.length > 0) await options.writeFacts(tx, page.ok);
      if (options.cursor !== undefined) await writeCursor(tx, ctx.stats, ctx.accountId, source, options.cursor);
      return c;
    });
    summary.fetched += page.ok.length + page.bad.length;
    summary.inserted += counts.inserted;
    summary.updated += counts.updated;
    summary.unchanged += counts.unchanged;
    summary.quarantined += page.bad.length;
    if (page.bad.length > 0)
      logger.warn("sync.quarantined", {
        accountId: ctx.accountId,
        source,
        count: page.bad.length,
        firstReason: page.bad[0].reason,
      });
  } catch (error) {
    // ids created inside the rolled-back transaction are gone
    ctx.skus.reset();
    throw error;
  }
}
