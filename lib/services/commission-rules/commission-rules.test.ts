import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Db, schema } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { addDays } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";
import { insertCostPrice, insertSales, insertSku } from "@/lib/testing/fixtures";
import { deleteCommissionRule } from "./delete-commission-rule";
import { listCommissionRules } from "./list-commission-rules";
import { previewCommissionRule } from "./preview-commission-rule";
import { saveCommissionRule } from "./save-commission-rule";
import { updateCommissionRule } from "./update-commission-rule";

const TODAY = "2026-07-31";

async function commissionOn(db: Db, skuId: number, d: string) {
  const [row] = await db
    .select({ c: schema.metricsDaily.commission, est: schema.metricsDaily.isCommissionEstimated })
    .from(schema.metricsDaily)
    .where(and(eq(schema.metricsDaily.skuId, skuId), eq(schema.metricsDaily.d, d)));
  // the commission line, signed: a cost is negative
  return row ? `${row.c}${row.est ? " est" : ""}` : undefined;
}

describe.each(testDatabaseKinds())("commission rules service (%s)", (kind) => {
  const { db } = useTestDatabase(kind);
  /** saves `rule` from `dtFrom` (all channels unless `channel`), today being TODAY */
  const save = (marketplace: "WB" | "OZON", dtFrom: string, rule: unknown, channel?: "FBO" | "FBS") =>
    saveCommissionRule(db, { marketplace, channel, dtFrom, rule, today: TODAY });
  /** edits rule `id` in place, today being TODAY */
  const update = (id: number, channel: "FBO" | "FBS", dtFrom: string, rule: unknown) =>
    updateCommissionRule(db, { id, channel, dtFrom, rule, today: TODAY });
  let wb: number;
  let ozon: number;
  beforeAll(async () => {
    wb = await insertSku(db, { marketplace: "WB", category: "Shoes" });
    ozon = await insertSku(db, { marketplace: "OZON" });
    for (const skuId of [wb, ozon]) {
      await insertCostPrice(db, skuId, "2026-01-01", "100.00");
      // one unsettled sale (unknown commission) every day of July, and one settled on the 1st
      await insertSales(
        db,
        Array.from({ length: 31 }, (_, i) => ({
          d: addDays("2026-07-01", i),
          skuId,
          warehouseId: null,
          qty: 1,
          lines: { sales: "1000.00", commission: i === 0 ? "-123.00" : "0" },
          isSettled: i === 0,
        })),
      );
    }
  });

  it("rejects an invalid rule with a message per field", async () => {
    const error = await save("WB", "2026-07-40", {
      defaultPercent: 140,
      priceBands: [{ minPrice: 10, maxPrice: 5, percent: 1 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).fieldErrors).toEqual({
      dtFrom: "expected a date in YYYY-MM-DD form",
      "rule.defaultPercent": "a percent cannot exceed 100",
      "rule.priceBands.0.maxPrice": "price band 1: maxPrice (5) must be greater than minPrice (10)",
    });
    expect(await listCommissionRules(db)).toEqual([]);
  });

  it("previews the effect on the last 30 days without saving", async () => {
    const preview = await previewCommissionRule(db, {
      marketplace: "WB",
      dtFrom: "2026-07-10",
      rule: { defaultPercent: 10, categories: { Shoes: 20 } },
      days: 30,
      today: TODAY,
    });
    expect(preview.from).toBe("2026-07-02");
    expect(preview.to).toBe(TODAY);
    // 22 WB days (10th..31st) x 20% of 1000, a positive cost; payout and profit fall by as much
    expect(preview.delta.commission).toBe("4400.00");
    expect(preview.delta.payout).toBe("-4400.00");
    expect(preview.delta.profit).toBe("-4400.00");
    // before: no rule, no commission on 2 SKUs x 30 unsettled days at 1000 = 60000 payout;
    // profit 60000 - 60 units x 100 = 54000
    expect(preview.before).toMatchObject({ commission: "0.00", payout: "60000.00", profit: "54000.00" });
    // after: 60000 - 4400 = 55600; 54000 - 4400 = 49600
    expect(preview.after).toMatchObject({ commission: "4400.00", payout: "55600.00", profit: "49600.00" });
    expect(preview.after.estimatedDays - preview.before.estimatedDays).toBe(22);
    expect(preview.changedDays.length).toBe(22);
    expect(preview.changedDays[0]).toEqual({ d: "2026-07-10", commissionBefore: "0.00", commissionAfter: "200.00" });
    expect(await listCommissionRules(db)).toEqual([]);
  });

  it("saving recalculates the days the rule governs, up to the next rule", async () => {
    const first = await save("WB", "2026-07-10", { defaultPercent: 10, categories: { Shoes: 20 } });
    expect(first.recalculated).toMatchObject({ from: "2026-07-10", to: TODAY });
    expect(await commissionOn(db, wb, "2026-07-10")).toBe("-200.00 est");
    expect(await commissionOn(db, wb, "2026-07-31")).toBe("-200.00 est");

    const second = await save("WB", "2026-07-20", { defaultPercent: 5 });
    expect(second.recalculated).toMatchObject({ from: "2026-07-20", to: TODAY });
    expect(await commissionOn(db, wb, "2026-07-19")).toBe("-200.00 est");
    expect(await commissionOn(db, wb, "2026-07-20")).toBe("-50.00 est");

    // replacing the first rule recalculates only 10th..19th
    const replaced = await save("WB", "2026-07-10", { defaultPercent: 12 });
    expect(replaced.recalculated).toMatchObject({ from: "2026-07-10", to: "2026-07-19" });
    expect(await commissionOn(db, wb, "2026-07-15")).toBe("-120.00 est");

    // a rule before the first sale recalculates from the first sale; settled rows keep their commission
    const early = await save("OZON", "2025-01-01", { defaultPercent: 8 });
    expect(early.recalculated).toMatchObject({ from: "2026-07-01", to: TODAY });
    expect(await commissionOn(db, ozon, "2026-07-01")).toBe("-123.00");
    expect(await commissionOn(db, ozon, "2026-07-02")).toBe("-80.00 est");

    const list = await listCommissionRules(db);
    expect(list.map((r) => [r.marketplace, r.dtFrom, r.dtTo, r.rule.defaultPercent])).toEqual([
      ["OZON", "2025-01-01", null, 8],
      ["WB", "2026-07-10", "2026-07-19", 12],
      ["WB", "2026-07-20", null, 5],
    ]);

    const second20 = list.find((r) => r.dtFrom === "2026-07-20")!;
    const deleted = await deleteCommissionRule(db, { id: second20.id, today: TODAY });
    expect(deleted.recalculated).toMatchObject({ from: "2026-07-20", to: TODAY });
    expect(await commissionOn(db, wb, "2026-07-25")).toBe("-120.00 est");
    await expect(deleteCommissionRule(db, { id: second20.id, today: TODAY })).rejects.toThrow("does not exist");
  });

  it("FBO/FBS rules win over the all-channels rule, and a rule is edited in place", async () => {
    // the Ozon SKU sells 1 000.00 a day through FBO; the all-channels rule of 8 % applies (previous test)
    expect(await commissionOn(db, ozon, "2026-07-25")).toBe("-80.00 est");
    await save("OZON", "2026-07-20", { defaultPercent: 15 }, "FBS");
    // an FBS rule leaves FBO sales under the all-channels rule
    expect(await commissionOn(db, ozon, "2026-07-25")).toBe("-80.00 est");
    const fbo = await save("OZON", "2026-07-20", { defaultPercent: 12 }, "FBO");
    expect(await commissionOn(db, ozon, "2026-07-19")).toBe("-80.00 est");
    expect(await commissionOn(db, ozon, "2026-07-25")).toBe("-120.00 est"); // 1000 x 12 %

    // edit in place: the same row moves to 25.07 at 20 %; 20.07-24.07 fall back to the 8 % rule
    const edited = await update(fbo.rule.id, "FBO", "2026-07-25", { defaultPercent: 20 });
    expect(edited.rule).toMatchObject({ id: fbo.rule.id, channel: "FBO", dtFrom: "2026-07-25" });
    expect(edited.before).toMatchObject({ dtFrom: "2026-07-20", rule: { defaultPercent: 12 } });
    expect(edited.recalculated).toMatchObject({ from: "2026-07-20", to: TODAY });
    expect(await commissionOn(db, ozon, "2026-07-22")).toBe("-80.00 est");
    expect(await commissionOn(db, ozon, "2026-07-25")).toBe("-200.00 est"); // 1000 x 20 %

    // two rules of one channel on one day: refused, nothing changed
    const clash = await update(fbo.rule.id, "FBS", "2026-07-20", { defaultPercent: 1 }).catch((e: unknown) => e);
    expect((clash as AppError).fieldErrors).toEqual({ dtFrom: "errors.ruleDayTaken" });
    expect(await commissionOn(db, ozon, "2026-07-25")).toBe("-200.00 est");

    const ozonRules = await listCommissionRules(db, { marketplace: "OZON" });
    expect(ozonRules.map((r) => [r.channel, r.dtFrom, r.dtTo])).toEqual([
      ["all", "2025-01-01", null],
      ["FBO", "2026-07-25", null],
      ["FBS", "2026-07-20", null],
    ]);
  });
});
