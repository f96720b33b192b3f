import { describe, expect, it } from "vitest";
import { isIncompleteRange, isPeriodCovered, lastCompleteDay, presetOf, presetRange } from "./periods";

describe("period presets", () => {
  const today = "2026-12-05"; // a Saturday; the last complete day is Friday the 4th

  it("end on the last complete business day", () => {
    expect(lastCompleteDay(today)).toBe("2026-12-04");
    expect(presetRange("yesterday", today)).toEqual({ from: "2026-12-04", to: "2026-12-04" });
    expect(presetRange("last7", today)).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(presetRange("last30", today)).toEqual({ from: "2026-11-05", to: "2026-12-04" });
  });

  it("cover calendar months and quarters", () => {
    expect(presetRange("thisMonth", today)).toEqual({ from: "2026-12-01", to: "2026-12-04" });
    expect(presetRange("lastMonth", today)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(presetRange("thisQuarter", today)).toEqual({ from: "2026-10-01", to: "2026-12-04" });
    expect(presetRange("lastMonth", "2026-03-15")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("lastMonth", "2026-01-10")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("thisQuarter", "2026-05-20")).toEqual({ from: "2026-04-01", to: "2026-05-19" });
  });

  it("hold only today on the first day of a month, marked incomplete", () => {
    const first = "2026-12-01";
    expect(presetRange("thisMonth", first)).toEqual({ from: first, to: first });
    expect(isIncompleteRange(presetRange("thisMonth", first), first)).toBe(true);
    expect(isIncompleteRange(presetRange("last7", first), first)).toBe(false);
  });

  it("recognise a range as its preset", () => {
    expect(presetOf({ from: "2026-11-28", to: "2026-12-04" }, today)).toBe("last7");
    expect(presetOf({ from: "2026-11-28", to: "2026-12-05" }, today)).toBeNull();
  });
});

describe("comparison coverage", () => {
  it("needs history to start on or before the compared period", () => {
    expect(isPeriodCovered({ from: "2026-11-01" }, "2026-10-15")).toBe(true);
    expect(isPeriodCovered({ from: "2026-11-01" }, "2026-11-01")).toBe(true);
    expect(isPeriodCovered({ from: "2026-11-01" }, "2026-11-02")).toBe(false);
    expect(isPeriodCovered({ from: "2026-11-01" }, null)).toBe(false);
  });
});
