import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { addDays } from "@/lib/domain/dates";
import { demandStdDev, recommendSupply } from "@/lib/domain/inventory";
import { generateSupplyAdvice } from "./generate-supply-advice";
import { insertSales, insertSku, insertStock, insertWarehouse } from "@/lib/testing/fixtures";

const D = "2026-06-30";

describe.each(testDatabaseKinds())("generateSupplyAdvice (%s)", (kind) => {
  const { db } = useTestDatabase(kind);

  it("per warehouse, windows 14 and 28, with the inputs kept on the row", async () => {
    const skuId = await insertSku(db, { marketplace: "WB" });
    const idle = await insertSku(db, { marketplace: "WB" });
    const a = await insertWarehouse(db, "WB", "adv-a");
    const b = await insertWarehouse(db, "WB", "adv-b");
    // warehouse a: the last 14 days alternate 7 and 13 units -> velocity 10, std 3
    await insertSales(
      db,
      Array.from({ length: 14 }, (_, i) => ({ d: addDays(D, -i), skuId, warehouseId: a, qty: i % 2 ? 7 : 13 })),
    );
    // warehouse b: one sale 20 days ago (outside the 14-day window, inside the 28-day one)
    await insertSales(db, [
      { d: addDays(D, -20), skuId, warehouseId: b, qty: 28 },
      { d: addDays(D, -40), skuId, warehouseId: b, qty: 99 },
    ]);
    await insertStock(db, [
      { d: D, skuId, warehouseId: a, onHand: 50, inTransit: 20 },
      { d: D, skuId: idle, warehouseId: a, onHand: 5, inTransit: 0 },
      { d: D, skuId: idle, warehouseId: b, onHand: 0, inTransit: 0 },
      { d: addDays(D, -1), skuId: idle, warehouseId: null, onHand: 9, inTransit: 0 },
    ]);

    const result = await generateSupplyAdvice({ db, d: D, safetyCoeff: 1.5 });
    expect(result).toMatchObject({ d: D, pairs: 3, rows: 6 });

    const rows = await db
      .select()
      .from(schema.adviceSupply)
      .where(eq(schema.adviceSupply.d, D))
      .orderBy(
        asc(schema.adviceSupply.skuId),
        asc(schema.adviceSupply.warehouseId),
        asc(schema.adviceSupply.windowDays),
      );
    const pick = (s: number, w: number | null, win: number) =>
      rows.find((r) => r.skuId === s && r.warehouseId === w && r.windowDays === win)!;

    // the design's worked example: sv 10, 14 days, on hand 50, in transit 20, std 3 -> 87
    expect(pick(skuId, a, 14)).toMatchObject({
      velocity: "10.0000",
      demandStd: "3.0000",
      onHand: 50,
      inTransit: 20,
      safetyCoeff: "1.500",
      recommendedQty: 87,
      stockCoverDays: "7.00",
    });
    const units28 = [...new Array(14).fill(0), ...Array.from({ length: 14 }, (_, i) => (i % 2 ? 13 : 7))];
    const std28 = demandStdDev(units28);
    expect(pick(skuId, a, 28)).toMatchObject({
      velocity: "5.0000",
      demandStd: std28.toFixed(4),
      recommendedQty: recommendSupply({
        sv: 5,
        windowDays: 28,
        onHand: 50,
        inTransit: 20,
        safetyCoeff: 1.5,
        demandStd: std28,
      }),
    });
    expect(pick(skuId, b, 14)).toMatchObject({
      velocity: "0.0000",
      recommendedQty: 0,
      onHand: 0,
      stockCoverDays: null,
    });
    expect(pick(skuId, b, 28)).toMatchObject({
      velocity: "1.0000",
      recommendedQty: 28 + Math.round(1.5 * demandStdDev([28, ...new Array(27).fill(0)]) * Math.sqrt(28)),
    });
    expect(pick(idle, a, 14)).toMatchObject({ velocity: "0.0000", recommendedQty: 0, onHand: 5, stockCoverDays: null });
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.rationaleHash))).toBe(true);

    // idempotent: a rerun rewrites the same rows and hashes
    await generateSupplyAdvice({ db, d: D, safetyCoeff: 1.5 });
    const again = await db.select().from(schema.adviceSupply).where(eq(schema.adviceSupply.d, D));
    expect(again.map((r) => r.rationaleHash).sort()).toEqual(rows.map((r) => r.rationaleHash).sort());

    // a different coefficient changes the hash and the safety stock
    await generateSupplyAdvice({ db, d: D, safetyCoeff: 0 });
    const [noSafety] = await db
      .select()
      .from(schema.adviceSupply)
      .where(
        and(
          eq(schema.adviceSupply.d, D),
          eq(schema.adviceSupply.skuId, skuId),
          eq(schema.adviceSupply.warehouseId, a),
          eq(schema.adviceSupply.windowDays, 14),
        ),
      );
    expect(noSafety.recommendedQty).toBe(140 - 70);
    expect(noSafety.rationaleHash).not.toBe(pick(skuId, a, 14).rationaleHash);
  });

  it("uses the stock the nightly sync stored the morning after d, the freshest snapshot winning", async () => {
    const day = "2026-05-10";
    const late = await insertSku(db, { marketplace: "OZON" });
    const both = await insertSku(db, { marketplace: "OZON" });
    const w = await insertWarehouse(db, "OZON", "adv-morning");
    await insertSales(
      db,
      Array.from({ length: 14 }, (_, i) => ({ d: addDays(day, -i), skuId: late, warehouseId: w, qty: 2 })),
    );
    await insertStock(db, [
      // the nightly run on day+1 collects `day` and stores today's stock under day+1
      { d: addDays(day, 1), skuId: late, warehouseId: w, onHand: 10, inTransit: 4 },
      { d: day, skuId: both, warehouseId: w, onHand: 30, inTransit: 0 },
      { d: addDays(day, 1), skuId: both, warehouseId: w, onHand: 25, inTransit: 0 },
      // two days later is not "the morning after"
      { d: addDays(day, 2), skuId: late, warehouseId: null, onHand: 99, inTransit: 0 },
    ]);
    await generateSupplyAdvice({ db, d: day, safetyCoeff: 0 });
    const rows = await db
      .select()
      .from(schema.adviceSupply)
      .where(and(eq(schema.adviceSupply.d, day), eq(schema.adviceSupply.windowDays, 14)));
    expect(rows.find((r) => r.skuId === late && r.warehouseId === w)).toMatchObject({
      onHand: 10,
      inTransit: 4,
      velocity: "2.0000",
      recommendedQty: 28 - 14,
    });
    expect(rows.find((r) => r.skuId === both && r.warehouseId === w)).toMatchObject({ onHand: 25 });
    expect(rows.find((r) => r.skuId === late && r.warehouseId === null)).toBeUndefined();
  });

  it("rejects a bad day", async () => {
    await expect(generateSupplyAdvice({ db, d: "30.06.2026" })).rejects.toThrow(
      '"30.06.2026" is not a date in YYYY-MM-DD form',
    );
  });
});
