import Link from "next/link";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader, Skeleton } from "@/components/ui";
import { getAttentionCounts } from "@/lib/data";
import type { DashboardScope } from "@/lib/data/scope";
import { type SearchParamsRecord, scopedHref } from "@/lib/data/table-params";

export async function AttentionCard({
  scope,
  searchParams,
}: {
  scope: DashboardScope;
  searchParams: SearchParamsRecord;
}) {
  const [counts, t, f] = await Promise.all([getAttentionCounts(scope), getTranslations("overview"), getFormatters()]);
  const items = [
    { key: "withoutCost", count: counts.skusWithoutCost, href: scopedHref("/costs", searchParams, { missing: 1 }) },
    {
      key: "runningOut",
      count: counts.runningOut,
      href: scopedHref("/restock", searchParams, { need: 1 }),
    },
    { key: "failedSyncs", count: counts.failedSyncs, href: "/sync" },
  ] as const;
  return (
    <Card>
      <CardHeader title={t("attentionTitle")} />
      <CardBody>
        <ul className="grid gap-3 sm:grid-cols-3" data-testid="attention">
          {items.map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                data-testid={`attention-${item.key}`}
                className={`block rounded-lg border p-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  item.count > 0 ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"
                }`}
              >
                <span className="block text-2xl font-semibold tabular-nums text-slate-900">{f.number(item.count)}</span>
                <span className="text-sm text-slate-700">{t(`attention.${item.key}`, { count: item.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

export function AttentionCardSkeleton() {
  return <Skeleton className="h-36 w-full" />;
}
