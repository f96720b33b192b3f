// The restock table's one column definition: the page (RestockTable) shows the columns with a cell,
// the CSV/XLSX export (/restock/export) writes every column, in this order.
import Link from "next/link";
import { defineColumns, type Translate } from "@/components/data-table/columns";
import type { RestockRow } from "@/lib/data/restock";
import type { Formatters } from "@/lib/i18n/format";

/** What the page's cells need and the export does not. */
export interface RestockCellContext {
  f: Formatters;
  /** the store and date range query string, kept on links */
  scope: string;
}

const col = defineColumns<RestockRow, RestockCellContext>();

export function restockColumns(t: Translate) {
  return [
    col.field("article", {
      header: t("columns.article"),
      meta: { isSticky: true },
      cell: (i, { scope }) => (
        <Link href={`/skus/${i.row.original.skuId}${scope}`} prefetch={false}>
          {i.row.original.article ?? i.row.original.externalId}
        </Link>
      ),
    }),
    col.field("name", {
      header: t("columns.name"),
      enableSorting: false,
      cell: (i) => (
        <span className="cell-name max-w-[14rem]" title={i.getValue() ?? undefined}>
          {i.getValue() ?? "—"}
          <small>{i.row.original.marketplace === "WB" ? "WB" : "Ozon"}</small>
        </span>
      ),
    }),
    // on the page these two are in the name cell and the article link
    col.field("marketplace", { header: t("columns.marketplace"), cell: false }),
    col.field("externalId", { header: t("columns.externalId"), cell: false }),
    col.field("warehouseName", {
      header: t("columns.warehouse"),
      enableSorting: false,
      cell: (i) => i.getValue() ?? "—",
    }),
    // the page shows one window at a time (the filter above the table)
    col.field("windowDays", { header: t("columns.window"), isNumeric: true, cell: false }),
    col.field("coverDays", {
      header: t("columns.coverDays"),
      isNumeric: true,
      cell: (i, { f }) => {
        const v = i.getValue();
        const text = v === null ? t("noSales") : f.number(v, 1);
        return v !== null && Number(v) < 7 ? <span className="font-semibold text-red-700">{text}</span> : text;
      },
    }),
    col.field("recommendedQty", {
      header: t("columns.recommendedQty"),
      format: "integer",
      isNumeric: true,
      cell: (i, { f }) => (
        <span className="font-semibold" data-testid="restock-qty">
          {f.number(i.getValue())}
        </span>
      ),
    }),
    col.field("velocity", {
      header: t("columns.velocity"),
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue(), 2),
    }),
    col.field("demandStd", {
      header: t("columns.demandStd"),
      enableSorting: false,
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue(), 2),
    }),
    col.field("onHand", {
      header: t("columns.onHand"),
      isNumeric: true,
      format: "integer",
      cell: (i, { f }) => f.number(i.getValue()),
    }),
    col.field("inTransit", {
      header: t("columns.inTransit"),
      format: "integer",
      enableSorting: false,
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue()),
    }),
    col.field("safetyCoeff", {
      header: t("columns.safetyCoeff"),
      enableSorting: false,
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue(), 2),
    }),
    // the advice's day is in the page's heading
    col.field("d", { header: t("columns.adviceDay"), format: "date", cell: false }),
  ];
}
