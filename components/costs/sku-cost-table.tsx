"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type ServerTableProps } from "@/components/data-table";
import { defineColumns, toPageColumns } from "@/components/data-table/columns";
import { useFormatters } from "@/components/layout/use-client-context";
import type { SkuCostRow } from "@/lib/data/costs";

// page only: this table has no export
const col = defineColumns<SkuCostRow>();

export function SkuCostTable(props: Omit<ServerTableProps<SkuCostRow>, "sort" | "dir">) {
  const t = useTranslations("costs");
  const search = useSearchParams();
  const pathname = usePathname();
  const f = useFormatters(props.timeZone);
  const columns = useMemo(
    () =>
      toPageColumns(
        [
          col.field("article", {
            header: t("columns.article"),
            cell: (i) => {
              const q = new URLSearchParams(search.toString());
              q.set("sku", String(i.row.original.skuId));
              return (
                <Link href={`${pathname}?${q}#history`} prefetch={false} data-testid="cost-sku-link" scroll={false}>
                  {i.getValue() ?? i.row.original.externalId}
                </Link>
              );
            },
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
          col.field("currentCost", {
            header: t("columns.currentCost"),
            enableSorting: false,
            isNumeric: true,
            cell: (i) =>
              i.getValue() === null ? (
                <span className="text-red-700">{t("none")}</span>
              ) : (
                f.rub(i.getValue(), { fractionDigits: 2 })
              ),
          }),
          col.field("currentFrom", {
            header: t("columns.dtFrom"),
            enableSorting: false,
            cell: (i) => f.day(i.getValue()),
          }),
          col.field("entries", {
            header: t("columns.entries"),
            enableSorting: false,
            isNumeric: true,
            cell: (i) => f.number(i.getValue()),
          }),
        ],
        undefined,
      ),
    [t, f, search, pathname],
  );
  return (
    <DataTable
      columns={columns}
      view={{ ...props, sort: "article", dir: "asc" }}
      caption={t("tableCaption")}
      getRowId={(r) => String(r.skuId)}
      testId="cost-table"
    />
  );
}
