import { describe, expect, it } from "vitest";
import { manualFactor } from "./factors";
import { firstOpenDay, type PlanSettings, planRestock, roundOrderQuantity, safetyStock } from "./plan";
import { correctedVelocity, type DemandDay } from "./velocity";

// 28 in-stock days alternating 8 and 12 units: velocity 10, sample σ = sqrt(28 × 4 / 27) = 2.0367
const window: DemandDay[] = Array.from({ length: 28 }, (_, i) => ({ units: i % 2 ? 12 : 8, closing: 500 }));
const velocity = correctedVelocity(window, 28);
const settings: PlanSettings = { leadTimeDays: 16, coverDays: 14, serviceLevel: 95, moq: 0, casePack: 1 };
const none = [manualFactor(null)];

/** The plan on 2026-12-01 for the window above, nothing on hand or on its way unless `overrides` say. */
const planFor = (overrides: Partial<Parameters<typeof planRestock>[0]>) =>
  planRestock({
    today: "2026-12-01",
    velocity,
    factors: none,
    onHand: 0,
    inbound: 0,
    openPlans: 0,
    settings,
    ...overrides,
  });

describe("restock plan (hand-worked)", () => {
  it("safety, reorder point, need and quantity", () => {
    expect(velocity.velocity).toBe(10);
    expect(velocity.dailyStd).toBeCloseTo(2.0367, 4);
    const p = planFor({ onHand: 200, inbound: 50 });
    // safety = 1.6449 × 2.0367 × 4 = 13.40; ROP = 160 + 13.40 = 173.40
    expect(p.safetyStock).toBeCloseTo(13.4, 2);
    expect(p.reorderPoint).toBeCloseTo(173.4, 2);
    // need = 160 + 140 + 13.40 − 250 = 63.40 → 64
    expect(p.need).toBeCloseTo(63.4, 2);
    expect(p.quantity).toBe(64);
    // reorder date: ⌊(250 − 173.40) / 10⌋ = 7 days → 2026-12-08, "soon"
    expect(p.reorderDate).toBe("2026-12-08");
    expect(p.status).toBe("soon");
    expect(p.statusDays).toBe(7);
    expect(p.explanation.join("\n")).toContain("reorder point = 10.000 × 16 d + 13.40 = 173.40");
  });
  it("the reorder date moves with the lead time", () => {
    const at = (leadTimeDays: number) => planFor({ onHand: 400, settings: { ...settings, leadTimeDays } });
    // L=7: ROP = 70 + 1.6449 × 2.0367 × √7 = 78.86 → ⌊321.14/10⌋ = 32 d; L=28: ROP = 280 + 17.73 = 297.73 → 10 d
    expect(at(7).reorderDate).toBe("2027-01-02");
    expect(at(28).reorderDate).toBe("2026-12-11");
  });
  it("position at or below the reorder point: order now, days overdue", () => {
    const p = planFor({ onHand: 100 });
    // ⌊(100 − 173.40) / 10⌋ = −8
    expect(p.status).toBe("order_now");
    expect(p.statusDays).toBe(-8);
    expect(p.reorderDate).toBe("2026-12-01");
  });
  it("overstock past twice lead time + cover", () => {
    const p = planFor({ onHand: 700 });
    // cover 70 days > 2 × 30; 70 − 30 = 40 days beyond
    expect(p.status).toBe("overstock");
    expect(p.statusDays).toBe(40);
    expect(p.quantity).toBe(0);
  });
  it("factors multiply the forecast and σ", () => {
    const p = planFor({ factors: [manualFactor(1.5)] });
    expect(p.forecastPerDay).toBe(15);
    // need = 15 × 30 + 1.6449 × 3.0551 × 4 = 450 + 20.10 = 470.10 → 471
    expect(p.quantity).toBe(471);
  });
  it("a quarter with spikes: safety reads their wider spread", () => {
    // spikeRisk σ 5.3862 (velocity.test's quarter) > the velocity days' 2.0367:
    // safety = 1.6449 × 5.3862 × √16 = 35.44; need = 160 + 140 + 35.44 − 250 = 85.44 → 86
    const spikeRisk = { dailyStd: 5.3862, spikeDays: 3, days: 91 };
    const p = planFor({ onHand: 200, inbound: 50, spikeRisk });
    expect(p.safetyStock).toBeCloseTo(35.44, 2);
    expect(p.quantity).toBe(86);
    expect(p.explanation.join("\n")).toContain("the last 91 days with their 3 spike days");
    // a planned rise of 1.5 scales the velocity days' σ (2.0367 × 1.5 = 3.0551) but not the spikes'
    // (they already hold a promotion): σ stays 5.3862, safety 35.44; need = 15 × 30 + 35.44 = 485.44 → 486
    const planned = planFor({ factors: [manualFactor(1.5)], spikeRisk });
    expect(planned.safetyStock).toBeCloseTo(35.44, 2);
    expect(planned.quantity).toBe(486);
    // a spike spread of 2.5 is narrower than 3.0551: the velocity days' σ stays, 471 as without spikes
    const narrow = planFor({ factors: [manualFactor(1.5)], spikeRisk: { ...spikeRisk, dailyStd: 2.5 } });
    expect(narrow.quantity).toBe(471);
    expect(narrow.explanation.join("\n")).not.toContain("spike days");
  });
  it("open supply plans count in the position", () => {
    const p = planFor({ onHand: 200, inbound: 50, openPlans: 60 });
    expect(p.position).toBe(310);
    expect(p.quantity).toBe(4); // 63.40 − 60 = 3.40 → 4
  });
  it("demand not observed: no quantity, no date", () => {
    const thin = correctedVelocity(
      [{ units: 5, closing: 3 }, ...Array.from({ length: 27 }, () => ({ units: 0, closing: 0 }))],
      28,
    );
    const p = planFor({ velocity: thin });
    expect(p.status).toBe("not_observed");
    expect(p.quantity).toBe(0);
    expect(p.reorderDate).toBeNull();
  });
  it("rejects a service level outside 90/95/97.5/99", () => {
    expect(() => planFor({ settings: { ...settings, serviceLevel: 80 as never } })).toThrow(RangeError);
  });
});

describe("rounding to case pack and MOQ", () => {
  it("case pack 12: need 25 → 36", () => expect(roundOrderQuantity(25, 0, 12)).toBe(36));
  it("MOQ 50 then case pack 12: need 25 → 60", () => expect(roundOrderQuantity(25, 50, 12)).toBe(60));
  it("need 63.4 loose → 64", () => expect(roundOrderQuantity(63.4, 0, 1)).toBe(64));
  it("no need → 0 even with an MOQ", () => expect(roundOrderQuantity(-5, 50, 12)).toBe(0));
  it("service levels map to z", () => {
    expect(safetyStock(2, 9, 90)).toBeCloseTo(1.2816 * 6, 6);
    expect(safetyStock(2, 9, 99)).toBeCloseTo(2.3263 * 6, 6);
  });
});

describe("supplier closures (hand-worked, the window above: velocity 10, σ 2.0367, lead 16, cover 14)", () => {
  const closed = (from: string, to: string) => [{ from, to }];
  it("today is the eve of a 20-day closure: the order lasts through it and the lead time after it", () => {
    // safety over 16 + 20 days = 1.6449 × 2.0367 × 6 = 20.10; ROP = 160 + 200 + 20.10 = 380.10
    // need = 160 + max(cover 140, closed 200) + 20.10 − 250 = 130.10 → 131; ⌊(250 − 380.10) / 10⌋ = −14
    const p = planFor({ onHand: 250, closures: closed("2026-12-02", "2026-12-21") });
    expect(p.safetyStock).toBeCloseTo(20.1, 2);
    expect(p.reorderPoint).toBeCloseTo(380.1, 2);
    expect(p.quantity).toBe(131);
    expect(p.status).toBe("order_now");
    expect(p.statusDays).toBe(-14);
    expect(p.reorderDate).toBe("2026-12-01");
    expect(p.explanation.join("\n")).toContain("supplier closed 2026-12-02 – 2026-12-21");
    // without the closure the same position waits 7 days (the first test above)
    expect(planFor({ onHand: 250 }).reorderDate).toBe("2026-12-08");
  });
  it("the regular date falls inside a closure ahead: the date moves to its eve", () => {
    // regular: ⌊(250 − 173.40) / 10⌋ = 7 → 12-08, inside 12-06..12-25; on the eve 12-05 the position is
    // 250 − 4 × 10 = 210 < 10 × 36 + 20.10 = 380.10 → order by 12-05, "soon" in 4 days
    const p = planFor({ onHand: 250, closures: closed("2026-12-06", "2026-12-25") });
    expect(p.reorderDate).toBe("2026-12-05");
    expect(p.status).toBe("soon");
    expect(p.statusDays).toBe(4);
    expect(p.quantity).toBe(64); // the order is placed on the eve; today's need is the plain one
  });
  it("a closure the position outlasts leaves the date alone", () => {
    // 700 on hand: regular ⌊(700 − 173.40) / 10⌋ = 52 → 2027-01-22; the eve of 12-06..12-10 holds
    // 660 ≥ 10 × 21 + 1.6449 × 2.0367 × √21 = 225.35
    const p = planFor({ onHand: 700, closures: closed("2026-12-06", "2026-12-10") });
    expect(p.reorderDate).toBe("2027-01-22");
    expect(p.status).toBe("overstock");
  });
  it("today is the eve and the position lasts: a date inside the closure waits for the reopening", () => {
    // ROP over 16 + 5 days = 210 + 15.35 = 225.35 ≤ 250: nothing today; ⌊24.65 / 10⌋ = 2 → 12-03 is
    // closed, so the date is the reopening 12-07
    const p = planFor({ onHand: 250, closures: closed("2026-12-02", "2026-12-06") });
    expect(p.reorderPoint).toBeCloseTo(225.35, 2);
    // need = 160 + max(cover 140, closed 50) + 15.35 − 250 = 65.35 → 66
    expect(p.quantity).toBe(66);
    expect(p.reorderDate).toBe("2026-12-07");
    expect(p.statusDays).toBe(6);
  });
  it("today inside a closure: the figures stand, the explanation says when the supplier reopens", () => {
    const p = planFor({ onHand: 100, closures: closed("2026-11-25", "2026-12-03") });
    expect(p.status).toBe("order_now");
    expect(p.reorderPoint).toBeCloseTo(173.4, 2);
    expect(p.explanation.join("\n")).toContain(
      "supplier closed until 2026-12-03: an order placed now starts on 2026-12-04",
    );
  });
  it("touching closures read as one", () => {
    const two = [
      { from: "2026-12-02", to: "2026-12-05" },
      { from: "2026-12-06", to: "2026-12-10" },
    ];
    expect(firstOpenDay("2026-12-03", two)).toBe("2026-12-11");
    expect(firstOpenDay("2026-12-01", two)).toBe("2026-12-01");
    // today is the eve of nine closed days: ROP = 10 × 25 + 1.6449 × 2.0367 × 5 = 266.75
    expect(planFor({ onHand: 250, closures: two }).reorderPoint).toBeCloseTo(266.75, 2);
  });
});
