import { describe, expect, it } from "vitest";
import { demandStdDev, recommendSupply, rollingVelocity, stockCoverDays } from "./inventory";

describe("inventory rules (worked examples of the original design)", () => {
  it("velocity of [10,12,8,15,11,9,14] over 7 days = 11.29", () => {
    const v = rollingVelocity([10, 12, 8, 15, 11, 9, 14], 7);
    expect(v).toBeCloseTo(79 / 7, 10);
    expect(v.toFixed(2)).toBe("11.29");
  });
  it("takes the last `window` days", () => {
    expect(rollingVelocity([100, 1, 2, 3], 3)).toBe(2);
  });
  it("over a window longer than the data divides by the data's length", () => {
    expect(rollingVelocity([10, 10, 10], 7)).toBe(10);
    expect(rollingVelocity([5, 15], 28)).toBe(10);
  });
  it("no data means zero velocity", () => {
    expect(rollingVelocity([], 7)).toBe(0);
  });
  it("cover 100+50 at 10/day = 15 days", () => {
    expect(stockCoverDays(100, 50, 10)).toBe(15);
  });
  it("no sales means unbounded cover: null, never a magic 999", () => {
    expect(stockCoverDays(100, 50, 0)).toBeNull();
    expect(stockCoverDays(0, 0, 0)).toBeNull();
  });
  it("restock sv 10, 14 days, on hand 50, in transit 20, std 3 = 87 units", () => {
    expect(recommendSupply({ sv: 10, windowDays: 14, onHand: 50, inTransit: 20, demandStd: 3 })).toBe(87);
  });
  it("overstocked = 0", () => {
    expect(recommendSupply({ sv: 10, windowDays: 14, onHand: 500, inTransit: 20, demandStd: 3 })).toBe(0);
  });
  it("no safety stock = 90", () => {
    expect(recommendSupply({ sv: 10, windowDays: 14, onHand: 50, inTransit: 0 })).toBe(90);
    expect(recommendSupply({ sv: 10, windowDays: 14, onHand: 50, inTransit: 0, demandStd: 3, safetyCoeff: 0 })).toBe(
      90,
    );
  });
  it("standard deviation of daily units", () => {
    expect(demandStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(demandStdDev([])).toBe(0);
  });
});
