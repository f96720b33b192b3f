// The owner disables or enables another user; the last enabled owner cannot be disabled, nor can an
// owner disable themself.
import type { Db } from "@/db";
import { lastOwner, notYourself } from "./user-errors";
import { lockUser, otherEnabledOwners, updateUser, type UserEditOptions } from "./user-edit";

export async function setUserDisabled(db: Db, options: UserEditOptions & { disabled: boolean }): Promise<void> {
  if (options.userId === options.actor.id) throw notYourself();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, options.userId);
    if (user.isDisabled === options.disabled) return;
    if (options.disabled && user.role === "owner" && (await otherEnabledOwners(tx, user.id)) === 0) throw lastOwner();
    await updateUser(
      tx,
      user,
      { isDisabled: options.disabled },
      {
        actor: options.actor,
        action: options.disabled ? "user.disable" : "user.enable",
        before: { email: user.email, isDisabled: user.isDisabled },
        after: { email: user.email, isDisabled: options.disabled },
        correlationId: options.correlationId,
      },
    );
  });
}
