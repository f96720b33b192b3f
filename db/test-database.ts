// Test-only: a freshly migrated database per test file, on in-memory PGlite always and on a real
// PostgreSQL too when TEST_DATABASE_URL points at one (each file gets its own new database there).
import { type Database, openDatabase } from "./index";
import { migrateDatabase } from "./migrate";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

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

export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === "pglite") {
    const database = await openDatabase({ memory: true });
    if (migrate) await migrateDatabase(database);
    return database;
  }
  const scratch = await createScratchPostgres();
  const database = await openDatabase({ url: scratch.url, maxConnections: 5 });
  if (migrate) await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A scratch PostgreSQL database URL (for child processes), dropped by the returned function. */
export async function createScratchPostgres(): Promise<ScratchDatabase> {
  const admin = adminUrl();
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  return createScratchDatabase(admin);
}
