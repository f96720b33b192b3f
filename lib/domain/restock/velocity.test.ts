import { describe, expect, it } from "vitest";
import { classifyDays, correctedVelocity, type DemandDay, sampleStd, spikeRisk } from "./velocity";

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

describe("spike risk (the spread safety stock reads when a SKU spiked this quarter)", () => {
  // 91 days selling 10 with 100 in stock, three of them (a promotion) selling 40
  const quarter = Array.from({ length: 91 }, (_, i) => day(i >= 10 && i < 13 ? 40 : 10, 100));
  it("counts the spike days in the spread", () => {
    // median in-stock day 10: bound 10 + 4√10 + 2 = 24.65, so the three 40s are spikes.
    // mean 1000/91 = 10.989; Σx² = 88 × 100 + 3 × 1600 = 13,600; Σ(x − mean)² = 13,600 − 1000²/91
    // = 2,610.99; ÷ 90 = 29.011; σ = 5.3862 (the velocity days alone, all 10s, spread 0)
    const r = spikeRisk(quarter);
    expect(r).not.toBeNull();
    expect(r?.spikeDays).toBe(3);
    expect(r?.days).toBe(91);
    expect(r?.dailyStd).toBeCloseTo(5.3862, 4);
  });
  it("reads only the last 91 days", () => {
    // the same quarter after 30 older days of 10: the window is still the last 91
    expect(spikeRisk([...Array.from({ length: 30 }, () => day(10, 100)), ...quarter])?.dailyStd).toBeCloseTo(5.3862, 4);
    // spikes 91+ days ago are out of it
    expect(spikeRisk([...quarter, ...Array.from({ length: 81 }, () => day(10, 100))])).toBeNull();
  });
  it("no spike day: null", () => expect(spikeRisk(Array.from({ length: 91 }, () => day(10, 100)))).toBeNull());
});
