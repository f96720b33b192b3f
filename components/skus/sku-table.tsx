"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { createDataTableColumns, DataTable, type ServerTableProps } from "@/components/data-table";
import { useFormatters, useScopeQuery } from "@/components/layout/use-client-context";
import { FlagLegend, flagMark, type FlagKind } from "@/components/data-table/flags";
import type { SkuRow } from "@/lib/data/skus";

const helper = createDataTableColumns<SkuRow>();

/** sold without a cost price on every selling day: COGS and profit are unknown */
const isUnknown = (row: SkuRow) => row.isMissingCost && (row.cogs === null || Number(row.cogs) === 0);

export function SkuTable(props: ServerTableProps<SkuRow>) {
  const t = useTranslations("skus");
  const td = useTranslations("dashboard");
  const f = useFormatters(props.timeZone);
  const scope = useScopeQuery();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("article", {
          header: t("columns.article"),
          meta: { isSticky: true },
          cell: (info) => {
            const row = info.row.original;
            return (
              <Link href={`/skus/${row.id}${scope}`} prefetch={false} data-testid="sku-link">
                {row.article ?? row.externalId}
              </Link>
            );
          },
        }),
        helper.accessor("name", {
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
        helper.accessor("units", {
          header: t("columns.units"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue()),
        }),
        helper.accessor("refunds", {
          header: t("columns.refunds"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue()),
        }),
        helper.accessor("netSales", {
          header: t("columns.netSales"),
          meta: { isNumeric: true },
          // provisional sales are marked here; the legend above the table explains the marks (a title
          // per cell repeated it 50 times)
          cell: (i) => {
            const row = i.row.original;
            const flagged = row.isProvisional;
            return (
              <span className={flagged ? "text-amber-800" : undefined}>
                {f.rub(i.getValue())}
                {row.isProvisional ? flagMark("provisional", td("flags.provisional")) : null}
              </span>
            );
          },
        }),
        helper.accessor("payout", {
          header: t("columns.payout"),
          meta: { isNumeric: true },
          // payout is after the marketplace's costs, so estimated commission or logistics is marked here
          cell: (i) => {
            const row = i.row.original;
            return (
              <span className={row.hasEstimatedCommission ? "text-amber-800" : undefined}>
                {f.rub(i.getValue())}
                {row.hasEstimatedCommission ? flagMark("estimated", td("flags.estimated")) : null}
              </span>
            );
          },
        }),
        helper.accessor("cogs", {
          header: t("columns.cogs"),
          meta: { isNumeric: true },
          // a SKU that sold without any cost price has no known COGS or profit: show a dash, not 0
          cell: (i) => (isUnknown(i.row.original) ? "—" : f.rub(i.getValue())),
        }),
        helper.accessor("profit", {
          header: t("columns.profit"),
          meta: { isNumeric: true },
          cell: (i) => (
            <span
              data-testid="sku-profit"
              className={
                isUnknown(i.row.original)
                  ? "text-slate-500"
                  : Number(i.getValue() ?? 0) < 0
                    ? "text-red-700"
                    : undefined
              }
              title={i.row.original.isMissingCost ? t("missingCostHint") : undefined}
            >
              {isUnknown(i.row.original) ? "—" : f.rub(i.getValue())}
              {i.row.original.isMissingCost ? flagMark("noCost", td("flags.noCost")) : null}
            </span>
          ),
        }),
        helper.accessor("margin", {
          header: t("columns.margin"),
          meta: { isNumeric: true },
          cell: (i) =>
            i.getValue() === null || isUnknown(i.row.original) ? "—" : f.percent(Number(i.getValue()) / 100, 1),
        }),
        helper.accessor("sv7", {
          header: t("columns.sv7"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue(), 2),
        }),
        helper.accessor("sv14", {
          header: t("columns.sv14"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue(), 2),
        }),
        helper.accessor("sv28", {
          header: t("columns.sv28"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue(), 2),
        }),
        helper.accessor("onHand", {
          header: t("columns.onHand"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue()),
        }),
        helper.accessor("coverDays", {
          header: t("columns.coverDays"),
          meta: { isNumeric: true },
          cell: (i) => {
            const v = i.getValue();
            return v !== null && Number(v) < 7 ? (
              <span className="font-semibold text-red-700">{f.number(v, 1)}</span>
            ) : (
              f.number(v, 1)
            );
          },
        }),
      ]),
    [t, td, f, scope],
  );
  const flagsOnPage: FlagKind[] = [];
  if (props.rows.some((r) => r.isProvisional)) flagsOnPage.push("provisional");
  if (props.rows.some((r) => r.hasEstimatedCommission)) flagsOnPage.push("estimated");
  if (props.rows.some((r) => r.isMissingCost)) flagsOnPage.push("noCost");
  return (
    <>
      <FlagLegend kinds={flagsOnPage} />
      <DataTable
        columns={columns}
        view={props}
        caption={t("caption")}
        getRowId={(row) => String(row.id)}
        testId="sku-table"
      />
    </>
  );
}
