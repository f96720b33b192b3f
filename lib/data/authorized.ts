import "server-only";
// Every read a page makes goes through here: the signed-in user (and, where a read names roles, their
// role) is checked (re-validated against the database once per request, see lib/auth) before the query
// runs on the app's database.
import { type Db, getDb } from "@/db";
import type { Role } from "@/db/schema/auth";
import { getCurrentUser, requireRole, requireUser } from "@/lib/auth/current-user";

export interface AuthorizedOptions {
  /** only these roles may read; the others are sent to the not-allowed page (as requireRole does) */
  roles?: readonly Role[];
}

/** Turns `query(db, ...args)` into `load(...args)` that requires a signed-in user (of `roles`, when given). */
export function authorized<TArgs extends unknown[], TResult>(
  query: (db: Db, ...args: TArgs) => Promise<TResult>,
  options: AuthorizedOptions = {},
) {
  return async (...args: TArgs): Promise<TResult> => {
    if (options.roles) await requireRole(options.roles);
    else await requireUser();
    return query(await getDb(), ...args);
  };
}

/**
 * For route handlers, which answer 401 rather than redirect: `load(...args)` resolves to null, without
 * running the query, when nobody is signed in.
 */
export function authorizedOrNull<TArgs extends unknown[], TResult>(
  query: (db: Db, ...args: TArgs) => Promise<TResult>,
) {
  return async (...args: TArgs): Promise<TResult | null> => {
    if (!(await getCurrentUser())) return null;
    return query(await getDb(), ...args);
  };
}
