// Store credentials at rest and the audit trail, on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { accounts } from "@/db/schema/accounts";
import { auditLog } from "@/db/schema/auth";
import { decryptSecret } from "@/lib/crypto";
import { ensureSetupCode } from "@/lib/services/users/setup-code";
import { createFirstOwner } from "@/lib/services/users/create-first-owner";
import { addStore } from "./add-store";
import { getStoreOrThrow } from "./get-store";
import { listStores } from "./list-stores";
import { renameStore } from "./rename-store";
import { replaceStoreCredentials } from "./replace-store-credentials";
import { setStoreActive } from "./set-store-active";

process.env.APP_ENCRYPTION_KEY ??= "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

describe.each(testDatabaseKinds())("stores on %s", (kind) => {
  const { db } = useTestDatabase(kind);
  let actor: { id: number; email: string };
  const token = "wb-secret-token-abcdef0123456789-XYZW";

  beforeAll(async () => {
    const { id } = await createFirstOwner(db, {
      email: "o@example.com",
      password: "owner-password-1",
      setupCode: (await ensureSetupCode(db))!,
    });
    actor = { id, email: "o@example.com" };
  });

  it("encrypts the token with a fresh IV, keeps only its last four readable, and audits without it", async () => {
    const a = await addStore(db, { marketplace: "WB", name: "Main", token, actor });
    const b = await addStore(db, { marketplace: "WB", name: "Second", token, actor });
    const [rowA] = await db.select().from(accounts).where(eq(accounts.id, a.id));
    const [rowB] = await db.select().from(accounts).where(eq(accounts.id, b.id));
    expect(rowA.credentialsEncrypted).not.toContain(token);
    expect(rowA.credentialsEncrypted).not.toBe(rowB.credentialsEncrypted);
    expect(decryptSecret(rowA.credentialsEncrypted!)).toBe(token);
    expect(rowA.credentialsLast4).toBe("XYZW");
    expect(rowA.source).toBe("ui");

    const listed = await listStores(db);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(rowA.credentialsEncrypted);
    expect(JSON.stringify(await getStoreOrThrow(db, a.id))).not.toContain(rowA.credentialsEncrypted);

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "store.create"));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(audit[0].after).toMatchObject({ marketplace: "WB", name: "Main", credentialsLast4: "XYZW" });
  });

  it("replaces, renames and deactivates UI stores, each audited", async () => {
    const { id } = await addStore(db, {
      marketplace: "OZON",
      name: "Ozon",
      clientId: "12345",
      apiKey: "ozon-key-0000000000000000-ABCD",
      actor,
    });
    await replaceStoreCredentials(db, {
      storeId: id,
      credentials: { marketplace: "OZON", clientId: "12345", apiKey: "ozon-key-1111111111111111-EFGH" },
      actor,
    });
    await renameStore(db, { storeId: id, name: "Ozon main", actor });
    await setStoreActive(db, { storeId: id, active: false, actor });
    const store = await getStoreOrThrow(db, id);
    expect(store).toMatchObject({ name: "Ozon main", credentialsLast4: "EFGH", isActive: false, clientId: "12345" });
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audit.map((r) => r.action).sort()).toEqual([
      "store.create",
      "store.credentials_replace",
      "store.deactivate",
      "store.rename",
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/ozon-key-/);
    await expect(
      replaceStoreCredentials(db, { storeId: id, credentials: { marketplace: "WB", token }, actor }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses to change environment stores and reports unknown ids as not found", async () => {
    const [env] = await db
      .insert(accounts)
      .values({ marketplace: "WB", name: "Env WB", source: "env", envKey: "env:WB", credentialsLast4: "1234" })
      .returning();
    await expect(renameStore(db, { storeId: env.id, name: "x", actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setStoreActive(db, { storeId: env.id, active: false, actor })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getStoreOrThrow(db, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
