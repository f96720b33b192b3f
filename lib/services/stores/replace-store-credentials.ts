// New credentials for a UI store (e.g. after WB rejected the old token); the status starts over as ok.
import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import { type StoreCredentialsInput, sealCredentials } from "./add-store";
import { editStore, type StoreEditOptions } from "./editable-store";

export async function replaceStoreCredentials(
  db: Db,
  options: StoreEditOptions & { credentials: StoreCredentialsInput },
): Promise<void> {
  await editStore(db, options, (store) => {
    if (store.marketplace !== options.credentials.marketplace) throw new AppError("VALIDATION", "errors.invalidValue");
    const sealed = sealCredentials(options.credentials);
    return {
      set: { ...sealed, status: "ok", statusDetail: null, verifiedAt: null },
      action: "store.credentials_replace",
      before: { clientId: store.clientId, credentialsLast4: store.credentialsLast4 },
      after: { clientId: sealed.clientId, credentialsLast4: sealed.credentialsLast4 },
    };
  });
}
