// Adds or edits one cost price entry, audits it, and recalculates the affected days (X..today).
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { costPriceHistory, sku } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { recalculateFrom } from "@/lib/services/metrics/recalculate-from";
import { assertRecalculableFrom, costPriceToday, type SaveCostPriceInput } from "./cost-price-schemas";

export interface SaveCostPriceOptions {
  db: Db;
  input: SaveCostPriceInput;
  actor: AuditActor | null;
  correlationId?: string;
  /** business "today" for the recalculation (defaults to today in APP_TIMEZONE) */
  today?: string;
}

export interface SaveCostPriceResult {
  id: number;
  skuId: number;
  /** first day whose metrics were recalculated (null when the change is in the future) */
  recalculatedFrom: string | null;
}

export async function saveCostPrice({
  db,
  input,
  actor,
  correlationId,
  today,
}: SaveCostPriceOptions): Promise<SaveCostPriceResult> {
  const day = costPriceToday(today);
  assertRecalculableFrom(input.dtFrom, day);
  const result = await db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: sku.id }).from(sku).where(eq(sku.id, input.skuId));
    if (!owner) throw new AppError("NOT_FOUND", "errors.notFound");
    const clash = await tx
      .select({ id: costPriceHistory.id })
      .from(costPriceHistory)
      .where(
        and(
          eq(costPriceHistory.skuId, input.skuId),
          eq(costPriceHistory.dtFrom, input.dtFrom),
          input.id === undefined ? undefined : ne(costPriceHistory.id, input.id),
        ),
      );
    if (clash.length > 0) {
      throw new AppError("CONFLICT", "errors.costPriceDateTaken", { dtFrom: "errors.costPriceDateTaken" });
    }
    const after = { skuId: input.skuId, dtFrom: input.dtFrom, costPrice: input.costPrice };
    const audit = (action: string, entityId: number, before?: typeof after) =>
      writeAudit(tx, { actor, action, entity: "cost_price", entityId, before, after, correlationId });
    if (input.id === undefined) {
      const [row] = await tx
        .insert(costPriceHistory)
        .values({ skuId: input.skuId, dtFrom: input.dtFrom, costPrice: input.costPrice })
        .returning({ id: costPriceHistory.id });
      await audit("cost_price.create", row.id);
      return { id: row.id, from: input.dtFrom };
    }
    const [before] = await tx
      .select()
      .from(costPriceHistory)
      .where(and(eq(costPriceHistory.id, input.id), eq(costPriceHistory.skuId, input.skuId)));
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx
      .update(costPriceHistory)
      .set({ dtFrom: input.dtFrom, costPrice: input.costPrice, updatedAt: new Date() })
      .where(eq(costPriceHistory.id, input.id));
    await audit("cost_price.update", input.id, {
      skuId: before.skuId,
      dtFrom: before.dtFrom,
      costPrice: before.costPrice,
    });
    // moving an entry changes the days between the old and the new start too
    const from = before.dtFrom < input.dtFrom ? before.dtFrom : input.dtFrom;
    assertRecalculableFrom(from, day);
    return { id: input.id, from };
  });
  const recalc = await recalculateFrom({ db, from: result.from, today: day });
  return { id: result.id, skuId: input.skuId, recalculatedFrom: recalc ? result.from : null };
}
