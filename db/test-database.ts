// Test-only: a freshly migrated database per test file, on in-memory PGlite always and on a real
// PostgreSQL too when TEST_DATABASE_URL points at one (each file gets its own new database there).
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { type Database, openDatabase } from "./index";
import { migrateDatabase } from "./migrate";

export type TestDatabaseKind = "pglite" | "postgres";

export interface TestDatabase extends Database {
  /** closes the connection and drops the scratch database */
  close(): Promise<void>;
}

function adminUrl(): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- test harness configuration, not app config
  const url = process.env.TEST_DATABASE_URL;
  return url && url.trim() ? url.trim() : undefined;
}

/** The databases every integration test runs on. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return adminUrl() ? ["pglite", "postgres"] : ["pglite"];
}

export async function createTestDatabase(kind: TestDatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === "pglite") {
    const database = await openDatabase({ memory: true });
    if (migrate) await migrateDatabase(database);
    return database;
  }
  const admin = adminUrl();
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sovani_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 5 });
  if (migrate) await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A scratch PostgreSQL database URL (for child processes), dropped by the returned function. */
export async function createScratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = adminUrl();
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sovani_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
