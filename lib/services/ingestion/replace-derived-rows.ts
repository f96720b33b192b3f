// The write both day derivations share: rows derived for one store and day range into a temporary table
// replace the stored rows of that range. Rows no longer derived are deleted, new ones inserted, and
// existing ones updated only where a column changed, so updated_at moves only on a real change.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { updateWhenChanged } from "@/lib/services/metrics/upsert-changed";

export interface DeriveCounts {
  rows: number;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface DerivedRows {
  /** the stored table, e.g. daily_sales */
  table: string;
  /** the temporary table holding the rows derived for the range, with the same key and columns */
  derived: string;
  /** the table's unique key (d first); warehouse_id in it may be null */
  key: readonly string[];
  /** the columns written besides the key */
  columns: readonly string[];
}

/** Replaces `rows.table`'s rows of the store for [from, to] by `rows.derived`'s (inside the caller's transaction). */
export async function replaceDerivedRows(
  tx: Db,
  rows: DerivedRows,
  accountId: number,
  from: string,
  to: string,
): Promise<DeriveCounts> {
  const table = sql.raw(rows.table);
  const derived = sql.raw(rows.derived);
  const key = rows.key.join(", ");
  const sameKey = rows.key
    .filter((k) => k !== "d")
    .map((k) => (k === "warehouse_id" ? `n.${k} IS NOT DISTINCT FROM t.${k}` : `n.${k} = t.${k}`))
    .join(" AND ");
  const columns = rows.columns.join(", ");
  const [deleted] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH gone AS (
        DELETE FROM ${table} t
        WHERE t.account_id = ${accountId}::int AND t.d BETWEEN ${from}::date AND ${to}::date
          AND NOT EXISTS (SELECT 1 FROM ${derived} n WHERE n.d = t.d AND ${sql.raw(sameKey)})
        RETURNING 1)
      SELECT count(*)::int AS n FROM gone`),
  );
  const written = rowsOf<{ inserted: boolean }>(
    await tx.execute(sql`
      INSERT INTO ${table} AS t (${sql.raw(key)}, ${sql.raw(columns)})
      SELECT ${sql.raw(key)}, ${sql.raw(columns)} FROM ${derived}
      ON CONFLICT (${sql.raw(key)}) ${updateWhenChanged("t", rows.columns, ["updated_at"])}
      RETURNING (xmax = 0) AS inserted`),
  );
  const [{ rows: count }] = rowsOf<{ rows: number }>(
    await tx.execute(sql`SELECT count(*)::int AS rows FROM ${derived}`),
  );
  const inserted = written.filter((r) => r.inserted === true || (r.inserted as unknown) === "t").length;
  return { rows: Number(count), inserted, updated: written.length - inserted, deleted: Number(deleted?.n ?? 0) };
}
