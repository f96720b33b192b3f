// End to end over real local HTTP: the emulator plays WB and Ozon, syncStores writes the facts, and
// they must equal the emulator's own truth (per day and SKU, cash flows by type, stock, reviews).
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { businessToday } from "@/lib/domain/dates";
import { factsMatchingTruth, factsView, snapshotTables, truthView } from "./testing/facts";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { rubStr } from "@/lib/emulator/dataset";
import { useEmulator } from "@/lib/emulator/use-emulator";
import { syncFromEmulator } from "./testing/emulator-sync";

const today = businessToday("Europe/Moscow");

describe.each(testDatabaseKinds())("sync from the emulator on %s", (kind) => {
  const database = useTestDatabase(kind);

  const emulator = useEmulator({
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

  const run = () => syncFromEmulator(database.db, emulator);

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
      const { actual, expected } = factsMatchingTruth(await factsView(database.db, marketplace), truth);
      expect(actual.skuLines, `${marketplace} P&L lines naming a SKU`).toEqual(expected.skuLines);
      expect(actual.storeLines, `${marketplace} store-level P&L lines`).toEqual(expected.storeLines);
      expect(actual.settled, `${marketplace} settled money per finance day and SKU`).toEqual(expected.settled);
      expect(actual.orderLines, `${marketplace} order lines`).toEqual(expected.orderLines);
      expect(actual.units, `${marketplace} units counted once`).toEqual(expected.units);
      expect(actual.dailyOrders, `${marketplace} orders per day, SKU, warehouse and district`).toEqual(
        expected.dailyOrders,
      );
      expect(actual.stock, `${marketplace} stock`).toEqual(expected.stock);
      expect(actual.reviews, `${marketplace} reviews`).toEqual(expected.reviews);
    }
    const runs = rowsOf<{ status: string }>(await database.db.execute(sql`select status from sync_runs`));
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
  });

  it("every statement's payout equals the sum of its finance lines, to the kopeck", async () => {
    const lineSum = PNL_LINES.map((l) => `f.${l}`).join(" + ");
    const reports = rowsOf<{ kind: string; id: string; payout: string; ours: string | null }>(
      await database.db.execute(sql`
        select r.kind, r.report_id as id, r.payout::text as payout,
          (case when r.kind = 'wb_report'
                then (select sum(${sql.raw(lineSum)}) from finance_lines f
                      where f.account_id = r.account_id and f.report_id = r.report_id)
                else (select sum(${sql.raw(lineSum)}) from finance_lines f
                      where f.account_id = r.account_id and f.d between r.date_from and r.date_to) end)::text as ours
        from settlement_reports r order by 1, 2`),
    );
    const closedWeeks = emulator.truth.wbReports.filter((r) => r.closed);
    expect(closedWeeks.length).toBeGreaterThan(0);
    for (const week of closedWeeks) {
      const stored = reports.find((r) => r.kind === "wb_report" && r.id === String(week.reportId));
      expect(stored?.payout, `WB report ${week.reportId} as WB states it`).toBe(rubStr(week.bankPaymentSum));
      expect(stored?.ours, `WB report ${week.reportId}: Sovani's payout`).toBe(rubStr(week.bankPaymentSum));
    }
    for (const r of reports.filter((x) => x.kind === "ozon_period"))
      expect(Number(r.ours ?? 0).toFixed(2), `Ozon period ${r.id}`).toBe(Number(r.payout).toFixed(2));
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

describe.each(testDatabaseKinds())("the settlement window on %s", (kind) => {
  const database = useTestDatabase(kind);
  const emulator = useEmulator({ seed: 11, skus: 8, days: 12, warehouses: 2, endDate: "2026-11-20" });

  it("a nightly sync of yesterday alone picks up the finance, money and deliveries earlier days lacked", async () => {
    const sync = (from: string, to: string) => syncFromEmulator(database.db, emulator, { from, to });
    // the night of the 18th: the history so far; the last days' finance is not published yet
    emulator.setNow("2026-11-18T00:30:00Z");
    expect((await sync(emulator.truth.from, "2026-11-17")).ok).toBe(true);
    const early = await factsView(database.db, "WB");
    // three nights later, only yesterday is asked for
    emulator.setNow("2026-11-21T00:30:00Z");
    expect((await sync("2026-11-20", "2026-11-20")).ok).toBe(true);
    for (const marketplace of ["WB", "OZON"] as const) {
      const truth = truthView(marketplace === "WB" ? emulator.truth.wb : emulator.truth.ozon, today);
      const { actual, expected } = factsMatchingTruth(await factsView(database.db, marketplace), truth);
      expect(actual.settled, `${marketplace} settled money`).toEqual(expected.settled);
      expect(actual.orderLines, `${marketplace} order lines`).toEqual(expected.orderLines);
      expect(actual.units, `${marketplace} units counted once`).toEqual(expected.units);
    }
    // the test means something only if the first night really lacked some of it
    expect(early.settled).not.toEqual(truthView(emulator.truth.wb, today).settled);
  });
});
