// The cash flow table's one column definition: a row per day or week; the operating total, financing
// and payouts, then a column per operating type of money present in the period (in the order of the
// totals by type). The page's table and the CSV/XLSX export (/cashflow/export) read it.
import { defineColumns, type Translate } from "@/components/data-table/columns";
import type { CashflowBucket, CashflowSummary, CashflowType } from "@/lib/data/cashflow";
import type { Formatters } from "@/lib/i18n/format";

/** What the page's cells need and the export does not. */
export interface CashflowCellContext {
  f: Formatters;
}

const col = defineColumns<CashflowBucket, CashflowCellContext>();

const isOperating = (type: CashflowType) => type !== "financing" && type !== "payout";

function moneyColumn(id: string, header: string, value: (row: CashflowBucket) => string | null) {
  return col.computed<string | null>({
    id,
    header,
    value,
    isNumeric: true,
    format: "money",
    enableSorting: false,
    // a type without money in this period: a dash on the page, an empty export cell
    cell: (i, { f }) => (i.getValue() === null ? "—" : f.rub(i.getValue(), { fractionDigits: 2 })),
    className: (row) => (Number(value(row) ?? 0) < 0 ? "text-red-700" : undefined),
  });
}

/** `t` is the cashflow namespace; the columns follow the types the summary has. */
export function cashflowColumns(t: Translate, summary: Pick<CashflowSummary, "bucket" | "totalsByType">) {
  const types = summary.totalsByType.map((x) => x.type);
  const byType = (type: CashflowType) => moneyColumn(type, t(`types.${type}`), (row) => row.byType[type] ?? null);
  return [
    col.field("d", {
      header: t(summary.bucket === "week" ? "table.week" : "table.day"),
      format: "date",
      enableSorting: false,
      cell: (i, { f }) => f.day(i.getValue()),
    }),
    // the day's result first (a wide table scrolls: what a seller looks for stays in view), then its parts
    moneyColumn("operating", t("table.operating"), (row) => row.operating),
    ...types.filter((type) => !isOperating(type)).map(byType),
    ...types.filter(isOperating).map(byType),
  ];
}
