import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { FilterBar, type FilterField, marketplaceField, searchField } from "@/components/data-table";
import { ExportLinks } from "@/components/data-table/export-links";
import { getFilterLabels, getTableLabels } from "@/components/data-table/table-labels";
import { SkuTable } from "@/components/skus/sku-table";
import { EmptyState, PageHeader, Skeleton } from "@/components/ui";
import { getSkuFilterOptions, getSkuPage } from "@/lib/data";
import { parseSkuQuery } from "@/lib/data/page-params";
import { getMyPreference } from "@/lib/data/preferences";
import { skuColumnChoice } from "@/lib/data/sku-columns-choice";
import type { DashboardScope } from "@/lib/data/scope";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { getEnv } from "@/lib/env";
import { getDashboardFilters } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function SkusPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = await getDashboardFilters(params);
  const scope: DashboardScope = { accountId: filters.accountId, from: filters.from, to: filters.to };
  const [t, td, f, options, filterLabels] = await Promise.all([
    getTranslations("skus"),
    getTranslations("dashboard"),
    getFormatters(),
    getSkuFilterOptions(scope),
    getFilterLabels(),
  ]);
  const fields: FilterField[] = [
    searchField(td, t("searchPlaceholder")),
    marketplaceField(td),
    {
      kind: "select",
      name: "brand",
      label: t("columns.brand"),
      allLabel: td("filters.all"),
      options: options.brands.map((b) => ({ value: b, label: b })),
    },
    {
      kind: "select",
      name: "category",
      label: t("columns.category"),
      allLabel: td("filters.all"),
      options: options.categories.map((c) => ({ value: c, label: c })),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description", { from: f.day(scope.from), to: f.day(scope.to) })}
        actions={<ExportLinks route="/skus/export" searchParams={params} />}
      />
      <FilterBar fields={fields} searchParams={params} pathname="/skus" labels={filterLabels} />
      <Suspense key={JSON.stringify(params)} fallback={<Skeleton className="h-96 w-full" />}>
        <SkuResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function SkuResults({ scope, params }: { scope: DashboardScope; params: SearchParamsRecord }) {
  const { filters, table } = parseSkuQuery(params);
  const [page, t, f, stored] = await Promise.all([
    getSkuPage(scope, filters, table),
    getTranslations("skus"),
    getFormatters(),
    getMyPreference("skus.columns"),
  ]);
  if (page.total === 0) {
    const isFiltered = Boolean(filters.q || filters.brand || filters.category || filters.marketplace);
    return (
      <EmptyState title={isFiltered ? t("emptyFilteredTitle") : t("emptyTitle")} testId="skus-empty">
        {isFiltered ? t("emptyFilteredBody") : t("emptyBody")}
      </EmptyState>
    );
  }
  const env = getEnv();
  return (
    <SkuTable
      rows={page.rows}
      total={page.total}
      page={page.page}
      pageSize={page.pageSize}
      sort={table.sort}
      dir={table.dir}
      labels={await getTableLabels(f, page)}
      timeZone={env.APP_TIMEZONE}
      totals={page.totals}
      visibleColumns={skuColumnChoice(stored)}
      coverWindows={{ wb: env.AGGR_DAYS_WB, ozon: env.AGGR_DAYS_OZON }}
    />
  );
}
