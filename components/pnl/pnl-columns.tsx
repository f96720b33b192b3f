// The P&L tables' one column definitions: the statement and the drill-down on /pnl show the columns
// with a cell; /pnl/export writes every column but the page-only ones, in this order.
import Link from "next/link";
import { type DataTableCellContext, defineColumns, type Translate } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import type { PnlDrillKey } from "@/lib/data/pnl-params";
import type { Formatters } from "@/lib/i18n/format";
import type { PnlSkuRow } from "@/lib/services/pnl/statement";
import type { PnlTableRow } from "./pnl-rows";

/** A loss in red. */
const tone = (v: string | null) => (v !== null && v.startsWith("-") ? "text-red-700" : "text-slate-900");

/** What the statement's cells need and the export does not. */
export interface PnlStatementCellContext {
  f: Formatters;
  /** the page's URL with the drill-down of one line open */
  lineHref: (key: PnlDrillKey) => string;
  currentLine: PnlDrillKey | undefined;
}

const statement = defineColumns<PnlTableRow, PnlStatementCellContext>();
const money = (f: Formatters, v: string | null) => (v === null ? "—" : f.rub(v, { fractionDigits: 2 }));
const pct = (f: Formatters, v: string | null) => (v === null ? "—" : `${f.number(v, 2)}%`);

/** A money column shown to the kopeck ("—" when empty); `className` styles the cell per row. */
function moneyColumn<TRow, TCtx extends { f: Formatters }>(header: string, className?: (row: TRow) => string) {
  return {
    header,
    isNumeric: true,
    format: "money" as const,
    className,
    cell: (i: DataTableCellContext<TRow, string | null>, { f }: TCtx) => money(f, i.getValue()),
  };
}

export function pnlStatementColumns(t: Translate) {
  return [
    statement.computed({
      id: "line",
      header: t("columns.line"),
      value: (r) => t(`lines.${r.key}`),
      cell: (i, { f, lineHref, currentLine }) => {
        const r = i.row.original;
        const isStoreOnly = r.skuLevel === "0.00" && r.storeLevel !== null && r.storeLevel !== "0.00";
        return (
          <div className="flex flex-wrap items-center gap-1.5">
            <Link
              href={lineHref(r.key)}
              aria-current={currentLine === r.key ? "true" : undefined}
              title={t("drill.open")}
              className="text-indigo-700 hover:underline"
            >
              {i.getValue()}
            </Link>
            {r.estimated !== "0.00" ? (
              <span title={t("marks.estimatedHelp")}>
                <Badge tone="warning">{t("marks.estimated", { share: f.number(r.estimatedShare ?? "0", 1) })}</Badge>
              </span>
            ) : null}
            {r.provisionalShare !== null ? (
              <span title={t("marks.provisionalHelp")}>
                <Badge tone="info">{t("marks.provisional", { share: f.number(r.provisionalShare, 1) })}</Badge>
              </span>
            ) : null}
            {isStoreOnly ? (
              <span title={t("marks.storeLevelHelp")}>
                <Badge>{t("marks.storeLevel")}</Badge>
              </span>
            ) : null}
          </div>
        );
      },
    }),
    // the line's stable key, for spreadsheets that look lines up
    statement.field("key", { header: "key", cell: false }),
    statement.field(
      "amount",
      moneyColumn(t("columns.amount"), (r) => tone(r.amount)),
    ),
    statement.field("percent", {
      header: t("columns.percent"),
      isNumeric: true,
      format: "percent",
      cell: (i, { f }) => pct(f, i.getValue()),
    }),
    statement.field(
      "skuLevel",
      moneyColumn(t("columns.skuLevel"), () => "text-slate-600"),
    ),
    statement.field(
      "storeLevel",
      moneyColumn(t("columns.storeLevel"), () => "text-slate-600"),
    ),
    // on the page the estimate is a mark beside the line's name
    statement.field("estimated", { header: t("columns.estimated"), isNumeric: true, format: "money", cell: false }),
    statement.field(
      "previous",
      moneyColumn(t("columns.previous"), () => "text-slate-600"),
    ),
    statement.field("change", {
      header: t("columns.change"),
      isNumeric: true,
      format: "money",
      className: (r) => tone(r.change),
      cell: (i, { f }) => {
        const { changePercent } = i.row.original;
        return (
          <>
            {money(f, i.getValue())}
            {changePercent !== null ? (
              <span className="ml-1 text-xs text-slate-500">({pct(f, changePercent)})</span>
            ) : null}
          </>
        );
      },
    }),
  ];
}

/** What the drill-down's cells need and the export does not. */
export interface PnlDrillCellContext {
  f: Formatters;
  skuHref: (skuId: number) => string;
}

const drill = defineColumns<PnlSkuRow, PnlDrillCellContext>();

/** Columns that only mean something when the line has a store-level amount to allocate. */
export const PNL_ALLOCATION_COLUMNS: readonly string[] = ["allocated", "fullyLoaded"];

export function pnlDrillColumns(t: Translate) {
  return [
    drill.field("article", {
      header: t("columns.article"),
      cell: (i, { skuHref }) => (
        <Link href={skuHref(i.row.original.skuId)} className="text-indigo-700 hover:underline">
          {i.getValue() ?? i.row.original.skuId}
        </Link>
      ),
    }),
    drill.field("name", { header: t("columns.name"), className: () => "max-w-xs truncate", cell: (i) => i.getValue() }),
    drill.field("marketplace", {
      header: t("columns.marketplace"),
      cell: (i) => (i.getValue() === "WB" ? "Wildberries" : "Ozon"),
    }),
    drill.field(
      "amount",
      moneyColumn(t("columns.amount"), (r) => tone(r.amount)),
    ),
    drill.field(
      "allocated",
      moneyColumn(t("columns.allocated"), (r) => tone(r.allocated)),
    ),
    drill.field(
      "fullyLoaded",
      moneyColumn(t("columns.fullyLoaded"), (r) => `font-medium ${tone(r.fullyLoaded)}`),
    ),
    drill.field("netSales", moneyColumn(t("columns.netSales"))),
    drill.field("units", {
      header: t("columns.units"),
      isNumeric: true,
      format: "integer",
      cell: (i, { f }) => f.number(i.getValue()),
    }),
  ];
}
