// Cost price edits and imports end to end on the real schema: facts in, metrics recalculated by the
// real recalculateMetrics, profit read back from metrics_daily.
import { deflateRawSync } from "node:zlib";
import { Workbook } from "@cj-tech-master/excelts";
import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { asAppError } from "@/lib/errors";
import { recalculateMetrics } from "@/lib/services/metrics/recalculate-metrics";
import { MAX_IMPORT_BYTES, saveCostPriceSchema } from "./cost-price-schemas";
import { deleteCostPrice } from "./delete-cost-price";
import { importCostPrices } from "./import-cost-prices";
import { MAX_XLSX_UNPACKED_BYTES, parseCsv } from "./parse-cost-price-file";
import { parseImportDate, previewCostPriceImport } from "./preview-cost-price-import";
import { saveCostPrice } from "./save-cost-price";

const TODAY = "2026-11-10";

/** A zip header of `size` bytes: little-endian 32- and 16-bit fields by offset, the others zero. */
function record(size: number, u32: Record<number, number>, u16: Record<number, number>): Buffer {
  const buffer = Buffer.alloc(size);
  for (const [at, value] of Object.entries(u32)) buffer.writeUInt32LE(value, Number(at));
  for (const [at, value] of Object.entries(u16)) buffer.writeUInt16LE(value, Number(at));
  return buffer;
}

/** A zip of deflated parts; `claim` overrides the uncompressed sizes its directories state (a lying zip). */
function zipOf(parts: { name: string; data: Buffer }[], claim?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const packed = deflateRawSync(part.data, { level: 9 });
    const name = Buffer.from(part.name);
    const size = claim ?? part.data.length;
    const local = record(30, { 0: 0x04034b50, 18: packed.length, 22: size }, { 4: 20, 8: 8, 26: name.length });
    const central = record(
      46,
      { 0: 0x02014b50, 20: packed.length, 24: size, 42: offset },
      { 4: 20, 6: 20, 10: 8, 28: name.length },
    );
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, { 0: 0x06054b50, 12: directory.length, 16: offset }, { 8: parts.length, 10: parts.length });
  return Buffer.concat([...locals, directory, end]);
}
const actor = { id: 1, email: "editor@example.com" };

describe("cost price parsing", () => {
  it("reads dates and costs the way people type them", () => {
    expect(parseImportDate("2026-03-01")).toBe("2026-03-01");
    expect(parseImportDate("1.3.2026")).toBe("2026-03-01");
    expect(parseImportDate("31/12/2026")).toBe("2026-12-31");
    expect(parseImportDate("2026-02-30")).toBeNull();
    expect(parseImportDate("yesterday")).toBeNull();
    expect(
      saveCostPriceSchema.safeParse({ skuId: "1", dtFrom: "2026-01-01", costPrice: "1 234,5" }).data,
    ).toMatchObject({ costPrice: "1234.50" });
    for (const bad of ["-1", "abc", "1.234", "1000000000000", ""]) {
      expect(saveCostPriceSchema.safeParse({ skuId: 1, dtFrom: "2026-01-01", costPrice: bad }).success).toBe(false);
    }
  });

  it("recognises Russian headers, semicolons and keeps true line numbers", () => {
    const parsed = parseCsv(
      '\ufeffАртикул;Дата;Себестоимость\r\nA-1;01.11.2026;120,50\r\n\r\n"multi\nline";2026-11-02;5\r\nB;x;y',
    );
    expect(parsed.ok && parsed.rows.map((r) => [r.line, r.values.article])).toEqual([
      [2, "A-1"],
      [4, "multi\nline"],
      [6, "B"],
    ]);
    expect(parseCsv("name,price\nx,1")).toMatchObject({ ok: false, reason: "missingColumns" });
  });
});

describe.each(testDatabaseKinds())("cost prices on %s", (kind) => {
  const { db } = useTestDatabase(kind);
  let cup: number;
  let toy: number;

  const profitOn = async (skuId: number, d: string) =>
    rowsOf<{ cogs: string | null; profit: string | null }>(
      await db.execute(
        sql`select cogs::text as cogs, profit::text as profit from metrics_daily where sku_id = ${skuId} and d = ${d}::date`,
      ),
    )[0];

  beforeAll(async () => {
    const acc = rowsOf<{ id: number }>(
      await db.execute(sql`insert into accounts (marketplace, name) values ('WB', 'WB') returning id`),
    )[0].id;
    const ids = rowsOf<{ id: number }>(
      await db.execute(sql`
        insert into sku (account_id, marketplace, nm_id, ozon_id, article, name, category) values
          (${acc}, 'WB', 111, null, 'CUP', 'Cup', 'Dishes'),
          (null, 'OZON', null, 222, 'TOY', 'Toy', 'Toys'),
          (null, 'OZON', null, 333, 'SAME', 'Same article A', 'Toys'),
          (null, 'WB', 444, null, 'SAME', 'Same article B', 'Toys')
        returning id`),
    ).map((r) => Number(r.id));
    [cup, toy] = ids;
    // 2 units a day, settled: sales 1000, commission -100, so payout 900 per day
    await db.execute(sql`
      insert into daily_sales (d, sku_id, warehouse_id, qty, sales, commission, channel, is_settled)
      select d::date, s, null, 2, 1000, -100, 'FBO', true
      from generate_series('2026-11-01'::date, ${TODAY}::date, '1 day') d, unnest(array[${cup}, ${toy}]::int[]) s`);
  });

  beforeEach(async () => {
    await db.execute(sql`delete from cost_price_history`);
    await db.execute(sql`delete from audit_log`);
    await recalculateMetrics({ db, from: "2026-11-01", to: TODAY, aggrDaysWb: 14, aggrDaysOzon: 28 });
  });

  it("adding a cost price changes profit from its day on, and only there", async () => {
    expect(await profitOn(cup, "2026-11-05")).toEqual({ cogs: null, profit: null });
    const saved = await saveCostPrice({
      db,
      input: { skuId: cup, dtFrom: "2026-11-05", costPrice: "300.00" },
      actor,
      today: TODAY,
    });
    expect(saved.recalculatedFrom).toBe("2026-11-05");
    expect(await profitOn(cup, "2026-11-04")).toEqual({ cogs: null, profit: null });
    expect(await profitOn(cup, "2026-11-05")).toEqual({ cogs: "600.00", profit: "300.00" });
    expect(await profitOn(cup, TODAY)).toEqual({ cogs: "600.00", profit: "300.00" });

    // moving it earlier and changing the cost recalculates the days in between too
    await saveCostPrice({
      db,
      input: { id: saved.id, skuId: cup, dtFrom: "2026-11-02", costPrice: "400.00" },
      actor,
      today: TODAY,
    });
    expect(await profitOn(cup, "2026-11-02")).toEqual({ cogs: "800.00", profit: "100.00" });
    expect(await profitOn(cup, "2026-11-01")).toEqual({ cogs: null, profit: null });

    await expect(
      saveCostPrice({
        db,
        input: { skuId: cup, dtFrom: "2026-11-02", costPrice: "1.00" },
        actor,
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await deleteCostPrice({ db, id: saved.id, actor, today: TODAY });
    expect(await profitOn(cup, "2026-11-05")).toEqual({ cogs: null, profit: null });

    const audit = rowsOf<{ action: string; user_email: string }>(
      await db.execute(sql`select action, user_email from audit_log order by id`),
    );
    expect(audit.map((a) => a.action)).toEqual(["cost_price.create", "cost_price.update", "cost_price.delete"]);
    expect(audit[0].user_email).toBe("editor@example.com");
  });

  it("an import with bad rows lists each with its line and reason and saves nothing", async () => {
    const csv = [
      "article,nm_id,ozon_sku,date,cost",
      "CUP,,,2026-11-03,250", // ok
      "NOPE,,,2026-11-03,10", // unknown article
      "SAME,,,2026-11-03,10", // article on two SKUs
      ",,222,2026-13-01,10", // bad date
      ",,222,2026-11-04,-5", // negative
      "CUP,,,03.11.2026,260", // same SKU and day again
      "CUP,999,,2026-11-03,1", // nm_id does not exist
      "TOY,111,,2026-11-03,1", // article and nm_id disagree
      ",,,2026-11-03,1", // no SKU
    ].join("\n");
    const bytes = Buffer.from(csv, "utf8");
    const preview = await previewCostPriceImport(db, "costs.csv", bytes);
    expect(preview.rows.map((r) => [r.line, r.skuId, r.costPrice])).toEqual([[2, cup, "250.00"]]);
    expect(preview.errors.map((e) => [e.line, e.reason])).toEqual([
      [3, "skuNotFound"],
      [4, "skuAmbiguous"],
      [5, "dateInvalid"],
      [6, "costNegative"],
      [7, "duplicate"],
      [8, "skuNotFound"],
      [9, "skuMismatch"],
      [10, "skuMissing"],
    ]);
    const result = await importCostPrices({ db, fileName: "costs.csv", bytes, actor, today: TODAY });
    expect(result.saved).toBe(false);
    expect(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from cost_price_history`))[0].n).toBe(
      0,
    );
    expect(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log`))[0].n).toBe(0);
  });

  it("a clean XLSX import saves every row, audits once and recalculates from the earliest day", async () => {
    await saveCostPrice({
      db,
      input: { skuId: toy, dtFrom: "2026-11-06", costPrice: "50.00" },
      actor,
      today: TODAY,
    });
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Costs");
    sheet.addRow(["Артикул", "Маркетплейс", "Дата", "Себестоимость"]);
    sheet.addRow(["CUP", "WB", new Date(Date.UTC(2026, 10, 3)), 250]);
    sheet.addRow(["SAME", "Ozon", "2026-11-01", "10,5"]);
    sheet.addRow(["toy", "", "06.11.2026", 100]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await previewCostPriceImport(db, "costs.xlsx", bytes);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.dtFrom, r.costPrice, r.previousCost])).toEqual([
      [2, "2026-11-03", "250.00", null],
      [3, "2026-11-01", "10.50", null],
      [4, "2026-11-06", "100.00", "50.00"],
    ]);
    const result = await importCostPrices({ db, fileName: "costs.xlsx", bytes, actor, today: TODAY });
    expect(result).toEqual({ saved: true, count: 3, recalculatedFrom: "2026-11-01" });
    expect(await profitOn(cup, "2026-11-03")).toEqual({ cogs: "500.00", profit: "400.00" });
    expect(await profitOn(toy, "2026-11-06")).toEqual({ cogs: "200.00", profit: "700.00" });
    const audit = rowsOf<{ action: string }>(await db.execute(sql`select action from audit_log order by id`));
    expect(audit.map((a) => a.action)).toEqual(["cost_price.create", "cost_price.import"]);
  });

  it("a change the recalculation cannot reach is refused before anything is saved: no row, no audit entry", async () => {
    const counts = async () =>
      rowsOf<{ prices: number; audits: number }>(
        await db.execute(
          sql`select (select count(*)::int from cost_price_history) as prices, (select count(*)::int from audit_log) as audits`,
        ),
      )[0];
    await expect(
      saveCostPrice({ db, input: { skuId: cup, dtFrom: "2000-01-01", costPrice: "10.00" }, actor, today: TODAY }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { dtFrom: "errors.costPriceTooEarly" } });
    expect(await counts()).toEqual({ prices: 0, audits: 0 });

    const csv = "article,date,cost\nCUP,2026-11-03,250\nTOY,01.01.2000,5";
    const result = await importCostPrices({ db, fileName: "old.csv", bytes: Buffer.from(csv), actor, today: TODAY });
    expect(result.saved).toBe(false);
    expect(!result.saved && result.preview.errors.map((e) => [e.line, e.reason])).toEqual([[3, "dateTooEarly"]]);
    expect(await counts()).toEqual({ prices: 0, audits: 0 });

    // an entry an older version let through: moving or deleting it would recalculate from its day, so neither happens
    const [{ id }] = rowsOf<{ id: number }>(
      await db.execute(
        sql`insert into cost_price_history (sku_id, dt_from, cost_price) values (${cup}, '2000-01-01', 5) returning id`,
      ),
    );
    await expect(
      saveCostPrice({
        db,
        input: { id: Number(id), skuId: cup, dtFrom: "2026-11-01", costPrice: "6.00" },
        actor,
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(deleteCostPrice({ db, id: Number(id), actor, today: TODAY })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(
      rowsOf<{ dt_from: string; cost_price: string }>(
        await db.execute(sql`select dt_from::text as dt_from, cost_price::text as cost_price from cost_price_history`),
      ),
    ).toEqual([{ dt_from: "2000-01-01", cost_price: "5.00" }]);
    expect(await counts()).toEqual({ prices: 1, audits: 0 });
  });

  it("two concurrent saves of the same SKU and day: one is saved, the other is a CONFLICT", async () => {
    const save = (costPrice: string) =>
      saveCostPrice({ db: db, input: { skuId: toy, dtFrom: "2026-11-04", costPrice }, actor, today: TODAY });
    const results = await Promise.allSettled([save("10.00"), save("20.00"), save("30.00")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(asAppError(r.reason)?.code).toBe("CONFLICT");
    }
    expect(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from cost_price_history`))[0].n).toBe(
      1,
    );
  });

  it("refuses an XLSX that unpacks past the limit before parsing it, even when its directory lies", async () => {
    // 120 MB of one repeated row of sheet XML: a few hundred kilobytes packed
    const row = Buffer.from('<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAA</t></is></c></row>');
    const huge = Buffer.alloc(120 * 1024 * 1024);
    for (let i = 0; i + row.length <= huge.length; i += row.length) row.copy(huge, i);
    const parts = [
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: huge },
    ];
    const honest = zipOf(parts);
    const lying = zipOf(parts, 1000);
    expect(honest.length).toBeLessThan(MAX_IMPORT_BYTES);
    for (const bytes of [honest, lying]) {
      const started = Date.now();
      const preview = await previewCostPriceImport(db, "bomb.xlsx", bytes, TODAY);
      expect(preview.fileError?.reason).toBe("tooLargeUnpacked");
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    expect(MAX_XLSX_UNPACKED_BYTES).toBeLessThan(huge.length);
    const result = await importCostPrices({
      db: db,
      fileName: "bomb.xlsx",
      bytes: lying,
      actor,
      today: TODAY,
    });
    expect(result).toMatchObject({ saved: false, preview: { fileError: { reason: "tooLargeUnpacked" } } });
  });

  it("refuses files it cannot read", async () => {
    expect((await previewCostPriceImport(db, "costs.pdf", Buffer.from("x"))).fileError?.reason).toBe("unreadable");
    expect((await previewCostPriceImport(db, "costs.xlsx", Buffer.from("PK garbage"))).fileError?.reason).toBe(
      "unreadable",
    );
    expect((await previewCostPriceImport(db, "costs.csv", Buffer.from("a,b\n1,2"))).fileError?.reason).toBe(
      "missingColumns",
    );
  });
});
