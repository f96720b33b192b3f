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

describe("seasonality: a season, not noise or a ramp", () => {
  const alt = (n: number, a: number, b: number): DemandDay[] =>
    Array.from({ length: n }, (_, i) => ({ units: i % 2 ? b : a, closing: 100 }));
  it("a noisy ratio is shrunk toward 1 by (1 − 1/t²)", () => {
    // last year's 28 days alternate 1 and 3 (mean 2, s² = 28/27), the next 30 alternate 2 and 4
    // (mean 3, s² = 30/29): se = √(1.0370/28 + 1.0345/30) = 0.26743, t = 1/0.26743 = 3.7393,
    // ratio 1.5 → 1 + 0.5 × (1 − 1/3.7393²) = 1.4642
    const history = [...flat(7, 2), ...alt(28, 1, 3), ...alt(30, 2, 4), ...flat(335, 4)];
    const r = seasonalRatio(history, 30, 28);
    expect(r.t).toBeCloseTo(3.7393, 4);
    expect(r.rawRatio).toBe(1.5);
    expect(r.ratio).toBeCloseTo(1.4642, 4);
    expect(seasonalityFactor(history, 30, 28).detail).toContain("1 + (1.500 − 1) × (1 − 1/t²) = 1.464");
  });
  it("within one standard error is noise: factor 1", () => {
    // 0/4 alternating (mean 2, s = 2.037) against 0/5 (mean 2.5, s = 2.543): t = 0.5 / 0.6030 = 0.829
    const history = [...flat(7, 2), ...alt(28, 0, 4), ...alt(30, 0, 5), ...flat(335, 4)];
    const f = seasonalityFactor(history, 30, 28);
    expect(f).toMatchObject({ value: 1, source: "none" });
    expect(f.detail).toContain("0.829 s.e. apart");
  });
  it("last year's level over 2× from this year's is a launch or a decline, not a season", () => {
    // 450 days: last year 1/day before and 2/day ahead (ratio 2), this year 4/day: 4 ÷ 1 > 2
    const history = [...flat(85, 1), ...flat(30, 2), ...flat(335, 4)];
    expect(seasonalityFactor(history, 30, 28)).toMatchObject({ value: 1, source: "none" });
  });
  it("last year's shape must have predicted this year's last 28 days better than no season", () => {
    // last year: 1/day, then 1.5 in the 28 days just past (ratio 1.5), then 2 ahead
    const lastYear = [...flat(57, 1), ...flat(28, 1.5)];
    // this year flat at 1.5: the shape predicts 1.5 × 1.5 = 2.25, no season 1.5, actual 1.5 → not applied
    const flatYear = [...lastYear, ...flat(30, 2), ...flat(335, 1.5)];
    expect(seasonalityFactor(flatYear, 30, 28)).toMatchObject({ value: 1, source: "none" });
    // this year 1.2 then 1.8: the shape predicts 1.2 × 1.5 = 1.8, no season 1.2 → applied, 2.25 ÷ 1.5
    const repeated = [...lastYear, ...flat(30, 2.25), ...flat(307, 1.2), ...flat(28, 1.8)];
    expect(seasonalityFactor(repeated, 30, 28)).toMatchObject({ value: 1.5, source: "sku" });
  });
  it("intermittent demand takes only the category's ratio", () => {
    const history = [...flat(35, 2), ...flat(30, 6), ...flat(335, 4)];
    expect(seasonalityFactor(history, 30, 28, null, true)).toMatchObject({ value: 1, source: "none" });
    const category = { ratio: 1.2, pastVelocity: 10, comingVelocity: 12, units: 700 };
    expect(seasonalityFactor(history, 30, 28, category, true)).toMatchObject({ value: 1.2, source: "category" });
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
  it("the line is read over 91 days and carried from the velocity's 28 days to the horizon", () => {
    // units 10 + 0.1 i for i = 0..90: the last 28 in-stock days centre on i = 76.5 (ŷ = 17.65), the
    // middle of a 30-day horizon is i = 90 + 15.5 = 105.5 (ŷ = 20.55): 20.55 ÷ 17.65 = 1.1643
    const window = Array.from({ length: 91 }, (_, i) => ({ units: 10 + 0.1 * i, closing: 100 }));
    const f = trendFactor(window, classifyDays(window), 30, 28);
    expect(f.value).toBeCloseTo(20.55 / 17.65, 4);
    expect(f.detail).toContain("20.550 at the horizon's middle (+15.5 d) ÷ 17.650 at the velocity days' centre");
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
