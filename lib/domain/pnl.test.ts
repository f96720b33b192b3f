import { describe, expect, it } from "vitest";
import { parseCommissionRule } from "./commission";
import {
  calcCogs,
  calcMargin,
  chooseLogisticsRate,
  derivePnlDay,
  estimateDayCommission,
  estimateLogistics,
  findCostPrice,
  type PnlDayInput,
} from "./pnl";

const history = [
  { dtFrom: "2025-01-01", costPrice: 100 },
  { dtFrom: "2025-02-01", costPrice: 110 },
];

/** a SKU's day with no provisional units, no category, rule or logistics rate, nothing returned, priced by `history` */
const dayOf = (input: Pick<PnlDayInput, "d" | "lines" | "qty"> & Partial<PnlDayInput>): PnlDayInput => ({
  provisionalQty: 0,
  unpricedSales: "0",
  category: null,
  rule: null,
  logisticsRate: null,
  costHistory: history,
  returned: [],
  ...input,
});

const rule = parseCommissionRule({
  defaultPercent: 15,
  categories: { shoes: 20 },
  priceBands: [
    { minPrice: 0, maxPrice: 400, percent: 12 },
    { minPrice: 400, percent: 8 },
  ],
});

describe("cost prices and COGS", () => {
  it("picks the cost effective on the day, whatever the history's order", () => {
    expect(findCostPrice("2025-01-31", history)?.toString()).toBe("100");
    expect(findCostPrice("2025-02-01", history)?.toString()).toBe("110");
    expect(findCostPrice("2025-02-15", [...history].reverse())?.toString()).toBe("110");
    expect(findCostPrice("2024-12-31", history)).toBeNull();
  });

  it("units sold at the day's cost, less units returned at their sale's day's cost", () => {
    // 3 x 110 = 330 sold on Feb 15
    expect(calcCogs("2025-02-15", 3, [], history)?.toString()).toBe("330");
    // 3 x 110 - (1 sold on Jan 20 x 100) - (2 sold on Feb 2 x 110) = 330 - 100 - 220 = 10
    expect(
      calcCogs(
        "2025-02-15",
        3,
        [
          { qty: 1, saleD: "2025-01-20" },
          { qty: 2, saleD: "2025-02-02" },
        ],
        history,
      )?.toString(),
    ).toBe("10");
    // a return alone: 0 x 110 - 2 x 100 = -200 (the sale's January cost, not February's 110)
    expect(calcCogs("2025-02-15", 0, [{ qty: 2, saleD: "2025-01-10" }], history)?.toString()).toBe("-200");
    // the sale is older than the data: the return's own day prices it, 1 x 110
    expect(calcCogs("2025-02-15", 0, [{ qty: 1, saleD: null }], history)?.toString()).toBe("-110");
  });

  it("is NULL when units sold without a cost price; an unpriced return reverses nothing", () => {
    expect(calcCogs("2024-12-31", 2, [], history)).toBeNull();
    expect(calcCogs("2025-01-15", 5, [], [])).toBeNull();
    // no units sold, nothing to price: 0
    expect(calcCogs("2024-12-31", 0, [], history)?.toString()).toBe("0");
    // 1 x 100 sold; the returned unit sold on Dec 20 has no cost: 100 - 0 = 100
    expect(calcCogs("2025-01-15", 1, [{ qty: 1, saleD: "2024-12-20" }], history)?.toString()).toBe("100");
  });
});

describe("margin", () => {
  it("profit over net sales, rounded to 2 places: 3000 / 10000 = 30%, 1 / 3 = 33.33%", () => {
    expect(calcMargin(3000, 10000).toFixed(2)).toBe("30.00");
    expect(calcMargin(1, 3).toFixed(2)).toBe("33.33");
    // 2 / 3 = 66.666... -> 66.67
    expect(calcMargin(2, 3).toFixed(2)).toBe("66.67");
  });
  it("is 0 when net sales are zero or negative, and capped to the column", () => {
    expect(calcMargin(100, 0).toString()).toBe("0");
    expect(calcMargin(-100, -50).toString()).toBe("0");
    // -100000 / 0.01 x 100 = -1e9 %, capped at -9999999.99
    expect(calcMargin(-100000, "0.01").toFixed(2)).toBe("-9999999.99");
  });
});

describe("estimates for what the finance report has not settled", () => {
  it("commission: category percent, else the band of unpriced sales per provisional unit, else default", () => {
    // shoes: 1000 x 20% = 200, a cost: -200
    expect(estimateDayCommission(rule, "shoes", "1000.00", 2)?.toFixed(2)).toBe("-200.00");
    // 2 units for 1000.00 = 500 a unit: band 400+ at 8% = -80.00
    expect(estimateDayCommission(rule, null, "1000.00", 2)?.toFixed(2)).toBe("-80.00");
    // 3 units for 1000.00 = 333.33 a unit: band 0-400 at 12% = -120.00
    expect(estimateDayCommission(rule, "bags", "1000.00", 3)?.toFixed(2)).toBe("-120.00");
    // no provisional units to price a unit: default 15%, 99.99 x 15% = 14.9985 -> 15.00
    expect(estimateDayCommission(rule, null, "99.99", 0)?.toFixed(2)).toBe("-15.00");
    // returns exceeding sales: -50 x 15% (no band holds a negative price) = +7.50 back
    expect(estimateDayCommission(rule, null, "-50.00", 1)?.toFixed(2)).toBe("7.50");
    expect(estimateDayCommission(null, null, "1000.00", 2)).toBeNull();
    expect(estimateDayCommission(rule, null, "0", 2)).toBeNull();
  });

  it("logistics: settled logistics x provisional units / settled units, the SKU's else the store's", () => {
    const sku = { logistics: "-300.00", units: 4 };
    const store = { logistics: "-1000.00", units: 20 };
    expect(chooseLogisticsRate(sku, store)).toBe(sku);
    expect(chooseLogisticsRate({ logistics: "-10.00", units: 0 }, store)).toBe(store);
    expect(chooseLogisticsRate(null, { logistics: "0", units: 0 })).toBeNull();
    // -300 x 3 / 4 = -225
    expect(estimateLogistics(3, sku)?.toFixed(2)).toBe("-225.00");
    // -0.35 x 3 / 6 = -0.175 -> -0.18 (multiplying first: a rounded rate -0.0583.. x 3 would give -0.17)
    expect(estimateLogistics(3, { logistics: "-0.35", units: 6 })?.toFixed(2)).toBe("-0.18");
    expect(estimateLogistics(0, sku)).toBeNull();
    expect(estimateLogistics(2, null)).toBeNull();
  });
});

describe("a SKU's day", () => {
  it("settled: payout = the twelve lines, net sales = sales + returns, profit = payout - cogs", () => {
    const day = derivePnlDay(
      dayOf({
        d: "2025-02-15",
        lines: {
          sales: "10000.00",
          returns: "-1000.00",
          commission: "-1500.00",
          acquiring: "-150.00",
          logistics: "-200.00",
          storage: "-30.00",
          advertising: "-500.00",
          compensations: "120.00",
          loyalty: "40.00",
        },
        qty: 10,
        rule,
        logisticsRate: { logistics: "-200.00", units: 10 },
        returned: [{ qty: 1, saleD: "2025-01-28" }],
      }),
    );
    // 10000 - 1000 - 1500 - 150 - 200 - 30 - 500 + 120 + 40 = 6780
    expect(day.payout.toFixed(2)).toBe("6780.00");
    // 10000 - 1000 = 9000
    expect(day.netSales.toFixed(2)).toBe("9000.00");
    // 10 x 110 - 1 x 100 (sold in January) = 1000
    expect(day.cogs?.toFixed(2)).toBe("1000.00");
    // 6780 - 1000 = 5780; 5780 / 9000 = 64.222% -> 64.22
    expect(day.profit?.toFixed(2)).toBe("5780.00");
    expect(day.margin?.toFixed(2)).toBe("64.22");
    expect(day.isCommissionEstimated).toBe(false);
    expect(day.isLogisticsEstimated).toBe(false);
    expect(day.lines.commission.toFixed(2)).toBe("-1500.00");
  });

  it("provisional: commission and logistics estimated inside their lines and in payout", () => {
    const day = derivePnlDay(
      dayOf({
        d: "2025-02-15",
        lines: { sales: "3000.00", commission: "-200.00", logistics: "-90.00" },
        // 5 units: 2 settled (1000.00, commission -200, logistics -90), 3 provisional with no commission
        qty: 5,
        provisionalQty: 3,
        unpricedSales: "2000.00",
        rule,
        logisticsRate: { logistics: "-90.00", units: 2 },
      }),
    );
    // 2000 / 3 units = 666.67 a unit: band 400+ at 8% -> -160.00
    expect(day.estimatedCommission.toFixed(2)).toBe("-160.00");
    // -90 x 3 / 2 = -135.00
    expect(day.estimatedLogistics.toFixed(2)).toBe("-135.00");
    expect(day.lines.commission.toFixed(2)).toBe("-360.00");
    expect(day.lines.logistics.toFixed(2)).toBe("-225.00");
    // 3000 - 360 - 225 = 2415
    expect(day.payout.toFixed(2)).toBe("2415.00");
    // 5 x 110 = 550; 2415 - 550 = 1865; 1865 / 3000 = 62.1666% -> 62.17
    expect(day.profit?.toFixed(2)).toBe("1865.00");
    expect(day.margin?.toFixed(2)).toBe("62.17");
    expect(day.isCommissionEstimated).toBe(true);
    expect(day.isLogisticsEstimated).toBe(true);
  });

  it("without a cost price: cogs, profit and margin NULL; payout still counts", () => {
    const day = derivePnlDay(
      dayOf({
        d: "2024-12-31",
        lines: { sales: "800.00", commission: "-80.00" },
        qty: 2,
      }),
    );
    expect(day.payout.toFixed(2)).toBe("720.00");
    expect(day.cogs).toBeNull();
    expect(day.profit).toBeNull();
    expect(day.margin).toBeNull();
  });

  it("costs beyond net sales: margin 0", () => {
    const day = derivePnlDay(
      dayOf({
        d: "2025-02-02",
        lines: { sales: "1000.00", returns: "-1000.00", logistics: "-200.00", penalties: "-300.00" },
        qty: 1,
        returned: [{ qty: 1, saleD: "2025-02-01" }],
      }),
    );
    // net 0; payout -500; cogs 1 x 110 - 1 x 110 = 0; profit -500; margin 0 (net sales 0)
    expect(day.netSales.toFixed(2)).toBe("0.00");
    expect(day.cogs?.toFixed(2)).toBe("0.00");
    expect(day.profit?.toFixed(2)).toBe("-500.00");
    expect(day.margin?.toFixed(2)).toBe("0.00");
  });
});
