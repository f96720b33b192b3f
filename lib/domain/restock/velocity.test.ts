import { describe, expect, it } from "vitest";
import { classifyDays, correctedVelocity, type DemandDay, sampleStd } from "./velocity";

const day = (units: number, closing: number | null): DemandDay => ({ units, closing });

describe("corrected velocity", () => {
  it("10 of 28 days out of stock: velocity from the 18 in-stock days", () => {
    // 18 days selling 3 a day with stock left, then 10 days at a zero snapshot selling nothing
    const days = [...Array.from({ length: 18 }, () => day(3, 40)), ...Array.from({ length: 10 }, () => day(0, 0))];
    const v = correctedVelocity(days, 28);
    expect(v.inStockDays).toBe(18);
    expect(v.outOfStockDays).toBe(10);
    expect(v.velocity).toBe(54 / 18); // 3, where the calendar average says 54/28 = 1.93
    expect(v.formula).toBe("54 units / 18 in-stock days = 3.000");
  });
  it("fewer than 7 in-stock days is 'not observed', never zero", () => {
    const days = [...Array.from({ length: 6 }, () => day(2, 5)), ...Array.from({ length: 22 }, () => day(0, 0))];
    const v = correctedVelocity(days, 28);
    expect(v.isObserved).toBe(false);
    expect(v.velocity).toBeNull();
    expect(v.inStockDays).toBe(6);
  });
  it("sales collapsing while stock is below a day of demand are censored, not zero demand", () => {
    // reference = mean over days with stock: (10*4 + 1 + 0) / 12 = 3.417; the last two days hold 2 and 1 units
    const days = [...Array.from({ length: 10 }, () => day(4, 50)), day(1, 2), day(0, 1)];
    expect(classifyDays(days).slice(-3)).toEqual(["in_stock", "censored", "censored"]);
    const v = correctedVelocity(days, 12);
    expect(v.velocity).toBe(4);
    expect(v.censoredDays).toBe(2);
  });
  it("no snapshot: a day with a sale was in stock, a day without one is unknown", () => {
    const days = [...Array.from({ length: 7 }, () => day(1, null)), day(0, null)];
    const v = correctedVelocity(days, 8);
    expect(v.inStockDays).toBe(7);
    expect(v.unknownDays).toBe(1);
    expect(v.velocity).toBe(1);
  });
  it("in stock with zero orders is real zero demand", () => {
    const days = Array.from({ length: 10 }, (_, i) => day(i % 2 === 0 ? 2 : 0, 30));
    expect(correctedVelocity(days, 10).velocity).toBe(1);
  });
  it("sample standard deviation over the in-stock days", () => {
    // [2,4,4,4,5,5,7,9]: mean 5, squares sum 32, / 7 = 4.571, sqrt = 2.138
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    const days = [2, 4, 4, 4, 5, 5, 7, 9].map((u) => day(u, 20)).concat([day(0, 0)]);
    expect(correctedVelocity(days, 9).dailyStd).toBeCloseTo(2.138, 3);
  });
});
