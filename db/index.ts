// The one place that opens a database: a pg Pool when DATABASE_URL is set, otherwise embedded PGlite
// in PGLITE_DIR (one owner process, see pglite-lock.ts). Everything else receives a `Db`.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import * as schema from "./schema";
import { acquirePgliteLock } from "./pglite-lock";

/** PostgreSQL extensions the migrations create; PGlite bundles them and loads them on open. */
const extensions = { pg_trgm };

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle is usable wherever a Db is */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** human-readable location without credentials */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://... — use a PostgreSQL server */
  url?: string;
  /** embedded data directory; ignored when url is set */
  pgliteDir?: string;
  /** in-memory PGlite (tests) */
  memory?: boolean;
  /** pool size for PostgreSQL */
  maxConnections?: number;
}

/**
 * The URL with `-c jit=off` added to its startup options (after any it has). JIT compiles a statement
 * whose estimated cost passes jit_above_cost (a SKU period at 10,000 SKUs, a recalculation's statements):
 * 0.3-1.8 s of compiling for statements that run in tens of milliseconds to a few seconds (scripts/bench).
 */
export function withJitOff(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get("options");
  parsed.searchParams.set("options", options ? `${options} -c jit=off` : "-c jit=off");
  return parsed.toString();
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new Pool({ connectionString: withJitOff(options.url), max: options.maxConnections ?? 10 });
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    const db = drizzlePg(pool, { schema });
    const parsed = new URL(options.url);
    return {
      db,
      kind: "postgres",
      location: `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
      close: () => pool.end(),
    };
  }
  if (options.memory) {
    const client = await PGlite.create({ extensions });
    return {
      db: drizzlePglite(client, { schema }),
      kind: "pglite",
      location: "memory",
      close: () => client.close(),
    };
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ options.pgliteDir ?? "./.data/pglite");
  const release = acquirePgliteLock(dir);
  try {
    // PGlite creates only the last segment of its data directory
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const client = await PGlite.create({ dataDir: dir, extensions });
    return {
      db: drizzlePglite(client, { schema }),
      kind: "pglite",
      location: dir,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

// The app's database lives on globalThis: Next.js may load this module once per bundle layer,
// and all of them must share one connection (and one PGlite owner).
const globalForDb = globalThis as unknown as { __sovaniDb?: Promise<Database> };

/** The application's database, opened on first use from DATABASE_URL / PGLITE_DIR. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__sovaniDb) {
    globalForDb.__sovaniDb = (async () => {
      const { getEnv } = await import("@/lib/env");
      const e = getEnv();
      return openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR });
    })();
    globalForDb.__sovaniDb.catch(() => {
      globalForDb.__sovaniDb = undefined;
    });
  }
  return globalForDb.__sovaniDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__sovaniDb;
  globalForDb.__sovaniDb = undefined;
  if (current) await (await current).close();
}

/** rows of a raw `db.execute(sql...)`, the same on both drivers */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
