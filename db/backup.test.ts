// Backup and restore end to end through the CLIs (npm run backup / npm run restore): a demo database
// synced from the emulator (facts, metrics, advice, users, cost prices, audit, setup state), backed up,
// restored into an empty database, and compared table by table; on PGlite and on PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "@/db";
import { readBackupHeader } from "@/db/backup";
import { migrateDatabase, readJournal } from "@/db/migrate";
import { createScratchPostgres, type TestDatabaseKind, testDatabaseKinds } from "@/lib/testing/database";
import type { ScratchDatabase } from "@/db/scratch-database";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { saveCostPrice } from "@/lib/services/cost-prices/save-cost-price";
import { marketplaceConfigForEmulator } from "@/lib/services/ingestion/config";
import { recalculateMetrics } from "@/lib/services/metrics/recalculate-metrics";
import { syncStores } from "@/lib/services/sync-stores";
import { createUser } from "@/lib/services/users/create-user";

const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const secrets = {
  AUTH_SECRET: "backup-test-auth-secret-0123456789abcdef",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};

/** Rows and a digest of every application table, independent of row order. */
async function fingerprint(db: Database["db"]): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((t) => t.name);
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ rows: number; digest: string | null }>(
      await db.execute(
        sql.raw(`select count(*)::int as rows,
          md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' order by row_to_json(t)::text), '')) as digest
          from "${table}" t`),
      ),
    );
    out[table] = { rows: Number(row.rows), digest: row.digest ?? "" };
  }
  return out;
}

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function target(kind: TestDatabaseKind, work: string, name: string): Promise<Target> {
  if (kind === "pglite") {
    const dir = path.join(work, name, "pglite");
    return {
      env: { PGLITE_DIR: dir, DATA_DIR: path.join(work, name) },
      open: () => openDatabase({ pgliteDir: dir }),
      drop: async () => {},
    };
  }
  const scratch: ScratchDatabase = await createScratchPostgres();
  return {
    env: { DATABASE_URL: scratch.url, DATA_DIR: path.join(work, name) },
    open: () => openDatabase({ url: scratch.url, maxConnections: 2 }),
    drop: () => scratch.drop(),
  };
}

function cli(script: string, args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, LOG_LEVEL: "warn" };
  for (const key of ["DATABASE_URL", "PGLITE_DIR", "AUTH_SECRET", "APP_ENCRYPTION_KEY"]) {
    if (!(key in env)) delete childEnv[key];
  }
  return spawnSync(tsx, [path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: childEnv,
    encoding: "utf8",
    timeout: 240_000,
  });
}

describe.each(testDatabaseKinds())("backup and restore on %s", (kind) => {
  let work: string;
  let emulator: Emulator;
  let source: Target;
  let restored: Target;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  let backupFile: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-backup-"));
    source = await target(kind, work, "source");
    restored = await target(kind, work, "restored");
    emulator = await startEmulator({ seed: 3, skus: 8, days: 6, warehouses: 2, endDate: "2026-11-20" });
    const database = await source.open();
    try {
      await migrateDatabase(database);
      const db = database.db;
      await syncStores({
        db,
        from: emulator.truth.from,
        to: emulator.truth.to,
        trigger: "test",
        config: marketplaceConfigForEmulator(emulator),
        resilience: { rateLimits: false, initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 5000 },
      });
      const owner = await createUser(db, {
        email: "owner@example.com",
        role: "owner",
        password: "owner-pass-1",
        actor: null,
      });
      const [sku] = rowsOf<{ id: number }>(await db.execute(sql`select id from sku order by id limit 1`));
      await saveCostPrice({
        db,
        input: { skuId: Number(sku.id), dtFrom: emulator.truth.from, costPrice: "123.45" },
        actor: { id: owner.id, email: "owner@example.com" },
        today: emulator.truth.to,
      });
      await recalculateMetrics({
        db,
        from: emulator.truth.from,
        to: emulator.truth.to,
        aggrDaysWb: 14,
        aggrDaysOzon: 28,
      });
      before = await fingerprint(db);
    } finally {
      await database.close();
    }
    fs.mkdirSync(path.join(work, "source"), { recursive: true });
    fs.writeFileSync(
      path.join(work, "source", "secrets.env"),
      `AUTH_SECRET=${secrets.AUTH_SECRET}\nAPP_ENCRYPTION_KEY=${secrets.APP_ENCRYPTION_KEY}\n`,
    );
  });

  afterAll(async () => {
    await emulator?.stop();
    await source?.drop();
    await restored?.drop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it("the demo database has rows in its main tables", () => {
    for (const table of [
      "accounts",
      "sku",
      "daily_sales",
      "metrics_daily",
      "users",
      "cost_price_history",
      "audit_log",
    ]) {
      expect(before[table]?.rows, table).toBeGreaterThan(0);
    }
  }, 300_000);

  it("npm run backup writes a dated, compressed file with the migrations and the secrets", () => {
    const run = cli("backup.ts", [], source.env);
    expect(run.status, run.stderr).toBe(0);
    const dir = path.join(work, "source", "backups");
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^sovani-backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.jsonl\.gz$/);
    backupFile = path.join(dir, files[0]);
    expect(fs.readFileSync(backupFile).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(run.stdout).toContain("APP_ENCRYPTION_KEY");
  }, 300_000);

  it("npm run restore brings every table back exactly, and the secrets", async () => {
    const header = await readBackupHeader(backupFile);
    expect(header.migrations).toEqual(readJournal().entries.map((e) => e.tag));
    expect(header.secrets).toEqual(secrets);

    const run = cli("restore.ts", [backupFile], restored.env);
    expect(run.status, run.stderr).toBe(0);
    const database = await restored.open();
    try {
      expect(await fingerprint(database.db)).toEqual(before);
      // identity sequences continue after the restored ids
      const [{ id }] = rowsOf<{ id: number }>(
        await database.db.execute(
          sql`insert into accounts (marketplace, name) values ('WB', 'after restore') returning id`,
        ),
      );
      const [{ max }] = rowsOf<{ max: number }>(await database.db.execute(sql`select max(id) as max from accounts`));
      expect(Number(id)).toBe(Number(max));
      expect(before.accounts.rows).toBeLessThan(Number(id));
    } finally {
      await database.close();
    }
    expect(fs.readFileSync(path.join(work, "restored", "secrets.env"), "utf8")).toContain(
      `APP_ENCRYPTION_KEY=${secrets.APP_ENCRYPTION_KEY}`,
    );
  }, 300_000);

  it("refuses a database that holds data, and other keys, unless told", async () => {
    const again = cli("restore.ts", [backupFile], restored.env);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("already holds data");
    fs.writeFileSync(path.join(work, "restored", "secrets.env"), "APP_ENCRYPTION_KEY=another-key\n");
    const otherKeys = cli("restore.ts", [backupFile], restored.env);
    expect(otherKeys.status).not.toBe(0);
    expect(otherKeys.stderr).toContain("--force");
    const forced = cli("restore.ts", [backupFile, "--force"], restored.env);
    expect(forced.status, forced.stderr).toBe(0);
    const database = await restored.open();
    try {
      expect(await fingerprint(database.db)).toEqual(before);
    } finally {
      await database.close();
    }
  }, 300_000);
});
