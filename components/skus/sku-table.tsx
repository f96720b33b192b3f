"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type ServerTableProps } from "@/components/data-table";
import { toPageColumns } from "@/components/data-table/columns";
import { useFormatters, useScopeQuery } from "@/components/layout/use-client-context";
import { FlagLegend, type FlagKind } from "@/components/data-table/flags";
import type { SkuRow } from "@/lib/data/skus";
import { skuColumns } from "./sku-columns";

export function SkuTable(props: ServerTableProps<SkuRow>) {
  const t = useTranslations("skus");
  const td = useTranslations("dashboard");
  const f = useFormatters(props.timeZone);
  const scope = useScopeQuery();
  const columns = useMemo(
    () =>
      toPageColumns(
        skuColumns((key) => t(key as never)),
        { f, td: (key) => td(key as never), scope },
      ),
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
