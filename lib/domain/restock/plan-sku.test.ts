import { describe, expect, it } from "vitest";
import { planSku } from "./plan-sku";
import { DEFAULT_PLAN_SETTINGS } from "./plan";
import type { DemandDay } from "./velocity";

describe("planSku", () => {
  it("intermittent demand is read flat over 91 days: no own season, no slope", () => {
    // 430 days, a sale of 10 units on every 5th day (in stock throughout); the last 91 days rise from
    // sales of 5 to sales of 15. Velocity: 91 days hold 19 sales
    // (days 339, 344, ..., 429), 9 of 5 units then 10 of 15 = 195 units / 91 = 2.143
    const history: DemandDay[] = Array.from({ length: 430 }, (_, i) => ({
      units: i % 5 === 4 ? (i < 339 ? 10 : i < 384 ? 5 : 15) : 0,
      closing: 200,
    }));
    const { velocity, factors } = planSku({
      today: "2026-12-01",
      history,
      onHand: 200,
      inbound: 0,
      openPlans: 0,
      settings: DEFAULT_PLAN_SETTINGS,
    });
    expect(velocity.lookbackDays).toBe(91);
    expect(velocity.velocity).toBeCloseTo(195 / 91, 6);
    expect(factors.map((f) => [f.name, f.value, f.source])).toEqual([
      ["seasonality", 1, "none"],
      ["trend", 1, "none"],
      ["manual", 1, "none"],
    ]);
    // the details name the rule (the values alone would be 1 here anyway)
    expect(factors[0].detail).toBe("intermittent demand: too lumpy for its own seasonal ratio, and no category ratio");
    expect(factors[1].detail).toBe("intermittent demand: read flat over 91 days");
  });
  it("a promotion this quarter widens safety stock, not the velocity", () => {
    // 91 days selling 10 with 100 in stock; 79-81 days ago a promotion sold 40 a day (spike days).
    // Velocity over 28 days: 10, spread 0; no season (91 < 395 days), no slope (every in-stock day is 10).
    // Spike risk over the 91 days: σ 5.3862 (worked in velocity.test.ts), so
    // safety = 1.6449 × 5.3862 × √14 = 33.15; need = 10 × 14 + 10 × 14 + 33.15 − 100 = 213.15 → 214
    const history: DemandDay[] = Array.from({ length: 91 }, (_, i) => ({
      units: i >= 10 && i < 13 ? 40 : 10,
      closing: 100,
    }));
    const { velocity, plan } = planSku({
      today: "2026-12-01",
      history,
      onHand: 100,
      inbound: 0,
      openPlans: 0,
      settings: DEFAULT_PLAN_SETTINGS,
    });
    expect(velocity.velocity).toBe(10);
    expect(velocity.dailyStd).toBe(0);
    expect(plan.forecastPerDay).toBe(10);
    expect(plan.safetyStock).toBeCloseTo(33.15, 2);
    expect(plan.quantity).toBe(214);
  });
});
