import { describe, expect, it } from "vitest";
import { addDays, eachDay, isIsoDay, toBusinessDate, zonedWallTimeToInstant } from "./dates";

describe("business dates", () => {
  it("a UTC evening is the next day in Moscow", () => {
    expect(toBusinessDate("2026-11-10T21:15:00Z", "Europe/Moscow")).toBe("2026-11-11");
    expect(toBusinessDate("2026-11-10T20:59:59Z", "Europe/Moscow")).toBe("2026-11-10");
    expect(toBusinessDate("2026-11-10T21:15:00Z", "UTC")).toBe("2026-11-10");
  });
  it("a WB wall time without offset is Moscow time", () => {
    const instant = zonedWallTimeToInstant("2026-11-10T23:15:00", "Europe/Moscow");
    expect(instant.toISOString()).toBe("2026-11-10T20:15:00.000Z");
    expect(toBusinessDate(instant, "Europe/Moscow")).toBe("2026-11-10");
    expect(zonedWallTimeToInstant("2026-11-24T00:00:00.12345", "Europe/Moscow").toISOString()).toBe(
      "2026-11-23T21:00:00.123Z",
    );
  });
  it("handles zones with daylight saving", () => {
    expect(zonedWallTimeToInstant("2026-07-01T12:00:00", "Europe/Berlin").toISOString()).toBe(
      "2026-07-01T10:00:00.000Z",
    );
    expect(zonedWallTimeToInstant("2026-01-01T12:00:00", "Europe/Berlin").toISOString()).toBe(
      "2026-01-01T11:00:00.000Z",
    );
  });
  it("day arithmetic", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(eachDay("2026-11-29", "2026-12-02")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(isIsoDay("2026-02-30")).toBe(false);
    expect(isIsoDay("2026-02-28")).toBe(true);
  });
});
