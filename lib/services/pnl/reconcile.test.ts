// Reconciliation on a real database: a WB report and an Ozon period that match to the kopeck, and
// periods whose gap names the lines Sovani counted.
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { insertAccount, insertFinanceLine, insertSettlementReport, insertSku } from "@/lib/testing/pnl-fixtures";
import { reconcile } from "./reconcile";

describe.each(testDatabaseKinds())("reconcile on %s", (kind) => {
  const t = useTestDatabase(kind);
  let wb = 0;
  let ozon = 0;

  beforeAll(async () => {
    wb = await insertAccount(t.db, "WB", "WB store");
    ozon = await insertAccount(t.db, "OZON", "Ozon store");
    const sku = await insertSku(t.db, { marketplace: "WB", accountId: wb });
    // WB report 100 (week of 2 March): 1369.50 - 273.90 - 79.20 - 287.14 = 729.26, bankPaymentSum 729.26
    await insertFinanceLine(t.db, {
      accountId: wb,
      marketplace: "WB",
      d: "2026-03-02",
      skuId: sku,
      reportId: "100",
      sales: "1369.50",
      commission: "-273.90",
    });
    await insertFinanceLine(t.db, {
      accountId: wb,
      marketplace: "WB",
      d: "2026-03-03",
      skuId: sku,
      reportId: "100",
      logistics: "-79.20",
    });
    await insertFinanceLine(t.db, {
      accountId: wb,
      marketplace: "WB",
      d: "2026-03-05",
      reportId: "100",
      storage: "-287.14",
    });
    // a line of another report on a day of the same week does not belong to report 100
    await insertFinanceLine(t.db, {
      accountId: wb,
      marketplace: "WB",
      d: "2026-03-04",
      reportId: "101",
      penalties: "-500.00",
    });
    await insertSettlementReport(t.db, {
      accountId: wb,
      kind: "wb_report",
      reportId: "100",
      dateFrom: "2026-03-02",
      dateTo: "2026-03-08",
      payout: "729.26",
      sums: { bankPaymentSum: "729.26", paidStorageSum: "287.14" },
    });
    // WB report 101: Sovani has -500.00, WB says -450.00: a gap of -50.00
    await insertSettlementReport(t.db, {
      accountId: wb,
      kind: "wb_report",
      reportId: "101",
      dateFrom: "2026-03-02",
      dateTo: "2026-03-08",
      payout: "-450.00",
    });
    // Ozon period 1-15 March: 1000 - 120 - 15.5 = 864.50 but Ozon paid 900.00; a line on the 16th is outside
    await insertFinanceLine(t.db, { accountId: ozon, marketplace: "OZON", d: "2026-03-01", sales: "1000.00" });
    await insertFinanceLine(t.db, { accountId: ozon, marketplace: "OZON", d: "2026-03-15", commission: "-120.00" });
    await insertFinanceLine(t.db, { accountId: ozon, marketplace: "OZON", d: "2026-03-10", deductionsOther: "-15.50" });
    await insertFinanceLine(t.db, { accountId: ozon, marketplace: "OZON", d: "2026-03-16", sales: "77.00" });
    await insertSettlementReport(t.db, {
      accountId: ozon,
      kind: "ozon_period",
      reportId: "2026-03-01..2026-03-15",
      dateFrom: "2026-03-01",
      dateTo: "2026-03-15",
      payout: "900.00",
    });
    // an Ozon period that is still open (ends yesterday relative to `today` below)
    await insertSettlementReport(t.db, {
      accountId: ozon,
      kind: "ozon_period",
      reportId: "2026-03-16..2026-03-19",
      dateFrom: "2026-03-16",
      dateTo: "2026-03-19",
      payout: "70.00",
    });
    // outside the range
    await insertSettlementReport(t.db, {
      accountId: wb,
      kind: "wb_report",
      reportId: "90",
      dateFrom: "2026-02-01",
      dateTo: "2026-02-07",
      payout: "1.00",
    });
  });

  it("shows a 0.00 gap where Sovani's lines add up to the marketplace payout", async () => {
    const r = await reconcile(t.db, { from: "2026-03-01", to: "2026-03-31", today: "2026-03-20" });
    const report = r.periods.find((p) => p.reportId === "100");
    expect(report).toMatchObject({
      marketplace: "WB",
      accountName: "WB store",
      marketplacePayout: "729.26",
      sovaniPayout: "729.26",
      gap: "0.00",
      gapPercent: "0.00",
      hasGap: false,
      isClosed: true,
      financeLines: 3,
      lines: null,
      nonZeroLines: [],
    });
    expect(report?.marketplaceSums).toEqual({ bankPaymentSum: "729.26", paidStorageSum: "287.14" });
  });

  it("names the lines of a non-zero gap and counts the closed periods that differ", async () => {
    const r = await reconcile(t.db, { from: "2026-03-01", to: "2026-03-31", today: "2026-03-20" });
    expect(r.periods.map((p) => p.reportId)).toEqual([
      "100",
      "101",
      "2026-03-01..2026-03-15",
      "2026-03-16..2026-03-19",
    ]);
    const wb101 = r.periods.find((p) => p.reportId === "101");
    expect(wb101).toMatchObject({ sovaniPayout: "-500.00", gap: "-50.00", gapPercent: "-11.11", hasGap: true });
    expect(wb101?.nonZeroLines).toEqual(["penalties"]);
    const ozonPeriod = r.periods.find((p) => p.kind === "ozon_period" && p.dateTo === "2026-03-15");
    expect(ozonPeriod).toMatchObject({ sovaniPayout: "864.50", marketplacePayout: "900.00", gap: "-35.50" });
    expect(ozonPeriod?.nonZeroLines).toEqual(["sales", "commission", "deductions_other"]);
    expect(ozonPeriod?.lines?.deductions_other).toBe("-15.50");
    // 16-19 March ends on the 19th: not before today - 1 (the 19th), so still open; 77 vs 70 differs
    const open = r.periods.find((p) => p.dateTo === "2026-03-19");
    expect(open).toMatchObject({ isClosed: false, gap: "7.00" });
    expect(r.closedWithGap).toBe(2);
  });

  it("filters by store", async () => {
    const r = await reconcile(t.db, { from: "2026-03-01", to: "2026-03-31", today: "2026-03-20", accountIds: [ozon] });
    expect(r.periods.every((p) => p.accountId === ozon)).toBe(true);
    expect(r.periods).toHaveLength(2);
  });
});
