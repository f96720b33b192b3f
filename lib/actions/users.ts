"use server";
// Owner-only user management. Each change bumps the target's session_version (services) and is audited.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roles } from "@/db/schema/auth";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { createUser } from "@/lib/services/users/create-user";
import { setUserDisabled, setUserPassword, updateUserRole } from "@/lib/services/users/update-user";
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
  async (input, ctx) => {
    await updateUserRole(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId });
    revalidatePath("/settings/users");
    return null;
  },
);

export const setUserDisabledAction = authedAction(
  "setUserDisabledAction",
  z.object({ userId, disabled: z.enum(["true", "false"]).or(z.boolean()).transform((v) => v === true || v === "true") }),
  async (input, ctx) => {
    await setUserDisabled(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId });
    revalidatePath("/settings/users");
    return null;
  },
);

export const resetUserPasswordAction = authedAction(
  "resetUserPasswordAction",
  z.object({ userId, password }),
  async (input, ctx) => {
    await setUserPassword(ctx.db, { ...input, actor: ctx.actor, correlationId: ctx.correlationId });
    revalidatePath("/settings/users");
    return null;
  },
);
