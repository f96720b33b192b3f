// Test-only: the jobs pointed at a test database, a fixed day, the local fake Telegram and a fake
// store sync that records its calls; and sync summaries shaped like the sync service's.
import { desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type Db, schema } from "@/db";
import type { SyncFailure } from "@/lib/marketplaces/http/errors";
import type { SyncStoresOptions, SyncSummary } from "@/lib/services/sync-stores";
import { insertCostPrice, insertSales, insertSku } from "@/lib/testing/fixtures";
import { startFakeTelegram } from "@/lib/notifications/testing/fake-telegram";
import { overrideJobDeps } from "../deps";

export type SourceOutcome = {
  status: "succeeded" | "failed";
  error?: string;
  /** what the sync service records next to a failed source's message */
  failure?: SyncFailure;
  inserted?: number;
};

/** A one-store summary with the fields the jobs read (the sync service's summary carries more). */
export function syncSummaryOf(accountId: number, sources: Record<string, SourceOutcome>): SyncSummary {
  const failed = Object.values(sources).some((s) => s.status === "failed");
  return {
    ok: !failed,
    runs: [
      {
        runId: 1,
        accountId,
        accountName: "Main",
        marketplace: "WB",
        status: failed ? "partial" : "succeeded",
        apiCalls: 3,
        writeMs: 1,
        sources: Object.fromEntries(
          Object.entries(sources).map(([k, s]) => [
            k,
            {
              fetched: s.inserted ?? 0,
              inserted: s.inserted ?? 0,
              updated: 0,
              unchanged: 0,
              quarantined: 0,
              status: s.status,
              error: s.error,
              failure: s.failure,
              ms: 1,
            },
          ]),
        ),
      } as SyncSummary["runs"][number],
    ],
  };
}

/** Points the jobs at the test's database and fakes; returns the function that restores the defaults. */
export function setTestJobDeps(options: {
  db: () => Db;
  today: string;
  telegramUrl: () => string;
  calls: SyncStoresOptions[];
  sync: (o: SyncStoresOptions) => Promise<SyncSummary>;
}): () => void {
  return overrideJobDeps({
    getDb: async () => options.db(),
    today: () => options.today,
    telegram: () => ({ botToken: "1:t", chatId: "42", apiUrl: options.telegramUrl() }),
    syncStores: async (o) => {
      options.calls.push(o);
      return options.sync(o);
    },
  });
}

/** A WB and an Ozon store whose history is loaded: one succeeded sync each, from 2026-08-01 to historyTo. */
export async function insertSyncedStores(db: Db, historyTo: string): Promise<{ wb: number; ozon: number }> {
  const [{ id: wb }, { id: ozon }] = await db
    .insert(schema.accounts)
    .values([
      { marketplace: "WB", name: "Main", source: "ui" },
      { marketplace: "OZON", name: "Shop", source: "ui" },
    ])
    .returning({ id: schema.accounts.id });
  await db.insert(schema.syncRuns).values(
    [wb, ozon].map((accountId) => ({
      accountId,
      kind: "sync" as const,
      trigger: "cli" as const,
      status: "succeeded" as const,
      dateFrom: "2026-08-01",
      dateTo: historyTo,
    })),
  );
  return { wb, ozon };
}

/**
 * A WB SKU of the store costing 100.00 that sold `qty` units on day `d` at 1,000.00 each with 10 %
 * commission, settled: what a recalculation after the sync has to show.
 */
export async function insertSoldSku(
  db: Db,
  options: { accountId: number; article: string; d: string; qty: number },
): Promise<number> {
  const skuId = await insertSku(db, { marketplace: "WB", article: options.article, accountId: options.accountId });
  await insertCostPrice(db, skuId, "2026-01-01", "100.00");
  await insertSales(db, [
    {
      d: options.d,
      skuId,
      warehouseId: null,
      qty: options.qty,
      revenueGross: (options.qty * 1000).toFixed(2),
      commissionAmount: (options.qty * 100).toFixed(2),
      isSettled: true,
    },
  ]);
  return skuId;
}

/**
 * A test suite's job harness: the fake Telegram for the suite (started before its other beforeAll
 * hooks when called first), the sync calls recorded, and `stubSync(sync)` pointing the jobs at the
 * test database, `today` and that fake for one test (restored after it).
 */
export function jobTestHarness(options: { db: () => Db; today: string }) {
  let restore: (() => void) | undefined;
  const harness = {
    fake: undefined as unknown as Awaited<ReturnType<typeof startFakeTelegram>>,
    calls: [] as SyncStoresOptions[],
    stubSync(sync: (o: SyncStoresOptions) => Promise<SyncSummary>) {
      restore = setTestJobDeps({
        db: options.db,
        today: options.today,
        telegramUrl: () => harness.fake.url,
        calls: harness.calls,
        sync,
      });
    },
  };
  beforeAll(async () => {
    harness.fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await harness.fake?.close();
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    harness.calls.length = 0;
  });
  return harness;
}

/** The newest job-run record of a kind ("nightly", "recalc", ...), or undefined. */
export async function latestJobRun(db: Db, kind: (typeof schema.syncRuns.$inferSelect)["kind"]) {
  const [run] = await db
    .select()
    .from(schema.syncRuns)
    .where(eq(schema.syncRuns.kind, kind))
    .orderBy(desc(schema.syncRuns.id))
    .limit(1);
  return run;
}
