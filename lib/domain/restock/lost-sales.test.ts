import { describe, expect, it } from "vitest";
import { estimateLostSales } from "./lost-sales";
import type { DemandDay } from "./velocity";

describe("lost sales", () => {
  it("10 days out of stock after 18 days at 3/day: 30 units; money at the P&L's unit figures", () => {
    const days: DemandDay[] = [
      ...Array.from({ length: 18 }, () => ({ units: 3, closing: 40 })),
      ...Array.from({ length: 10 }, () => ({ units: 0, closing: 0 })),
    ];
    const lost = estimateLostSales({ days, periodDays: 28, unitPriceKopecks: 150_000, unitProfitKopecks: 32_050 });
    expect(lost.stockOutDays).toBe(10);
    expect(lost.units).toBe(30);
    expect(lost.revenueKopecks).toBe(4_500_000); // 30 × 1,500.00 ₽
    expect(lost.profitKopecks).toBe(961_500); // 30 × 320.50 ₽
    expect(lost.formula).toBe("10 days out of stock × 3.000/day (less units still sold) = 30.0 units");
  });
  it("the day it ran out counts only the units it could not sell", () => {
    const days: DemandDay[] = [
      ...Array.from({ length: 10 }, () => ({ units: 4, closing: 30 })),
      { units: 1, closing: 0 },
    ];
    expect(estimateLostSales({ days, periodDays: 1 }).units).toBe(3);
  });
  it("a stock-out longer than the window looks further back for in-stock days", () => {
    const days: DemandDay[] = [
      ...Array.from({ length: 20 }, () => ({ units: 2, closing: 40 })),
      ...Array.from({ length: 40 }, () => ({ units: 0, closing: 0 })),
    ];
    const lost = estimateLostSales({ days, periodDays: 40 });
    expect(lost.units).toBe(80);
    expect(lost.unpricedDays).toBe(0);
    expect(lost.revenueKopecks).toBeNull();
  });
  it("never stocked out: nothing lost", () => {
    const days = Array.from({ length: 30 }, () => ({ units: 5, closing: 100 }));
    expect(estimateLostSales({ days, periodDays: 30 })).toMatchObject({ units: 0, stockOutDays: 0 });
  });
});
