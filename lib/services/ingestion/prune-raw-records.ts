// Raw payload retention: raw_records older than RAW_RETENTION_DAYS (by their business day, or the day
// they were fetched when they have none) are deleted, so the database does not grow without bound;
// facts derived from them stay. Deleted in chunks along the primary key, each its own short
// statement, so no long lock or huge transaction holds up the sync that runs next to it.
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
  const [bounds] = rowsOf<{ lo: number | null; hi: number | null }>(
    await db.execute(sql`SELECT min(id) AS lo, max(id) AS hi FROM raw_records`),
  );
  let deleted = 0;
  let chunks = 0;
  if (bounds?.lo !== null && bounds?.lo !== undefined) {
    for (let lo = Number(bounds.lo); lo <= Number(bounds.hi); lo += chunk) {
      const [{ n }] = rowsOf<{ n: number }>(
        await db.execute(sql`
          WITH gone AS (
            DELETE FROM raw_records
            WHERE id >= ${lo} AND id < ${lo + chunk}
              AND coalesce(d, (fetched_at AT TIME ZONE ${options.timeZone})::date) < ${keptFrom}::date
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM gone`),
      );
      deleted += Number(n);
      chunks++;
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
