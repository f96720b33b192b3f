// Stores one per-user UI setting (the SKU table's visible columns, ...) so it follows the user across
// browsers and devices; the value is checked by the caller's schema before it gets here.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";

export interface SaveUserPreferenceOptions {
  userId: number;
  key: string;
  value: unknown;
}

export async function saveUserPreference(db: Db, options: SaveUserPreferenceOptions): Promise<void> {
  await db.execute(sql`
    INSERT INTO user_preferences (user_id, key, value, updated_at)
    VALUES (${options.userId}, ${options.key}, ${JSON.stringify(options.value)}::jsonb, now())
    ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
}
