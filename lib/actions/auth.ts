"use server";
// Sign-in, sign-out, first-run setup and the language switch.
import fs from "node:fs";
import path from "node:path";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { safeNext } from "@/lib/auth/safe-next";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { createFirstOwner } from "@/lib/services/users/create-first-owner";
import { endUserSessions } from "@/lib/services/users/end-user-sessions";
import { authedAction, publicAction } from "./safe-action";

async function signInOrThrow(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as { code?: string }).code;
      throw new AppError("UNAUTHENTICATED", code === "locked" ? "errors.loginLocked" : "errors.invalidCredentials");
    }
    throw error;
  }
}

const loginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  next: z.string().max(2000).optional(),
});

export const loginAction = publicAction("loginAction", loginSchema, async (input) => {
  await signInOrThrow(input.email, input.password);
  redirect(safeNext(input.next));
});

const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

const setupSchema = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().max(200).optional(),
    password: passwordSchema,
    passwordConfirm: z.string(),
    setupCode: z.string().trim().min(1).max(64),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "errors.passwordMismatch" });

export const setupOwnerAction = publicAction("setupOwnerAction", setupSchema, async (input, ctx) => {
  await createFirstOwner(ctx.db, {
    email: input.email,
    name: input.name,
    password: input.password,
    setupCode: input.setupCode,
    correlationId: ctx.correlationId,
  });
  // used up: the copy under DATA_DIR goes too (best effort: another process may have written it)
  fs.rmSync(path.join(getEnv().DATA_DIR, "setup-code"), { force: true });
  await signInOrThrow(input.email, input.password);
  redirect("/overview");
});

export const logoutAction = authedAction("logoutAction", z.object({}).passthrough(), async (_input, ctx) => {
  // bumping session_version voids this cookie everywhere, even a copy kept by someone else
  await endUserSessions(ctx.db, ctx.user.id);
  await signOut({ redirect: false });
  redirect("/login");
});

export const setLocaleAction = publicAction("setLocaleAction", z.object({ locale: z.enum(locales) }), async (input) => {
  (await cookies()).set(LOCALE_COOKIE, input.locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 365 * 24 * 3600,
  });
  return { locale: input.locale };
});
