import { describe, expect, it } from "vitest";
import { MoneyParseError, parseMoney, percentOf, sumMoney, toMoneyString } from "./money";

describe("parseMoney", () => {
  it("parses strings, numbers, comma decimals and empties exactly", () => {
    expect(parseMoney("412.37").toFixed(2)).toBe("412.37");
    expect(parseMoney(1284.01).toFixed(2)).toBe("1284.01");
    expect(parseMoney("412,37").toFixed(2)).toBe("412.37");
    expect(parseMoney("-1 234.50").toFixed(2)).toBe("-1234.50");
    expect(parseMoney(null).toFixed(2)).toBe("0.00");
    expect(parseMoney("").toFixed(2)).toBe("0.00");
    expect(parseMoney(-2275.4).toFixed(2)).toBe("-2275.40");
  });
  it("rejects what is not an amount", () => {
    expect(() => parseMoney("12abc")).toThrow(MoneyParseError);
    expect(() => parseMoney(Number.NaN)).toThrow(MoneyParseError);
    expect(() => parseMoney({})).toThrow(MoneyParseError);
  });
  it("sums without float drift", () => {
    const cents = Array.from({ length: 1000 }, () => "0.10");
    expect(sumMoney(cents).toFixed(2)).toBe("100.00");
    expect(toMoneyString("2.345")).toBe("2.35");
    expect(toMoneyString("-2.345")).toBe("-2.35");
  });
});

describe("percentOf", () => {
  it("is a / b x 100 rounded half away from zero to 2 decimals", () => {
    expect(percentOf("1", "3")).toBe("33.33");
    expect(percentOf("2", "3")).toBe("66.67");
    expect(percentOf("-151.2", "1000")).toBe("-15.12");
    expect(percentOf("1", "8000")).toBe("0.01");
    expect(percentOf("-1", "8000")).toBe("-0.01");
  });
  it("is null over zero, and with `positive` over a base not above zero", () => {
    expect(percentOf("5", "0")).toBeNull();
    expect(percentOf("5", "-10")).toBe("-50.00");
    expect(percentOf("5", "-10", { positive: true })).toBeNull();
    expect(percentOf("5", "0.00", { positive: true })).toBeNull();
  });
});
