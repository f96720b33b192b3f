// Renames a UI store.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { assertEditable, type StoreEditOptions } from "./editable-store";
import { getStoreOrThrow } from "./get-store";

export async function renameStore(db: Db, options: StoreEditOptions & { name: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const store = await getStoreOrThrow(tx, options.storeId);
    assertEditable(store);
    const name = options.name.trim();
    if (store.name === name) return;
    await tx
      .update(accounts)
      .set({ name, updatedAt: sql`now()` })
      .where(eq(accounts.id, store.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: "store.rename",
      entity: "account",
      entityId: store.id,
      before: { name: store.name },
      after: { name },
      correlationId: options.correlationId,
    });
  });
}
