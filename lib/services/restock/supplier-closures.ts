// A store's supplier closures (days its supplier takes no orders): added and deleted from the plan
// settings, audited in the same transaction, and read by the nightly advice for the days ahead.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { SupplierClosure } from "@/lib/domain/restock/plan";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import type { AddSupplierClosureInput } from "./restock-settings-schemas";

interface Audited {
  db: Db;
  actor: AuditActor | null;
  correlationId?: string;
}

export async function addSupplierClosure(options: Audited & { input: AddSupplierClosureInput }): Promise<number> {
  const { db, input } = options;
  return db.transaction(async (tx) => {
    const store = rowsOf<{ id: number }>(await tx.execute(sql`select id from accounts where id = ${input.accountId}`));
    if (store.length === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    const [row] = rowsOf<{ id: number }>(
      await tx.execute(sql`insert into supplier_closure (account_id, first_day, last_day, note)
        values (${input.accountId}, ${input.firstDay}, ${input.lastDay}, ${input.note ?? null}) returning id`),
    );
    const id = Number(row.id);
    await writeAudit(tx, {
      actor: options.actor,
      action: "supplier_closure.create",
      entity: "supplier_closure",
      entityId: id,
      before: null,
      after: input,
      correlationId: options.correlationId,
    });
    return id;
  });
}

export async function deleteSupplierClosure(options: Audited & { closureId: number }): Promise<void> {
  const { db, closureId } = options;
  await db.transaction(async (tx) => {
    const [before] = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`delete from supplier_closure where id = ${closureId}
        returning account_id, first_day::text as first_day, last_day::text as last_day, note`),
    );
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    await writeAudit(tx, {
      actor: options.actor,
      action: "supplier_closure.delete",
      entity: "supplier_closure",
      entityId: closureId,
      before,
      after: null,
      correlationId: options.correlationId,
    });
  });
}

/** Every store's closures that end on or after `from`, by store. */
export async function supplierClosuresByStore(db: Db, from: string): Promise<Map<number, SupplierClosure[]>> {
  const rows = rowsOf<{ account_id: number; first_day: string; last_day: string }>(
    await db.execute(sql`select account_id, first_day::text as first_day, last_day::text as last_day
      from supplier_closure where last_day >= ${from} order by account_id, first_day`),
  );
  const byStore = new Map<number, SupplierClosure[]>();
  for (const r of rows) {
    const list = byStore.get(Number(r.account_id)) ?? [];
    list.push({ from: r.first_day, to: r.last_day });
    byStore.set(Number(r.account_id), list);
  }
  return byStore;
}
