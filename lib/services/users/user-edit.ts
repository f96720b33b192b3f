// What the edits of a user share: the options, the row lock, the last-owner count, and storing a new
// password. Every edit bumps session_version so it applies on that user's next request, and writes an
// audit row in the same transaction.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users } from "@/db/schema/auth";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { userNotFound } from "./user-errors";

export interface UserEditOptions {
  userId: number;
  actor: AuditActor;
  correlationId?: string;
}

export async function lockUser(tx: Tx, userId: number) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
  if (!user) throw userNotFound();
  return user;
}

export async function otherEnabledOwners(tx: Tx, userId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "owner"), eq(users.isDisabled, false), ne(users.id, userId)));
  return row?.n ?? 0;
}

type LockedUser = Awaited<ReturnType<typeof lockUser>>;

/**
 * Writes a change to a locked user row with its audit row: the session version is bumped, so the
 * change applies on the user's next request.
 */
export async function updateUser(
  tx: Tx,
  user: LockedUser,
  change: Partial<Pick<typeof users.$inferInsert, "passwordHash" | "role" | "isDisabled">>,
  audit: Omit<Parameters<typeof writeAudit>[1], "entity" | "entityId">,
): Promise<void> {
  await tx
    .update(users)
    .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await writeAudit(tx, { ...audit, entity: "user", entityId: user.id });
}

/** Stores a new password hash, ends the user's sessions and audits it, in one transaction. */
export async function storePassword(
  db: Db,
  options: UserEditOptions & {
    passwordHash: string;
    action: "user.password_change" | "user.password_change_own";
    unlessChangedFrom?: string;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    // a concurrent change since the caller's check wins; this one is refused rather than overwriting it
    if (options.unlessChangedFrom !== undefined && user.passwordHash !== options.unlessChangedFrom)
      throw new AppError("CONFLICT", "errors.conflict");
    await updateUser(
      tx,
      user,
      { passwordHash: options.passwordHash },
      {
        actor: options.actor,
        action: options.action,
        after: { email: user.email },
        correlationId: options.correlationId,
      },
    );
  });
}
