// After an upgrade that reshaped the facts (migration 0006 moved them to order_lines/finance_lines and
// emptied the derived tables), the first start rebuilds them from raw_records in the background: no
// API calls, and the dashboard fills in as soon as it is done. Runs under the collection lease so a
// nightly run or Sync now does not interleave with it.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { logger } from "@/lib/logger";
import { rebuildFacts } from "@/lib/services/ingestion/rebuild-facts";
import { runRecalculation } from "@/lib/services/metrics/run-recalculation";
import { tryAcquireJobLease } from "./job-lock";
import { COLLECT_LOCK } from "./run-nightly";

/** Raw records of the sources that make facts exist, but no fact does: the facts must be rebuilt. */
export async function factsNeedRebuild(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ needed: boolean }>(
    await db.execute(sql`
      SELECT EXISTS (SELECT 1 FROM raw_records
                     WHERE source IN ('wb_sales', 'wb_finance', 'ozon_accruals', 'ozon_postings_fbo', 'ozon_postings_fbs'))
         AND NOT EXISTS (SELECT 1 FROM order_lines) AND NOT EXISTS (SELECT 1 FROM finance_lines) AS needed`),
  );
  return row?.needed === true || (row?.needed as unknown) === "t";
}

export async function rebuildAfterUpgrade(db: Db, timeZone: string): Promise<boolean> {
  if (!(await factsNeedRebuild(db))) return false;
  const lease = await tryAcquireJobLease({ db, name: COLLECT_LOCK, ttlMs: 5 * 60_000 });
  if (!lease) return false;
  try {
    if (!(await factsNeedRebuild(db))) return false;
    logger.info("upgrade.rebuild_started", {});
    const rebuilt = await rebuildFacts({ db, timeZone });
    if (rebuilt.from && rebuilt.to)
      await runRecalculation({ db, from: rebuilt.from, to: rebuilt.to, trigger: "schedule" });
    logger.info("upgrade.rebuild_finished", { ...rebuilt });
    return true;
  } finally {
    await lease.release();
  }
}
