// Stores defined by the environment (WB_API_TOKEN; OZON_CLIENT_ID + OZON_API_KEY) are upserted as
// accounts with source 'env'; UI-managed stores keep their encrypted credentials in the table.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { type Marketplace, accounts } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { registerSecret } from "@/lib/logger";
import { type MarketplaceConfig, marketplaceConfigFromEnv } from "@/lib/services/ingestion/config";

export type SyncableAccount = {
  id: number;
  name: string;
  marketplace: Marketplace;
  source: "env" | "ui" | "demo";
  credentials: { marketplace: "WB"; token: string } | { marketplace: "OZON"; clientId: string; apiKey: string } | null;
  /** why credentials are missing, when they are */
  credentialsProblem?: string;
};

/** Upserts the environment's stores; deactivates an env store whose variables were removed. */
export async function ensureEnvAccounts(
  db: Db,
  config: MarketplaceConfig = marketplaceConfigFromEnv(),
): Promise<number[]> {
  const wanted: { envKey: string; marketplace: Marketplace; name: string; clientId: string | null; last4: string }[] =
    [];
  if (config.wbToken)
    wanted.push({
      envKey: "env:WB",
      marketplace: "WB",
      name: "Wildberries",
      clientId: null,
      last4: config.wbToken.slice(-4),
    });
  if (config.ozonClientId && config.ozonApiKey) {
    wanted.push({
      envKey: "env:OZON",
      marketplace: "OZON",
      name: "Ozon",
      clientId: config.ozonClientId,
      last4: config.ozonApiKey.slice(-4),
    });
  }
  const ids: number[] = [];
  // the usual case (nothing changed) only reads: an INSERT ... ON CONFLICT would spend an id each time
  const current = wanted.length
    ? await db
        .select({
          id: accounts.id,
          envKey: accounts.envKey,
          clientId: accounts.clientId,
          last4: accounts.credentialsLast4,
          isActive: accounts.isActive,
        })
        .from(accounts)
        .where(
          inArray(
            accounts.envKey,
            wanted.map((w) => w.envKey),
          ),
        )
    : [];
  for (const w of wanted) {
    const same = current.find(
      (c) => c.envKey === w.envKey && c.clientId === w.clientId && c.last4 === w.last4 && c.isActive,
    );
    if (same) {
      ids.push(same.id);
      continue;
    }
    const [row] = await db
      .insert(accounts)
      .values({
        marketplace: w.marketplace,
        name: w.name,
        source: "env",
        envKey: w.envKey,
        clientId: w.clientId,
        credentialsLast4: w.last4,
        isActive: true,
      })
      .onConflictDoUpdate({
        target: accounts.envKey,
        set: { clientId: w.clientId, credentialsLast4: w.last4, isActive: true, updatedAt: sql`now()` },
        setWhere: sql`${accounts.clientId} is distinct from excluded.client_id or ${accounts.credentialsLast4} is distinct from excluded.credentials_last4 or not ${accounts.isActive}`,
      })
      .returning({ id: accounts.id });
    if (row) ids.push(row.id);
    else {
      const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.envKey, w.envKey));
      ids.push(existing.id);
    }
  }
  const stale = ["env:WB", "env:OZON"].filter((k) => !wanted.some((w) => w.envKey === k));
  if (stale.length) {
    await db
      .update(accounts)
      .set({ isActive: false, updatedAt: sql`now()` })
      .where(and(inArray(accounts.envKey, stale), eq(accounts.isActive, true)));
  }
  return ids;
}

/** Active stores with their credentials resolved (env stores from config, UI stores decrypted). */
export async function listSyncableAccounts(
  db: Db,
  config: MarketplaceConfig = marketplaceConfigFromEnv(),
): Promise<SyncableAccount[]> {
  const rows = await db.select().from(accounts).where(eq(accounts.isActive, true)).orderBy(accounts.id);
  return rows.map((row) => {
    const base = { id: row.id, name: row.name, marketplace: row.marketplace, source: row.source };
    try {
      if (row.source === "env") {
        if (row.marketplace === "WB") {
          return config.wbToken
            ? { ...base, credentials: { marketplace: "WB" as const, token: config.wbToken } }
            : { ...base, credentials: null, credentialsProblem: "WB_API_TOKEN is not set" };
        }
        return config.ozonClientId && config.ozonApiKey
          ? {
              ...base,
              credentials: { marketplace: "OZON" as const, clientId: config.ozonClientId, apiKey: config.ozonApiKey },
            }
          : { ...base, credentials: null, credentialsProblem: "OZON_CLIENT_ID / OZON_API_KEY are not set" };
      }
      if (!row.credentialsEncrypted)
        return { ...base, credentials: null, credentialsProblem: "no credentials stored for this store" };
      const secret = decryptSecret(row.credentialsEncrypted);
      registerSecret(secret);
      if (row.marketplace === "WB") return { ...base, credentials: { marketplace: "WB" as const, token: secret } };
      if (!row.clientId) return { ...base, credentials: null, credentialsProblem: "the Ozon Client-Id is missing" };
      return { ...base, credentials: { marketplace: "OZON" as const, clientId: row.clientId, apiKey: secret } };
    } catch (error) {
      return {
        ...base,
        credentials: null,
        credentialsProblem: `cannot read stored credentials: ${(error as Error).message}`,
      };
    }
  });
}
