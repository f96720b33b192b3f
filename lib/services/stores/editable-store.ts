// What every owner edit of a UI store shares: the options, the rule that environment stores are read-only
// here (they change in the environment), and the edit itself: load, check, update, audit in one transaction.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { getStoreOrThrow } from "./get-store";
import type { StoreListItem } from "./list-stores";

export interface StoreEditOptions {
  storeId: number;
  actor: AuditActor;
  correlationId?: string;
}

export function assertEditable(store: { source: string }) {
  if (store.source === "env") throw new AppError("FORBIDDEN", "errors.envStoreReadOnly");
}

/** one edit of a store: the columns it sets and the audit entry that records it */
export interface StoreChange {
  set: Partial<typeof accounts.$inferInsert>;
  action: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Loads the store (NOT_FOUND when there is none), refuses an environment store, and applies the change
 * `plan` works out from the store as it is (undefined: nothing changes, nothing is audited).
 */
export async function editStore(
  db: Db,
  options: StoreEditOptions,
  plan: (store: StoreListItem) => StoreChange | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    const store = await getStoreOrThrow(tx, options.storeId);
    assertEditable(store);
    const change = plan(store);
    if (!change) return;
    await tx
      .update(accounts)
      .set({ ...change.set, updatedAt: sql`now()` })
      .where(eq(accounts.id, store.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: change.action,
      entity: "account",
      entityId: store.id,
      before: change.before,
      after: change.after,
      correlationId: options.correlationId,
    });
  });
}
