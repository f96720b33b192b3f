// Argument checks shared by npm run pnl, reconcile and recalc: dates, store, marketplace.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { getEnv, type Env } from "@/lib/env";
import { withMigratedDatabase } from "./cli";
import type { Marketplace } from "@/db/schema";
import { isIsoDay } from "@/lib/domain/dates";

export function requireRange(args: Record<string, string | true>, usage: string): { from: string; to: string } {
  for (const key of ["from", "to"] as const) {
    const value = args[key];
    if (value === undefined || value === true) throw new Error(`--${key} is required\n${usage}`);
    if (!isIsoDay(value)) throw new Error(`--${key} "${value}" is not a date in YYYY-MM-DD form`);
  }
  const from = args.from as string;
  const to = args.to as string;
  if (from > to) throw new Error(`--to (${to}) is before --from (${from})`);
  return { from, to };
}

export function storeArg(args: Record<string, string | true>, usage: string): number | null {
  const value = args.store;
  if (value === undefined) return null;
  if (value === true || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647)
    throw new Error(`--store needs a store id (a positive integer)\n${usage}`);
  return Number(value);
}

export function marketplaceArg(args: Record<string, string | true>, usage: string): Marketplace | undefined {
  const value = args.marketplace;
  if (value === undefined) return undefined;
  const v = value === true ? "" : value.toLowerCase();
  if (v === "wb") return "WB";
  if (v === "ozon") return "OZON";
  throw new Error(`--marketplace must be wb or ozon\n${usage}`);
}

/** Refuses a store id that does not exist, with the ids that do. */
export async function assertStoreExists(db: Db, storeId: number): Promise<void> {
  const rows = rowsOf<{ id: number; name: string }>(await db.execute(sql`select id, name from accounts order by id`));
  if (!rows.some((r) => Number(r.id) === storeId)) {
    const known = rows.map((r) => `${r.id} (${r.name})`).join(", ") || "none";
    throw new Error(`store ${storeId} not found; stores: ${known}`);
  }
}

/**
 * Opens the migrated database, refuses an unknown --store, and runs `fn` with the ids to read: the one
 * store, or null for every store.
 */
export async function withStoreScope<T>(
  store: number | null,
  fn: (db: Db, accountIds: number[] | null, env: Env) => Promise<T>,
): Promise<T> {
  const env = getEnv();
  return withMigratedDatabase(env, async (database) => {
    if (store !== null) await assertStoreExists(database.db, store);
    return fn(database.db, store === null ? null : [store], env);
  });
}
