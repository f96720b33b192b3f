// Saves a store's restock defaults (one row per store), audited in the same transaction.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import type { SaveRestockStoreSettingsInput } from "./restock-settings-schemas";

export interface SaveRestockStoreSettingsOptions {
  db: Db;
  input: SaveRestockStoreSettingsInput;
  actor: AuditActor | null;
  correlationId?: string;
}

export async function saveRestockStoreSettings(options: SaveRestockStoreSettingsOptions): Promise<void> {
  const { db, input } = options;
  const ids = input.wbShipWarehouseIds ?? [];
  await db.transaction(async (tx) => {
    const store = rowsOf<{ id: number }>(await tx.execute(sql`select id from accounts where id = ${input.accountId}`));
    if (store.length === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    if (ids.length > 0) {
      const known = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from warehouse
          where marketplace = 'WB' and id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`),
      );
      if (Number(known[0].n) !== new Set(ids).size)
        throw new AppError("VALIDATION", "errors.restockWarehouse", { wbShipWarehouseIds: "errors.restockWarehouse" });
    }
    const before =
      rowsOf(await tx.execute(sql`select * from restock_store_settings where account_id = ${input.accountId}`))[0] ??
      null;
    const array =
      ids.length > 0
        ? sql`array[${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}]::integer[]`
        : sql`'{}'::integer[]`;
    await tx.execute(sql`
      insert into restock_store_settings (account_id, lead_time_days, cover_days, service_level, moq, case_pack, wb_ship_warehouse_ids)
      values (${input.accountId}, ${input.leadTimeDays}, ${input.coverDays}, ${input.serviceLevel}, ${input.moq}, ${input.casePack}, ${array})
      on conflict (account_id) do update set lead_time_days = excluded.lead_time_days, cover_days = excluded.cover_days,
        service_level = excluded.service_level, moq = excluded.moq, case_pack = excluded.case_pack,
        wb_ship_warehouse_ids = excluded.wb_ship_warehouse_ids, updated_at = now()`);
    await writeAudit(tx, {
      actor: options.actor,
      action: "restock_settings.update",
      entity: "account",
      entityId: input.accountId,
      before,
      after: input,
      correlationId: options.correlationId,
    });
  });
}
