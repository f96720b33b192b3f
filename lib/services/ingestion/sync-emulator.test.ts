// End to end over real local HTTP: the emulator plays WB and Ozon, syncStores writes the facts, and
// they must equal the emulator's own truth (per day and SKU, cash flows by type, stock, reviews).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { businessToday } from "@/lib/domain/dates";
import { type Emulator, startEmulator } from "@/lib/emulator/server";
import { marketplaceConfigForEmulator } from "./config";
import { factsView, snapshotTables, truthView } from "./testing/facts";
import { syncStores } from "@/lib/services/sync-stores";

const fast = { rateLimits: false, initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 5000 } as const;
const today = businessToday("Europe/Moscow");

describe.each(testDatabaseKinds())("sync from the emulator on %s", (kind) => {
  const database = useTestDatabase(kind);
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 7,
      skus: 12,
      days: 10,
      warehouses: 3,
      endDate: "2026-11-20",
      pageSizes: {
        wbSales: 25,
        wbFinance: 40,
        ozonAccruals: 15,
        ozonPostings: 10,
        wbCards: 5,
        ozonProducts: 5,
        ozonReviews: 20,
      },
    });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const run = () =>
    syncStores({
      db: database.db,
      from: emulator.truth.from,
      to: emulator.truth.to,
      trigger: "test",
      config: marketplaceConfigForEmulator(emulator),
      resilience: fast,
    });

  it("a clean sync yields exactly the emulator's facts, and the counts add up", async () => {
    const summary = await run();
    for (const r of summary.runs) {
      for (const [name, s] of Object.entries(r.sources)) {
        expect(s.status, `${r.marketplace} ${name}: ${s.error ?? ""}`).toBe("succeeded");
        expect(s.fetched, `${name} counts`).toBe(s.inserted + s.updated + s.unchanged + s.quarantined);
      }
    }
    expect(summary.ok).toBe(true);
    expect(summary.runs.map((r) => r.marketplace).sort()).toEqual(["OZON", "WB"]);
    for (const marketplace of ["WB", "OZON"] as const) {
      const truth = truthView(marketplace === "WB" ? emulator.truth.wb : emulator.truth.ozon, today);
      const facts = await factsView(database.db, marketplace);
      expect(facts.dailySales, `${marketplace} daily sales`).toEqual(truth.dailySales);
      expect(facts.cashflowsByType, `${marketplace} cash flows`).toEqual(truth.cashflowsByType);
      expect(facts.storeLevelCashflowsByType, `${marketplace} store-level cash flows`).toEqual(
        truth.storeLevelCashflowsByType,
      );
      expect(facts.stock, `${marketplace} stock`).toEqual(truth.stock);
      expect(facts.reviews, `${marketplace} reviews`).toEqual(truth.reviews);
    }
    const runs = rowsOf<{ status: string }>(await database.db.execute(sql`select status from sync_runs`));
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
  });

  it("re-running the same sync writes nothing", async () => {
    const before = await snapshotTables(database.db);
    const summary = await run();
    expect(summary.ok).toBe(true);
    for (const r of summary.runs)
      for (const [name, s] of Object.entries(r.sources)) expect([name, s.inserted, s.updated]).toEqual([name, 0, 0]);
    expect(await snapshotTables(database.db)).toBe(before);
  });
});
