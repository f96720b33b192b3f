import { describe, expect, it } from "vitest";
import {
  CommissionRuleError,
  commissionPercent,
  estimateCommission,
  estimateChannelCommission,
  findChannelCommissionRule,
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

describe("FBO- and FBS-specific rules", () => {
  const all = parseCommissionRule({ defaultPercent: 10 });
  const fbs = parseCommissionRule({ defaultPercent: 15 });
  const rules = [
    { channel: "all" as const, dtFrom: "2026-11-01", rule: all },
    { channel: "FBS" as const, dtFrom: "2026-11-05", rule: fbs },
  ];

  it("a channel's own rule wins from its day on; otherwise the all-channels rule applies", () => {
    expect(findChannelCommissionRule("2026-11-04", "FBS", rules)).toBe(all);
    expect(findChannelCommissionRule("2026-11-05", "FBS", rules)).toBe(fbs);
    expect(findChannelCommissionRule("2026-11-05", "FBO", rules)).toBe(all);
    expect(findChannelCommissionRule("2026-10-31", "FBO", rules)).toBeNull();
  });

  it("estimates each rule's share of the day and adds them", () => {
    const sales = [
      { channel: "FBO" as const, qty: 2, revenueGross: "1000.00", refundsAmount: "0" },
      { channel: "FBS" as const, qty: 1, revenueGross: "500.00", refundsAmount: "0" },
    ];
    // before the FBS rule: (1000 + 500) x 10 % = 150.00
    expect(estimateChannelCommission("2026-11-04", null, sales, rules)?.toFixed(2)).toBe("150.00");
    // after: 1000 x 10 % + 500 x 15 % = 100.00 + 75.00 = 175.00
    expect(estimateChannelCommission("2026-11-05", null, sales, rules)?.toFixed(2)).toBe("175.00");
    // rounded per rule: 333.33 x 10 % = 33.333 -> 33.33; 333.33 x 15 % = 49.9995 -> 50.00; 83.33
    const odd = [
      { channel: "FBO" as const, qty: 1, revenueGross: "333.33", refundsAmount: "0" },
      { channel: "FBS" as const, qty: 1, revenueGross: "333.33", refundsAmount: "0" },
    ];
    expect(estimateChannelCommission("2026-11-05", null, odd, rules)?.toFixed(2)).toBe("83.33");
    expect(estimateChannelCommission("2026-10-01", null, odd, rules)).toBeNull();
  });
});
