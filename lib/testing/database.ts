// Test-only: a freshly migrated database per test file, on in-memory PGlite and on a real PostgreSQL
// too when TEST_DATABASE_URL points at one (each file gets its own new database there).
import { type Database, type Db, openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/db/scratch-database";
import { forwardTo, useSuiteResource } from "./suite-resource";

export type TestDatabaseKind = "pglite" | "postgres";

export interface TestDatabase extends Database {
  /** closes the connection and drops the scratch database */
  close(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** apply the migrations (default true) */
  migrate?: boolean;
}

function adminUrl(): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- test harness configuration, not app config
  const url = process.env.TEST_DATABASE_URL;
  return url && url.trim() ? url.trim() : undefined;
}

/**
 * The databases every integration test runs on: PGlite, and PostgreSQL too when TEST_DATABASE_URL is set.
 * TEST_DATABASE_KINDS=postgres narrows a run to PostgreSQL (CI runs PGlite in a run of its own).
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  // eslint-disable-next-line no-restricted-properties -- test harness configuration, not app config
  const only = process.env.TEST_DATABASE_KINDS?.trim();
  if (only === "postgres") {
    if (!adminUrl()) throw new Error("TEST_DATABASE_KINDS=postgres needs TEST_DATABASE_URL");
    return ["postgres"];
  }
  if (only && only !== "pglite,postgres")
    throw new Error(`TEST_DATABASE_KINDS: expected "postgres" or "pglite,postgres", got "${only}"`);
  return adminUrl() ? ["pglite", "postgres"] : ["pglite"];
}

export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: CreateTestDatabaseOptions = {},
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

/** The database of a describe block. */
export interface TestDatabaseHandle {
  readonly kind: TestDatabaseKind;
  /**
   * Stands for the database opened in beforeAll: every property is read from it when used, so the
   * handle can be taken at the top of a describe block. Outside hooks and tests it throws.
   */
  readonly db: Db;
  /** the open database itself (its kind, close()); only inside hooks and tests */
  readonly database: TestDatabase;
}

/**
 * Opens a migrated database of `kind` before the surrounding describe block's first test and closes it
 * (on PostgreSQL: drops it) after its last. Call it at the top of the block, before any beforeAll that
 * seeds data: hooks run in the order they are declared.
 */
export function useTestDatabase(
  kind: TestDatabaseKind = "pglite",
  options: CreateTestDatabaseOptions = {},
): TestDatabaseHandle {
  const opened = useSuiteResource(
    () => createTestDatabase(kind, options),
    (database) => database.close(),
    "useTestDatabase: the database is open only inside hooks and tests",
  );
  const db = forwardTo(() => opened().db, {
    has: (_target, property) => Reflect.has(opened().db, property),
    getPrototypeOf: () => Reflect.getPrototypeOf(opened().db),
  });
  return {
    kind,
    db,
    get database() {
      return opened();
    },
  };
}
