import "server-only";
// User reads: the owner's users and audit pages, and whether the first run is over. The last is the one
// read made before anybody can sign in (the front door, /login and /setup ask it), so it goes through
// no session check; it says only whether some user exists.
import { desc } from "drizzle-orm";
import { type Db, getDb } from "@/db";
import { auditLog } from "@/db/schema/auth";
import { hasUsers } from "@/lib/services/users/has-users";
import { listUsers, type UserListItem } from "@/lib/services/users/list-users";
import type { AuditEntryFields } from "@/lib/i18n/audit-sentence";
import { authorized } from "./authorized";

export type { UserListItem };

export interface AuditEntry extends AuditEntryFields {
  id: number;
  at: Date;
}

/** True once any user exists (then /setup is closed for good). */
export async function hasAnyUser(): Promise<boolean> {
  return hasUsers(await getDb());
}

export async function queryUsers(db: Db): Promise<UserListItem[]> {
  return listUsers(db);
}

/** The latest `limit` audit entries, newest first. */
export async function queryAuditLog(db: Db, options: { limit: number }): Promise<AuditEntry[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userEmail: auditLog.userEmail,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
}

export const getUsers = authorized(queryUsers, { roles: ["owner"] });
export const getAuditLog = authorized(queryAuditLog, { roles: ["owner"] });
