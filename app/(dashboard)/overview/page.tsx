import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { AttentionCard, AttentionCardSkeleton } from "@/components/overview/attention-card";
import { OverviewTiles, OverviewTilesSkeleton } from "@/components/overview/overview-tiles";
import { PnlCard, PnlCardSkeleton } from "@/components/overview/pnl-card";
import { ReorderSoonCard, ReorderSoonCardSkeleton } from "@/components/restock/reorder-soon-card";
import { PageHeader } from "@/components/ui";
import { getPageScope } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const { params, scope } = await getPageScope(searchParams);
  const [t, f] = await Promise.all([getTranslations("overview"), getFormatters()]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description", { from: f.day(scope.from), to: f.day(scope.to) })} />
      <Suspense fallback={<OverviewTilesSkeleton />}>
        <OverviewTiles scope={scope} />
      </Suspense>
      <Suspense fallback={<AttentionCardSkeleton />}>
        <AttentionCard scope={scope} searchParams={params} />
      </Suspense>
      <Suspense fallback={<ReorderSoonCardSkeleton />}>
        <ReorderSoonCard scope={scope} searchParams={params} />
      </Suspense>
      <Suspense fallback={<PnlCardSkeleton />}>
        <PnlCard scope={scope} />
      </Suspense>
    </div>
  );
}
