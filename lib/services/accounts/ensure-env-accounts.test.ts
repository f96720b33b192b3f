import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { deriveKey, encryptSecret } from "@/lib/crypto";
import type { MarketplaceConfig } from "@/lib/services/ingestion/config";
import { ensureEnvAccounts, listSyncableAccounts } from "./ensure-env-accounts";

process.env.APP_ENCRYPTION_KEY = "test-encryption-key-for-ensure-env-accounts";

const urls = {
  statistics: "http://x",
  analytics: "http://x",
  finance: "http://x",
  feedbacks: "http://x",
  content: "http://x",
};
const config = (extra: Partial<MarketplaceConfig>): MarketplaceConfig => ({
  wbUrls: urls,
  ozonUrl: "http://x",
  timeZone: "Europe/Moscow",
  ...extra,
});

describe.each(testDatabaseKinds())("env stores on %s", (kind) => {
  const { db } = useTestDatabase(kind);

  it("upserts the environment's stores once and resolves every store's credentials", async () => {
    const cfg = config({ wbToken: "wb-token-abcdef", ozonClientId: "123", ozonApiKey: "ozon-key-abcdef" });
    const first = await ensureEnvAccounts(db, cfg);
    const second = await ensureEnvAccounts(db, cfg);
    expect(second).toEqual(first);
    await ensureEnvAccounts(db, cfg);
    const [ui] = await db
      .insert(accounts)
      .values({
        marketplace: "WB",
        name: "UI store",
        source: "ui",
        credentialsEncrypted: encryptSecret("ui-token-xyz", deriveKey()),
      })
      .returning({ id: accounts.id });
    // calls that changed nothing spent no ids (stores and sync pages call it on every view)
    expect(ui.id).toBe(Math.max(...first) + 1);
    const list = await listSyncableAccounts(db, cfg);
    expect(list.map((a) => [a.name, a.credentials])).toEqual([
      ["Wildberries", { marketplace: "WB", token: "wb-token-abcdef" }],
      ["Ozon", { marketplace: "OZON", clientId: "123", apiKey: "ozon-key-abcdef" }],
      ["UI store", { marketplace: "WB", token: "ui-token-xyz" }],
    ]);
    // the Ozon variables removed: that env store is no longer synced
    await ensureEnvAccounts(db, config({ wbToken: "wb-token-abcdef" }));
    const after = await listSyncableAccounts(db, config({ wbToken: "wb-token-abcdef" }));
    expect(after.map((a) => a.name)).toEqual(["Wildberries", "UI store"]);
  });
});
