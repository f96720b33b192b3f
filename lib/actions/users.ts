"use server";
// User management (owner only) and each user's own password change. Each change bumps the
// target's session_version (services) and is audited.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { roles } from "@/db/schema/auth";
import { signOut } from "@/lib/auth/auth";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { createUser } from "@/lib/services/users/create-user";
import { changeOwnPassword } from "@/lib/services/users/change-own-password";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { setUserPassword } from "@/lib/services/users/set-user-password";
import { updateUserRole } from "@/lib/services/users/update-user-role";
import { formBoolean } from "./form-fields";
import { auditedCall } from "./audited-call";
import { authedAction } from "./safe-action";

const userId = z.coerce.number().int().positive().max(2_147_483_647);
const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const createUserAction = authedAction(
  "createUserAction",
  z.object({ email: z.email().max(320), name: z.string().trim().max(200).optional(), role: z.enum(roles), password }),
  async (input, ctx) => {
    const created = await createUser(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId });
    revalidatePath("/settings/users");
    return created;
  },
);

export const updateUserRoleAction = authedAction(
  "updateUserRoleAction",
  z.object({ userId, role: z.enum(roles) }),
  auditedCall(updateUserRole, "/settings/users"),
);

export const setUserDisabledAction = authedAction(
  "setUserDisabledAction",
  z.object({
    userId,
    disabled: formBoolean,
  }),
  auditedCall(setUserDisabled, "/settings/users"),
);

export const resetUserPasswordAction = authedAction(
  "resetUserPasswordAction",
  z.object({ userId, password }),
  auditedCall(setUserPassword, "/settings/users"),
);

const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: password,
    newPasswordConfirm: z.string(),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "errors.passwordMismatch",
  });

/** Any signed-in user, for their own account only (the id comes from the session, never the input). */
export const changeOwnPasswordAction = authedAction(
  "changeOwnPasswordAction",
  changeOwnPasswordSchema,
  async (input, ctx) => {
    await changeOwnPassword(ctx.db, {
      userId: ctx.user.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
    });
    // every session of the user has ended with the old password: this browser signs in again
    await signOut({ redirect: false });
    redirect("/login?changed=1");
  },
);
