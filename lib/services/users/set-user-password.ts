// The owner sets another user's password (a reset); the user's sessions end.
import type { Db } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { storePassword, type UserEditOptions } from "./user-edit";

export async function setUserPassword(db: Db, options: UserEditOptions & { password: string }): Promise<void> {
  await storePassword(db, {
    ...options,
    passwordHash: await hashPassword(options.password),
    action: "user.password_change",
  });
}
