import "server-only";
// Per-user UI settings, read for the signed-in user only.
import { sql } from "drizzle-orm";
import { type Db, getDb, rowsOf } from "@/db";
import { requireUser } from "@/lib/auth/current-user";

export async function queryUserPreference(db: Db, userId: number, key: string): Promise<unknown> {
  const result = await db.execute(sql`select value from user_preferences where user_id = ${userId} and key = ${key}`);
  return rowsOf<{ value: unknown }>(result)[0]?.value ?? null;
}

/** The signed-in user's value for `key`, or null when they never set one. */
export async function getMyPreference(key: string): Promise<unknown> {
  const user = await requireUser();
  return queryUserPreference(await getDb(), user.id, key);
}
