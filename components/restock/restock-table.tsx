"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type ServerTableProps } from "@/components/data-table";
import { toPageColumns } from "@/components/data-table/columns";
import { useFormatters, useScopeQuery } from "@/components/layout/use-client-context";
import type { RestockRow } from "@/lib/data/restock";
import { restockColumns } from "./restock-columns";

export function RestockTable(props: ServerTableProps<RestockRow>) {
  const t = useTranslations("restock");
  const f = useFormatters(props.timeZone);
  const scope = useScopeQuery();
  const columns = useMemo(
    () =>
      toPageColumns(
        restockColumns((key) => t(key as never)),
        { f, scope },
      ),
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
