// Whether a store's history is loaded: one of its sync runs ended succeeded or partial (a partial
// run still loaded the sources that worked). The one predicate behind both planCollection (a store
// without it starts INITIAL_HISTORY_DAYS back) and the sync page's "history not loaded yet".
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

export function historyLoadedSql(accountId: AnyColumn | number): SQL<boolean> {
  const id = typeof accountId === "number" ? sql`${accountId}::int` : sql`${accountId}`;
  return sql<boolean>`EXISTS (
    SELECT 1 FROM sync_runs r
    WHERE r.account_id = ${id} AND r.kind = 'sync' AND r.status IN ('succeeded', 'partial'))`;
}
