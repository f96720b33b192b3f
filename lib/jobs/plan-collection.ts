// Which stores to collect and from which day: yesterday, plus any of the recent days on which a
// store never had a successful sync (the server was down, the token was rejected, ...).
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays } from "@/lib/domain/dates";
import { ensureEnvAccounts, listSyncableAccounts } from "@/lib/services/accounts/ensure-env-accounts";

/** How far back the nightly run looks for days that never synced. */
export const NIGHTLY_LOOKBACK_DAYS = 7;

export interface PlannedStore {
  accountId: number;
  name: string;
  marketplace: "WB" | "OZON";
  from: string;
  to: string;
}

export interface PlanCollectionOptions {
  db: Db;
  /** last day to collect (the nightly run: yesterday) */
  to: string;
  /** a fixed first day; by default the earliest of the last lookbackDays that never synced, else `to` */
  from?: string;
  accountId?: number;
  lookbackDays?: number;
}

export async function planCollection(options: PlanCollectionOptions): Promise<PlannedStore[]> {
  const { db, to } = options;
  await ensureEnvAccounts(db);
  const accounts = (await listSyncableAccounts(db)).filter((a) => options.accountId === undefined || a.id === options.accountId);
  const lookback = options.lookbackDays ?? NIGHTLY_LOOKBACK_DAYS;
  const windowStart = addDays(to, -(lookback - 1));
  const planned: PlannedStore[] = [];
  for (const account of accounts) {
    let from = options.from;
    if (from === undefined) {
      const [row] = rowsOf<{ first_missing: string | null }>(
        await db.execute(sql`
          SELECT min(g.d)::text AS first_missing
          FROM generate_series(0, ${lookback - 1}::int) AS i
          CROSS JOIN LATERAL (SELECT ${windowStart}::date + i AS d) AS g
          WHERE NOT EXISTS (
            SELECT 1 FROM sync_runs r
            WHERE r.account_id = ${account.id}::int AND r.kind = 'sync' AND r.status = 'succeeded'
              AND r.date_from <= g.d AND r.date_to >= g.d)`),
      );
      from = row?.first_missing && row.first_missing < to ? row.first_missing : to;
    }
    planned.push({ accountId: account.id, name: account.name, marketplace: account.marketplace, from, to });
  }
  return planned;
}
