import { getTranslations, getFormatters } from "@/lib/i18n/server";
import Link from "next/link";
import { type FilterField, FilteredResults, marketplaceField, searchField, selectField } from "@/components/data-table";
import { ExportLinks } from "@/components/data-table/export-links";
import { getFilterLabels, getTableLabels } from "@/components/data-table/table-labels";
import { RestockDrawer } from "@/components/restock/restock-drawer";
import { RestockTable } from "@/components/restock/restock-table";
import { ShipPlanButton, SupplyPlanForm } from "@/components/restock/supply-plan-actions";
import { Alert, EmptyState, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { getRestockDetail, getRestockLocations, getRestockPage, getSupplyPlans } from "@/lib/data";
import { parseRestockQuery } from "@/lib/data/page-params";
import type { DashboardScope } from "@/lib/data/scope";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { getDashboardFilters } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

const STATUSES = ["order_now", "soon", "not_observed", "ok", "overstock"] as const;

function hrefWithout(params: SearchParamsRecord, key: string): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === key || v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) next.append(k, item);
  }
  const qs = next.toString();
  return qs ? `/restock?${qs}` : "/restock";
}

export default async function RestockPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = await getDashboardFilters(params);
  // the plan is the latest one whatever range the header held on the previous page (the page has no range)
  const today = businessToday(getEnv().APP_TIMEZONE);
  const scope: DashboardScope = { accountId: filters.accountId, from: today, to: today };
  const [t, td, locations, filterLabels] = await Promise.all([
    getTranslations("restock"),
    getTranslations("dashboard"),
    getRestockLocations(scope.to),
    getFilterLabels(),
  ]);
  const tr = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  const fields: FilterField[] = [
    searchField(td, t("searchPlaceholder")),
    marketplaceField(td),
    selectField(
      "status",
      t("columns.status"),
      td("filters.all"),
      STATUSES.map((s) => ({ value: s, label: tr(`status.${s}`) })),
    ),
    selectField(
      "location",
      t("columns.location"),
      td("filters.all"),
      locations.map((l) => ({
        value: l.value,
        label: `${l.kind === "national" ? t("location.national") : l.kind === "cluster" ? t("location.cluster", { name: l.name ?? "" }) : (l.name ?? "")} (${l.marketplace === "WB" ? "WB" : "Ozon"})`,
      })),
    ),
    { kind: "checkbox", name: "need", label: t("needOnly") },
  ];
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <span className="flex items-center gap-3">
            <Link href="/restock/settings" className="text-sm underline" data-testid="restock-settings-link">
              {t("settingsLink")}
            </Link>
            <ExportLinks route="/restock/export" searchParams={params} />
          </span>
        }
      />
      <FilteredResults fields={fields} params={params} pathname="/restock" labels={filterLabels}>
        <RestockResults scope={scope} params={params} />
      </FilteredResults>
    </div>
  );
}

async function RestockResults({ scope, params }: { scope: DashboardScope; params: SearchParamsRecord }) {
  const { filters, table } = parseRestockQuery(params);
  const [page, t, f, user, plans, detail] = await Promise.all([
    getRestockPage(scope, filters, table),
    getTranslations("restock"),
    getFormatters(),
    requireUser(),
    getSupplyPlans(),
    filters.drawer ? getRestockDetail(filters.drawer) : Promise.resolve(null),
  ]);
  const tr = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  if (!page.adviceDay) {
    return (
      <EmptyState title={t("noAdviceTitle")} testId="restock-empty">
        {t("noAdviceBody")}
      </EmptyState>
    );
  }
  const editable = canEdit(user.role);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="advice-day">
        {t("adviceDay", { day: f.day(page.adviceDay) })}
      </p>
      <Alert tone="info" testId="restock-wb-masked">
        {t("wbMasked")}
      </Alert>
      {page.total === 0 ? (
        <EmptyState title={t("emptyFilteredTitle")} testId="restock-empty-filtered">
          {t("emptyFilteredBody")}
        </EmptyState>
      ) : (
        <>
          <SupplyPlanForm canEdit={editable} />
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
        </>
      )}
      <p className="text-xs text-slate-500">{t("formula")}</p>
      <section aria-labelledby="supply-plans-title" className="pt-4" data-testid="supply-plans">
        <h2 id="supply-plans-title" className="text-base font-semibold">
          {t("plans.title")}
        </h2>
        {plans.length === 0 ? (
          <p className="text-sm text-slate-600">{t("plans.empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 text-sm">
            {plans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="supply-plan-row">
                <span className="font-medium">#{p.id}</span>
                <span>
                  {p.marketplace === "WB" ? "WB" : "Ozon"} ·{" "}
                  {p.locationKind === "national"
                    ? t("location.national")
                    : p.locationKind === "cluster"
                      ? t("location.cluster", { name: p.locationName ?? p.locationKey })
                      : (p.locationName ?? p.locationKey)}
                </span>
                <span>{t("plans.units", { lines: p.lines, units: f.number(p.units) })}</span>
                <span data-testid="supply-plan-status">{tr(`plans.status.${p.status}`)}</span>
                {p.status === "shipped" ? <span>{t("plans.arrived", { units: f.number(p.arrived) })}</span> : null}
                <a href={`/restock/plans/${p.id}/export`} className="underline" data-testid="supply-plan-xlsx">
                  XLSX
                </a>
                {editable && p.status === "draft" ? <ShipPlanButton planId={p.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {detail ? <RestockDrawer detail={detail} closeHref={hrefWithout(params, "advice")} t={tr} f={f} /> : null}
    </div>
  );
}
