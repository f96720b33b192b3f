// The cost price table's one column definition: the page (SkuCostTable) shows the columns with a
// cell, the CSV/XLSX export (/costs/export) writes every column but the page-only ones, in this order.
import Link from "next/link";
import { defineColumns, type Translate } from "@/components/data-table/columns";
import type { SkuCostRow } from "@/lib/data/costs";
import type { Formatters } from "@/lib/i18n/format";

/** What the page's cells need and the export does not. */
export interface CostCellContext {
  f: Formatters;
  /** the link that opens a SKU's cost history on this page, keeping the page's filters */
  historyHref: (skuId: number) => string;
}

const col = defineColumns<SkuCostRow, CostCellContext>();

export function costColumns(t: Translate) {
  return [
    col.field("article", {
      header: t("columns.article"),
      cell: (i, { historyHref }) => (
        <Link href={historyHref(i.row.original.skuId)} prefetch={false} data-testid="cost-sku-link" scroll={false}>
          {i.getValue() ?? i.row.original.externalId}
        </Link>
      ),
    }),
    col.field("name", {
      header: t("columns.name"),
      enableSorting: false,
      cell: (i) => (
        <span className="block max-w-[18rem] truncate">
          {i.getValue() ?? "—"}{" "}
          <span className="text-xs text-slate-500">
            {i.row.original.marketplace === "WB" ? "WB" : "Ozon"} · {i.row.original.externalId}
          </span>
        </span>
      ),
    }),
    // on the page these two are the name cell's second line
    col.field("marketplace", { header: t("columns.marketplace"), cell: false }),
    col.field("externalId", { header: t("columns.externalId"), cell: false }),
    col.field("currentCost", {
      header: t("columns.currentCost"),
      enableSorting: false,
      isNumeric: true,
      format: "money",
      // no cost price: "not set" on the page, an empty cell in the export
      cell: (i, { f }) =>
        i.getValue() === null ? (
          <span className="text-red-700">{t("none")}</span>
        ) : (
          f.rub(i.getValue(), { fractionDigits: 2 })
        ),
    }),
    col.field("currentFrom", {
      header: t("columns.dtFrom"),
      enableSorting: false,
      format: "date",
      cell: (i, { f }) => f.day(i.getValue()),
    }),
    col.field("entries", {
      header: t("columns.entries"),
      enableSorting: false,
      isNumeric: true,
      format: "integer",
      cell: (i, { f }) => f.number(i.getValue()),
    }),
  ];
}
