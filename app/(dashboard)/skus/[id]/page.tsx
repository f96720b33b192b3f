import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { LazyPnlChart as PnlChart, LazyUnitsStockChart as UnitsStockChart } from "@/components/charts/lazy";
import { CostPriceEditor } from "@/components/costs/cost-price-editor";
import { SkuWarehouses } from "@/components/skus/sku-warehouses";
import { Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, Skeleton } from "@/components/ui";
import { getCostHistory, getSkuHeader, getSkuSeries } from "@/lib/data";
import type { DashboardScope } from "@/lib/data/scope";
import { type SearchParamsRecord, scopedHref } from "@/lib/data/table-params";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { businessToday } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { getDashboardFilters } from "@/lib/url-filters-server";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

export default async function SkuDetailPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const query = await searchParams;
  const filters = await getDashboardFilters(query);
  const scope: DashboardScope = { accountId: filters.accountId, from: filters.from, to: filters.to };
  const [header, user, t, f] = await Promise.all([
    getSkuHeader(Number(id)),
    requireUser(),
    getTranslations("skus"),
    getFormatters(),
  ]);
  if (!header) notFound();
  const tz = getEnv().APP_TIMEZONE;
  return (
    <div className="space-y-5">
      <div>
        <Link href={scopedHref("/skus", query)} className="text-sm text-indigo-700 hover:underline">
          ← {t("detail.back")}
        </Link>
      </div>
      <PageHeader
        title={
          <span data-testid="sku-title">
            {header.article ?? header.externalId} <span className="font-normal text-slate-600">{header.name}</span>
          </span>
        }
        description={[
          header.marketplace === "WB" ? "Wildberries" : "Ozon",
          header.externalId,
          header.brand,
          header.category,
          header.accountName ? `${t("detail.account")}: ${header.accountName}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      />
      <Suspense fallback={<Skeleton className="h-[640px] w-full" />}>
        <SkuCharts skuId={header.id} scope={scope} firstStockDay={header.firstStockDay} />
      </Suspense>
      <Card>
        <CardHeader title={t("detail.warehousesTitle")} />
        <CardBody>
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <SkuWarehouses skuId={header.id} asOf={businessToday(tz)} />
          </Suspense>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("detail.costTitle")} />
        <CardBody>
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <CostHistory skuId={header.id} canEdit={canEdit(user.role)} locale={f.locale} timeZone={tz} />
          </Suspense>
        </CardBody>
      </Card>
    </div>
  );
}

async function CostHistory({
  skuId,
  canEdit,
  locale,
  timeZone,
}: {
  skuId: number;
  canEdit: boolean;
  locale: "ru" | "en";
  timeZone: string;
}) {
  const entries = await getCostHistory(skuId);
  return (
    <CostPriceEditor
      skuId={skuId}
      entries={entries}
      canEdit={canEdit}
      locale={locale}
      timeZone={timeZone}
      today={businessToday(timeZone)}
    />
  );
}

async function SkuCharts({
  skuId,
  scope,
  firstStockDay,
}: {
  skuId: number;
  scope: DashboardScope;
  firstStockDay: string | null;
}) {
  const [series, t, to, f] = await Promise.all([
    getSkuSeries(skuId, scope),
    getTranslations("skus"),
    getTranslations("overview"),
    getFormatters(),
  ]);
  if (series.length === 0) {
    return <EmptyState title={t("detail.noSeries")} testId="sku-no-series" />;
  }
  const last = series[series.length - 1];
  const provisionalDays = series.filter((p) => !p.isSettled && (p.units !== 0 || p.refunds !== 0)).length;
  const estimatedDays = series.filter((p) => p.isCommissionEstimated).length;
  const summary = t("detail.chartSummary", { count: series.length, from: f.day(series[0].d), to: f.day(last.d) });
  const cover = last.coverDays;
  // stock is a daily snapshot from the first sync on; days before it (or a period before it) have none to draw
  return (
    <div className="grid gap-5 xl:grid-cols-[2fr_1fr]">
      <Card>
        <CardHeader
          title={t("detail.pnlTitle")}
          actions={
            provisionalDays > 0 || estimatedDays > 0 ? (
              <div className="flex gap-2">
                {provisionalDays > 0 ? <Badge tone="warning">{to("provisional")}</Badge> : null}
                {estimatedDays > 0 ? <Badge tone="warning">{to("estimatedCommission")}</Badge> : null}
              </div>
            ) : undefined
          }
        />
        <CardBody>
          <PnlChart
            data={series.map((p) => ({
              d: p.d,
              revenue: p.revenue,
              costs: p.costs,
              profit: p.profit ?? "0",
              isProvisional: !p.isSettled && (p.units !== 0 || p.refunds !== 0),
            }))}
            config={{
              locale: f.locale,
              bucket: "day",
              labels: {
                revenue: to("series.revenue"),
                costs: to("series.costs"),
                profit: to("series.profit"),
                provisional: to("provisional"),
                summary,
              },
              height: 260,
            }}
          />
          {provisionalDays > 0 ? (
            <p className="mt-2 text-xs text-slate-600">{t("detail.provisionalDays", { count: provisionalDays })}</p>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("detail.velocityTitle")} />
        <CardBody>
          <dl className="grid grid-cols-3 gap-3 text-center" data-testid="sku-velocity">
            {(["sv7", "sv14", "sv28"] as const).map((k) => (
              <div key={k} className="rounded-md bg-slate-50 p-2">
                <dt className="text-xs text-slate-600">{t(`columns.${k}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{f.number(last[k], 2)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-600">{t("detail.velocityHelp", { day: f.day(last.d) })}</p>
          <div className="mt-4 rounded-md bg-slate-50 p-3">
            <p className="text-xs text-slate-600">{t("detail.coverDays")}</p>
            <p
              className={`text-lg font-semibold tabular-nums ${cover !== null && Number(cover) < 7 ? "text-red-700" : ""}`}
              data-testid="sku-cover"
            >
              {cover === null ? t("detail.noCover") : t("detail.coverValue", { days: f.number(cover, 1) })}
            </p>
            <p className="text-xs text-slate-500">
              {t("detail.coverHelp")}: ({f.number(last.onHand)} + {f.number(last.inTransit)})
            </p>
          </div>
        </CardBody>
      </Card>
      <Card className="xl:col-span-2">
        <CardHeader title={t("detail.unitsStockTitle")} />
        <CardBody>
          <UnitsStockChart
            data={series.map((p) => ({ d: p.d, units: p.units, onHand: p.onHand }))}
            config={{ locale: f.locale, labels: { units: t("detail.units"), stock: t("detail.stock"), summary } }}
          />
          {firstStockDay && firstStockDay > series[0].d ? (
            <p className="mt-2 text-xs text-slate-600" data-testid="stock-since">
              {t("detail.stockSince", { day: f.day(firstStockDay) })}
            </p>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
