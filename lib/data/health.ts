import "server-only";
// GET /api/health's read: is the database reachable, and are all committed migrations applied? Probed
// by load balancers and the operator without a session, so it checks none and says nothing more.
import { sql } from "drizzle-orm";
import { type Database, getDatabase } from "@/db";
import { getMigrationState, type MigrationState } from "@/db/migrate";

export interface Health {
  database: { kind: Database["kind"] };
  migrations: MigrationState;
}

/** Throws when the database cannot be opened or answer. */
export async function queryHealth(database: Database): Promise<Health> {
  await database.db.execute(sql`select 1`);
  const migrations = await getMigrationState(database);
  return { database: { kind: database.kind }, migrations };
}

export async function getHealth(): Promise<Health> {
  return queryHealth(await getDatabase());
}
