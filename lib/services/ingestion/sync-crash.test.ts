// kill -9 of a sync process at random moments, then a re-run: the end state must equal a clean run's,
// and right after each kill no half-written page is visible (a cursor never runs ahead of its data,
// and raw finance lines never exist without their cash flows).
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { testDatabaseKinds } from "@/lib/testing/database";
import { businessToday } from "@/lib/domain/dates";
import { syncStores } from "@/lib/services/sync-stores";
import { marketplaceConfigForEmulator } from "./config";
import { factsMatchingTruth, factsView, truthView } from "./testing/facts";
import { scratchTarget } from "./testing/scratch-target";
import { useEmulator } from "@/lib/emulator/use-emulator";

const TRIALS = 3;
const child = path.resolve("lib/services/ingestion/testing/sync-child.ts");
const today = businessToday("Europe/Moscow");

async function checkNoPartialPage(db: Database["db"]) {
  // every raw WB finance line stored has its typed finance line, and every finance line its raw record
  const orphanRaw = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from raw_records r where r.source = 'wb_finance'
      and not exists (select 1 from finance_lines c where c.line_key = r.natural_key and c.marketplace = 'WB')`),
  );
  const orphanFlows = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from finance_lines c where c.marketplace = 'WB'
      and not exists (select 1 from raw_records r where r.source = 'wb_finance' and r.natural_key = c.line_key)`),
  );
  expect(orphanRaw[0].n).toBe(0);
  expect(orphanFlows[0].n).toBe(0);
  // the sales cursor never points past the newest stored row
  const cursor = rowsOf<{ cursor: string }>(
    await db.execute(sql`select cursor from sync_cursors where source = 'wb_sales'`),
  );
  if (cursor[0]) {
    const max = rowsOf<{ v: string }>(
      await db.execute(sql`select max(version) as v from raw_records where source = 'wb_sales'`),
    );
    expect((JSON.parse(cursor[0].cursor) as { next: string }).next).toBe(max[0].v);
  }
}

describe.each(testDatabaseKinds())("kill -9 during a sync on %s", (kind) => {
  const emulator = useEmulator({
    seed: 21,
    skus: 10,
    days: 8,
    warehouses: 2,
    endDate: "2026-11-20",
    pageSizes: { wbSales: 6, wbFinance: 10, ozonAccruals: 4, ozonPostings: 4, wbCards: 3, ozonProducts: 3 },
    // a little latency on every call, so kills land in the middle of the run
    faults: { slow: { count: 1_000_000, delayMs: 15 } },
  });
  const cleanup: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it(`ends in the expected state after ${TRIALS} random kills and a re-run`, async () => {
    let killedMidRun = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const target = await scratchTarget(kind, "sovani-crash-", cleanup);
      const setup = await openDatabase(target);
      await migrateDatabase(setup);
      await setup.close();

      const config = marketplaceConfigForEmulator(emulator);
      const proc = spawn(process.execPath, ["--import", "tsx", child], {
        env: {
          ...process.env,
          SYNC_CHILD: JSON.stringify({ ...target, from: emulator.truth.from, to: emulator.truth.to, config }),
          LOG_LEVEL: "error",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      proc.stdout.on("data", (c: Buffer) => (output += c.toString()));
      proc.stderr.on("data", (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
      // (node --import tsx: the pid killed is the process that syncs, not a wrapper)
      // wait until the child has started writing, then kill it at a random moment
      const started = Date.now();
      while (!emulator.requests.some((r) => r.t >= started) && Date.now() - started < 20_000)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 1200)));
      proc.kill("SIGKILL");
      const code = await exited;
      if (code === null && !output.includes("CHILD-DONE")) killedMidRun++;
      expect(output, output).not.toContain("CHILD-FAILED");

      const database = await openDatabase(target);
      try {
        await checkNoPartialPage(database.db);
        const leftRunning = rowsOf<{ n: number }>(
          await database.db.execute(sql`select count(*)::int as n from sync_runs where status = 'running'`),
        )[0].n;
        const summary = await syncStores({
          db: database.db,
          from: emulator.truth.from,
          to: emulator.truth.to,
          trigger: "test",
          config,
          resilience: { rateLimits: false, initialDelayMs: 5, maxDelayMs: 50 },
        });
        expect(summary.ok, `trial ${trial} (child exit ${code})`).toBe(true);
        // the killed run does not stay 'running': the re-run of its store marked it interrupted
        const after = rowsOf<{ status: string; error: string | null }>(
          await database.db.execute(
            sql`select status, error from sync_runs where error like 'interrupted%' or status = 'running'`,
          ),
        );
        expect(after.every((r) => r.status === "failed")).toBe(true);
        expect(after).toHaveLength(leftRunning);
        for (const marketplace of ["WB", "OZON"] as const) {
          const truth = truthView(marketplace === "WB" ? emulator.truth.wb : emulator.truth.ozon, today);
          const facts = await factsView(database.db, marketplace);
          const { actual, expected } = factsMatchingTruth(facts, truth);
          expect(actual, `${marketplace} facts, trial ${trial}`).toEqual(expected);
        }
      } finally {
        await database.close();
      }
    }
    expect(killedMidRun).toBeGreaterThan(0);
  }, 600_000);
});
