// Reads for the sync page: recent runs with per-source counts, the quarantine, and per-store status
// (token state, reviews availability, whether its history is loaded, last successful day per source).
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { quarantine, syncRuns, syncSourceStatus } from "@/db/schema/sync";
import { historyLoadedSql } from "./history-loaded";
import type { Marketplace } from "@/db/schema";
import type { SkipReason } from "@/lib/services/ingestion/context";
import type { SyncFailure } from "@/lib/marketplaces/http/errors";

/** Why a source's last run did not succeed, as data the sync page words per language. */
export type SourceFailure = SyncFailure | { kind: "skipped"; reason: SkipReason };

export interface SourceCounts {
  fetched?: number;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  quarantined?: number;
  status?: string;
  error?: string;
  /** why the source failed, as data */
  failure?: SyncFailure;
  skipped?: SkipReason;
  ms?: number;
}

/** What a recalculation run did (sync_runs.sources of kind "recalc"). */
export interface RecalcSummary {
  /** metrics_daily rows of the range, and of them those new or changed */
  rows: number;
  changed: number;
  skusMissingCost: number;
  daysCommissionEstimated: number;
  /** restock advice rows, and of them those recommending a shipment; null when advice was not generated */
  adviceRows: number | null;
  toShip: number | null;
}

/** What a nightly run did (sync_runs.sources of kind "nightly"). */
export interface NightlySummary {
  stores: number;
  synced: number;
}

export interface SyncRunItem {
  id: number;
  accountId: number | null;
  storeName: string | null;
  marketplace: Marketplace | null;
  kind: string;
  trigger: string;
  status: "running" | "succeeded" | "partial" | "failed";
  dateFrom: string | null;
  dateTo: string | null;
  /** per-source counts of a store's sync; empty for the other kinds */
  sources: Record<string, SourceCounts>;
  recalc: RecalcSummary | null;
  nightly: NightlySummary | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface QuarantineItem {
  id: number;
  runId: number | null;
  storeName: string | null;
  source: string;
  reason: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface StoreSyncStatus {
  id: number;
  name: string;
  marketplace: Marketplace;
  status: "ok" | "needs_attention";
  statusDetail: string | null;
  /** when the marketplace last accepted the key; null = never verified */
  verifiedAt: Date | null;
  reviewsAvailable: boolean;
  /** a sync of this store has ended succeeded or partial; until then its first sync loads the history */
  historyLoaded: boolean;
  sources: {
    source: string;
    lastSuccessDay: string | null;
    lastStatus: string;
    lastError: string | null;
    /** the typed failure (SyncFailure) or { kind: "skipped", reason } of the last run; null when it succeeded */
    lastFailure: SourceFailure | null;
    updatedAt: Date;
  }[];
}

export interface SyncOverview {
  runs: SyncRunItem[];
  quarantine: QuarantineItem[];
  quarantineTotal: number;
  stores: StoreSyncStatus[];
}

export async function getSyncOverview(
  db: Db,
  options: { accountId?: number | null; runLimit?: number; quarantineLimit?: number } = {},
): Promise<SyncOverview> {
  const accountFilter = options.accountId ? eq(syncRuns.accountId, options.accountId) : undefined;
  const runs = await db
    // every column of the run, and its store's name and marketplace
    .select({ ...getTableColumns(syncRuns), storeName: accounts.name, marketplace: accounts.marketplace })
    .from(syncRuns)
    .leftJoin(accounts, eq(accounts.id, syncRuns.accountId))
    .where(accountFilter)
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(options.runLimit ?? 50);

  const qFilter = options.accountId ? eq(quarantine.accountId, options.accountId) : undefined;
  const quarantineRows = await db
    .select({
      id: quarantine.id,
      runId: quarantine.runId,
      storeName: accounts.name,
      source: quarantine.source,
      reason: quarantine.reason,
      createdAt: quarantine.createdAt,
      lastSeenAt: quarantine.lastSeenAt,
    })
    .from(quarantine)
    .leftJoin(accounts, eq(accounts.id, quarantine.accountId))
    .where(qFilter)
    .orderBy(desc(quarantine.lastSeenAt), desc(quarantine.id))
    .limit(options.quarantineLimit ?? 100);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(quarantine)
    .where(qFilter);

  const storeRows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      marketplace: accounts.marketplace,
      status: accounts.status,
      statusDetail: accounts.statusDetail,
      verifiedAt: accounts.verifiedAt,
      reviewsAvailable: accounts.reviewsAvailable,
      historyLoaded: historyLoadedSql(accounts.id),
    })
    .from(accounts)
    .where(and(eq(accounts.isActive, true), options.accountId ? eq(accounts.id, options.accountId) : undefined))
    .orderBy(accounts.id);
  const statusRows = await db
    .select()
    .from(syncSourceStatus)
    .orderBy(syncSourceStatus.accountId, syncSourceStatus.source);

  return {
    runs: runs.map((r) => ({
      ...r,
      sources: r.kind === "sync" ? ((r.sources ?? {}) as Record<string, SourceCounts>) : {},
      recalc: r.kind === "recalc" ? recalcSummaryOf(r.sources) : null,
      nightly: r.kind === "nightly" ? nightlySummaryOf(r.sources) : null,
    })),
    quarantine: quarantineRows,
    quarantineTotal: n,
    stores: storeRows.map((s) => ({
      ...s,
      sources: statusRows
        .filter((r) => r.accountId === s.id)
        .map((r) => ({
          source: r.source,
          lastSuccessDay: r.lastSuccessDay,
          lastStatus: r.lastStatus,
          lastError: r.lastError,
          lastFailure: (r.lastFailure ?? null) as SourceFailure | null,
          updatedAt: r.updatedAt,
        })),
    })),
  };
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function recalcSummaryOf(raw: unknown): RecalcSummary | null {
  const { metrics, advice } = (raw ?? {}) as { metrics?: Record<string, unknown>; advice?: Record<string, unknown> };
  if (!metrics || num(metrics.rows) === null) return null; // still running, or failed
  return {
    rows: num(metrics.rows) ?? 0,
    changed: num(metrics.changed) ?? 0,
    skusMissingCost: num(metrics.skusMissingCost) ?? 0,
    daysCommissionEstimated: num(metrics.daysCommissionEstimated) ?? 0,
    adviceRows: advice ? num(advice.rows) : null,
    toShip: advice ? num(advice.toShip) : null,
  };
}

function nightlySummaryOf(raw: unknown): NightlySummary | null {
  const r = (raw ?? {}) as Record<string, unknown>;
  const stores = num(r.stores);
  return stores === null ? null : { stores, synced: num(r.synced) ?? 0 };
}
