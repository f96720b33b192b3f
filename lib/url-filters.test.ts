import { describe, expect, it } from "vitest";
import { filtersToQuery, MAX_RANGE_DAYS, parseDashboardFilters } from "./url-filters";

const now = new Date("2026-03-10T22:30:00Z"); // 2026-03-11 01:30 in Moscow
const tz = "Europe/Moscow";

describe("dashboard URL filters", () => {
  it("defaults to all stores and the last 30 business days ending yesterday in APP_TIMEZONE", () => {
    expect(parseDashboardFilters({}, { timeZone: tz, now })).toEqual({
      accountId: null,
      from: "2026-02-09",
      to: "2026-03-10",
      isDefaultRange: true,
    });
  });

  it("reads store, from and to", () => {
    expect(
      parseDashboardFilters(new URLSearchParams("store=7&from=2026-01-01&to=2026-01-31"), { timeZone: tz, now }),
    ).toEqual({
      accountId: 7,
      from: "2026-01-01",
      to: "2026-01-31",
      isDefaultRange: false,
    });
  });

  it("ignores junk, swaps reversed ranges and caps long ones", () => {
    const junk = parseDashboardFilters({ store: ["abc"], from: "2026-02-30", to: "x" }, { timeZone: tz, now });
    expect(junk.accountId).toBeNull();
    expect(junk.to).toBe("2026-03-10");
    expect(
      parseDashboardFilters({ store: "0", from: "2026-03-05", to: "2026-03-01" }, { timeZone: tz, now }),
    ).toMatchObject({
      accountId: null,
      from: "2026-03-01",
      to: "2026-03-05",
    });
    const long = parseDashboardFilters({ from: "2000-01-01", to: "2026-01-01" }, { timeZone: tz, now });
    expect(long.to).toBe("2026-01-01");
    expect((Date.parse(long.to) - Date.parse(long.from)) / 86_400_000 + 1).toBe(MAX_RANGE_DAYS);
  });

  it("writes filters back into a query string, keeping other parameters", () => {
    expect(
      filtersToQuery({ accountId: 3, from: "2026-01-01", to: "2026-01-31" }, new URLSearchParams("sort=profit")),
    ).toBe("?sort=profit&store=3&from=2026-01-01&to=2026-01-31");
    expect(filtersToQuery({ accountId: null }, new URLSearchParams("store=3"))).toBe("");
  });
});
