// The owner disables or enables another user; the last enabled owner cannot be disabled, nor can an
// owner disable themself.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema/auth";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { lastOwner, notYourself } from "./user-errors";
import { lockUser, otherEnabledOwners, type UserEditOptions } from "./user-edit";

export async function setUserDisabled(db: Db, options: UserEditOptions & { disabled: boolean }): Promise<void> {
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
