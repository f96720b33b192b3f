// The restock table's one column definition: the page (RestockTable) shows the columns with a cell,
// the CSV/XLSX export (/restock/export) writes every column with an export value, in this order.
import Link from "next/link";
import { defineColumns, type Translate } from "@/components/data-table/columns";
import type { RestockRow } from "@/lib/data/restock";
import type { Formatters } from "@/lib/i18n/format";
import { MarketplaceFigureLine } from "./marketplace-figures";

/** What the page's cells need and the export does not. */
export interface RestockCellContext {
  f: Formatters;
  /** the store and date range query string, kept on links */
  scope: string;
  /** the page's own query string without `advice`, for the drawer links */
  drawerHref: (adviceId: number) => string;
}

const col = defineColumns<RestockRow, RestockCellContext>();

export const STATUS_TONE: Record<RestockRow["status"], string> = {
  order_now: "bg-red-100 text-red-800",
  soon: "bg-amber-100 text-amber-900",
  not_observed: "bg-slate-100 text-slate-700",
  ok: "bg-emerald-50 text-emerald-800",
  overstock: "bg-sky-100 text-sky-900",
};

/** "WB FBO (national)", a cluster's or warehouse's name, or its key. */
export function locationLabel(t: Translate, row: Pick<RestockRow, "locationKind" | "locationName" | "locationKey">) {
  if (row.locationKind === "national") return t("location.national");
  const name = row.locationName ?? row.locationKey;
  return row.locationKind === "cluster" ? t("location.cluster", { name }) : name;
}

export function restockColumns(t: Translate) {
  return [
    col.computed({
      id: "select",
      header: t("columns.select"),
      value: (r) => r.id,
      enableSorting: false,
      exportValue: false,
      cell: (i) =>
        i.row.original.quantity > 0 ? (
          <input
            type="checkbox"
            form="supply-plan-form"
            name="advice"
            value={i.row.original.id}
            aria-label={t("selectRow", { article: i.row.original.article ?? i.row.original.externalId })}
            data-testid="restock-select"
          />
        ) : null,
    }),
    col.field("article", {
      header: t("columns.article"),
      meta: { isSticky: true },
      cell: (i, { drawerHref }) => (
        <Link href={drawerHref(i.row.original.id)} prefetch={false} scroll={false} data-testid="restock-drawer-link">
          {i.row.original.article ?? i.row.original.externalId}
        </Link>
      ),
    }),
    col.field("name", {
      header: t("columns.name"),
      enableSorting: false,
      cell: (i, { scope }) => (
        <span className="cell-name max-w-[14rem]" title={i.getValue() ?? undefined}>
          <Link href={`/skus/${i.row.original.skuId}${scope}`} prefetch={false}>
            {i.getValue() ?? "—"}
          </Link>
          <small>{i.row.original.marketplace === "WB" ? "WB" : "Ozon"}</small>
        </span>
      ),
    }),
    // on the page these two are in the name cell and the drawer link
    col.field("marketplace", { header: t("columns.marketplace"), cell: false }),
    col.field("externalId", { header: t("columns.externalId"), cell: false }),
    col.computed({
      id: "location",
      header: t("columns.location"),
      value: (r) => locationLabel(t, r),
      enableSorting: false,
    }),
    col.field("status", {
      header: t("columns.status"),
      enableSorting: false,
      exportValue: (r) => t(`status.${r.status}`),
      cell: (i) => {
        const r = i.row.original;
        return (
          <span
            className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE[r.status]}`}
            data-testid="restock-status"
          >
            {t(`status.${r.status}`)}
            {r.statusDays !== null ? ` · ${t(`statusDays.${r.status}`, { days: Math.abs(r.statusDays) })}` : ""}
          </span>
        );
      },
    }),
    col.field("statusDays", { header: t("columns.statusDays"), format: "integer", isNumeric: true, cell: false }),
    col.field("reorderDate", {
      header: t("columns.reorderDate"),
      format: "date",
      cell: (i, { f }) => (i.getValue() ? f.day(i.getValue()) : "—"),
    }),
    col.field("quantity", {
      header: t("columns.quantity"),
      format: "integer",
      isNumeric: true,
      cell: (i, { f }) => (
        <span>
          <span className="font-semibold" data-testid="restock-qty">
            {f.number(i.getValue())}
          </span>
          <MarketplaceFigureLine row={i.row.original} kind="supply" t={t} f={f} />
        </span>
      ),
    }),
    col.field("forecast", {
      header: t("columns.forecast"),
      format: "number",
      isNumeric: true,
      cell: (i, { f }) => (i.getValue() === null ? t("notObserved") : f.number(i.getValue(), 2)),
    }),
    col.field("inStockDays", {
      header: t("columns.inStockDays"),
      isNumeric: true,
      enableSorting: false,
      cell: (i, { f }) => `${f.number(i.getValue())} / ${f.number(i.getValue() + i.row.original.outOfStockDays)}`,
    }),
    col.field("outOfStockDays", {
      header: t("columns.outOfStockDays"),
      format: "integer",
      isNumeric: true,
      cell: false,
    }),
    col.field("onHand", {
      header: t("columns.onHand"),
      format: "integer",
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue()),
    }),
    col.field("inbound", {
      header: t("columns.inbound"),
      format: "integer",
      enableSorting: false,
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue()),
    }),
    col.field("openPlans", {
      header: t("columns.openPlans"),
      format: "integer",
      enableSorting: false,
      isNumeric: true,
      cell: (i, { f }) => f.number(i.getValue()),
    }),
    col.field("lostUnits", {
      header: t("columns.lostUnits"),
      format: "integer",
      isNumeric: true,
      cell: (i, { f }) => (
        <span>
          {f.number(i.getValue(), 0)}
          <MarketplaceFigureLine row={i.row.original} kind="lost" t={t} f={f} />
        </span>
      ),
    }),
    col.field("lostProfit", {
      header: t("columns.lostProfit"),
      format: "money",
      isNumeric: true,
      enableSorting: false,
      cell: (i, { f }) => (i.getValue() === null ? "—" : f.rub(i.getValue())),
    }),
    col.field("lostRevenue", { header: t("columns.lostRevenue"), format: "money", isNumeric: true, cell: false }),
    col.field("mpLostUnits", { header: t("columns.mpLostUnits"), format: "integer", isNumeric: true, cell: false }),
    col.field("mpLostSum", { header: t("columns.mpLostSum"), format: "money", isNumeric: true, cell: false }),
    // on the page these are under the quantity and lost sales
    col.computed({
      id: "ozonSupply",
      header: t("columns.ozonSupply"),
      value: (r) => r.ozonSupply?.recommendedSupply ?? null,
      format: "integer",
      isNumeric: true,
      cell: false,
    }),
    col.computed({
      id: "ozonLocalIndex",
      header: t("columns.ozonLocalIndex"),
      value: (r) => r.ozonSupply?.localIndex ?? null,
      format: "number",
      isNumeric: true,
      cell: false,
    }),
    col.computed({
      id: "mpFigureDay",
      header: t("columns.mpFigureDay"),
      value: (r) => r.ozonSupply?.d ?? r.mpLost?.d ?? null,
      format: "date",
      cell: false,
    }),
    // the advice's day is in the page's heading
    col.field("d", { header: t("columns.adviceDay"), format: "date", cell: false }),
  ];
}
