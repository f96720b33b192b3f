// Restock settings on the real schema: store defaults, SKU overrides, and the CSV import that saves
// nothing when any row is bad and names the bad rows by line.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { asAppError } from "@/lib/errors";
import { insertSku } from "@/lib/testing/fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { importRestockSettings } from "./import-restock-settings";
import {
  addSupplierClosureSchema,
  saveRestockSkuSettingsSchema,
  saveRestockStoreSettingsSchema,
} from "./restock-settings-schemas";
import { saveRestockSkuSettings } from "./save-restock-sku-settings";
import { saveRestockStoreSettings } from "./save-restock-store-settings";
import { addSupplierClosure, deleteSupplierClosure, supplierClosuresByStore } from "./supplier-closures";

const actor = { id: 1, email: "owner@example.com" };

describe.each(testDatabaseKinds())("restock settings (%s)", (kind) => {
  const { db } = useTestDatabase(kind);
  let accountId: number;
  let cup: number;
  let toy: number;
  let nm: Record<number, string>;

  beforeAll(async () => {
    const [account] = rowsOf<{ id: number }>(
      await db.execute(sql`insert into accounts (marketplace, name) values ('WB', 'Restock WB') returning id`),
    );
    accountId = Number(account.id);
    cup = await insertSku(db, { marketplace: "WB", article: "RS-CUP", accountId });
    toy = await insertSku(db, { marketplace: "WB", article: "RS-TOY", accountId });
    const ids = rowsOf<{ id: number; nm: string }>(
      await db.execute(sql`select id, nm_id::text as nm from sku where id in (${cup}, ${toy})`),
    );
    nm = Object.fromEntries(ids.map((r) => [Number(r.id), r.nm]));
  });

  const storedSku = async (skuId: number) =>
    rowsOf<Record<string, unknown>>(
      await db.execute(sql`select lead_time_days, cover_days, service_level::text as service_level, moq, case_pack,
        manual_factor::text as manual_factor from restock_sku_settings where sku_id = ${skuId}`),
    )[0] ?? null;

  it("saves a store's defaults from form text and audits them; refuses a service level of 96", async () => {
    const input = saveRestockStoreSettingsSchema.parse({
      accountId: String(accountId),
      leadTimeDays: "21",
      coverDays: "14",
      serviceLevel: "97.5",
      moq: "0",
      casePack: "6",
    });
    await saveRestockStoreSettings({ db, input, actor });
    const [row] = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`select lead_time_days, service_level::text as sl, case_pack from restock_store_settings where account_id = ${accountId}`,
      ),
    );
    expect([Number(row.lead_time_days), row.sl, Number(row.case_pack)]).toEqual([21, "97.5", 6]);
    const audit = rowsOf(await db.execute(sql`select 1 from audit_log where action = 'restock_settings.update'`));
    expect(audit.length).toBe(1);
    const bad = saveRestockStoreSettingsSchema.safeParse({
      accountId,
      leadTimeDays: 21,
      coverDays: 14,
      serviceLevel: "96",
      moq: 0,
      casePack: 1,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("errors.restockServiceLevel");
  });

  it("a SKU override keeps blanks as 'inherit', and all blanks remove the row", async () => {
    await saveRestockSkuSettings({
      db,
      actor,
      input: saveRestockSkuSettingsSchema.parse({ skuId: cup, casePack: "12", leadTimeDays: "" }),
    });
    expect(await storedSku(cup)).toMatchObject({ lead_time_days: null, case_pack: 12 });
    await saveRestockSkuSettings({
      db,
      actor,
      input: saveRestockSkuSettingsSchema.parse({ skuId: cup, casePack: "" }),
    });
    expect(await storedSku(cup)).toBeNull();
    const missing = await saveRestockSkuSettings({ db, actor, input: { skuId: 99_999_999 } }).catch((e) =>
      asAppError(e),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
  });

  it("CSV import: a bad row saves nothing and is reported with its line; a good file saves every row", async () => {
    const bad = [
      "article;lead_time_days;case_pack;service_level",
      "RS-CUP;21;12;95",
      "RS-TOY;0;6;95",
      "NOPE;7;1;95",
      "RS-CUP;7;1;96",
    ].join("\n");
    const refused = await importRestockSettings({ db, actor, fileName: "r.csv", bytes: Buffer.from(bad) });
    expect(refused).toEqual({
      saved: false,
      fileError: undefined,
      errors: [
        { line: 3, field: "leadTimeDays", reason: "errors.restockLeadTime" },
        { line: 4, reason: "errors.restockImportSkuNotFound" },
        { line: 5, reason: "errors.restockImportDuplicate" },
      ],
    });
    expect(await storedSku(cup)).toBeNull();

    const good = ["nm_id,lead_time_days,case_pack,manual_factor", `${nm[cup]},21,12,1.5`, `${nm[toy]},,6,`].join("\n");
    expect(await importRestockSettings({ db, actor, fileName: "r.csv", bytes: Buffer.from(good) })).toEqual({
      saved: true,
      count: 2,
    });
    expect(await storedSku(cup)).toMatchObject({ lead_time_days: 21, case_pack: 12, manual_factor: "1.500" });
    expect(await storedSku(toy)).toMatchObject({ lead_time_days: null, case_pack: 6, manual_factor: null });
    // a later file without the case_pack column keeps the stored case packs
    await importRestockSettings({
      db,
      actor,
      fileName: "r.csv",
      bytes: Buffer.from("article;cover_days\nRS-CUP;30\n"),
    });
    expect(await storedSku(cup)).toMatchObject({ cover_days: 30, case_pack: 12, lead_time_days: 21 });
  });

  it("CSV import names a file without a SKU column or any setting column", async () => {
    expect(
      await importRestockSettings({ db, actor, fileName: "r.csv", bytes: Buffer.from("article;price\nRS-CUP;5\n") }),
    ).toEqual({
      saved: false,
      errors: [],
      fileError: "missingColumns",
    });
  });

  it("supplier closures: form text saved and audited, bad days named beside their field, deleted", async () => {
    const refused = (input: Record<string, unknown>) => {
      const parsed = addSupplierClosureSchema.safeParse({ accountId: String(accountId), ...input });
      return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(refused({ firstDay: "2027-02-10", lastDay: "2027-02-01" })).toEqual([["lastDay", "errors.closureOrder"]]);
    expect(refused({ firstDay: "2027-02-30", lastDay: "2027-03-01" })).toEqual([["firstDay", "errors.closureDay"]]);
    expect(refused({ firstDay: "2027-01-01", lastDay: "2028-01-02" })).toEqual([["lastDay", "errors.closureLength"]]);
    expect(refused({ firstDay: "2027-01-01", lastDay: "2028-01-01", note: "x".repeat(201) })).toEqual([
      ["note", "errors.closureNote"],
    ]);
    const input = addSupplierClosureSchema.parse({
      accountId: String(accountId),
      firstDay: " 2027-02-01 ",
      lastDay: "2027-02-20",
      note: " Chinese New Year ",
    });
    const id = await addSupplierClosure({ db, actor, input });
    const old = await addSupplierClosure({
      db,
      actor,
      input: addSupplierClosureSchema.parse({ accountId, firstDay: "2026-01-01", lastDay: "2026-01-10", note: "" }),
    });
    const [row] = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`select first_day::text as f, last_day::text as l, note from supplier_closure where id = ${id}`,
      ),
    );
    expect(row).toEqual({ f: "2027-02-01", l: "2027-02-20", note: "Chinese New Year" });
    // the advice reads the closures that end on or after its day
    expect((await supplierClosuresByStore(db, "2026-12-01")).get(accountId)).toEqual([
      { from: "2027-02-01", to: "2027-02-20" },
    ]);
    expect((await supplierClosuresByStore(db, "2026-01-10")).get(accountId)?.length).toBe(2);
    await deleteSupplierClosure({ db, actor, closureId: old });
    expect((await supplierClosuresByStore(db, "2026-01-01")).get(accountId)?.length).toBe(1);
    const again = await deleteSupplierClosure({ db, actor, closureId: old }).catch((e) => asAppError(e));
    expect(again).toMatchObject({ code: "NOT_FOUND" });
    const audit = rowsOf<{ action: string }>(
      await db.execute(sql`select action from audit_log where entity = 'supplier_closure' order by id`),
    );
    expect(audit.map((a) => a.action)).toEqual([
      "supplier_closure.create",
      "supplier_closure.create",
      "supplier_closure.delete",
    ]);
    const noStore = await addSupplierClosure({ db, actor, input: { ...input, accountId: 99_999_999 } }).catch((e) =>
      asAppError(e),
    );
    expect(noStore).toMatchObject({ code: "NOT_FOUND" });
  });
});
