import { describe, expect, it } from "vitest";
import {
  CommissionRuleError,
  commissionPercent,
  estimateCommission,
  findCommissionRule,
  needsCommissionEstimate,
  parseCommissionRule,
} from "./commission";

const rule = parseCommissionRule({
  defaultPercent: 15,
  categories: { Shoes: 20 },
  priceBands: [
    { minPrice: 1000, percent: 10 },
    { minPrice: 0, maxPrice: 1000, percent: 17.5 },
  ],
});

describe("commission rules", () => {
  it("normalises: defaults filled, bands sorted by minPrice", () => {
    expect(parseCommissionRule({ defaultPercent: 12 })).toEqual({ defaultPercent: 12, categories: {}, priceBands: [] });
    expect(rule.priceBands.map((b) => b.minPrice)).toEqual([0, 1000]);
  });

  it("category beats price band beats default", () => {
    expect(commissionPercent(rule, { category: "Shoes", qty: 1, revenueGross: 5000 }).toString()).toBe("20");
    expect(commissionPercent(rule, { category: "Bags", qty: 2, revenueGross: 1998 }).toString()).toBe("17.5");
    expect(commissionPercent(rule, { category: null, qty: 2, revenueGross: 2000 }).toString()).toBe("10");
    // no units: no unit price, so no band
    expect(commissionPercent(rule, { category: null, qty: 0, revenueGross: 2000 }).toString()).toBe("15");
    const noBands = parseCommissionRule({ defaultPercent: 15 });
    expect(commissionPercent(noBands, { category: "Shoes", qty: 1, revenueGross: 1 }).toString()).toBe("15");
  });

  it("estimates on gross minus refunds, rounded half away from zero", () => {
    expect(
      estimateCommission(rule, { category: null, qty: 1, revenueGross: "1369.50", refundsAmount: 0 }).toFixed(2),
    ).toBe("136.95");
    expect(
      estimateCommission(rule, { category: "Shoes", qty: 1, revenueGross: "100.05", refundsAmount: 0 }).toFixed(2),
    ).toBe("20.01");
    expect(
      estimateCommission(rule, { category: "Shoes", qty: 0, revenueGross: 0, refundsAmount: "100.05" }).toFixed(2),
    ).toBe("-20.01");
  });

  it("estimates only unknown commissions (not settled, zero) with a rule and a base", () => {
    const row = { category: null, qty: 1, revenueGross: 500, refundsAmount: 0, isSettled: false, commissionAmount: 0 };
    expect(needsCommissionEstimate(rule, row)).toBe(true);
    expect(needsCommissionEstimate(null, row)).toBe(false);
    expect(needsCommissionEstimate(rule, { ...row, isSettled: true })).toBe(false);
    expect(needsCommissionEstimate(rule, { ...row, commissionAmount: "75.00" })).toBe(false);
    expect(needsCommissionEstimate(rule, { ...row, revenueGross: 0 })).toBe(false);
  });

  it("picks the rule effective on the day", () => {
    const a = parseCommissionRule({ defaultPercent: 10 });
    const b = parseCommissionRule({ defaultPercent: 12 });
    const rules = [
      { dtFrom: "2026-02-01", rule: b },
      { dtFrom: "2026-01-01", rule: a },
    ];
    expect(findCommissionRule("2025-12-31", rules)).toBeNull();
    expect(findCommissionRule("2026-01-31", rules)).toBe(a);
    expect(findCommissionRule("2026-02-01", rules)).toBe(b);
  });

  it("rejects invalid rules with a message per problem", () => {
    const problems = (input: unknown) => {
      try {
        parseCommissionRule(input);
      } catch (error) {
        expect(error).toBeInstanceOf(CommissionRuleError);
        return (error as CommissionRuleError).problems.map((p) => `${p.path}: ${p.message}`);
      }
      throw new Error("accepted an invalid rule");
    };
    expect(problems({})).toEqual(["defaultPercent: a percent must be a number, e.g. 15 or 12.5"]);
    expect(problems({ defaultPercent: 120 })).toEqual(["defaultPercent: a percent cannot exceed 100"]);
    expect(problems({ defaultPercent: -1 })).toEqual(["defaultPercent: a percent cannot be negative"]);
    expect(problems({ defaultPercent: 1.23456 })).toEqual(["defaultPercent: a percent has at most 4 decimal places"]);
    expect(problems({ defaultPercent: 10, categories: { " ": 5 } })[0]).toContain("a category name cannot be empty");
    expect(problems({ defaultPercent: 10, priceBands: [{ minPrice: 500, maxPrice: 100, percent: 5 }] })).toEqual([
      "priceBands.0.maxPrice: price band 1: maxPrice (100) must be greater than minPrice (500)",
    ]);
    expect(
      problems({
        defaultPercent: 10,
        priceBands: [
          { minPrice: 0, maxPrice: 1000, percent: 5 },
          { minPrice: 900, percent: 7 },
        ],
      }),
    ).toEqual(["priceBands.1: price bands 1 and 2 overlap: a unit price may fall in only one band"]);
    expect(problems({ defaultPercent: 10, surcharge: 3 })[0]).toMatch(/surcharge/);
    expect(problems("15%")).toEqual([
      ": a commission rule needs a defaultPercent (0-100) and optional categories and priceBands",
    ]);
  });
});
