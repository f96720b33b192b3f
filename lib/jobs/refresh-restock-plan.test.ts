// A change of a SKU's plan settings rebuilds the current plan through the refresh-restock-plan job (the
// inline runner, as "Save" without Inngest runs it), on PGlite and PostgreSQL, against numbers worked
// out by hand: 1 unit ordered a day for 28 days with 10 on hand is a steady demand of 1 a day with no
// variability, so the quantity is lead time + cover - on hand.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, rowsOf } from "@/db";
import { generateSupplyAdvice } from "@/lib/services/metrics/generate-supply-advice";
import { saveRestockSkuSettings } from "@/lib/services/restock/save-restock-sku-settings";
import { insertDemandSeries, insertSku, insertWarehouse } from "@/lib/testing/fixtures";
import { insertAccount } from "@/lib/testing/pnl-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { currentPlanDay } from "./refresh-restock-plan";
import { requestRestockRefresh } from "./request-restock-refresh";

const D = "2026-06-30";

const planOf = async (db: Db, skuId: number) =>
  rowsOf<{ d: string; quantity: number; reorder_date: string }>(
    await db.execute(sql`select d::text as d, quantity, reorder_date::text as reorder_date
      from restock_advice where sku_id = ${skuId}`),
  );

async function refresh(db: Db) {
  const requested = await requestRestockRefresh({ db, reason: "settings", mode: "inline" });
  if (requested.mode !== "inline") throw new Error("expected an inline run");
  return requested.done;
}

describe.each(testDatabaseKinds())("refresh-restock-plan (%s)", (kind) => {
  const { db } = useTestDatabase(kind);

  it("with no plan built yet there is nothing to refresh", async () => {
    expect(await currentPlanDay(db)).toBeNull();
    expect(await refresh(db)).toEqual({ d: null, rows: 0, toShip: 0 });
  });

  it("a longer lead time saved for a SKU changes the quantity of the current plan", async () => {
    const wb = await insertAccount(db, "WB", "Refresh WB");
    const warehouseId = await insertWarehouse(db, "WB", "-1");
    await db.execute(sql`update warehouse set kind = 'FBO' where id = ${warehouseId}`);
    const skuId = await insertSku(db, { marketplace: "WB", accountId: wb });
    await insertDemandSeries(db, D, {
      accountId: wb,
      skuId,
      warehouseId,
      orders: Array(28).fill(1),
      closing: Array(28).fill(10),
    });
    const settings = { skuId, leadTimeDays: 7, coverDays: 14, serviceLevel: null, moq: 0, casePack: 1 };
    await saveRestockSkuSettings({ db, input: { ...settings, manualFactor: null }, actor: null });
    await generateSupplyAdvice({ db, d: D });
    // lead 7 + cover 14 - 10 on hand
    expect(await planOf(db, skuId)).toMatchObject([{ d: D, quantity: 11 }]);

    await saveRestockSkuSettings({ db, input: { ...settings, leadTimeDays: 28, manualFactor: null }, actor: null });
    const result = await refresh(db);
    expect(result).toMatchObject({ d: D, rows: 1 });
    // lead 28 + cover 14 - 10 on hand, still the plan of the same day
    expect(await planOf(db, skuId)).toMatchObject([{ d: D, quantity: 32 }]);
  });
});
