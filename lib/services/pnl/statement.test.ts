// The P&L statement on a real database, with facts inserted directly and every expected figure
// computed by hand (see the comments next to them).
import { beforeAll, describe, expect, it } from "vitest";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { Decimal } from "@/lib/domain/money";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { insertAccount, insertFinanceLine, insertMetricsDay, insertSku } from "@/lib/testing/pnl-fixtures";
import { pnlComparison, pnlLineBySku, pnlStatement, previousPnlPeriod } from "./statement";

const period = { from: "2026-03-01", to: "2026-03-07" };

describe.each(testDatabaseKinds())("pnlStatement on %s", (kind) => {
  const t = useTestDatabase(kind);
  let wb = 0;
  let ozon = 0;
  let sku1 = 0;
  let sku2 = 0;
  let sku3 = 0;

  beforeAll(async () => {
    wb = await insertAccount(t.db, "WB", "WB store");
    ozon = await insertAccount(t.db, "OZON", "Ozon store");
    sku1 = await insertSku(t.db, { marketplace: "WB", accountId: wb, article: "A1" });
    sku2 = await insertSku(t.db, { marketplace: "WB", accountId: wb, article: "A2" });
    sku3 = await insertSku(t.db, { marketplace: "OZON", accountId: ozon, article: "A3" });
    // sku1: 1000 - 200 - 150 - 20 - 80 = 550; 30 of the commission and 10 of the logistics estimated
    await insertMetricsDay(t.db, {
      d: "2026-03-02",
      skuId: sku1,
      qty: 2,
      refundsQty: 1,
      sales: "1000.00",
      returns: "-200.00",
      commission: "-150.00",
      acquiring: "-20.00",
      logistics: "-80.00",
      estimatedCommission: "-30.00",
      estimatedLogistics: "-10.00",
      provisionalSales: "100.00",
      netSales: "800.00",
      payout: "550.00",
      cogs: "300.00",
    });
    // sku2 sold without a cost price: 3000 - 450 - 120 - 50 + 40 = 2420
    await insertMetricsDay(t.db, {
      d: "2026-03-03",
      skuId: sku2,
      qty: 3,
      sales: "3000.00",
      commission: "-450.00",
      logistics: "-120.00",
      penalties: "-50.00",
      compensations: "40.00",
      netSales: "3000.00",
      payout: "2420.00",
      cogs: null,
    });
    // sku3 (Ozon): 500 - 50 - 25 + 10 = 435
    await insertMetricsDay(t.db, {
      d: "2026-03-04",
      skuId: sku3,
      qty: 1,
      sales: "500.00",
      commission: "-50.00",
      advertising: "-25.00",
      loyalty: "10.00",
      netSales: "500.00",
      payout: "435.00",
      cogs: "200.00",
    });
    // outside the period: the previous period (sku1: 400 - 60 = 340) and the day after
    await insertMetricsDay(t.db, {
      d: "2026-02-25",
      skuId: sku1,
      qty: 1,
      sales: "400.00",
      commission: "-60.00",
      netSales: "400.00",
      payout: "340.00",
      cogs: "120.00",
    });
    await insertMetricsDay(t.db, {
      d: "2026-03-08",
      skuId: sku1,
      qty: 1,
      sales: "999.00",
      netSales: "999.00",
      payout: "999.00",
      cogs: "1.00",
    });
    // a recalculation writes every SKU x day of its range, zeros included (here from 20.02, as when a
    // cost price is backdated): rows without activity, which do not start the history
    for (const skuId of [sku1, sku2, sku3])
      await insertMetricsDay(t.db, { d: "2026-02-20", skuId, netSales: "0.00", payout: "0.00", cogs: "0.00" });
    // store-level lines: -287.14 - 21 (WB), -12.50 (Ozon) = -320.64; one outside the period
    await insertFinanceLine(t.db, { accountId: wb, marketplace: "WB", d: "2026-03-05", storage: "-287.14" });
    await insertFinanceLine(t.db, { accountId: wb, marketplace: "WB", d: "2026-03-06", advertising: "-21.00" });
    await insertFinanceLine(t.db, { accountId: ozon, marketplace: "OZON", d: "2026-03-04", deductionsOther: "-12.50" });
    await insertFinanceLine(t.db, { accountId: wb, marketplace: "WB", d: "2026-03-09", storage: "-5.00" });
    // a finance line naming a SKU is in metrics_daily already: never counted again at store level
    await insertFinanceLine(t.db, { accountId: wb, marketplace: "WB", d: "2026-03-02", skuId: sku1, sales: "1.00" });
  });

  it("sums every line at SKU and store level, with payout = the lines and gross profit = payout + COGS", async () => {
    const s = await pnlStatement(t.db, period);
    const totals = Object.fromEntries(PNL_LINES.map((line) => [line, s.lines[line].total]));
    expect(totals).toEqual({
      sales: "4500.00",
      returns: "-200.00",
      commission: "-650.00",
      acquiring: "-20.00",
      logistics: "-200.00",
      storage: "-287.14",
      acceptance: "0.00",
      penalties: "-50.00",
      advertising: "-46.00",
      deductions_other: "-12.50",
      compensations: "40.00",
      loyalty: "10.00",
    });
    expect(s.lines.advertising).toMatchObject({ skuLevel: "-25.00", storeLevel: "-21.00" });
    expect(s.lines.storage).toMatchObject({ skuLevel: "0.00", storeLevel: "-287.14" });
    expect(s.netSales).toBe("4300.00");
    expect(s.skuLevelPayout).toBe("3405.00");
    expect(s.storeLevelPayout).toBe("-320.64");
    expect(s.payout).toBe("3084.36");
    // the payout identity: payout = the sum of the twelve lines
    const sum = PNL_LINES.reduce((acc, line) => acc.plus(s.lines[line].total), new Decimal(0));
    expect(sum.toFixed(2)).toBe(s.payout);
    expect(s.cogs).toBe("-500.00");
    expect(s.grossProfit).toBe("2584.36");
    // -650 / 4300 = -15.1162...%
    expect(s.lines.commission.percentOfNetSales).toBe("-15.12");
    expect(s.lines.commission).toMatchObject({ estimated: "-30.00", estimatedShare: "4.62" });
    expect(s.lines.logistics).toMatchObject({ estimated: "-10.00", estimatedShare: "5.00" });
    expect(s.lines.sales.estimated).toBe("0.00");
    expect(s.provisionalSales).toBe("100.00");
    expect(s.provisionalShare).toBe("2.33");
    expect(s.hasData).toBe(true);
  });

  it("computes margin and ROI over the rows with a cost price and says the coverage", async () => {
    const s = await pnlStatement(t.db, period);
    // rows with a cost price: sku1 (800) and sku3 (500)
    expect(s.netSalesWithCost).toBe("1300.00");
    expect(s.costCoverage).toBe("30.23");
    // 550 + 435 - 500 + (-320.64 x 1300 / 4300 = -96.9377) = 388.0623
    expect(s.grossProfitWithCost).toBe("388.06");
    expect(s.margin).toBe("29.85");
    expect(s.roi).toBe("77.61");
  });

  it("filters by store and by marketplace", async () => {
    const w = await pnlStatement(t.db, { ...period, accountIds: [wb] });
    expect(w.payout).toBe("2661.86"); // 550 + 2420 - 287.14 - 21
    expect(w.lines.loyalty.total).toBe("0.00");
    const o = await pnlStatement(t.db, { ...period, marketplace: "OZON" });
    expect(o.payout).toBe("422.50"); // 435 - 12.50
    expect(o.margin).toBe("44.50"); // (435 - 200 - 12.50) / 500
    const none = await pnlStatement(t.db, { ...period, accountIds: [] });
    expect(none).toMatchObject({ payout: "0.00", hasData: false, margin: null, roi: null });
  });

  it("puts the previous period of equal length beside it", async () => {
    expect(previousPnlPeriod("2026-03-01", "2026-03-07")).toEqual({ from: "2026-02-22", to: "2026-02-28" });
    const c = await pnlComparison(t.db, period);
    expect(c.previous.from).toBe("2026-02-22");
    expect(c.previous.payout).toBe("340.00");
    expect(c.previous.cogs).toBe("-120.00");
    expect(c.change.payout).toBe("2744.36");
    expect(c.change.sales).toBe("4100.00");
    expect(c.change.storage).toBe("-287.14");
    expect(c.change.gross_profit).toBe("2364.36"); // 2584.36 - 220
    // history starts on 25.02, inside the previous period (22.02-28.02): no percentage against it
    expect(c.historyFrom).toBe("2026-02-25");
    expect(c.isPreviousCovered).toBe(false);
    expect(c.changePercent.sales).toBeNull();
  });

  it("gives a percentage only against a previous period that history covers", async () => {
    // 05.03-07.03 against 02.03-04.03, all after 25.02
    const c = await pnlComparison(t.db, { from: "2026-03-05", to: "2026-03-07" });
    expect(c.isPreviousCovered).toBe(true);
    expect(c.change.storage).toBe("-287.14"); // the storage line of 05.03, nothing the days before
    expect(c.changePercent.storage).toBeNull(); // previous amount 0
    // advertising: -21.00 (06.03) against -25.00 (sku3 on 04.03): +4.00, 4 / 25 = 16 %
    expect(c.change.advertising).toBe("4.00");
    expect(c.changePercent.advertising).toBe("16.00");
    // sales: nothing against 1000 + 3000 + 500
    expect(c.changePercent.sales).toBe("-100.00");
    // the Ozon store's history starts on 04.03, inside 02.03-04.03
    const o = await pnlComparison(t.db, { from: "2026-03-05", to: "2026-03-07", accountIds: [ozon] });
    expect(o.historyFrom).toBe("2026-03-04");
    expect(o.isPreviousCovered).toBe(false);
    const none = await pnlComparison(t.db, { ...period, accountIds: [] });
    expect(none).toMatchObject({ historyFrom: null, isPreviousCovered: false });
  });

  it("lists the SKUs behind a line, summing to the line's SKU-level amount", async () => {
    for (const line of [...PNL_LINES, "net_sales", "payout", "cogs", "gross_profit"] as const) {
      const s = await pnlStatement(t.db, period);
      const d = await pnlLineBySku(t.db, { ...period, line, limit: 100 });
      const rowsSum = d.rows.reduce((acc, r) => acc.plus(r.amount), new Decimal(0)).toFixed(2);
      expect(rowsSum, line).toBe(d.skuLevel);
      if (line === "net_sales") expect(d.skuLevel).toBe("4300.00");
      else if (line === "payout") expect(d.skuLevel).toBe(s.skuLevelPayout);
      else if (line === "cogs") expect(d.skuLevel).toBe(s.cogs);
      else if (line === "gross_profit")
        expect(d.skuLevel).toBe("2905.00"); // 3405 - 500
      else expect(d.skuLevel, line).toBe(s.lines[line].skuLevel);
    }
    const commission = await pnlLineBySku(t.db, { ...period, line: "commission" });
    // costs: the largest cost first
    expect(commission.rows.map((r) => [r.article, r.amount])).toEqual([
      ["A2", "-450.00"],
      ["A1", "-150.00"],
      ["A3", "-50.00"],
    ]);
    const sales = await pnlLineBySku(t.db, { ...period, line: "sales", limit: 1, offset: 1 });
    expect(sales.total).toBe(3);
    expect(sales.rows.map((r) => r.article)).toEqual(["A1"]);
  });

  it("allocates the store-level part to the store's SKUs exactly when asked (fully loaded)", async () => {
    const byNetSales = await pnlLineBySku(t.db, { ...period, line: "storage", allocation: "net_sales" });
    // -287.14 over sku1 (800) and sku2 (3000): 28714 x 800/3800 = 6045.05 -> 6045, x 3000/3800 = 22668.9 -> 22669
    expect(byNetSales.rows.map((r) => [r.article, r.amount, r.allocated, r.fullyLoaded])).toEqual([
      ["A2", "0.00", "-226.69", "-226.69"],
      ["A1", "0.00", "-60.45", "-60.45"],
    ]);
    expect(byNetSales).toMatchObject({ storeLevel: "-287.14", allocated: "-287.14", unallocated: "0.00" });
    const byUnits = await pnlLineBySku(t.db, { ...period, line: "storage", allocation: "units" });
    // units net of returns: sku1 2 - 1 = 1, sku2 3: 28714 / 4 = 7178.5 and x 3 = 21535.5 -> the tie goes first
    expect(byUnits.rows.map((r) => [r.article, r.allocated])).toEqual([
      ["A2", "-215.35"],
      ["A1", "-71.79"],
    ]);
    const none = await pnlLineBySku(t.db, { ...period, line: "storage", allocation: "none" });
    expect(none).toMatchObject({ total: 0, allocated: "0.00", unallocated: "-287.14" });
    const profit = await pnlLineBySku(t.db, { ...period, line: "gross_profit", allocation: "net_sales" });
    const loaded = profit.rows.reduce((acc, r) => acc.plus(r.fullyLoaded), new Decimal(0)).toFixed(2);
    // every SKU's fully loaded profit sums to the statement's gross profit
    expect(loaded).toBe("2584.36");
  });
});
