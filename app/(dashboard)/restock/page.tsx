import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { FilterBar, type FilterField, marketplaceField, searchField } from "@/components/data-table";
import { ExportLinks } from "@/components/data-table/export-links";
import { getFilterLabels, getTableLabels } from "@/components/data-table/table-labels";
import { RestockTable } from "@/components/restock/restock-table";
import { EmptyState, PageHeader, Skeleton } from "@/components/ui";
import { getRestockPage, getWarehouseOptions } from "@/lib/data";
import { parseRestockQuery } from "@/lib/data/page-params";
import type { DashboardScope } from "@/lib/data/scope";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { getEnv } from "@/lib/env";
import { getDashboardFilters } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function RestockPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = await getDashboardFilters(params);
  const scope: DashboardScope = { accountId: filters.accountId, from: filters.from, to: filters.to };
  const [t, td, warehouses, filterLabels] = await Promise.all([
    getTranslations("restock"),
    getTranslations("dashboard"),
    getWarehouseOptions(),
    getFilterLabels(),
  ]);
  const fields: FilterField[] = [
    {
      kind: "select",
      name: "window",
      label: t("window"),
      options: [
        { value: "14", label: t("windowDays", { days: 14 }) },
        { value: "28", label: t("windowDays", { days: 28 }) },
      ],
    },
    searchField(td, t("searchPlaceholder")),
    marketplaceField(td),
    {
      kind: "select",
      name: "warehouse",
      label: t("columns.warehouse"),
      allLabel: td("filters.all"),
      options: warehouses.map((w) => ({
        value: String(w.id),
        label: `${w.name} (${w.marketplace === "WB" ? "WB" : "Ozon"})`,
      })),
    },
    { kind: "checkbox", name: "need", label: t("needOnly") },
  ];
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<ExportLinks route="/restock/export" searchParams={params} />}
      />
      <FilterBar fields={fields} searchParams={params} pathname="/restock" labels={filterLabels} />
      <Suspense key={JSON.stringify(params)} fallback={<Skeleton className="h-96 w-full" />}>
        <RestockResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function RestockResults({ scope, params }: { scope: DashboardScope; params: SearchParamsRecord }) {
  const { filters, table } = parseRestockQuery(params);
  const [page, t, f] = await Promise.all([
    getRestockPage(scope, filters, table),
    getTranslations("restock"),
    getFormatters(),
  ]);
  if (!page.adviceDay) {
    return (
      <EmptyState title={t("noAdviceTitle")} testId="restock-empty">
        {t("noAdviceBody")}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" data-testid="advice-day">
        {t("adviceDay", { day: f.day(page.adviceDay), window: filters.windowDays })}
      </p>
      {page.total === 0 ? (
        <EmptyState title={t("emptyFilteredTitle")} testId="restock-empty-filtered">
          {t("emptyFilteredBody")}
        </EmptyState>
      ) : (
        <RestockTable
          rows={page.rows}
          total={page.total}
          page={page.page}
          pageSize={page.pageSize}
          sort={table.sort}
          dir={table.dir}
          labels={await getTableLabels(f, page)}
          timeZone={getEnv().APP_TIMEZONE}
        />
      )}
      <p className="text-xs text-slate-500">{t("formula")}</p>
    </div>
  );
}
