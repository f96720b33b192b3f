import Link from "next/link";
import { Suspense } from "react";
import { ExportLinks } from "@/components/data-table/export-links";
import { toPageColumns } from "@/components/data-table/columns";
import { StaticTable } from "@/components/data-table/static-table";
import { PNL_ALLOCATION_COLUMNS, pnlDrillColumns, pnlStatementColumns } from "@/components/pnl/pnl-columns";
import { pnlTableRows } from "@/components/pnl/pnl-rows";
import { Card, CardBody, CardHeader, EmptyPage, PageHeader, PageLinks, Skeleton, StatTile } from "@/components/ui";
import { getPnlDrillDown, getPnlStatement } from "@/lib/data/pnl";
import { type PnlQuery, parsePnlQuery } from "@/lib/data/pnl-params";
import type { DashboardScope } from "@/lib/data/scope";
import { type SearchParamsRecord, scopedHref, withParams } from "@/lib/data/table-params";
import { ALLOCATION_RULES } from "@/lib/domain/allocation";
import { getFormatters, getTranslations } from "@/lib/i18n/server";
import { getPageScope } from "@/lib/url-filters-server";
import { runtimeKeys } from "@/lib/i18n/runtime-keys";

type Props = { searchParams: Promise<SearchParamsRecord> };

/** A row of links, one of them current (marketplace, allocation rule). */
function Segments({
  label,
  items,
}: {
  label: string;
  items: { key: string; label: string; href: string; current: boolean }[];
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-slate-300 bg-white text-sm">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.current ? "true" : undefined}
          data-testid={`segment-${item.key}`}
          className={`px-3 py-1.5 ${item.current ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-50"} first:rounded-l-md last:rounded-r-md`}
        >
          {item.label}
        </Link>
      ))}
    </div>
  );
}

export default async function PnlPage({ searchParams }: Props) {
  const { params, scope } = await getPageScope(searchParams);
  const query = parsePnlQuery(params);
  const [t, f] = await Promise.all([getTranslations("pnl"), getFormatters()]);
  const marketplaces = [
    { key: "all", value: undefined, label: t("allMarketplaces") },
    { key: "WB", value: "WB", label: "Wildberries" },
    { key: "OZON", value: "OZON", label: "Ozon" },
  ] as const;
  const key = `${scope.accountId}-${scope.from}-${scope.to}-${query.marketplace ?? ""}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description", { from: f.day(scope.from), to: f.day(scope.to) })}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Segments
              label={t("marketplace")}
              items={marketplaces.map((m) => ({
                key: m.key,
                label: m.label,
                href: `/pnl${withParams(params, { mp: m.value, page: undefined })}`,
                current: query.marketplace === m.value,
              }))}
            />
            <ExportLinks route="/pnl/export" searchParams={params} />
          </div>
        }
      />
      <Suspense key={key} fallback={<Skeleton className="h-[560px] w-full" />}>
        <Statement scope={scope} query={query} params={params} />
      </Suspense>
      {query.line ? (
        <Suspense
          key={`${key}-${query.line}-${query.allocation}-${query.page}`}
          fallback={<Skeleton className="h-64 w-full" />}
        >
          <DrillDown scope={scope} query={{ ...query, line: query.line }} params={params} />
        </Suspense>
      ) : null}
    </div>
  );
}

async function Statement({
  scope,
  query,
  params,
}: {
  scope: DashboardScope;
  query: PnlQuery;
  params: SearchParamsRecord;
}) {
  const [data, t, f] = await Promise.all([
    getPnlStatement(scope, { marketplace: query.marketplace }),
    getTranslations("pnl"),
    getFormatters(),
  ]);
  if (!data.current.hasData && !data.previous.hasData) {
    return <EmptyPage t={t} testId="pnl-empty" />;
  }
  const rows = pnlTableRows(data);
  const tr = runtimeKeys(t);
  const pct = (v: string | null) => (v === null ? "—" : `${f.number(v, 2)}%`);
  const money = (v: string | null) => (v === null ? "—" : f.rub(v, { fractionDigits: 2 }));
  const c = data.current;
  return (
    <>
      <Card>
        <CardHeader
          title={t("caption")}
          description={
            <span data-testid="pnl-comparison-note">
              {t("previousPeriod", { from: f.day(data.previousFrom), to: f.day(data.previousTo) })}
              {data.isPreviousCovered
                ? null
                : ` ${data.historyFrom === null ? t("noHistory") : t("historyFrom", { day: f.day(data.historyFrom) })}`}
            </span>
          }
        />
        <CardBody>
          <StaticTable
            caption={t("caption")}
            data-testid="pnl-statement"
            columns={toPageColumns(pnlStatementColumns(tr), {
              f,
              lineHref: (line) => `/pnl${withParams(params, { line, page: undefined })}`,
              currentLine: query.line,
            })}
            rows={rows}
            getRowId={(r) => r.key}
            rowProps={(r) => ({
              "data-testid": `pnl-row-${r.key}`,
              className: `${r.isTotal ? "bg-slate-50 font-semibold" : ""} ${query.line === r.key ? "ring-2 ring-inset ring-indigo-300" : ""}`,
            })}
          />
        </CardBody>
      </Card>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="pnl-summary">
        {(
          [
            ["margin", pct(c.margin), t("summary.marginHelp", { netSales: money(c.netSalesWithCost) })],
            ["coverage", pct(c.costCoverage), t("summary.coverageHelp")],
            ["roi", pct(c.roi), t("summary.roiHelp")],
            [
              "provisional",
              pct(c.provisionalShare ?? "0"),
              t("summary.provisionalHelp", { amount: money(c.provisionalSales) }),
            ],
          ] as const
        ).map(([k, value, help]) => (
          <StatTile key={k} label={t(`summary.${k}`)} value={value} help={help} testId={`pnl-${k}`} />
        ))}
      </dl>
    </>
  );
}

async function DrillDown({
  scope,
  query,
  params,
}: {
  scope: DashboardScope;
  query: PnlQuery & { line: NonNullable<PnlQuery["line"]> };
  params: SearchParamsRecord;
}) {
  const [data, t, f] = await Promise.all([getPnlDrillDown(scope, query), getTranslations("pnl"), getFormatters()]);
  const money = (v: string) => f.rub(v, { fractionDigits: 2 });
  const tr = runtimeKeys(t);
  const showAllocation = query.allocation !== "none" && data.storeLevel !== "0.00";
  const first = (query.page - 1) * query.pageSize;
  return (
    <Card>
      <CardHeader
        title={t("drill.title", { line: t(`lines.${query.line}`) })}
        description={t("drill.description", { skuLevel: money(data.skuLevel), storeLevel: money(data.storeLevel) })}
      />
      <CardBody className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Segments
            label={t("allocation.label")}
            items={ALLOCATION_RULES.map((rule) => ({
              key: rule,
              label: t(`allocation.${rule}`),
              href: `/pnl${withParams(params, { alloc: rule === "net_sales" ? undefined : rule, page: undefined })}`,
              current: query.allocation === rule,
            }))}
          />
          <Link
            href={`/pnl${withParams(params, { line: undefined, page: undefined })}`}
            className="text-sm text-indigo-700 hover:underline"
          >
            {t("drill.close")}
          </Link>
        </div>
        <p className="text-xs text-slate-600">{t("allocation.help")}</p>
        {data.storeLevel !== "0.00" ? (
          <p className="text-sm text-slate-700" data-testid="pnl-allocation">
            {t("drill.allocated", { allocated: money(data.allocated), unallocated: money(data.unallocated) })}
          </p>
        ) : null}
        {data.rows.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="pnl-drill-empty">
            {t("drill.empty")}
          </p>
        ) : (
          <StaticTable
            caption={t("drill.title", { line: t(`lines.${query.line}`) })}
            data-testid="pnl-drill"
            columns={toPageColumns(
              pnlDrillColumns(tr).filter((c) => showAllocation || !PNL_ALLOCATION_COLUMNS.includes(c.id)),
              { f, skuHref: (skuId) => scopedHref(`/skus/${skuId}`, params) },
            )}
            rows={data.rows}
            getRowId={(r) => String(r.skuId)}
          />
        )}
        {data.total > query.pageSize ? (
          <PageLinks
            label={t("drill.title", { line: t(`lines.${query.line}`) })}
            summary={t("drill.pageOf", {
              from: first + 1,
              to: Math.min(first + query.pageSize, data.total),
              total: data.total,
            })}
            prevHref={query.page > 1 ? `/pnl${withParams(params, { page: query.page - 1 })}` : null}
            nextHref={
              first + query.pageSize < data.total ? `/pnl${withParams(params, { page: query.page + 1 })}` : null
            }
            prevLabel={t("drill.prev")}
            nextLabel={t("drill.next")}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
