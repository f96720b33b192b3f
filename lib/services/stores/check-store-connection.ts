// "Test connection" for a saved store: resolves its credentials (environment or decrypted), calls the
// marketplace's cheapest authenticated endpoint, and records the outcome as the store's status.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema/accounts";
import { AppError } from "@/lib/errors";
import { listSyncableAccounts } from "@/lib/services/accounts/ensure-env-accounts";
import { probeCredentials } from "./probe-credentials";
import { getStoreOrThrow } from "./get-store";

export type ConnectionCheck =
  | { ok: true }
  | { ok: false; reason: "bad_token" | "missing_scope" | "unreachable" | "no_credentials"; detail: string };

export async function checkStoreConnection(db: Db, options: { storeId: number }): Promise<ConnectionCheck> {
  const store = await getStoreOrThrow(db, options.storeId);
  if (!store.isActive) throw new AppError("NOT_FOUND", "errors.notFound");
  const syncable = (await listSyncableAccounts(db)).find((a) => a.id === store.id);
  if (!syncable?.credentials) {
    return { ok: false, reason: "no_credentials", detail: syncable?.credentialsProblem ?? "no credentials" };
  }
  const result = await probeCredentials(syncable.credentials);
  // an unreachable marketplace says nothing about the token: keep the previous status then
  if (result.ok || result.reason !== "unreachable") {
    await db
      .update(accounts)
      .set({
        status: result.ok ? "ok" : "needs_attention",
        statusDetail: result.ok ? null : result.reason === "bad_token" ? "token_rejected" : "missing_scope",
        verifiedAt: result.ok ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(accounts.id, store.id));
  }
  return result;
}
