import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { type FilterField, FilteredResults, marketplaceField, searchField, selectField } from "@/components/data-table";
import { ExportLinks } from "@/components/data-table/export-links";
import { getFilterLabels, getTableLabels } from "@/components/data-table/table-labels";
import { SkuTable } from "@/components/skus/sku-table";
import { EmptyState, PageHeader } from "@/components/ui";
import { getSkuFilterOptions, getSkuPage } from "@/lib/data";
import { parseSkuQuery } from "@/lib/data/page-params";
import { getMyPreference } from "@/lib/data/preferences";
import { skuColumnChoice } from "@/lib/data/sku-columns-choice";
import type { DashboardScope } from "@/lib/data/scope";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { getEnv } from "@/lib/env";
import { getPageScope } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function SkusPage({ searchParams }: Props) {
  const { params, scope } = await getPageScope(searchParams);
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
    selectField(
      "brand",
      t("columns.brand"),
      td("filters.all"),
      options.brands.map((b) => ({ value: b, label: b })),
    ),
    selectField(
      "category",
      t("columns.category"),
      td("filters.all"),
      options.categories.map((c) => ({ value: c, label: c })),
    ),
  ];
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description", { from: f.day(scope.from), to: f.day(scope.to) })}
        actions={<ExportLinks route="/skus/export" searchParams={params} />}
      />
      <FilteredResults fields={fields} params={params} pathname="/skus" labels={filterLabels}>
        <SkuResults scope={scope} params={params} />
      </FilteredResults>
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
