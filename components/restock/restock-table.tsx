"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { createDataTableColumns, DataTable, type ServerTableProps } from "@/components/data-table";
import { useFormatters, useScopeQuery } from "@/components/layout/use-client-context";
import type { RestockRow } from "@/lib/data/restock";

const helper = createDataTableColumns<RestockRow>();

export function RestockTable(props: ServerTableProps<RestockRow>) {
  const t = useTranslations("restock");
  const f = useFormatters(props.timeZone);
  const scope = useScopeQuery();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("article", {
          header: t("columns.article"),
          meta: { isSticky: true },
          cell: (i) => (
            <Link href={`/skus/${i.row.original.skuId}${scope}`} prefetch={false}>
              {i.row.original.article ?? i.row.original.externalId}
            </Link>
          ),
        }),
        helper.accessor("name", {
          header: t("columns.name"),
          enableSorting: false,
          cell: (i) => (
            <span className="cell-name max-w-[14rem]" title={i.getValue() ?? undefined}>
              {i.getValue() ?? "—"}
              <small>{i.row.original.marketplace === "WB" ? "WB" : "Ozon"}</small>
            </span>
          ),
        }),
        helper.accessor("warehouseName", {
          header: t("columns.warehouse"),
          enableSorting: false,
          cell: (i) => i.getValue() ?? "—",
        }),
        helper.accessor("coverDays", {
          header: t("columns.coverDays"),
          meta: { isNumeric: true },
          cell: (i) => {
            const v = i.getValue();
            const text = v === null ? t("noSales") : f.number(v, 1);
            return v !== null && Number(v) < 7 ? <span className="font-semibold text-red-700">{text}</span> : text;
          },
        }),
        helper.accessor("recommendedQty", {
          header: t("columns.recommendedQty"),
          meta: { isNumeric: true },
          cell: (i) => (
            <span className="font-semibold" data-testid="restock-qty">
              {f.number(i.getValue())}
            </span>
          ),
        }),
        helper.accessor("velocity", {
          header: t("columns.velocity"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue(), 2),
        }),
        helper.accessor("demandStd", {
          header: t("columns.demandStd"),
          enableSorting: false,
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue(), 2),
        }),
        helper.accessor("onHand", {
          header: t("columns.onHand"),
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue()),
        }),
        helper.accessor("inTransit", {
          header: t("columns.inTransit"),
          enableSorting: false,
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue()),
        }),
        helper.accessor("safetyCoeff", {
          header: t("columns.safetyCoeff"),
          enableSorting: false,
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue(), 2),
        }),
      ]),
    [t, f, scope],
  );
  return (
    <DataTable
      columns={columns}
      view={props}
      caption={t("caption")}
      getRowId={(r) => `${r.skuId}-${r.warehouseId ?? 0}-${r.windowDays}`}
      testId="restock-table"
    />
  );
}
