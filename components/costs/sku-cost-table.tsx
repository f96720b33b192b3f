"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { createDataTableColumns, DataTable, type ServerTableProps } from "@/components/data-table";
import { useFormatters } from "@/components/layout/use-client-context";
import type { SkuCostRow } from "@/lib/data/costs";

const helper = createDataTableColumns<SkuCostRow>();

export function SkuCostTable(props: Omit<ServerTableProps<SkuCostRow>, "sort" | "dir">) {
  const t = useTranslations("costs");
  const search = useSearchParams();
  const pathname = usePathname();
  const f = useFormatters(props.timeZone);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("article", {
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
        helper.accessor("name", {
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
        helper.accessor("currentCost", {
          header: t("columns.currentCost"),
          enableSorting: false,
          meta: { isNumeric: true },
          cell: (i) =>
            i.getValue() === null ? (
              <span className="text-red-700">{t("none")}</span>
            ) : (
              f.rub(i.getValue(), { fractionDigits: 2 })
            ),
        }),
        helper.accessor("currentFrom", {
          header: t("columns.dtFrom"),
          enableSorting: false,
          cell: (i) => f.day(i.getValue()),
        }),
        helper.accessor("entries", {
          header: t("columns.entries"),
          enableSorting: false,
          meta: { isNumeric: true },
          cell: (i) => f.number(i.getValue()),
        }),
      ]),
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
