// Each table's page and export come from one column definition: the page's headers are the export's
// headers (in the same order, less the export-only columns), and the export stays what it was before
// the definitions were merged: header, cell type and value of every column, which is all buildExport
// reads, so downloaded files do not change.
import { describe, expect, it } from "vitest";
import { cashflowColumns } from "@/components/cashflow/cashflow-columns";
import { costColumns } from "@/components/costs/cost-columns";
import { pnlDrillColumns, pnlStatementColumns } from "@/components/pnl/pnl-columns";
import type { PnlTableRow } from "@/components/pnl/pnl-rows";
import { restockColumns } from "@/components/restock/restock-columns";
import { skuColumns } from "@/components/skus/sku-columns";
import type { RestockRow } from "@/lib/data/restock";
import type { SkuRow } from "@/lib/data/skus";
import { skuSortKeys } from "@/lib/data/sort-keys";
import { createFormatters } from "@/lib/i18n/format";
import type { PnlSkuRow } from "@/lib/services/pnl/statement";
import { type AnyTableColumn, defineColumns, renderCell, toExportColumns, toPageColumns } from "./columns";

const t = (key: string) => key;
const f = createFormatters("ru", "Europe/Moscow");

const sku: SkuRow = {
  id: 7,
  marketplace: "WB",
  externalId: "123456789012",
  article: "CUP-1",
  name: "=Cup",
  brand: "Brand",
  category: null,
  units: 3,
  refunds: 1,
  netSales: "1500.50",
  payout: "-20.00",
  cogs: "600.00",
  profit: "900.50",
  margin: "60.01",
  costCoverage: "100.00",
  isMissingCost: false,
  isProvisional: true,
  hasEstimatedCommission: false,
  sv7: "0.43",
  sv14: null,
  sv28: "0.11",
  onHand: 12,
  inTransit: 0,
  coverDays: "6.5",
};

const restock: RestockRow = {
  id: 11,
  d: "2026-11-30",
  skuId: 7,
  marketplace: "OZON",
  externalId: "555",
  article: "CUP-1",
  name: "Cup",
  locationKind: "cluster",
  locationKey: "154",
  locationName: "Москва, МО и Дальние регионы",
  status: "order_now",
  statusDays: -3,
  reorderDate: "2026-11-30",
  quantity: 40,
  forecast: "2.5000",
  inStockDays: 18,
  outOfStockDays: 10,
  onHand: 5,
  inbound: 2,
  openPlans: 0,
  lostUnits: "25.00",
  lostRevenue: "12500.00",
  lostProfit: "3000.00",
  mpLostUnits: null,
  mpLostSum: null,
  mpLost: null,
  ozonSupply: {
    d: "2026-11-29",
    recommendedSupply: 60,
    supplyPeriod: "TWO_WEEKS",
    deliverySchema: "FBO",
    localIndex: "61.20",
  },
};

const pnlRow: PnlTableRow = {
  key: "storage",
  isTotal: false,
  amount: "-60.00",
  percent: "-10.00",
  skuLevel: "0.00",
  storeLevel: "-60.00",
  estimated: "0.00",
  estimatedShare: null,
  provisionalShare: null,
  previous: "0.00",
  change: "-60.00",
  changePercent: null,
};

const drillRow: PnlSkuRow = {
  skuId: 7,
  accountId: 1,
  marketplace: "WB",
  article: "CUP-1",
  name: "Cup",
  amount: "290.00",
  allocated: "-30.00",
  fullyLoaded: "260.00",
  netSales: "300.00",
  units: 3,
} as PnlSkuRow;

/** The page's headers must be the export's headers in the same order, less the export-only ones. */
function expectSameDefinition<TRow, TCtx>(columns: AnyTableColumn<TRow, TCtx>[], ctx: TCtx) {
  // page-only columns (exportValue: false, e.g. a row's checkbox) are left out of the comparison
  const page = toPageColumns(columns, ctx)
    .filter((c) => columns.find((d) => d.id === c.id)?.exportValue !== false)
    .map((c) => c.header);
  const exported = toExportColumns(columns).map((c) => c.header);
  expect(page.length).toBeGreaterThan(0);
  expect(exported.filter((h) => page.includes(h))).toEqual(page);
  for (const c of toPageColumns(columns, ctx)) {
    const source = columns.find((d) => d.id === c.id);
    if (source?.exportValue === false) continue;
    expect(toExportColumns([source!])[0]?.type === "number").toBe(Boolean(c.meta.isNumeric));
  }
}

/** What buildExport writes for one row: header, cell type and raw value of each column, in order. */
const exported = <TRow, TCtx>(columns: AnyTableColumn<TRow, TCtx>[], row: TRow) =>
  toExportColumns(columns).map((c) => [c.header, c.type ?? "text", c.value(row)]);

describe("one column definition per table", () => {
  it("SKUs: the page shows the export's columns in its order and the export is unchanged", async () => {
    const columns = skuColumns(t);
    expectSameDefinition(columns, { f, td: t, scope: "" });
    // the page shows the columns it sorts by, in their order, with the cost coverage (not sortable) after the margin
    const ids = toPageColumns(columns, { f, td: t, scope: "" }).map((c) => c.id);
    expect(ids.filter((id) => id !== "costCoverage")).toEqual([...skuSortKeys]);
    expect(ids[ids.indexOf("margin") + 1]).toBe("costCoverage");
    expect(exported(columns, sku)).toEqual([
      ["columns.article", "text", "CUP-1"],
      ["columns.name", "text", "=Cup"],
      ["columns.marketplace", "text", "WB"],
      ["columns.externalId", "text", "123456789012"],
      ["columns.brand", "text", "Brand"],
      ["columns.category", "text", null],
      ["columns.units", "number", 3],
      ["columns.refunds", "number", 1],
      ["columns.netSales", "number", "1500.50"],
      ["columns.payout", "number", "-20.00"],
      ["columns.cogs", "number", "600.00"],
      ["columns.profit", "number", "900.50"],
      ["columns.margin", "number", "60.01"],
      ["columns.costCoverage", "number", "100.00"],
      ["columns.sv7", "number", "0.43"],
      ["columns.sv14", "number", null],
      ["columns.sv28", "number", "0.11"],
      ["columns.onHand", "number", 12],
      ["columns.coverDays", "number", "6.5"],
      ["columns.provisional", "text", "yes"],
      ["columns.estimated", "text", ""],
      ["columns.noCost", "text", ""],
    ]);
  });

  it("SKUs: a SKU without a cost price exports empty COGS, profit and margin, and shows dashes", () => {
    const columns = skuColumns(t);
    const noCost: SkuRow = { ...sku, cogs: null, profit: null, margin: null, costCoverage: null, isMissingCost: true };
    const cells = Object.fromEntries(exported(columns, noCost).map(([h, , v]) => [h, v]));
    expect([cells["columns.cogs"], cells["columns.profit"], cells["columns.margin"]]).toEqual([null, null, null]);
    const page = toPageColumns(columns, { f, td: t, scope: "" });
    for (const id of ["cogs", "margin", "costCoverage"]) {
      const column = page.find((c) => c.id === id)!;
      expect(renderCell(column, noCost, 0, "7")).toBe("—");
    }
  });

  it("restock: the page shows the export's columns in its order and the export is unchanged", async () => {
    const columns = restockColumns(t);
    expectSameDefinition(columns, { f, scope: "", drawerHref: () => "/restock" });
    expect(exported(columns, restock)).toEqual([
      ["columns.article", "text", "CUP-1"],
      ["columns.name", "text", "Cup"],
      ["columns.marketplace", "text", "OZON"],
      ["columns.externalId", "text", "555"],
      ["columns.location", "text", "location.cluster"],
      ["columns.status", "text", "status.order_now"],
      ["columns.statusDays", "number", -3],
      ["columns.reorderDate", "text", "2026-11-30"],
      ["columns.quantity", "number", 40],
      ["columns.forecast", "number", "2.5000"],
      ["columns.inStockDays", "number", 18],
      ["columns.outOfStockDays", "number", 10],
      ["columns.onHand", "number", 5],
      ["columns.inbound", "number", 2],
      ["columns.openPlans", "number", 0],
      ["columns.lostUnits", "number", "25.00"],
      ["columns.lostProfit", "number", "3000.00"],
      ["columns.lostRevenue", "number", "12500.00"],
      ["columns.mpLostUnits", "number", null],
      ["columns.mpLostSum", "number", null],
      // Ozon's own recommendation to the row's cluster and the day it was taken
      ["columns.ozonSupply", "number", 60],
      ["columns.ozonLocalIndex", "number", "61.20"],
      ["columns.mpFigureDay", "text", "2026-11-29"],
      ["columns.adviceDay", "text", "2026-11-30"],
    ]);
  });

  it("P&L statement and drill-down: the page shows the export's columns and the export is unchanged", async () => {
    const statement = pnlStatementColumns(t);
    expectSameDefinition(statement, { f, lineHref: () => "/pnl", currentLine: undefined });
    expect(exported(statement, pnlRow)).toEqual([
      ["columns.line", "text", "lines.storage"],
      ["key", "text", "storage"],
      ["columns.amount", "number", "-60.00"],
      ["columns.percent", "number", "-10.00"],
      ["columns.skuLevel", "number", "0.00"],
      ["columns.storeLevel", "number", "-60.00"],
      ["columns.estimated", "number", "0.00"],
      ["columns.previous", "number", "0.00"],
      ["columns.change", "number", "-60.00"],
    ]);
    const drill = pnlDrillColumns(t);
    expectSameDefinition(drill, { f, skuHref: () => "/skus/7" });
    expect(exported(drill, drillRow)).toEqual([
      ["columns.article", "text", "CUP-1"],
      ["columns.name", "text", "Cup"],
      ["columns.marketplace", "text", "WB"],
      ["columns.amount", "number", "290.00"],
      ["columns.allocated", "number", "-30.00"],
      ["columns.fullyLoaded", "number", "260.00"],
      ["columns.netSales", "number", "300.00"],
      ["columns.units", "number", 3],
    ]);
  });

  it("cost prices: the page shows the export's columns in its order; no cost price is an empty cell", () => {
    const columns = costColumns(t);
    const ctx = { f, historyHref: (id: number) => `/costs?sku=${id}#history` };
    expectSameDefinition(columns, ctx);
    expect(toPageColumns(columns, ctx).map((c) => c.id)).toEqual([
      "article",
      "name",
      "currentCost",
      "currentFrom",
      "entries",
    ]);
    const row = {
      skuId: 7,
      marketplace: "OZON" as const,
      externalId: "555",
      article: "CUP-1",
      name: "Cup",
      currentCost: null,
      currentFrom: null,
      entries: 0,
    };
    expect(exported(columns, row)).toEqual([
      ["columns.article", "text", "CUP-1"],
      ["columns.name", "text", "Cup"],
      ["columns.marketplace", "text", "OZON"],
      ["columns.externalId", "text", "555"],
      ["columns.currentCost", "number", null],
      ["columns.dtFrom", "text", null],
      ["columns.entries", "number", 0],
    ]);
    expect(toExportColumns(columns).map((c) => c.format ?? "text")).toEqual([
      "text",
      "text",
      "text",
      "text",
      "money",
      "date",
      "integer",
    ]);
  });

  it("cash flow: the operating total, financing and payouts, then a column per operating type present", () => {
    const summary = {
      bucket: "week" as const,
      totalsByType: [
        { type: "sales" as const, amount: "100.00", count: 1 },
        { type: "storage" as const, amount: "-5.00", count: 1 },
        { type: "financing" as const, amount: "-50.00", count: 1 },
        { type: "payout" as const, amount: "70.00", count: 1 },
      ],
    };
    const columns = cashflowColumns(t, summary);
    expectSameDefinition(columns, { f });
    const row = { d: "2026-11-02", byType: { sales: "100.00", payout: "70.00" }, operating: "100.00", financing: "0" };
    expect(exported(columns, row)).toEqual([
      ["table.week", "text", "2026-11-02"],
      ["table.operating", "number", "100.00"],
      ["types.financing", "number", null],
      ["types.payout", "number", "70.00"],
      ["types.sales", "number", "100.00"],
      ["types.storage", "number", null],
    ]);
    expect(toExportColumns(columns).map((c) => c.format)).toEqual(["date", ...Array(5).fill("money")]);
    // on the page: a dash where a type had no money that day
    const storage = toPageColumns(columns, { f }).find((c) => c.id === "storage")!;
    expect(renderCell(storage, row, 0, row.d)).toBe("—");
  });
});

describe("toPageColumns / toExportColumns", () => {
  const col = defineColumns<{ a: number; b: string | null }, { suffix: string }>();
  const columns = [
    col.field("a", { header: "A", isNumeric: true, cell: (i, ctx) => `${i.getValue() + 1}${ctx.suffix}` }),
    col.field("b", { header: "B", exportValue: false }),
    col.computed({ id: "c", header: "C", value: (r) => r.a * 2, cell: false }),
  ];

  it("binds the page's context into cells, leaves out export-only columns and shows a plain value as text", () => {
    const page = toPageColumns(columns, { suffix: " pcs" });
    expect(page.map((c) => c.id)).toEqual(["a", "b"]);
    expect(renderCell(page[0]!, { a: 1, b: null }, 0, "r1")).toBe("2 pcs");
    expect(renderCell(page[1]!, { a: 1, b: null }, 0, "r1")).toBe("—");
    expect(renderCell(page[1]!, { a: 1, b: "x" }, 0, "r1")).toBe("x");
  });

  it("writes the export's columns in order, numbers typed, page-only columns left out", () => {
    const exported = toExportColumns(columns);
    expect(exported.map((c) => [c.header, c.type])).toEqual([
      ["A", "number"],
      ["C", undefined],
    ]);
    expect(exported.map((c) => c.value({ a: 2, b: null }))).toEqual([2, 4]);
  });

  it("types a cell's context without TanStack's row model", () => {
    // these lines are checked by `tsc --noEmit`: a cell that calls a row-model method does not compile
    const checked = defineColumns<{ a: number }>();
    // @ts-expect-error -- no row selection: the feature is not registered and the body has no row model
    checked.field("a", { header: "A", cell: (i) => String(i.row.getIsSelected()) });
    // @ts-expect-error -- no core row API either: cells are rendered without building TanStack rows
    checked.field("a", { header: "A", cell: (i) => String(i.row.getVisibleCells().length) });
    // @ts-expect-error -- the value's type is checked against the field
    checked.field("a", { header: "A", cell: (i) => i.getValue().toUpperCase() });
    expect(toPageColumns([checked.field("a", { header: "A" })], undefined).map((c) => c.id)).toEqual(["a"]);
  });
});
