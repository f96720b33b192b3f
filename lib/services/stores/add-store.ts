// Adds a store from the settings page: the token (WB) or API key (Ozon) is encrypted with
// AES-256-GCM before it reaches the database and only its last four characters are kept readable.
import { accounts } from "@/db/schema/accounts";
import type { Db } from "@/db";
import { deriveKey, EncryptionKeyError, encryptSecret, lastFour } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { registerSecret } from "@/lib/logger";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";

export type StoreCredentialsInput =
  { marketplace: "WB"; token: string } | { marketplace: "OZON"; clientId: string; apiKey: string };

export type AddStoreOptions = StoreCredentialsInput & { name: string; actor: AuditActor; correlationId?: string };

export function sealCredentials(input: StoreCredentialsInput): {
  clientId: string | null;
  credentialsEncrypted: string;
  credentialsLast4: string;
} {
  const secret = input.marketplace === "WB" ? input.token : input.apiKey;
  registerSecret(secret);
  let key: Buffer;
  try {
    key = deriveKey();
  } catch (error) {
    if (error instanceof EncryptionKeyError) throw new AppError("INTERNAL", "errors.encryptionKeyMissing");
    throw error;
  }
  return {
    clientId: input.marketplace === "OZON" ? input.clientId : null,
    credentialsEncrypted: encryptSecret(secret, key),
    credentialsLast4: lastFour(secret),
  };
}

export async function addStore(db: Db, options: AddStoreOptions): Promise<{ id: number }> {
  const sealed = sealCredentials(options);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({ marketplace: options.marketplace, name: options.name.trim(), source: "ui", ...sealed })
      .returning({ id: accounts.id });
    await writeAudit(tx, {
      actor: options.actor,
      action: "store.create",
      entity: "account",
      entityId: row.id,
      after: {
        marketplace: options.marketplace,
        name: options.name.trim(),
        clientId: sealed.clientId,
        credentialsLast4: sealed.credentialsLast4,
      },
      correlationId: options.correlationId,
    });
    return { id: row.id };
  });
}
