// The settings, sync and health reads against real migrations on PGlite (and PostgreSQL with
// TEST_DATABASE_URL): what each returns, and what it must never return (password hashes, ciphertext).
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { queryHealth } from "./health";
import { queryStore, queryStores, querySyncOverview } from "./stores";
import { queryAuditLog, queryUsers } from "./users";

describe.each(testDatabaseKinds())("settings reads on %s", (kind) => {
  const handle = useTestDatabase(kind);
  const { db } = handle;

  it("lists active stores, or every store, oldest first and without credentials; one store or null", async () => {
    const rows = await db
      .insert(accounts)
      .values([
        {
          marketplace: "WB",
          name: "WB shop",
          source: "ui",
          credentialsEncrypted: "v1:cipher",
          credentialsLast4: "abcd",
        },
        { marketplace: "OZON", name: "Old Ozon", source: "ui", clientId: "123", isActive: false },
      ])
      .returning({ id: accounts.id });
    const [wb, ozon] = rows.map((r) => r.id);
    expect((await queryStores(db)).map((s) => s.id)).toEqual([wb]);
    const all = await queryStores(db, { includeInactive: true });
    expect(all.map((s) => [s.id, s.name, s.isActive])).toEqual([
      [wb, "WB shop", true],
      [ozon, "Old Ozon", false],
    ]);
    expect(JSON.stringify(all)).not.toContain("cipher");
    expect(await queryStore(db, ozon)).toMatchObject({ id: ozon, clientId: "123", isActive: false });
    expect(await queryStore(db, 2_000_000_000)).toBeNull();
    const overview = await querySyncOverview(db);
    expect(overview.stores.map((s) => s.id)).toEqual([wb]);
    expect(overview.runs).toEqual([]);
    expect(overview.quarantineTotal).toBe(0);
  });

  it("lists users without their password hash", async () => {
    await db.insert(users).values([
      { email: "owner@x.test", passwordHash: "$argon2id$secret-hash", role: "owner" },
      { email: "viewer@x.test", passwordHash: "$argon2id$other-hash", role: "viewer", isDisabled: true },
    ]);
    const list = await queryUsers(db);
    expect(list.map((u) => [u.email, u.role, u.isDisabled])).toEqual([
      ["owner@x.test", "owner", false],
      ["viewer@x.test", "viewer", true],
    ]);
    expect(JSON.stringify(list)).not.toContain("hash");
  });

  it("returns the latest audit entries, newest first, up to the limit", async () => {
    for (const n of [1, 2, 3])
      await writeAudit(db, {
        actor: { id: 1, email: "owner@x.test" },
        action: "store.rename",
        entity: "account",
        entityId: n,
        before: { name: `v${n - 1}` },
        after: { name: `v${n}` },
      });
    const entries = await queryAuditLog(db, { limit: 2 });
    expect(entries.map((e) => [e.entityId, e.before, e.after])).toEqual([
      ["3", { name: "v2" }, { name: "v3" }],
      ["2", { name: "v1" }, { name: "v2" }],
    ]);
    expect(entries[0]).toMatchObject({ userEmail: "owner@x.test", action: "store.rename", entity: "account" });
    expect(entries[0].at).toBeInstanceOf(Date);
  });

  it("health: the database answers and every committed migration is applied", async () => {
    const health = await queryHealth(handle.database);
    expect(health.database.kind).toBe(kind);
    expect(health.migrations.upToDate).toBe(true);
    expect(health.migrations.pending).toEqual([]);
  });
});

describe.each(testDatabaseKinds())("health of an unmigrated database on %s", (kind) => {
  const handle = useTestDatabase(kind, { migrate: false });

  it("answers, and names the pending migrations", async () => {
    const health = await queryHealth(handle.database);
    expect(health.migrations.upToDate).toBe(false);
    expect(health.migrations.applied).toBe(0);
    expect(health.migrations.pending.length).toBe(health.migrations.expected);
    expect(health.migrations.expected).toBeGreaterThan(0);
  });
});
