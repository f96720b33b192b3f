"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { DataTable, type ServerTableProps } from "@/components/data-table";
import { rowIdOf, toPageColumns } from "@/components/data-table/columns";
import { useFormatters, useScopeQuery } from "@/components/layout/use-client-context";
import { FlagLegend, type FlagKind } from "@/components/data-table/flags";
import { saveSkuColumnsAction } from "@/lib/actions/preferences";
import { type SkuOptionalColumnId, skuOptionalColumnIds } from "@/lib/data/sku-columns-choice";
import type { SkuRow, SkuTotals } from "@/lib/data/skus";
import { skuColumns } from "./sku-columns";
import { runtimeKeys } from "@/lib/i18n/runtime-keys";

export interface SkuTableProps extends ServerTableProps<SkuRow> {
  totals: SkuTotals;
  /** the optional columns the user chose to see (stored per user) */
  visibleColumns: SkuOptionalColumnId[];
  /** velocity windows of the cover (AGGR_DAYS_WB / AGGR_DAYS_OZON) */
  coverWindows: { wb: number; ozon: number };
}

const isOptional = (id: string): id is SkuOptionalColumnId => (skuOptionalColumnIds as readonly string[]).includes(id);

export function SkuTable(props: SkuTableProps) {
  const t = useTranslations("skus");
  const td = useTranslations("dashboard");
  const f = useFormatters(props.timeZone);
  const scope = useScopeQuery();
  const [visible, setVisible] = useState<SkuOptionalColumnId[]>(props.visibleColumns);
  const [status, setStatus] = useState<string | null>(null);
  const [isSaving, startSaving] = useTransition();
  const allColumns = useMemo(
    () => toPageColumns(skuColumns(runtimeKeys(t)), { f, td: runtimeKeys(td), scope }),
    [t, td, f, scope],
  );
  const columns = useMemo(
    () => allColumns.filter((c) => !isOptional(c.id) || visible.includes(c.id)),
    [allColumns, visible],
  );
  const toggle = (id: SkuOptionalColumnId, on: boolean) => {
    const next = skuOptionalColumnIds.filter((c) => (c === id ? on : visible.includes(c)));
    setVisible(next);
    startSaving(async () => {
      const result = await saveSkuColumnsAction({ columns: next });
      setStatus(result.ok ? t("columnsSaved") : t("columnsSaveFailed", { message: result.message }));
    });
  };
  const { totals } = props;
  const footer: Partial<Record<string, React.ReactNode>> = {
    article: t("totals", { count: f.number(totals.skus) }),
    units: f.number(totals.units),
    refunds: f.number(totals.refunds),
    netSales: f.rub(totals.netSales),
    payout: f.rub(totals.payout),
    cogs: totals.cogs === null ? "—" : f.rub(totals.cogs),
    profit: totals.profit === null ? "—" : f.rub(totals.profit),
    margin: totals.margin === null ? "—" : f.percent(Number(totals.margin) / 100, 1),
    costCoverage: totals.costCoverage === null ? "—" : f.percent(Number(totals.costCoverage) / 100, 0),
  };
  const flagsOnPage: FlagKind[] = [];
  if (props.rows.some((r) => r.isProvisional)) flagsOnPage.push("provisional");
  if (props.rows.some((r) => r.hasEstimatedCommission)) flagsOnPage.push("estimated");
  if (props.rows.some((r) => r.isMissingCost)) flagsOnPage.push("noCost");
  return (
    <>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <FlagLegend kinds={flagsOnPage} />
        <details className="relative text-sm" data-testid="sku-columns-chooser">
          <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800">
            {t("columnsChooser")}
          </summary>
          <fieldset className="absolute right-0 z-20 mt-1 grid w-64 gap-1 rounded-md border border-slate-200 bg-white p-3 shadow">
            <legend className="sr-only">{t("columnsChooser")}</legend>
            {allColumns
              .filter((c) => isOptional(c.id))
              .map((c) => (
                <label key={c.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name={c.id}
                    checked={visible.includes(c.id as SkuOptionalColumnId)}
                    disabled={isSaving}
                    onChange={(e) => toggle(c.id as SkuOptionalColumnId, e.target.checked)}
                  />
                  {c.header}
                </label>
              ))}
            <p role="status" className="text-xs text-slate-500">
              {status}
            </p>
          </fieldset>
        </details>
      </div>
      <DataTable
        columns={columns}
        view={props}
        caption={t("caption")}
        getRowId={rowIdOf}
        testId="sku-table"
        footer={footer}
      />
      {visible.includes("coverDays") ? (
        <p className="mt-2 text-xs text-slate-500" data-testid="sku-cover-note">
          {t("coverNote", { wb: props.coverWindows.wb, ozon: props.coverWindows.ozon })}
        </p>
      ) : null}
    </>
  );
}
