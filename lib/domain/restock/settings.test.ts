import { describe, expect, it } from "vitest";
import { effectiveSettings, toServiceLevel } from "./settings";

describe("effective plan settings", () => {
  it("SKU over store over default, with the source of each", () => {
    const e = effectiveSettings(
      { leadTimeDays: 21, casePack: 6 },
      { casePack: 12, coverDays: null, manualFactor: 1.2 },
    );
    expect(e.settings).toEqual({ leadTimeDays: 21, coverDays: 14, serviceLevel: 95, moq: 0, casePack: 12 });
    expect(e.source).toEqual({
      leadTimeDays: "store",
      coverDays: "default",
      serviceLevel: "default",
      moq: "default",
      casePack: "sku",
    });
    expect(e.manualFactor).toBe(1.2);
  });
  it("service levels are 90, 95, 97.5 or 99", () => {
    expect(toServiceLevel("97.5")).toBe(97.5);
    expect(() => toServiceLevel(96)).toThrow(RangeError);
  });
});
