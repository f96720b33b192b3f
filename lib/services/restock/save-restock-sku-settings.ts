// Saves one SKU's restock overrides; a SKU with every field blank goes back to its store's defaults.
import { sql } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "@/db";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import type { SaveRestockSkuSettingsInput } from "./restock-settings-schemas";

export interface SaveRestockSkuSettingsOptions {
  db: Db;
  input: SaveRestockSkuSettingsInput;
  actor: AuditActor | null;
  correlationId?: string;
}

/** Writes the rows inside the caller's transaction (the CSV import writes many at once). */
export async function upsertRestockSkuSettings(tx: Db | Tx, rows: SaveRestockSkuSettingsInput[]): Promise<void> {
  for (const r of rows) {
    const values = [r.leadTimeDays, r.coverDays, r.serviceLevel, r.moq, r.casePack, r.manualFactor].map(
      (v) => v ?? null,
    );
    if (values.every((v) => v === null)) {
      await tx.execute(sql`delete from restock_sku_settings where sku_id = ${r.skuId}`);
      continue;
    }
    const [lead, cover, service, moq, pack, manual] = values;
    await tx.execute(sql`
      insert into restock_sku_settings (sku_id, lead_time_days, cover_days, service_level, moq, case_pack, manual_factor)
      values (${r.skuId}, ${lead}, ${cover}, ${service}, ${moq}, ${pack}, ${manual})
      on conflict (sku_id) do update set lead_time_days = excluded.lead_time_days, cover_days = excluded.cover_days,
        service_level = excluded.service_level, moq = excluded.moq, case_pack = excluded.case_pack,
        manual_factor = excluded.manual_factor, updated_at = now()`);
  }
}

export async function saveRestockSkuSettings(options: SaveRestockSkuSettingsOptions): Promise<void> {
  const { db, input } = options;
  await db.transaction(async (tx) => {
    const found = rowsOf(await tx.execute(sql`select id from sku where id = ${input.skuId}`));
    if (found.length === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    const before =
      rowsOf(await tx.execute(sql`select * from restock_sku_settings where sku_id = ${input.skuId}`))[0] ?? null;
    await upsertRestockSkuSettings(tx, [input]);
    await writeAudit(tx, {
      actor: options.actor,
      action: "restock_settings.sku_update",
      entity: "sku",
      entityId: input.skuId,
      before,
      after: input,
      correlationId: options.correlationId,
    });
  });
}
