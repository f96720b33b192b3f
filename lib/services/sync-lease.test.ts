// One sync per store at a time, whichever path starts it (nightly, Sync now, Inngest, the CLI), and runs
// left 'running' by a dead process marked interrupted by the next start or sync of that store.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf, schema } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createScratchPostgres, type TestDatabaseKind, testDatabaseKinds } from "@/lib/testing/database";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { tryAcquireJobLease } from "@/lib/jobs/job-lock";
import { marketplaceEnvForEmulator } from "@/lib/services/ingestion/config";
import { INTERRUPTED_RUN_ERROR, markInterruptedSyncRuns, storeSyncLockName } from "./sync-stores";
import { syncFromEmulator } from "@/lib/services/ingestion/testing/emulator-sync";

const root = path.resolve(__dirname, "..", "..");

/** The pid of a process that has exited (so no process has it for now). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

async function openTarget(kind: TestDatabaseKind, work: string) {
  if (kind === "pglite") {
    const dir = path.join(work, "pglite");
    return { env: { PGLITE_DIR: dir }, open: () => openDatabase({ pgliteDir: dir }), drop: async () => {} };
  }
  const scratch = await createScratchPostgres();
  return {
    env: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ url: scratch.url, maxConnections: 3 }),
    drop: () => scratch.drop(),
  };
}

describe.each(testDatabaseKinds())("the store sync lease on %s", (kind) => {
  let work: string;
  let emulator: Emulator;
  let target: Awaited<ReturnType<typeof openTarget>>;
  let database: Database;
  let wb: number;

  const sync = () => syncFromEmulator(database.db, emulator);

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "sovani-lease-"));
    emulator = await startEmulator({ seed: 5, skus: 4, days: 3, warehouses: 1, endDate: "2026-11-20" });
    target = await openTarget(kind, work);
    database = await target.open();
    await migrateDatabase(database);
    expect((await sync()).ok).toBe(true);
    wb = (await database.db.select().from(schema.accounts).where(eq(schema.accounts.marketplace, "WB")))[0].id;
  });
  afterAll(async () => {
    await database?.close();
    await emulator?.stop();
    await target?.drop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it("a store another live sync holds is not synced again: the attempt is a failed run saying why", async () => {
    const held = await tryAcquireJobLease({
      db: database.db,
      name: storeSyncLockName(wb),
      holder: `${os.hostname()}:${process.pid}:other-sync`,
    });
    expect(held).not.toBeNull();
    try {
      const summary = await sync();
      expect(summary.ok).toBe(false);
      const busy = summary.runs.find((r) => r.accountId === wb)!;
      expect(busy.status).toBe("failed");
      expect(busy.sources.store.error).toMatch(/another sync of this store/);
      expect(summary.runs.filter((r) => r.accountId !== wb).every((r) => r.status === "succeeded")).toBe(true);
    } finally {
      await held!.release();
    }
    expect((await sync()).ok).toBe(true);
  }, 300_000);

  it("a run left 'running' is marked interrupted at start-up once its lease is gone, and not while it is live", async () => {
    const leftRunning = async () =>
      Number(
        rowsOf<{ id: number }>(
          await database.db.execute(sql`insert into sync_runs (account_id, kind, trigger, status)
            values (${wb}, 'sync', 'cli', 'running') returning id`),
        )[0].id,
      );
    const statusOf = async (id: number) =>
      (await database.db.select().from(schema.syncRuns).where(eq(schema.syncRuns.id, id)))[0];

    // another process on this host is still syncing the store: its run stays
    const live = await tryAcquireJobLease({
      db: database.db,
      name: storeSyncLockName(wb),
      holder: `${os.hostname()}:${process.pid}:live`,
    });
    const running = await leftRunning();
    await markInterruptedSyncRuns(database.db);
    expect((await statusOf(running)).status).toBe("running");
    await live!.release();

    // the process that held the lease was killed: at the next start the run is failed, interrupted
    await database.db.insert(schema.jobLocks).values({
      name: storeSyncLockName(wb),
      holder: `${os.hostname()}:${deadPid()}:killed`,
      lockedUntil: sql`now() + interval '1 minute'`,
    });
    expect(await markInterruptedSyncRuns(database.db)).toBe(1);
    expect(await statusOf(running)).toMatchObject({ status: "failed", error: INTERRUPTED_RUN_ERROR });
    expect(await database.db.select().from(schema.jobLocks)).toEqual([]);

    // and the next sync of the store does the same, before it starts its own run
    const another = await leftRunning();
    expect((await sync()).ok).toBe(true);
    expect(await statusOf(another)).toMatchObject({ status: "failed", error: INTERRUPTED_RUN_ERROR });
    expect(
      rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from sync_runs where status = 'running'`),
      )[0].n,
    ).toBe(0);
  }, 300_000);

  it("npm run sync takes the same lease", async () => {
    await database.close();
    const holder = await target.open();
    const held = await tryAcquireJobLease({
      db: holder.db,
      name: storeSyncLockName(wb),
      holder: `${os.hostname()}:${process.pid}:nightly`,
    });
    // the embedded database has one owner: the CLI opens it after this process lets go
    if (kind === "pglite") await holder.close();
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...target.env,
        LOG_LEVEL: "error",
        ...marketplaceEnvForEmulator(emulator),
        MARKETPLACE_RATE_LIMITS: "off",
      };
      if (kind === "pglite") delete env.DATABASE_URL;
      const run = spawnSync(
        path.join(root, "node_modules", ".bin", "tsx"),
        ["scripts/sync.ts", "--from", emulator.truth.from, "--to", emulator.truth.to, "--marketplace", "wb"],
        { cwd: root, env, encoding: "utf8", timeout: 240_000 },
      );
      expect(run.status, run.stdout + run.stderr).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/another sync of this store/);
    } finally {
      // (on the closed embedded handle this only stops the heartbeat; the row is deleted below)
      await held!.release();
      if (kind === "postgres") await holder.close();
    }
    database = await target.open();
    if (kind === "pglite") {
      await database.db.delete(schema.jobLocks).where(eq(schema.jobLocks.name, storeSyncLockName(wb)));
    }
  }, 300_000);
});
