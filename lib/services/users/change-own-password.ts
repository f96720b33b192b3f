import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { userNotFound } from "./user-errors";
import { storePassword, type UserEditOptions } from "./user-edit";
import { checkAccountPassword } from "./verify-credentials";

/**
 * A signed-in user changes their own password: the current one must be right. Bumping
 * session_version ends every session of the user, this one included, so a stolen cookie dies with
 * the old password; the caller signs in again with the new one.
 */
export async function changeOwnPassword(
  db: Db,
  options: UserEditOptions & { currentPassword: string; newPassword: string },
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
