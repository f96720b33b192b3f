import { describe, expect, it } from "vitest";
import { leadTimeSpread } from "./lead-time";

describe("leadTimeSpread", () => {
  it("is the sample standard deviation of three or more lead times", () => {
    // mean 12, squared deviations 4 + 0 + 4 = 8, ÷ (3 − 1) = 4, √4 = 2
    expect(leadTimeSpread([10, 12, 14])).toEqual({ stdDays: 2, supplies: 3, days: [10, 12, 14] });
  });

  it("is 0 with fewer than three supplies, however far apart", () => {
    expect(leadTimeSpread([])).toEqual({ stdDays: 0, supplies: 0, days: [] });
    expect(leadTimeSpread([5, 30])).toEqual({ stdDays: 0, supplies: 2, days: [5, 30] });
  });

  it("reads only the last 12 arrivals", () => {
    // an early 100-day supply drops out: the last 12 alternate 9 and 11, mean 10, Σ squared deviations
    // 12 × 1 = 12, ÷ 11, √ = 1.0445
    const spread = leadTimeSpread([100, ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 11 : 9))]);
    expect(spread.supplies).toBe(12);
    expect(spread.days).not.toContain(100);
    expect(spread.stdDays).toBeCloseTo(Math.sqrt(12 / 11), 10);
  });
});
