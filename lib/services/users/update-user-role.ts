// The owner changes another user's role; the last enabled owner cannot be demoted, nor can an owner
// demote themself.
import type { Db } from "@/db";
import type { Role } from "@/db/schema/auth";
import { lastOwner, notYourself } from "./user-errors";
import { lockUser, otherEnabledOwners, updateUser, type UserEditOptions } from "./user-edit";

export async function updateUserRole(db: Db, options: UserEditOptions & { role: Role }): Promise<void> {
  if (options.userId === options.actor.id) throw notYourself();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    if (user.role === options.role) return;
    if (user.role === "owner" && !user.isDisabled && (await otherEnabledOwners(tx, user.id)) === 0) throw lastOwner();
    await updateUser(
      tx,
      user,
      { role: options.role },
      {
        actor: options.actor,
        action: "user.role_change",
        before: { email: user.email, role: user.role },
        after: { email: user.email, role: options.role },
        correlationId: options.correlationId,
      },
    );
  });
}
