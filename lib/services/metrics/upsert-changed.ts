// The tail of an upsert that rewrites a derived row only when its numbers changed (a rerun over mostly
// unchanged days then writes almost nothing): `DO UPDATE SET c = excluded.c, ... WHERE (t.c, ...) IS
// DISTINCT FROM (excluded.c, ...)`, from one column list.
import { type SQL, sql } from "drizzle-orm";

/** `ON CONFLICT (...) DO UPDATE` body for `columns` of the table aliased `alias`; `extraSet` is written but not compared. */
export function updateWhenChanged(alias: string, columns: readonly string[], extraSet: readonly string[] = []): SQL {
  const set = [...columns, ...extraSet].map((c) => `${c} = excluded.${c}`).join(",\n      ");
  const current = columns.map((c) => `${alias}.${c}`).join(", ");
  const incoming = columns.map((c) => `excluded.${c}`).join(", ");
  return sql.raw(`DO UPDATE SET\n      ${set}\n    WHERE (${current})\n      IS DISTINCT FROM (${incoming})`);
}
