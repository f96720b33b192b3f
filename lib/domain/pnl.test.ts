import { describe, expect, it } from "vitest";
import { calcCogs, calcMargin, calcProfit, calcRevenueNet, findCostPrice } from "./pnl";

const history = [
  { dtFrom: "2025-01-01", costPrice: 100 },
  { dtFrom: "2025-02-01", costPrice: 110 },
];

describe("P&L rules (worked examples of the original design)", () => {
  it("net revenue 10000-1000-500-200-1500 = 6800", () => {
    expect(calcRevenueNet(10000, 1000, 500, 200, 1500).toString()).toBe("6800");
  });
  it("net revenue goes negative when costs exceed revenue", () => {
    expect(calcRevenueNet(1000, 500, 300, 200, 500).toString()).toBe("-500");
  });
  it("is exact on kopecks where float arithmetic is not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(calcRevenueNet("0.30", "0.10", "0.10", "0.05", "0.05").toFixed(2)).toBe("0.00");
    expect(calcRevenueNet("1369.50", 0, 0, "79.20", "273.90").toFixed(2)).toBe("1016.40");
  });
  it("COGS picks the cost effective on the day", () => {
    expect(calcCogs(1, "2025-01-15", history).toString()).toBe("100");
    expect(calcCogs(1, "2025-02-15", history).toString()).toBe("110");
    expect(calcCogs(10, "2025-01-31", history).toString()).toBe("1000");
    expect(calcCogs(3, "2025-02-01", history).toString()).toBe("330");
  });
  it("COGS is 0 with no history, while findCostPrice tells 'none' apart", () => {
    expect(calcCogs(5, "2025-01-15", []).toString()).toBe("0");
    expect(calcCogs(5, "2024-12-31", history).toString()).toBe("0");
    expect(findCostPrice("2024-12-31", history)).toBeNull();
    expect(findCostPrice("2025-03-01", history)?.toString()).toBe("110");
  });
  it("history order does not matter", () => {
    expect(calcCogs(1, "2025-02-15", [...history].reverse()).toString()).toBe("110");
  });
  it("profit and margin: 3000 / 10000 = 30%", () => {
    expect(calcProfit(10000, 7000).toString()).toBe("3000");
    expect(calcProfit(10000, 7000, 500).toString()).toBe("2500");
    expect(calcMargin(3000, 10000).toString()).toBe("30");
  });
  it("margin is 0 when net revenue is zero or negative", () => {
    expect(calcMargin(100, 0).toString()).toBe("0");
    expect(calcMargin(-100, -50).toString()).toBe("0");
  });
});
