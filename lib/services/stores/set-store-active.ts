// Deactivates or reactivates a UI store; only active stores are synced.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { assertEditable, type StoreEditOptions } from "./editable-store";
import { getStoreOrThrow } from "./get-store";

export async function setStoreActive(db: Db, options: StoreEditOptions & { active: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    const store = await getStoreOrThrow(tx, options.storeId);
    assertEditable(store);
    if (store.isActive === options.active) return;
    await tx
      .update(accounts)
      .set({ isActive: options.active, updatedAt: sql`now()` })
      .where(eq(accounts.id, store.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: options.active ? "store.activate" : "store.deactivate",
      entity: "account",
      entityId: store.id,
      before: { name: store.name, isActive: store.isActive },
      after: { name: store.name, isActive: options.active },
      correlationId: options.correlationId,
    });
  });
}
