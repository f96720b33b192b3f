// Raw payload retention: raw_records older than RAW_RETENTION_DAYS (by their business day, or the day
// they were fetched when they have none) are deleted, so the database does not grow without bound;
// facts derived from them stay. Deleted per store and source along their (account, source, day) index in
// chunks, each its own short statement, so no long lock or huge transaction holds up the sync that runs
// next to it, and a night reads the records it deletes rather than the whole table.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface PruneRawRecordsOptions {
  /** business today (APP_TIMEZONE) */
  today: string;
  /** RAW_RETENTION_DAYS: the days before today whose payloads are kept */
  keepDays: number;
  timeZone: string;
  /** ids per DELETE statement (default 20,000) */
  chunkSize?: number;
}

export interface PruneRawRecordsResult {
  /** the first business day still kept */
  keptFrom: string;
  deleted: number;
  chunks: number;
}

/** The first business day whose raw payloads are kept. */
export function rawRetentionStart(today: string, keepDays: number): string {
  return addDays(today, -keepDays);
}

export async function pruneRawRecords(db: Db, options: PruneRawRecordsOptions): Promise<PruneRawRecordsResult> {
  const keptFrom = rawRetentionStart(options.today, options.keepDays);
  const chunk = options.chunkSize ?? 20_000;
  // the (store, source) pairs present, by a skip scan along raw_records_account_source_d_idx: one index
  // probe per pair, not a read of the table
  const pairs = rowsOf<{ account_id: number; source: string }>(
    await db.execute(sql`
      WITH RECURSIVE pairs AS (
        (SELECT account_id, source FROM raw_records ORDER BY account_id, source LIMIT 1)
        UNION ALL
        SELECT n.account_id, n.source FROM pairs p CROSS JOIN LATERAL (
          SELECT r.account_id, r.source FROM raw_records r
          WHERE (r.account_id, r.source) > (p.account_id, p.source)
          ORDER BY r.account_id, r.source LIMIT 1
        ) n
      )
      SELECT account_id, source FROM pairs`),
  );
  // a record without a business day goes by the day it was fetched in the business time zone: fetched
  // before midnight of keptFrom there
  const keptFromInstant = sql`(${keptFrom}::date::timestamp AT TIME ZONE ${options.timeZone})`;
  let deleted = 0;
  let chunks = 0;
  for (const pair of pairs) {
    // each pair's old records along the same index (its days before the window, and its undated ones),
    // so the nightly run reads what it deletes, not every record kept
    for (;;) {
      const [{ n }] = rowsOf<{ n: number }>(
        await db.execute(sql`
          WITH gone AS (
            DELETE FROM raw_records WHERE id IN (
              SELECT id FROM raw_records
              WHERE account_id = ${pair.account_id} AND source = ${pair.source}
                AND (d < ${keptFrom}::date OR (d IS NULL AND fetched_at < ${keptFromInstant}))
              LIMIT ${chunk})
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM gone`),
      );
      deleted += Number(n);
      chunks++;
      if (Number(n) < chunk) break;
    }
  }
  logger.info("raw_records.pruned", { keptFrom, deleted, chunks });
  return { keptFrom, deleted, chunks };
}

/**
 * Refuses a rebuild of days whose payloads the retention has deleted, naming the first day kept:
 * rebuilding them would find no records and leave the facts as they are while looking done.
 */
export function checkRebuildRange(from: string | undefined, today: string, keepDays: number): void {
  const keptFrom = rawRetentionStart(today, keepDays);
  if (from !== undefined && from < keptFrom) {
    throw new AppError(
      "VALIDATION",
      `raw payloads are kept for ${keepDays} days (RAW_RETENTION_DAYS): the first day that can be rebuilt is ${keptFrom}, ` +
        `asked from ${from}. Facts of older days stay as they are; rebuild from ${keptFrom} or later.`,
      { from: `before ${keptFrom}` },
    );
  }
}
