"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type ServerTableProps } from "@/components/data-table";
import { toPageColumns } from "@/components/data-table/columns";
import { costColumns } from "./cost-columns";
import { useFormatters } from "@/components/layout/use-client-context";
import type { SkuCostRow } from "@/lib/data/costs";

export function SkuCostTable(props: Omit<ServerTableProps<SkuCostRow>, "sort" | "dir">) {
  const t = useTranslations("costs");
  const search = useSearchParams();
  const pathname = usePathname();
  const f = useFormatters(props.timeZone);
  const columns = useMemo(() => {
    const historyHref = (skuId: number) => {
      const q = new URLSearchParams(search.toString());
      q.set("sku", String(skuId));
      return `${pathname}?${q}#history`;
    };
    return toPageColumns(
      costColumns((key) => t(key as never)),
      { f, historyHref },
    );
  }, [t, f, search, pathname]);
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
