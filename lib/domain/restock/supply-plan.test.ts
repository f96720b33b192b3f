import { describe, expect, it } from "vitest";
import { planLineProgress } from "./supply-plan";

describe("a shipped plan counts as inbound exactly once", () => {
  it("before the marketplace sees it: all 100 remain inbound", () => {
    expect(planLineProgress({ qty: 100, baselineUnits: 40, currentUnits: 28, orderedSince: 12 })).toEqual({
      arrived: 0,
      remaining: 100,
    });
  });
  it("the marketplace lists it as inbound: 40 + 100 − 12 sold = 128 seen, nothing left in the plan", () => {
    // position = on hand + mp inbound + plan remaining = 128 + 0: the 100 units appear once
    expect(planLineProgress({ qty: 100, baselineUnits: 40, currentUnits: 128, orderedSince: 12 })).toEqual({
      arrived: 100,
      remaining: 0,
    });
  });
  it("partly accepted: 60 of 100 seen, 40 still inbound", () => {
    expect(planLineProgress({ qty: 100, baselineUnits: 40, currentUnits: 88, orderedSince: 12 })).toEqual({
      arrived: 60,
      remaining: 40,
    });
  });
  it("arrived units never go back when the stock then sells down", () => {
    expect(planLineProgress({ qty: 100, baselineUnits: 40, currentUnits: 20, orderedSince: 30 }, 100)).toEqual({
      arrived: 100,
      remaining: 0,
    });
  });
});
