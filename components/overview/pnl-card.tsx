import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { LazyPnlChart as PnlChart } from "@/components/charts/lazy";
import { Card, CardBody, CardHeader, EmptyState, Skeleton } from "@/components/ui";
import { getPnlSeries } from "@/lib/data";
import type { DashboardScope } from "@/lib/data/scope";

export async function PnlCard({ scope }: { scope: DashboardScope }) {
  const [series, t, f] = await Promise.all([getPnlSeries(scope), getTranslations("overview"), getFormatters()]);
  const hasProvisional = series.points.some((p) => p.isProvisional);
  return (
    <Card>
      <CardHeader title={t("chartTitle")} description={t(`bucket.${series.bucket}`)} />
      <CardBody>
        {series.points.length === 0 ? (
          <EmptyState title={t("noDataTitle")} testId="overview-empty">
            {t("noDataBody")}
          </EmptyState>
        ) : (
          <>
            <PnlChart
              data={series.points}
              config={{
                locale: f.locale,
                bucket: series.bucket,
                labels: {
                  revenue: t("series.revenue"),
                  costs: t("series.costs"),
                  profit: t("series.profit"),
                  provisional: t("provisional"),
                  summary: t("chartSummary", {
                    count: series.points.length,
                    from: f.day(series.points[0].d),
                    to: f.day(series.points[series.points.length - 1].d),
                  }),
                },
              }}
            />
            {hasProvisional ? <p className="mt-2 text-xs text-slate-600">{t("chartProvisional")}</p> : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}

export function PnlCardSkeleton() {
  return <Skeleton className="h-[380px] w-full" />;
}
