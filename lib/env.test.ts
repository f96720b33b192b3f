import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, productionProblems } from "./env";

describe("configuration", () => {
  it("has safe defaults for a zero-setup start", () => {
    const e = parseEnv({});
    expect(e.PGLITE_DIR).toBe("./.data/pglite");
    expect(e.APP_TIMEZONE).toBe("Europe/Moscow");
    expect(e.AGGR_DAYS_WB).toBe(14);
    expect(e.AGGR_DAYS_OZON).toBe(28);
    expect(e.WB_STATISTICS_API_URL).toBe("https://statistics-api.wildberries.ru");
    expect(e.DATABASE_URL).toBeUndefined();
  });
  it("names each malformed variable", () => {
    const attempt = () => parseEnv({ APP_TIMEZONE: "Mars/Olympus", AGGR_DAYS_WB: "-3", DATABASE_URL: "mysql://x" });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/APP_TIMEZONE/);
      expect(message).toMatch(/AGGR_DAYS_WB/);
      expect(message).toMatch(/DATABASE_URL/);
    }
  });
  it("an Ozon store needs both the Client-Id and the API key", () => {
    expect(() => parseEnv({ OZON_CLIENT_ID: "123" })).toThrow(/OZON_API_KEY/);
    expect(() => parseEnv({ OZON_CLIENT_ID: "abc", OZON_API_KEY: "k" })).toThrow(/OZON_CLIENT_ID/);
  });
  it("production needs AUTH_SECRET (32+) and APP_ENCRYPTION_KEY, naming what is missing", () => {
    expect(productionProblems(parseEnv({ NODE_ENV: "production" })).join("\n")).toMatch(
      /AUTH_SECRET is missing[\s\S]*APP_ENCRYPTION_KEY is missing/,
    );
    expect(
      productionProblems(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short", APP_ENCRYPTION_KEY: "k" })),
    ).toEqual(["AUTH_SECRET is too short: it needs 32+ characters"]);
    expect(
      productionProblems(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), APP_ENCRYPTION_KEY: "k" })),
    ).toEqual([]);
    expect(productionProblems(parseEnv({ NODE_ENV: "development" }))).toEqual([]);
  });
});
