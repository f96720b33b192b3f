// The cost price and cash flow downloads, end to end through their route handlers on a migrated
// database: the session check (401 for nobody), the page's filters, the one column definition per
// table, and the files read back (the Russian CSV with semicolons and decimal commas, the standard
// CSV, the XLSX with a spreadsheet library). Every expected value is worked out by hand below.
import { Workbook } from "@cj-tech-master/excelts";
import { sql } from "drizzle-orm";
import { refreshCashflowDailyStatements } from "@/lib/services/metrics/cashflow-daily";
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import type { Db } from "@/db";

const state = vi.hoisted(() => ({
  user: null as { id: number; role: "owner" | "editor" | "viewer" } | null,
  locale: "ru",
  db: null as unknown,
}));

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "sovani_locale" ? { value: state.locale } : undefined) }),
}));
vi.mock("@/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/db")>()),
  getDb: async () => state.db as Db,
}));

const costsRoute = await import("@/app/(dashboard)/costs/export/route");
const cashflowRoute = await import("@/app/(dashboard)/cashflow/export/route");

const PERIOD = "from=2026-11-01&to=2026-11-07";

async function get(route: { GET: (request: Request) => Promise<Response> }, path: string) {
  return route.GET(new Request(`http://localhost${path}`));
}

/** a CSV download parsed back as a spreadsheet with those settings reads it */
async function csvOf(response: Response, delimiter: ";" | ","): Promise<string[][]> {
  const text = Buffer.from(await response.arrayBuffer()).toString("utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true }).data;
}

async function sheetOf(response: Response, name: string) {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()));
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const MONEY = '#,##0.00 "₽";-#,##0.00 "₽"';

describe.each(testDatabaseKinds())("cost price and cash flow exports on %s", (kind) => {
  const { db } = useTestDatabase(kind);
  const sku: Record<string, number> = {};

  beforeAll(async () => {
    state.db = db;
    const acc = await db.execute(
      sql`insert into accounts (marketplace, name) values ('WB', 'WB shop'), ('OZON', 'Ozon shop') returning id`,
    );
    const [wb, ozon] = (acc as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
    const skus = await db.execute(sql`
      insert into sku (account_id, marketplace, nm_id, ozon_id, article, name) values
        (${wb}, 'WB', 1001, null, 'CUP-1', 'Кружка синяя'),
        (${wb}, 'WB', 1002, null, 'CUP-2', '=HYPERLINK("http://x")'),
        (${ozon}, 'OZON', null, 5001, 'TOY-1', 'Игрушка')
      returning id, article`);
    for (const r of (skus as unknown as { rows: { id: number; article: string }[] }).rows)
      sku[r.article] = Number(r.id);
    // CUP-1: 150 from 01.01, 200.50 from 01.10 (current); TOY-1: 300 from 01.01; CUP-2: none
    await db.execute(sql`insert into cost_price_history (sku_id, dt_from, cost_price) values
      (${sku["CUP-1"]}, '2026-01-01', 150), (${sku["CUP-1"]}, '2026-10-01', 200.50), (${sku["TOY-1"]}, '2026-01-01', 300)`);
    // CUP-2 sold on 11-03 without a cost price: the only SKU the "missing only" filter keeps
    await db.execute(sql`
      insert into metrics_daily (d, sku_id, qty, refunds_qty, sales, is_settled, net_sales, payout)
      values ('2026-11-03', ${sku["CUP-2"]}, 1, 0, 300, true, 300, 300)`);
    // money: WB 11-02 a sale of 1000.10 less commission 150 and logistics 100.05; WB storage 70 on
    // 11-03; on 11-04 Ozon storage 20 and a WB loan repayment of 500 (financing); a WB weekly report
    // paying out 700 on 11-05; outside the period a WB storage of 999 on 10-31
    await db.execute(sql`
      insert into finance_lines (account_id, marketplace, line_key, d, sku_id, source_type, sales, commission, logistics,
        storage, deductions_other, src_hash) values
        (${wb}, 'WB', 'r1', '2026-11-02', ${sku["CUP-1"]}, 'Продажа', 1000.10, -150, 0, 0, 0, 'h'),
        (${wb}, 'WB', 'r2', '2026-11-02', ${sku["CUP-1"]}, 'Логистика', 0, 0, -100.05, 0, 0, 'h'),
        (${wb}, 'WB', 'r3', '2026-11-03', null, 'Хранение', 0, 0, 0, -70, 0, 'h'),
        (${wb}, 'WB', 'r4', '2026-11-04', null, 'Удержание: Погашение по займу (financing)', 0, 0, 0, 0, -500, 'h'),
        (${ozon}, 'OZON', 'r5', '2026-11-04', null, 'storage', 0, 0, 0, -20, 0, 'h'),
        (${wb}, 'WB', 'r6', '2026-10-31', null, 'Хранение', 0, 0, 0, -999, 0, 'h')`);
    await db.execute(sql`
      insert into settlement_reports (account_id, kind, report_id, date_from, date_to, payout, src_hash) values
        (${wb}, 'wb_report', 'p1', '2026-10-30', '2026-11-05', 700, 'h')`);
    // the per-day sums the cash flow page reads, as recalculateMetrics would write them
    for (const statement of refreshCashflowDailyStatements("2026-10-01", "2026-11-30")) await db.execute(statement);
  });

  it("answers 401 to an anonymous request and reads nothing", async () => {
    state.user = null;
    for (const [route, path] of [
      [costsRoute, `/costs/export?format=csv&${PERIOD}`],
      [cashflowRoute, `/cashflow/export?format=xlsx&${PERIOD}`],
    ] as const) {
      const response = await get(route, path);
      expect(response.status).toBe(401);
      expect(response.headers.get("Content-Disposition")).toBeNull();
    }
  });

  describe("signed in", () => {
    beforeAll(() => {
      state.user = { id: 1, role: "viewer" };
    });

    it("cost prices: the Russian CSV has semicolons, decimal commas, dd.mm.yyyy and safe text", async () => {
      state.locale = "ru";
      const response = await get(costsRoute, `/costs/export?format=csv-ru&${PERIOD}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toMatch(/filename="cost-prices-\d{4}-\d{2}-\d{2}\.csv"/);
      expect(await csvOf(response, ";")).toEqual([
        ["Артикул", "Название", "Маркетплейс", "Id маркетплейса", "Себестоимость сейчас", "С даты", "Записей"],
        ["CUP-1", "Кружка синяя", "WB", "1001", "200,50", "01.10.2026", "2"],
        // no cost price: empty cells, not 0; a formula-looking name gets an apostrophe
        ["CUP-2", '\'=HYPERLINK("http://x")', "WB", "1002", "", "", "0"],
        ["TOY-1", "Игрушка", "OZON", "5001", "300,00", "01.01.2026", "1"],
      ]);
    });

    it("cost prices: the page's filters (search, missing only) and the standard CSV in English", async () => {
      state.locale = "en";
      const searched = await csvOf(await get(costsRoute, `/costs/export?format=csv&${PERIOD}&q=toy`), ",");
      expect(searched).toEqual([
        ["Article", "Name", "Marketplace", "Marketplace id", "Cost price now", "From", "Entries"],
        ["TOY-1", "Игрушка", "OZON", "5001", "300.00", "2026-01-01", "1"],
      ]);
      const missing = await csvOf(await get(costsRoute, `/costs/export?format=csv&${PERIOD}&missing=1&page=2`), ",");
      expect(missing.map((r) => r[0])).toEqual(["Article", "CUP-2"]);
    });

    it("cost prices: XLSX with roubles, dates as dates, widths and a frozen header, no totals", async () => {
      state.locale = "ru";
      const response = await get(costsRoute, `/costs/export?format=xlsx&${PERIOD}`);
      const sheet = await sheetOf(response, "Себестоимость");
      expect(sheet.getCell("E2").value).toBe(200.5);
      expect(sheet.getCell("E2").numFmt).toBe(MONEY);
      expect(sheet.getCell("F2").value).toEqual(new Date("2026-10-01T00:00:00Z"));
      expect(sheet.getCell("F2").numFmt).toBe("dd.mm.yyyy");
      expect(sheet.getCell("G2").value).toBe(2);
      expect(sheet.getCell("E3").value).toBeNull();
      // the name is a typed string that no spreadsheet evaluates
      expect(sheet.getCell("B3").value).toBe('=HYPERLINK("http://x")');
      expect(sheet.getCell("E4").value).toBe(300);
      // three SKUs and no totals row (a sum of unit cost prices means nothing)
      expect(sheet.rowCount).toBe(4);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      // "Себестоимость сейчас" (20 characters) + 2
      expect(sheet.getColumn(5).width).toBe(22);
    });

    it("cash flow: the Russian CSV has a row per day and a column per type of money", async () => {
      state.locale = "ru";
      const response = await get(cashflowRoute, `/cashflow/export?format=csv-ru&${PERIOD}`);
      expect(response.headers.get("Content-Disposition")).toContain(
        'filename="cashflow-day-2026-11-01-2026-11-07.csv"',
      );
      const rows = await csvOf(response, ";");
      expect(rows).toEqual([
        [
          "День",
          "Операционный итог",
          "Финансирование (займы)",
          "Выплата на счёт",
          "Продажи",
          "Комиссия",
          "Логистика",
          "Хранение",
        ],
        // 1000.10 - 150 - 100.05 = 750.05
        ["02.11.2026", "750,05", "", "", "1000,10", "-150,00", "-100,05", ""],
        ["03.11.2026", "-70,00", "", "", "", "", "", "-70,00"],
        // both stores' storage; the loan repayment is financing, outside operating
        ["04.11.2026", "-20,00", "-500,00", "", "", "", "", "-20,00"],
        ["05.11.2026", "0,00", "", "700,00", "", "", "", ""],
      ]);
      // read back with the comma as the decimal separator, the days add up to the operating total
      const operating = rows.slice(1).reduce((sum, r) => sum + Number(r[1].replace(",", ".")) * 100, 0);
      expect(Math.round(operating)).toBe(66005);
    });

    it("cash flow: by week in the standard CSV, in English", async () => {
      state.locale = "en";
      const rows = await csvOf(await get(cashflowRoute, `/cashflow/export?format=csv&${PERIOD}&by=week`), ",");
      // 2026-11-01 is a Sunday, so every line of the period falls in the week starting on Monday 11-02
      expect(rows).toEqual([
        [
          "Week starting",
          "Operating total",
          "Financing (loans)",
          "Payout to bank",
          "Sales",
          "Commission",
          "Logistics",
          "Storage",
        ],
        ["2026-11-02", "660.05", "-500.00", "700.00", "1000.10", "-150.00", "-100.05", "-90.00"],
      ]);
    });

    it("cash flow: XLSX with days as dates, roubles, a frozen header and a totals row", async () => {
      state.locale = "ru";
      const sheet = await sheetOf(await get(cashflowRoute, `/cashflow/export?format=xlsx&${PERIOD}`), "Денежный поток");
      expect(sheet.getCell("A2").value).toEqual(new Date("2026-11-02T00:00:00Z"));
      expect(sheet.getCell("A2").numFmt).toBe("dd.mm.yyyy");
      expect(sheet.getCell("E2").value).toBe(1000.1);
      expect(sheet.getCell("E2").numFmt).toBe(MONEY);
      expect(sheet.getCell("H2").value).toBeNull();
      expect(sheet.getCell("C4").value).toBe(-500);
      // totals under the four days: operating 750.05 - 70 - 20 + 0 = 660.05, financing -500, payouts 700,
      // sales 1000.10, commission -150, logistics -100.05, storage -70 - 20
      expect(sheet.getCell("A6").value).toBe("Итого");
      const totals = ["B", "C", "D", "E", "F", "G", "H"].map((c) => sheet.getCell(`${c}6`).value);
      expect(totals).toEqual([
        { formula: "SUM(B2:B5)", result: 660.05 },
        { formula: "SUM(C2:C5)", result: -500 },
        { formula: "SUM(D2:D5)", result: 700 },
        { formula: "SUM(E2:E5)", result: 1000.1 },
        { formula: "SUM(F2:F5)", result: -150 },
        { formula: "SUM(G2:G5)", result: -100.05 },
        { formula: "SUM(H2:H5)", result: -90 },
      ]);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      // "Финансирование (займы)" (22 characters) + 2
      expect(sheet.getColumn(3).width).toBe(24);
    });

    it("cash flow: a store's export holds that store's money only", async () => {
      state.locale = "en";
      const acc = await db.execute(sql`select id from accounts where marketplace = 'OZON'`);
      const ozon = Number((acc as unknown as { rows: { id: number }[] }).rows[0].id);
      const rows = await csvOf(await get(cashflowRoute, `/cashflow/export?format=csv&${PERIOD}&store=${ozon}`), ",");
      expect(rows).toEqual([
        ["Day", "Operating total", "Storage"],
        ["2026-11-04", "-20.00", "-20.00"],
      ]);
    });
  });
});
