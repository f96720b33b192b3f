// Overview card: the SKUs whose reorder date is within 7 days, from the latest restock plan.
import Link from "next/link";
import { Card, CardBody, CardHeader, Skeleton } from "@/components/ui";
import { getReorderSoon } from "@/lib/data";
import type { DashboardScope } from "@/lib/data/scope";
import { type SearchParamsRecord, scopedHref } from "@/lib/data/table-params";
import { getFormatters, getTranslations } from "@/lib/i18n/server";

export async function ReorderSoonCard({
  scope,
  searchParams,
}: {
  scope: DashboardScope;
  searchParams: SearchParamsRecord;
}) {
  const [soon, t, f] = await Promise.all([
    getReorderSoon(scope.to, scope.accountId, 7),
    getTranslations("restock"),
    getFormatters(),
  ]);
  return (
    <Card>
      <CardHeader title={t("reorderSoon.title", { count: soon.total })} />
      <CardBody>
        {soon.rows.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="reorder-soon-empty">
            {t("reorderSoon.none")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="reorder-soon">
            {soon.rows.map((r, i) => (
              <li key={`${r.skuId}-${i}`} className="flex justify-between gap-3 py-1">
                <span>
                  {r.article ?? r.name ?? `#${r.skuId}`}{" "}
                  <span className="text-slate-500">
                    {r.marketplace === "WB" ? "WB" : "Ozon"}
                    {r.locationName ? ` · ${r.locationName}` : ""}
                  </span>
                </span>
                <span className="tabular-nums">
                  {t("reorderSoon.line", { day: f.day(r.reorderDate), units: f.number(r.quantity) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link href={scopedHref("/restock", searchParams, {})} className="mt-2 inline-block text-sm underline">
          {t("reorderSoon.open")}
        </Link>
      </CardBody>
    </Card>
  );
}

export function ReorderSoonCardSkeleton() {
  return <Skeleton className="h-32 w-full" />;
}
