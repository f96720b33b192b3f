import "server-only";
// Every read a page makes goes through here: the signed-in user is checked (re-validated against the
// database once per request, see lib/auth) before the query runs on the app's database.
import { type Db, getDb } from "@/db";
import { requireUser } from "@/lib/auth/current-user";

/** Turns `query(db, ...args)` into `load(...args)` that requires a signed-in user. */
export function authorized<TArgs extends unknown[], TResult>(query: (db: Db, ...args: TArgs) => Promise<TResult>) {
  return async (...args: TArgs): Promise<TResult> => {
    await requireUser();
    return query(await getDb(), ...args);
  };
}
