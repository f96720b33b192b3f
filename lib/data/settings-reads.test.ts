// The settings, sync and health reads against real migrations on PGlite (and PostgreSQL with
// TEST_DATABASE_URL): what each returns, and what it must never return (password hashes, ciphertext).
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { writeAudit } from "@/lib/services/audit/write-audit";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { queryHealth } from "./health";
import { queryStore, queryStores, querySyncOverview } from "./stores";
import { queryAuditLog, queryUsers } from "./users";
import { queryAuditPage } from "./audit";
import { insertSku } from "@/lib/testing/fixtures";

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

  it("pages the audit log by user, action and business day, with the SKU a cost price is about", async () => {
    const skuId = await insertSku(db, { marketplace: "OZON", article: "OZ-2" });
    await writeAudit(db, {
      actor: { id: 2, email: "anna@x.test" },
      action: "cost_price.create",
      entity: "cost_price",
      entityId: 1,
      after: { skuId, dtFrom: "2026-11-01", costPrice: "245.50" },
    });
    const all = await queryAuditPage(db, { page: 1, pageSize: 2, timeZone: "Europe/Moscow" });
    // the three renames of the previous test and this entry, newest first, two to a page
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.action)).toEqual(["cost_price.create", "store.rename"]);
    expect(all.rows[0]).toMatchObject({ userEmail: "anna@x.test", skuArticle: "OZ-2" });
    expect(all.users).toEqual(["anna@x.test", "owner@x.test"]);
    expect(all.actions).toEqual(["cost_price.create", "store.rename"]);
    const second = await queryAuditPage(db, { page: 2, pageSize: 2, timeZone: "Europe/Moscow" });
    expect(second.rows.map((r) => r.entityId)).toEqual(["2", "1"]);
    const byUser = await queryAuditPage(db, {
      userEmail: "owner@x.test",
      action: "store.rename",
      page: 1,
      pageSize: 50,
      timeZone: "Europe/Moscow",
    });
    expect(byUser.total).toBe(3);
    expect(byUser.rows.every((r) => r.skuArticle === null)).toBe(true);
    // today in Moscow holds everything; the day before nothing
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(
      (await queryAuditPage(db, { from: today, to: today, page: 1, pageSize: 50, timeZone: "Europe/Moscow" })).total,
    ).toBe(4);
    expect((await queryAuditPage(db, { to: dayBefore, page: 1, pageSize: 50, timeZone: "Europe/Moscow" })).total).toBe(
      0,
    );
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
