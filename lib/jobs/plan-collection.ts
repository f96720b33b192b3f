// Which stores to collect and from which day: yesterday, plus any of the recent days on which a
// store never had a successful sync (the server was down, the token was rejected, ...). A store that
// has never completed a sync (a newly connected one) starts INITIAL_HISTORY_DAYS back, so its first
// sync, whether "Sync now" or the nightly run, loads the history the dashboard compares against.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays } from "@/lib/domain/dates";
import { ensureEnvAccounts, listSyncableAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { NIGHTLY_RECALC_DAYS } from "@/lib/services/metrics/recalculate-metrics";
import { derivationStart, SETTLEMENT_WINDOW_DAYS } from "@/lib/services/ingestion/settlement-window";
import { historyLoadedSql } from "@/lib/services/stores/history-loaded";
import type { Marketplace } from "@/db/schema";

/** How far back the nightly run looks for days that never synced. */
export const NIGHTLY_LOOKBACK_DAYS = 7;
/** "Sync now" collects today and the two days before unless told otherwise. */
export const SYNC_NOW_DAYS = 3;
/**
 * A new store's first sync covers this many days: WB serves operational sales for 90 days after the
 * order, and 90 days give the Overview a previous period and the velocities their 28 days.
 */
export const INITIAL_HISTORY_DAYS = 90;
/** The longest range one sync may cover: Ozon's posting lists refuse windows over a year. */
export const MAX_SYNC_RANGE_DAYS = 365;

export interface PlannedStore {
  accountId: number;
  name: string;
  marketplace: Marketplace;
  from: string;
  to: string;
  /** the store never completed a sync, so this run loads its history */
  firstSync: boolean;
}

/** The days "Sync now" collects when not told: SYNC_NOW_DAYS up to `to`, or from a chosen day. */
export function syncNowRange(to: string, from?: string): { from: string; to: string } {
  return { from: from ?? addDays(to, -(SYNC_NOW_DAYS - 1)), to };
}

/** The first day a new store's first sync collects when it ends on `to`. */
export function initialHistoryStart(to: string): string {
  return addDays(to, -(INITIAL_HISTORY_DAYS - 1));
}

/** The earliest day "Load history" accepts on `today`: one sync covers at most MAX_SYNC_RANGE_DAYS. */
export function earliestHistoryDay(today: string): string {
  return addDays(today, -(MAX_SYNC_RANGE_DAYS - 1));
}

export interface PlanCollectionOptions {
  db: Db;
  /** last day to collect (the nightly run: yesterday) */
  to: string;
  /** a fixed first day; by default the earliest of the last lookbackDays that never synced, else `to` */
  from?: string;
  accountId?: number;
  marketplace?: Marketplace;
  lookbackDays?: number;
  /** false: a store's first sync starts at `from` too, without loading INITIAL_HISTORY_DAYS */
  history?: boolean;
}

export async function planCollection(options: PlanCollectionOptions): Promise<PlannedStore[]> {
  const { db, to } = options;
  await ensureEnvAccounts(db);
  const accounts = (await listSyncableAccounts(db)).filter(
    (a) =>
      (options.accountId === undefined || a.id === options.accountId) &&
      (options.marketplace === undefined || a.marketplace === options.marketplace),
  );
  const lookback = options.lookbackDays ?? NIGHTLY_LOOKBACK_DAYS;
  const windowStart = addDays(to, -(lookback - 1));
  const historyStart = initialHistoryStart(to);
  const planned: PlannedStore[] = [];
  for (const account of accounts) {
    const [row] = rowsOf<{ first_missing: string | null; history_loaded: boolean }>(
      await db.execute(sql`
        SELECT
          (SELECT min(g.d)::text
           FROM generate_series(0, ${lookback - 1}::int) AS i
           CROSS JOIN LATERAL (SELECT ${windowStart}::date + i AS d) AS g
           WHERE NOT EXISTS (
             SELECT 1 FROM sync_runs r
             WHERE r.account_id = ${account.id}::int AND r.kind = 'sync' AND r.status = 'succeeded'
               AND r.date_from <= g.d AND r.date_to >= g.d)) AS first_missing,
          ${historyLoadedSql(account.id)} AS history_loaded`),
    );
    const firstSync = !row?.history_loaded;
    let from = options.from ?? (row?.first_missing && row.first_missing < to ? row.first_missing : to);
    if (firstSync && options.history !== false && historyStart < from) from = historyStart;
    planned.push({ accountId: account.id, name: account.name, marketplace: account.marketplace, from, to, firstSync });
  }
  return planned;
}

/** The days a collection covers in all: from the earliest store's first day (or `from`) to `to`. */
export function collectedRange(
  stores: PlannedStore[],
  range: { from: string; to: string },
): { from: string; to: string } {
  return { from: stores.reduce((m, s) => (s.from < m ? s.from : m), range.from), to: range.to };
}

/**
 * The days a collection may change, so the recalculation after it covers them: the collected days,
 * plus the settlement window each store's sync may re-read and the days before it whose provisional
 * sales a settlement removes.
 */
export function changedRange(
  stores: PlannedStore[],
  range: { from: string; to: string },
): { from: string; to: string } {
  const collected = collectedRange(stores, range);
  const settled = derivationStart(addDays(range.to, -(SETTLEMENT_WINDOW_DAYS - 1)));
  return { from: settled < collected.from ? settled : collected.from, to: range.to };
}

/** What the nightly run recalculates after collecting `day`: the last NIGHTLY_RECALC_DAYS, or further back when a new store's first sync loaded its history. */
export function nightlyRecalcRange(stores: PlannedStore[], day: string): { from: string; to: string } {
  return changedRange(stores, { from: addDays(day, -(NIGHTLY_RECALC_DAYS - 1)), to: day });
}
