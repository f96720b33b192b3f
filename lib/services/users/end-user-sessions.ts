// Ends every session of a user (sign-out): sessions carrying the old session_version stop working.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users } from "@/db/schema/auth";

export async function endUserSessions(db: Db | Tx, userId: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
