"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { DataTable, type ServerTableProps } from "@/components/data-table";
import { rowIdOf, toPageColumns } from "@/components/data-table/columns";
import { useFormatters, useScopeQuery } from "@/components/layout/use-client-context";
import type { RestockRow } from "@/lib/data/restock";
import { restockColumns } from "./restock-columns";

export function RestockTable(props: ServerTableProps<RestockRow>) {
  const t = useTranslations("restock");
  const f = useFormatters(props.timeZone);
  const scope = useScopeQuery();
  const pathname = usePathname();
  const search = useSearchParams();
  const drawerHref = useCallback(
    (adviceId: number) => {
      const next = new URLSearchParams(search);
      next.set("advice", String(adviceId));
      return `${pathname}?${next.toString()}`;
    },
    [pathname, search],
  );
  const columns = useMemo(
    () =>
      toPageColumns(
        restockColumns((key, values) => t(key as never, values as never)),
        { f, scope, drawerHref },
      ),
    [t, f, scope, drawerHref],
  );
  return <DataTable columns={columns} view={props} caption={t("caption")} getRowId={rowIdOf} testId="restock-table" />;
}
