// Owner changes to another user: role, disabled flag, password; and a user's change of their own
// password. Each bumps session_version so the change applies on that user's next request, and
// writes an audit row. The last enabled owner can be neither demoted nor disabled, and an owner
// cannot demote or disable themself.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users, type Role } from "@/db/schema/auth";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { lastOwner, notYourself, userNotFound } from "./user-errors";
import { checkAccountPassword } from "./verify-credentials";

interface Base {
  userId: number;
  actor: AuditActor;
  correlationId?: string;
}

async function lockUser(tx: Tx, userId: number) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
  if (!user) throw userNotFound();
  return user;
}

async function otherEnabledOwners(tx: Tx, userId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "owner"), eq(users.isDisabled, false), ne(users.id, userId)));
  return row?.n ?? 0;
}

export async function updateUserRole(db: Db, options: Base & { role: Role }): Promise<void> {
  if (options.userId === options.actor.id) throw notYourself();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    if (user.role === options.role) return;
    if (user.role === "owner" && !user.isDisabled && (await otherEnabledOwners(tx, user.id)) === 0) throw lastOwner();
    await tx
      .update(users)
      .set({ role: options.role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: "user.role_change",
      entity: "user",
      entityId: user.id,
      before: { email: user.email, role: user.role },
      after: { email: user.email, role: options.role },
      correlationId: options.correlationId,
    });
  });
}

export async function setUserDisabled(db: Db, options: Base & { disabled: boolean }): Promise<void> {
  if (options.userId === options.actor.id) throw notYourself();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    if (user.isDisabled === options.disabled) return;
    if (options.disabled && user.role === "owner" && (await otherEnabledOwners(tx, user.id)) === 0) throw lastOwner();
    await tx
      .update(users)
      .set({ isDisabled: options.disabled, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: options.disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: user.id,
      before: { email: user.email, isDisabled: user.isDisabled },
      after: { email: user.email, isDisabled: options.disabled },
      correlationId: options.correlationId,
    });
  });
}

/** Stores a new password hash, ends the user's sessions and audits it, in one transaction. */
async function storePassword(
  db: Db,
  options: Base & {
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
    await tx
      .update(users)
      .set({
        passwordHash: options.passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: options.action,
      entity: "user",
      entityId: user.id,
      after: { email: user.email },
      correlationId: options.correlationId,
    });
  });
}

export async function setUserPassword(db: Db, options: Base & { password: string }): Promise<void> {
  await storePassword(db, {
    ...options,
    passwordHash: await hashPassword(options.password),
    action: "user.password_change",
  });
}

/**
 * A signed-in user changes their own password: the current one must be right. Bumping
 * session_version ends every session of the user, this one included, so a stolen cookie dies with
 * the old password; the caller signs in again with the new one.
 */
export async function changeOwnPassword(
  db: Db,
  options: Base & { currentPassword: string; newPassword: string },
): Promise<void> {
  const [current] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, options.userId))
    .limit(1);
  if (!current) throw userNotFound();
  const check = await checkAccountPassword(db, {
    email: current.email,
    userId: options.userId,
    passwordHash: current.passwordHash,
    password: options.currentPassword,
  });
  if (check === "locked") throw new AppError("RATE_LIMITED", "errors.passwordLocked");
  if (check === "wrong")
    throw new AppError("VALIDATION", "errors.validation", { currentPassword: "errors.wrongPassword" });
  if (options.newPassword === options.currentPassword) {
    throw new AppError("VALIDATION", "errors.validation", { newPassword: "errors.samePassword" });
  }
  await storePassword(db, {
    userId: options.userId,
    actor: options.actor,
    correlationId: options.correlationId,
    passwordHash: await hashPassword(options.newPassword),
    action: "user.password_change_own",
    unlessChangedFrom: current.passwordHash,
  });
}
