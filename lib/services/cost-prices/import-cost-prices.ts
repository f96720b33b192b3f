// Saves a cost price file after checking it again: any bad row (or an unreadable file) saves nothing.
// All rows go in one transaction with one audit row; then the days from the earliest date are recalculated.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { recalculateFrom } from "@/lib/services/metrics/recalculate-from";
import { type CostPriceImportPreview, previewCostPriceImport } from "./preview-cost-price-import";

export interface ImportCostPricesOptions {
  db: Db;
  fileName: string;
  bytes: Buffer;
  actor: AuditActor | null;
  correlationId?: string;
  today?: string;
}

export type ImportCostPricesResult =
  { saved: false; preview: CostPriceImportPreview } | { saved: true; count: number; recalculatedFrom: string | null };

const CHUNK = 500;

export async function importCostPrices(options: ImportCostPricesOptions): Promise<ImportCostPricesResult> {
  const { db } = options;
  const preview = await previewCostPriceImport(db, options.fileName, options.bytes, options.today);
  if (preview.fileError || preview.errors.length > 0 || preview.rows.length === 0) return { saved: false, preview };
  await db.transaction(async (tx) => {
    for (let i = 0; i < preview.rows.length; i += CHUNK) {
      const chunk = preview.rows.slice(i, i + CHUNK);
      await tx.execute(sql`
        insert into cost_price_history (sku_id, dt_from, cost_price)
        values ${sql.join(
          chunk.map((r) => sql`(${r.skuId}, ${r.dtFrom}::date, ${r.costPrice}::numeric)`),
          sql`, `,
        )}
        on conflict (sku_id, dt_from) do update set cost_price = excluded.cost_price, updated_at = now()
      `);
    }
    await writeAudit(tx, {
      actor: options.actor,
      action: "cost_price.import",
      entity: "cost_price",
      after: {
        fileName: options.fileName,
        count: preview.rows.length,
        firstDay: preview.firstDay,
        changes: preview.rows.map((r) => ({
          skuId: r.skuId,
          dtFrom: r.dtFrom,
          costPrice: r.costPrice,
          before: r.previousCost,
        })),
      },
      correlationId: options.correlationId,
    });
  });
  const recalc = await recalculateFrom({ db, from: preview.firstDay!, today: options.today });
  return { saved: true, count: preview.rows.length, recalculatedFrom: recalc ? preview.firstDay : null };
}
