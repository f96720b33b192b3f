// Owner changes to a UI store: new credentials (e.g. after WB rejected the old token), rename,
// deactivate/reactivate. Environment stores are read-only here: they change in the environment.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { AppError } from "@/lib/errors";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import { type StoreCredentialsInput, sealCredentials } from "./add-store";
import { getStoreOrThrow } from "./get-store";

interface Base {
  storeId: number;
  actor: AuditActor;
  correlationId?: string;
}

function assertEditable(store: { source: string }) {
  if (store.source === "env") throw new AppError("FORBIDDEN", "errors.envStoreReadOnly");
}

export async function replaceStoreCredentials(
  db: Db,
  options: Base & { credentials: StoreCredentialsInput },
): Promise<void> {
  await db.transaction(async (tx) => {
    const store = await getStoreOrThrow(tx, options.storeId);
    assertEditable(store);
    if (store.marketplace !== options.credentials.marketplace) throw new AppError("VALIDATION", "errors.invalidValue");
    const sealed = sealCredentials(options.credentials);
    await tx
      .update(accounts)
      .set({ ...sealed, status: "ok", statusDetail: null, updatedAt: sql`now()` })
      .where(eq(accounts.id, store.id));
    await writeAudit(tx, {
      actor: options.actor,
      action: "store.credentials_replace",
      entity: "account",
      entityId: store.id,
      before: { clientId: store.clientId, credentialsLast4: store.credentialsLast4 },
      after: { clientId: sealed.clientId, credentialsLast4: sealed.credentialsLast4 },
      correlationId: options.correlationId,
    });
  });
}

export async function setStoreActive(db: Db, options: Base & { active: boolean }): Promise<void> {
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

export async function renameStore(db: Db, options: Base & { name: string }): Promise<void> {
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
