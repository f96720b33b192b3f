import "server-only";
// The signed-in user for this request, re-validated against the database every time (see auth.ts).
// Pages call requireUser/requireRole; server actions get the user from the authedAction wrapper.
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Role } from "@/db/schema/auth";
import { getSessionUser, type SessionUser } from "@/lib/services/users/get-session-user";
import { auth } from "./auth";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

export type { SessionUser };

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  let session;
  try {
    session = await auth();
  } catch {
    return null;
  }
  if (!session || !Number.isInteger(session.uid) || !Number.isInteger(session.sv)) return null;
  // absolute lifetime: a session older than 12 hours is over, however often it was refreshed
  if (!Number.isFinite(session.lat) || Date.now() / 1000 - session.lat > SESSION_MAX_AGE_SECONDS) return null;
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
