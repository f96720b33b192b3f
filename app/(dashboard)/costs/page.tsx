import Link from "next/link";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { CostImport } from "@/components/costs/cost-import";
import { CostPriceEditor } from "@/components/costs/cost-price-editor";
import { SkuCostTable } from "@/components/costs/sku-cost-table";
import { type FilterField, FilteredResults, searchField } from "@/components/data-table";
import { ExportLinks } from "@/components/data-table/export-links";
import { getFilterLabels, getTableLabels } from "@/components/data-table/table-labels";
import { Card, CardBody, CardHeader, EmptyState, PageHeader, Skeleton } from "@/components/ui";
import { getCostHistory, getMissingCostSkus, getSkuCostPage, getSkuHeader } from "@/lib/data";
import { parseCostQuery } from "@/lib/data/page-params";
import type { DashboardScope } from "@/lib/data/scope";
import { param, type SearchParamsRecord, scopedHref, withParams } from "@/lib/data/table-params";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { getPageScope } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function CostsPage({ searchParams }: Props) {
  const { params, scope } = await getPageScope(searchParams);
  const [t, td, f, user, filterLabels] = await Promise.all([
    getTranslations("costs"),
    getTranslations("dashboard"),
    getFormatters(),
    requireUser(),
    getFilterLabels(),
  ]);
  const tz = getEnv().APP_TIMEZONE;
  const editable = canEdit(user.role);
  const skuParam = Number(param(params, "sku"));
  const selected = Number.isInteger(skuParam) && skuParam > 0 && skuParam <= 2_147_483_647 ? skuParam : null;
  const fields: FilterField[] = [
    searchField(td, t("searchPlaceholder")),
    { kind: "checkbox", name: "missing", label: t("missingOnly") },
  ];
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      {selected ? (
        <Suspense fallback={<Skeleton className="h-48 w-full" />}>
          <SelectedSku
            skuId={selected}
            canEdit={editable}
            locale={f.locale}
            timeZone={tz}
            closeHref={`/costs${withParams(params, { sku: undefined })}`}
          />
        </Suspense>
      ) : null}
      <Suspense fallback={<Skeleton className="h-32 w-full" />}>
        <MissingCosts scope={scope} params={params} />
      </Suspense>
      {editable ? (
        <Card>
          <CardHeader title={t("import.title")} />
          <CardBody>
            <CostImport locale={f.locale} timeZone={tz} />
          </CardBody>
        </Card>
      ) : null}
      <section aria-labelledby="cost-list-title">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="cost-list-title" className="text-base font-semibold text-slate-900">
            {t("listTitle", { day: f.day(businessToday(tz)) })}
          </h2>
          <ExportLinks route="/costs/export" searchParams={params} />
        </div>
        <FilteredResults fields={fields} params={params} pathname="/costs" labels={filterLabels}>
          <CostList scope={scope} params={params} timeZone={tz} />
        </FilteredResults>
      </section>
    </div>
  );
}

async function SelectedSku({
  skuId,
  canEdit,
  locale,
  timeZone,
  closeHref,
}: {
  skuId: number;
  canEdit: boolean;
  locale: "ru" | "en";
  timeZone: string;
  closeHref: string;
}) {
  const [header, entries, t] = await Promise.all([
    getSkuHeader(skuId),
    getCostHistory(skuId),
    getTranslations("costs"),
  ]);
  if (!header) {
    return <EmptyState title={t("skuNotFound")} testId="cost-sku-missing" />;
  }
  return (
    <Card id="history">
      <CardHeader
        title={t("historyTitle", { article: header.article ?? header.externalId })}
        description={header.name ?? undefined}
        actions={
          <div className="flex gap-3 text-sm">
            <Link href={`/skus/${header.id}`} className="text-indigo-700 hover:underline">
              {t("openSku")}
            </Link>
            <Link href={closeHref} className="text-slate-600 hover:underline">
              {t("close")}
            </Link>
          </div>
        }
      />
      <CardBody>
        <CostPriceEditor
          skuId={header.id}
          entries={entries}
          canEdit={canEdit}
          locale={locale}
          timeZone={timeZone}
          today={businessToday(timeZone)}
        />
      </CardBody>
    </Card>
  );
}

async function MissingCosts({ scope, params }: { scope: DashboardScope; params: SearchParamsRecord }) {
  const [missing, t, f] = await Promise.all([getMissingCostSkus(scope, 10), getTranslations("costs"), getFormatters()]);
  if (missing.total === 0) {
    if (!missing.hasSales) return null;
    return (
      <p
        className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        data-testid="missing-none"
      >
        {t("missingNone")}
      </p>
    );
  }
  return (
    <Card>
      <CardHeader
        title={t("missingTitle", { count: missing.total })}
        description={t("missingHelp")}
        actions={
          <Link href={scopedHref("/costs", params, { missing: 1 })} className="text-sm text-indigo-700 hover:underline">
            {t("missingAll")}
          </Link>
        }
      />
      <CardBody>
        <ul className="divide-y divide-slate-100 text-sm" data-testid="missing-list">
          {missing.rows.map((m) => (
            <li key={m.skuId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link
                href={scopedHref("/costs", params, { sku: m.skuId }) + "#history"}
                className="font-medium text-indigo-700 hover:underline"
              >
                {m.article ?? m.skuId} <span className="font-normal text-slate-600">{m.name}</span>
              </Link>
              <span className="text-slate-600">
                {t("missingUnits", { units: m.unitsWithoutCost, day: f.day(m.firstDay) })}
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

async function CostList({
  scope,
  params,
  timeZone,
}: {
  scope: DashboardScope;
  params: SearchParamsRecord;
  timeZone: string;
}) {
  const query = parseCostQuery(params);
  const [page, t, f] = await Promise.all([
    getSkuCostPage(scope, { ...query, asOf: businessToday(timeZone) }),
    getTranslations("costs"),
    getFormatters(),
  ]);
  if (page.total === 0) {
    return (
      <EmptyState title={t("emptyTitle")} testId="costs-empty">
        {query.q || query.isMissingOnly ? t("emptyFilteredBody") : t("emptyBody")}
      </EmptyState>
    );
  }
  return (
    <SkuCostTable
      rows={page.rows}
      total={page.total}
      page={page.page}
      pageSize={page.pageSize}
      labels={await getTableLabels(f, page)}
      timeZone={timeZone}
    />
  );
}
