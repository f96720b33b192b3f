// New credentials for a UI store (e.g. after WB rejected the old token); the status starts over as ok.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { type StoreCredentialsInput, sealCredentials } from "./add-store";
import { assertEditable, type StoreEditOptions } from "./editable-store";
import { getStoreOrThrow } from "./get-store";

export async function replaceStoreCredentials(
  db: Db,
  options: StoreEditOptions & { credentials: StoreCredentialsInput },
): Promise<void> {
  await db.transaction(async (tx) => {
    const store = await getStoreOrThrow(tx, options.storeId);
    assertEditable(store);
    if (store.marketplace !== options.credentials.marketplace) throw new AppError("VALIDATION", "errors.invalidValue");
    const sealed = sealCredentials(options.credentials);
    await tx
      .update(accounts)
      .set({ ...sealed, status: "ok", statusDetail: null, verifiedAt: null, updatedAt: sql`now()` })
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
