// The P&L page's reads and export rows: URL parameters, the statement rows the table and the export
// show, the drill-down's paging, and an export that neutralises formula-like SKU names.
import { beforeAll, describe, expect, it } from "vitest";
import { toExportColumns } from "@/components/data-table/columns";
import { pnlStatementColumns } from "@/components/pnl/pnl-columns";
import { pnlTableRows } from "@/components/pnl/pnl-rows";
import { buildExport } from "@/lib/services/export/build-export";
import { testDatabaseKinds, useTestDatabase } from "@/lib/testing/database";
import { insertAccount, insertFinanceLine, insertMetricsDay, insertSku } from "@/lib/testing/pnl-fixtures";
import { queryPnlDrillDown, queryPnlStatement } from "./pnl";
import { parsePnlQuery } from "./pnl-params";
import { queryReconciliation } from "./reconciliation";

describe("parsePnlQuery", () => {
  it("reads marketplace, allocation rule, line and page, with safe defaults", () => {
    expect(parsePnlQuery({})).toEqual({ allocation: "net_sales", page: 1, pageSize: 50 });
    expect(parsePnlQuery({ mp: "OZON", alloc: "units", line: "storage", page: "2", size: "25" })).toEqual({
      marketplace: "OZON",
      allocation: "units",
      line: "storage",
      page: 2,
      pageSize: 25,
    });
    expect(parsePnlQuery({ mp: "x", alloc: "evil", line: "drop table" })).toEqual({
      allocation: "net_sales",
      page: 1,
      pageSize: 50,
    });
  });
});

describe.each(testDatabaseKinds())("P&L page reads on %s", (kind) => {
  const t = useTestDatabase(kind);
  const scope = { accountId: null as number | null, from: "2026-03-01", to: "2026-03-07" };
  let wb = 0;

  beforeAll(async () => {
    wb = await insertAccount(t.db, "WB", "WB store");
    for (const [i, article] of ["=HYPERLINK(1)", "B", "C"].entries()) {
      const sku = await insertSku(t.db, { marketplace: "WB", accountId: wb, article });
      await insertMetricsDay(t.db, {
        d: "2026-03-02",
        skuId: sku,
        qty: 1,
        sales: `${(i + 1) * 100}.00`,
        netSales: `${(i + 1) * 100}.00`,
        payout: `${(i + 1) * 100}.00`,
        cogs: "10.00",
      });
    }
    await insertFinanceLine(t.db, { accountId: wb, marketplace: "WB", d: "2026-03-03", storage: "-60.00" });
  });

  it("gives the statement rows in line order with the totals, previous period and marks", async () => {
    const data = await queryPnlStatement(t.db, scope, {});
    expect(data.previousFrom).toBe("2026-02-22");
    const rows = pnlTableRows(data);
    expect(rows.map((r) => r.key).slice(-4)).toEqual(["net_sales", "payout", "cogs", "gross_profit"]);
    expect(rows.find((r) => r.key === "storage")).toMatchObject({
      amount: "-60.00",
      skuLevel: "0.00",
      storeLevel: "-60.00",
      percent: "-10.00",
      previous: "0.00",
      change: "-60.00",
    });
    expect(rows.find((r) => r.key === "gross_profit")).toMatchObject({ amount: "510.00", percent: "85.00" });
    expect(rows.find((r) => r.key === "payout")).toMatchObject({ skuLevel: "600.00", storeLevel: "-60.00" });
    const none = await queryPnlStatement(t.db, { ...scope, accountId: wb + 100 }, {});
    expect(none.current.hasData).toBe(false);
  });

  it("pages the SKUs of a line and allocates the store-level part by the rule", async () => {
    const q = parsePnlQuery({ line: "gross_profit", size: "25" });
    const page = await queryPnlDrillDown(t.db, scope, { ...q, line: "gross_profit" });
    // 300 - 10 - 30, 200 - 10 - 20, 100 - 10 - 10 (storage -60 by net sales 300 : 200 : 100)
    expect(page.rows.map((r) => [r.article, r.amount, r.allocated, r.fullyLoaded])).toEqual([
      ["C", "290.00", "-30.00", "260.00"],
      ["B", "190.00", "-20.00", "170.00"],
      ["=HYPERLINK(1)", "90.00", "-10.00", "80.00"],
    ]);
    const file = await buildExport({
      format: "csv",
      columns: [{ header: "article", value: (r: (typeof page.rows)[number]) => r.article }],
      rows: page.rows,
    });
    expect(file.body.toString("utf8")).toContain("'=HYPERLINK(1)");
    const statementCsv = await buildExport({
      format: "csv",
      columns: toExportColumns(pnlStatementColumns((k) => k)),
      rows: pnlTableRows(await queryPnlStatement(t.db, scope, {})),
    });
    expect(statementCsv.body.toString("utf8")).toContain(
      "lines.storage,storage,-60.00,-10.00,0.00,-60.00,0.00,0.00,-60.00",
    );
  });

  it("reads reconciliation for the dashboard scope", async () => {
    const r = await queryReconciliation(t.db, scope, { today: "2026-03-20" });
    expect(r).toEqual({ periods: [], closedWithGap: 0 });
  });
});
