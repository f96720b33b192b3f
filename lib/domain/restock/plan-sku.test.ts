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
});
