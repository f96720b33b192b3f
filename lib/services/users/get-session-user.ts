// The user behind a session, if the session is still valid: the user exists, is enabled, and the
// session carries the current session_version (logout, disable, role or password change bump it).
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role } from "@/db/schema/auth";

export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  locale: "ru" | "en" | null;
}

export async function getSessionUser(
  db: Db,
  claims: { userId: number; sessionVersion: number },
): Promise<SessionUser | null> {
  // runs on every page view: only what the check and the shell need (never the password hash)
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      isDisabled: users.isDisabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!user || user.isDisabled || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}
