import { describe, expect, it } from "vitest";
import { manualFactor, seasonalityFactor, seasonalRatio, trendFactor } from "./factors";
import { classifyDays, type DemandDay } from "./velocity";

const flat = (n: number, units: number): DemandDay[] => Array.from({ length: n }, () => ({ units, closing: 100 }));

describe("seasonality", () => {
  it("last year's coming 30 days at 6/day over the 28 days before at 2/day = 3", () => {
    // history of 400 days ending today: last year's window just past (indices 7..34) at 2/day, the next 30 at 6/day
    const history = [...flat(35, 2), ...flat(30, 6), ...flat(335, 4)];
    const r = seasonalRatio(history, 30, 28);
    expect(r.pastVelocity).toBe(2);
    expect(r.comingVelocity).toBe(6);
    expect(r.ratio).toBe(3);
    const f = seasonalityFactor(history, 30, 28);
    expect(f).toMatchObject({ name: "seasonality", value: 3, source: "sku" });
  });
  it("fewer than 13 months of history: factor 1, source none", () => {
    expect(seasonalityFactor(flat(394, 3), 30, 28)).toMatchObject({ value: 1, source: "none" });
  });
  it("a thin SKU takes its category's ratio", () => {
    const thin = flat(400, 0);
    const category = { ratio: 1.5, pastVelocity: 10, comingVelocity: 15, units: 700 };
    expect(seasonalityFactor(thin, 30, 28, category)).toMatchObject({ value: 1.5, source: "category" });
  });
  it("clamps to [1/3, 3]", () => {
    const history = [...flat(35, 1), ...flat(30, 10), ...flat(335, 4)];
    expect(seasonalityFactor(history, 30, 28).value).toBe(3);
  });
});

describe("trend", () => {
  it("units rising 1 a day from 1 to 28: mean 14.5, projected 28 - 1 - 13.5 + 15.5 = 29 days on", () => {
    const window = Array.from({ length: 28 }, (_, i) => ({ units: i + 1, closing: 100 }));
    const f = trendFactor(window, classifyDays(window), 30);
    // (14.5 + 1 × 29) / 14.5 = 3.0 → clamped to 2
    expect(f.value).toBe(2);
    expect(f.source).toBe("window");
  });
  it("a gentle but clear rise: (10.5 + 0.1 × 26) / 10.5", () => {
    // units 9.15 + 0.1 i with a ±0.05 wiggle: slope ~0.1, mean ~10.5 (exact value computed below)
    const window = Array.from({ length: 28 }, (_, i) => ({
      units: 9.15 + 0.1 * i + (i % 2 ? 0.05 : -0.05),
      closing: 100,
    }));
    const f = trendFactor(window, classifyDays(window), 24);
    // ahead = 27 - 13.5 + 12.5 = 26 days
    expect(f.value).toBeGreaterThan(1.24);
    expect(f.value).toBeLessThan(1.26);
  });
  it("noise without a slope: factor 1", () => {
    const window = Array.from({ length: 28 }, (_, i) => ({ units: i % 2 ? 5 : 3, closing: 100 }));
    expect(trendFactor(window, classifyDays(window), 30).value).toBe(1);
  });
});

describe("manual factor", () => {
  it("defaults to 1 and rejects 0", () => {
    expect(manualFactor(null).value).toBe(1);
    expect(manualFactor(1.3)).toMatchObject({ value: 1.3, source: "user" });
    expect(() => manualFactor(0)).toThrow(RangeError);
  });
});
