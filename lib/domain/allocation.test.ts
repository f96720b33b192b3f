import { describe, expect, it } from "vitest";
import { allocateAmount, allocateKopecks, fromKopecks, toKopecks } from "./allocation";

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe("allocateKopecks (largest remainder)", () => {
  it("splits 100 kopecks in three equal parts as 34 + 33 + 33", () => {
    expect(allocateKopecks(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });

  it("gives the left-over kopecks to the largest remainders", () => {
    // quotas 1000 * (1, 2, 4) / 7 = 142.857, 285.714, 571.428: floors 142 + 285 + 571 = 998, two left
    expect(allocateKopecks(1000n, [1n, 2n, 4n])).toEqual([143n, 286n, 571n]);
  });

  it("splits a negative amount as its absolute value, negated", () => {
    expect(allocateKopecks(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it("ignores negative weights and allocates nothing when no weight is positive", () => {
    expect(allocateKopecks(500n, [-3n, 1n, 0n])).toEqual([0n, 500n, 0n]);
    expect(allocateKopecks(500n, [0n, -1n])).toEqual([0n, 0n]);
    expect(allocateKopecks(500n, [])).toEqual([]);
  });

  it("always sums exactly to the amount (pseudo-random cases)", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const total = BigInt(rand(2_000_000) - 1_000_000);
      const weights = Array.from({ length: 1 + rand(40) }, () => BigInt(rand(100_000)));
      const parts = allocateKopecks(total, weights);
      if (weights.some((w) => w > 0n)) expect(sum(parts)).toBe(total);
      parts.forEach((p, i) => {
        if (weights[i] === 0n) expect(p).toBe(0n);
        // no part exceeds its exact quota by a kopeck or more
        const W = sum(weights);
        if (W > 0n) {
          const abs = total < 0n ? -total : total;
          const pa = p < 0n ? -p : p;
          expect(pa * W <= abs * weights[i] + W).toBe(true);
          expect(pa * W >= abs * weights[i] - W).toBe(true);
        }
      });
    }
  });
});

describe("allocateAmount", () => {
  it("allocates a store-level amount by net sales, by units, or not at all", () => {
    const targets = [
      { netSales: "1000.00", units: 1 },
      { netSales: "3000.00", units: 1 },
      { netSales: "-200.00", units: 0 },
    ];
    // 28714 kopecks x 1/4 = 7178.5 and x 3/4 = 21535.5: equal remainders, the left-over kopeck goes first
    expect(allocateAmount("-287.14", targets, "net_sales")).toEqual(["-71.79", "-215.35", "0.00"]);
    expect(allocateAmount("-287.15", targets, "units")).toEqual(["-143.58", "-143.57", "0.00"]);
    expect(allocateAmount("-287.14", targets, "none")).toEqual(["0.00", "0.00", "0.00"]);
  });

  it("converts kopecks both ways exactly", () => {
    expect(toKopecks("1234567890123.45")).toBe(123456789012345n);
    expect(fromKopecks(-5n)).toBe("-0.05");
    expect(fromKopecks(123456789012345n)).toBe("1234567890123.45");
  });
});
