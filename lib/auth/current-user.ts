import "server-only";
// The signed-in user for this request, re-validated against the database every time (see auth.ts).
// Pages call requireUser/requireRole; server actions get the user from the authedAction wrapper.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import type { Role } from "@/db/schema/auth";
import { getEnv } from "@/lib/env";
import { getSessionUser, type SessionUser } from "@/lib/services/users/get-session-user";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { readSessionClaims } from "./session-token";

export type { SessionUser };

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const secret = getEnv().AUTH_SECRET;
  const session = secret ? await readSessionClaims(await cookies(), secret) : null;
  if (!session) return null;
  // absolute lifetime: a session older than 12 hours is over, however often it was refreshed
  if (Date.now() / 1000 - session.lat > SESSION_MAX_AGE_SECONDS) return null;
  return getSessionUser(await getDb(), { userId: session.uid, sessionVersion: session.sv });
});

/** The user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** The user if their role is allowed, else the not-allowed page. */
export async function requireRole(roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/overview?denied=1");
  return user;
}
