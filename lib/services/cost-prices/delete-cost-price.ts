// Deletes one cost price entry, audits it, and recalculates from its start day.
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { costPriceHistory } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { recalculateFrom } from "@/lib/services/metrics/recalculate-from";
import { assertRecalculableFrom, costPriceToday } from "./cost-price-schemas";

export interface DeleteCostPriceOptions {
  db: Db;
  id: number;
  actor: AuditActor | null;
  correlationId?: string;
  today?: string;
}

export async function deleteCostPrice({
  db,
  id,
  actor,
  correlationId,
  today,
}: DeleteCostPriceOptions): Promise<{ skuId: number; recalculatedFrom: string | null }> {
  const day = costPriceToday(today);
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx.delete(costPriceHistory).where(eq(costPriceHistory.id, id)).returning();
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    assertRecalculableFrom(row.dtFrom, day);
    await writeAudit(tx, {
      actor,
      action: "cost_price.delete",
      entity: "cost_price",
      entityId: id,
      before: { skuId: row.skuId, dtFrom: row.dtFrom, costPrice: row.costPrice },
      correlationId,
    });
    return row;
  });
  const recalc = await recalculateFrom({ db, from: removed.dtFrom, today: day });
  return { skuId: removed.skuId, recalculatedFrom: recalc ? removed.dtFrom : null };
}
