// The SKU table's one column definition: the page (SkuTable) shows the columns with a cell, the
// CSV/XLSX export (/skus/export) writes every column but the page-only ones, in this order.
import Link from "next/link";
import { type DataTableCellContext, defineColumns, type Translate } from "@/components/data-table/columns";
import { flagMark } from "@/components/data-table/flags";
import type { SkuRow } from "@/lib/data/skus";
import type { Formatters } from "@/lib/i18n/format";

/** What the page's cells need and the export does not. */
export interface SkuCellContext {
  f: Formatters;
  /** the dashboard namespace (flag marks) */
  td: Translate;
  /** the store and date range query string, kept on links */
  scope: string;
}

const col = defineColumns<SkuRow, SkuCellContext>();

/** no cost price: COGS, profit and margin are unknown (a dash on the page, an empty export cell) */
const isUnknown = (row: SkuRow) => row.profit === null;

/** A count, right-aligned, exported as an integer. */
const integer = (header: string) => ({
  header,
  isNumeric: true,
  format: "integer" as const,
  cell: (i: DataTableCellContext<SkuRow, number | null>, { f }: SkuCellContext) => f.number(i.getValue()),
});

/** Money to the rouble, in amber with its flag mark where `isFlagged` (the legend explains the marks). */
const flaggedMoney = (header: string, flag: "provisional" | "estimated", isFlagged: (row: SkuRow) => boolean) => ({
  header,
  isNumeric: true,
  format: "money" as const,
  cell: (i: DataTableCellContext<SkuRow, string>, { f, td }: SkuCellContext) => {
    const marked = isFlagged(i.row.original);
    return (
      <span className={marked ? "text-amber-800" : undefined}>
        {f.rub(i.getValue())}
        {marked ? flagMark(flag, td(`flags.${flag}`)) : null}
      </span>
    );
  },
});

export function skuColumns(t: Translate) {
  const yes = (flag: boolean) => (flag ? t("yes") : "");
  return [
    col.field("article", {
      header: t("columns.article"),
      meta: { isSticky: true },
      cell: (info, { scope }) => {
        const row = info.row.original;
        return (
          <Link href={`/skus/${row.id}${scope}`} prefetch={false} data-testid="sku-link">
            {row.article ?? row.externalId}
          </Link>
        );
      },
    }),
    col.field("name", {
      header: t("columns.name"),
      cell: (info) => {
        const row = info.row.original;
        return (
          <span className="cell-name" title={row.name ?? undefined}>
            {row.name ?? "—"}
            <small>{`${row.marketplace === "WB" ? "WB" : "Ozon"} · ${row.externalId}${row.brand ? ` · ${row.brand}` : ""}`}</small>
          </span>
        );
      },
    }),
    // on the page these four are the name cell's second line
    col.field("marketplace", { header: t("columns.marketplace"), cell: false }),
    col.field("externalId", { header: t("columns.externalId"), cell: false }),
    col.field("brand", { header: t("columns.brand"), cell: false }),
    col.field("category", { header: t("columns.category"), cell: false }),
    col.field("units", integer(t("columns.units"))),
    col.field("refunds", integer(t("columns.refunds"))),
    // provisional sales are marked here; the legend above the table explains the marks (a title per cell
    // repeated it 50 times)
    col.field(
      "netSales",
      flaggedMoney(t("columns.netSales"), "provisional", (row) => row.isProvisional),
    ),
    // payout is after the marketplace's costs, so estimated commission or logistics is marked here
    col.field(
      "payout",
      flaggedMoney(t("columns.payout"), "estimated", (row) => row.hasEstimatedCommission),
    ),
    col.field("cogs", {
      header: t("columns.cogs"),
      isNumeric: true,
      format: "money",
      // a SKU that sold without any cost price has no known COGS or profit: show a dash, not 0
      cell: (i, { f }) => (i.getValue() === null ? "—" : f.rub(i.getValue())),
    }),
    col.field("profit", {
      header: t("columns.profit"),
      isNumeric: true,
      format: "money",
      cell: (i, { f, td }) => (
        <span
          data-testid="sku-profit"
          className={
            isUnknown(i.row.original) ? "text-slate-500" : Number(i.getValue() ?? 0) < 0 ? "text-red-700" : undefined
          }
          title={i.row.original.isMissingCost ? t("missingCostHint") : undefined}
        >
          {isUnknown(i.row.original) ? "—" : f.rub(i.getValue())}
          {i.row.original.isMissingCost ? flagMark("noCost", td("flags.noCost")) : null}
        </span>
      ),
    }),
    col.field("margin", {
      header: t("columns.margin"),
      isNumeric: true,
      format: "percent",
      cell: (i, { f }) => (i.getValue() === null ? "—" : f.percent(Number(i.getValue()) / 100, 1)),
    }),
    col.field("costCoverage", {
      header: t("columns.costCoverage"),
      isNumeric: true,
      format: "percent",
      enableSorting: false,
      cell: (i, { f }) => (i.getValue() === null ? "—" : f.percent(Number(i.getValue()) / 100, 0)),
    }),
    col.field("sv7", { header: t("columns.sv7"), isNumeric: true, cell: (i, { f }) => f.number(i.getValue(), 2) }),
    col.field("sv14", { header: t("columns.sv14"), isNumeric: true, cell: (i, { f }) => f.number(i.getValue(), 2) }),
    col.field("sv28", { header: t("columns.sv28"), isNumeric: true, cell: (i, { f }) => f.number(i.getValue(), 2) }),
    col.field("onHand", integer(t("columns.onHand"))),
    col.field("coverDays", {
      header: t("columns.coverDays"),
      isNumeric: true,
      cell: (i, { f }) => {
        const v = i.getValue();
        return v !== null && Number(v) < 7 ? (
          <span className="font-semibold text-red-700">{f.number(v, 1)}</span>
        ) : (
          f.number(v, 1)
        );
      },
    }),
    // on the page these are the marks in the figures above (and the legend)
    col.field("isProvisional", {
      header: t("columns.provisional"),
      cell: false,
      exportValue: (r) => yes(r.isProvisional),
    }),
    col.field("hasEstimatedCommission", {
      header: t("columns.estimated"),
      cell: false,
      exportValue: (r) => yes(r.hasEstimatedCommission),
    }),
    col.field("isMissingCost", { header: t("columns.noCost"), cell: false, exportValue: (r) => yes(r.isMissingCost) }),
  ];
}
