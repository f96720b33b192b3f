// The sync page's run history: a store's sync shows its per-source counts, a recalculation and a
// nightly run their own summaries (not per-source zeros), whatever state they were left in.
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { getSyncOverview } from "./get-sync-overview";

describe.each(testDatabaseKinds())("getSyncOverview (%s)", (kind) => {
  const { db } = useTestDatabase(kind);

  it("summarises each kind of run from what it recorded", async () => {
    const [{ id: accountId }] = await db
      .insert(schema.accounts)
      .values({ marketplace: "WB", name: "Main", source: "ui" })
      .returning({ id: schema.accounts.id });
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 3, minute));
    await db.insert(schema.syncRuns).values([
      {
        accountId,
        kind: "sync",
        trigger: "manual",
        status: "succeeded",
        dateFrom: "2026-09-01",
        dateTo: "2026-11-29",
        startedAt: at(0),
        sources: {
          wb_sales: { fetched: 12, inserted: 10, updated: 2, unchanged: 0, quarantined: 1, status: "succeeded" },
        },
      },
      {
        kind: "recalc",
        trigger: "manual",
        status: "succeeded",
        dateFrom: "2026-09-01",
        dateTo: "2026-11-29",
        startedAt: at(1),
        sources: {
          metrics: {
            from: "2026-09-01",
            to: "2026-11-29",
            rows: 540,
            changed: 37,
            daysMissingCost: 4,
            skusMissingCost: 2,
            daysCommissionEstimated: 9,
            ms: 80,
          },
          advice: { d: "2026-11-29", rows: 24, pairs: 12, toShip: 5 },
        },
      },
      {
        kind: "recalc",
        trigger: "cli",
        status: "succeeded",
        dateFrom: "2026-11-29",
        dateTo: "2026-11-29",
        startedAt: at(2),
        sources: { metrics: { rows: 6, changed: 0, skusMissingCost: 0, daysCommissionEstimated: 0 } },
      },
      {
        kind: "recalc",
        trigger: "inngest",
        status: "running",
        dateFrom: "2026-11-29",
        dateTo: "2026-11-29",
        startedAt: at(3),
        sources: { externalId: "run-1" },
      },
      {
        kind: "nightly",
        trigger: "schedule",
        status: "partial",
        dateFrom: "2026-11-28",
        dateTo: "2026-11-28",
        startedAt: at(4),
        sources: { stores: 2, synced: 1, failures: [{ what: "OZON Shop", error: "500" }] },
      },
    ]);
    const { runs } = await getSyncOverview(db);
    const byMinute = (m: number) => runs.find((r) => r.startedAt.getTime() === at(m).getTime())!;

    expect(byMinute(0)).toMatchObject({
      kind: "sync",
      storeName: "Main",
      recalc: null,
      nightly: null,
      sources: { wb_sales: { fetched: 12, quarantined: 1 } },
    });
    expect(byMinute(1)).toMatchObject({
      sources: {},
      nightly: null,
      recalc: { rows: 540, changed: 37, skusMissingCost: 2, daysCommissionEstimated: 9, adviceRows: 24, toShip: 5 },
    });
    expect(byMinute(2).recalc).toEqual({
      rows: 6,
      changed: 0,
      skusMissingCost: 0,
      daysCommissionEstimated: 0,
      adviceRows: null,
      toShip: null,
    });
    expect(byMinute(3)).toMatchObject({ status: "running", sources: {}, recalc: null });
    expect(byMinute(4)).toMatchObject({ sources: {}, recalc: null, nightly: { stores: 2, synced: 1 } });
  });

  it("says a store's history is loaded once one of its syncs ended succeeded or partial, not failed", async () => {
    const store = async (name: string, statuses: ("running" | "failed" | "partial")[]) => {
      const [{ id }] = await db
        .insert(schema.accounts)
        .values({ marketplace: "OZON", name, source: "ui" })
        .returning({ id: schema.accounts.id });
      for (const status of statuses) {
        await db.insert(schema.syncRuns).values({
          accountId: id,
          kind: "sync",
          trigger: "manual",
          status,
          dateFrom: "2026-09-01",
          dateTo: "2026-11-29",
        });
      }
      return id;
    };
    const fresh = await store("Fresh", []);
    const failed = await store("Failed", ["failed", "running"]);
    const partial = await store("Partial", ["failed", "partial"]);
    const { stores } = await getSyncOverview(db);
    const loaded = (id: number) => stores.find((s) => s.id === id)?.historyLoaded;
    expect([loaded(fresh), loaded(failed), loaded(partial)]).toEqual([false, false, true]);
    // "Main", from the test above, has a succeeded sync
    const main = stores.find((s) => s.name === "Main");
    expect(main?.historyLoaded).toBe(true);
  });
});
