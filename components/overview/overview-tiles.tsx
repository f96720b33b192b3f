import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Badge, Skeleton } from "@/components/ui";
import { getOverviewTiles } from "@/lib/data";
import type { PnlTotals } from "@/lib/data/overview";
import type { DashboardScope } from "@/lib/data/scope";

type TileKey = "netSales" | "payout" | "cogs" | "profit" | "margin" | "units";

/** Change in percent against the previous period; null when there is nothing to compare with. */
function change(current: number, previous: number): number | null {
  if (!Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

export async function OverviewTiles({ scope }: { scope: DashboardScope }) {
  const [tiles, t, f] = await Promise.all([getOverviewTiles(scope), getTranslations("overview"), getFormatters()]);
  const value = (totals: PnlTotals, key: TileKey): number =>
    key === "margin" ? Number(totals.margin ?? 0) : Number(totals[key] as string | number);
  const show = (totals: PnlTotals, key: TileKey): string => {
    if (key === "units") return f.number(totals[key]);
    if (key === "margin") return totals.margin === null ? "—" : f.percent(Number(totals.margin) / 100, 1);
    return f.rub(totals[key]);
  };
  // for COGS a rise is bad news
  const isUpGood: Record<TileKey, boolean> = {
    netSales: true,
    payout: true,
    cogs: false,
    profit: true,
    margin: true,
    units: true,
  };
  const keys: TileKey[] = ["netSales", "payout", "cogs", "profit", "margin", "units"];
  return (
    <section aria-labelledby="tiles-title" data-testid="overview-tiles">
      <h2 id="tiles-title" className="sr-only">
        {t("tilesTitle")}
      </h2>
      {tiles.hasProvisional || tiles.hasEstimatedCommission ? (
        <div className="mb-3 flex flex-wrap gap-2" data-testid="provisional-note">
          {tiles.hasProvisional ? <Badge tone="warning">{t("provisional")}</Badge> : null}
          {tiles.hasEstimatedCommission ? <Badge tone="warning">{t("estimatedCommission")}</Badge> : null}
          <span className="text-xs text-slate-600">{t("provisionalHelp")}</span>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {keys.map((key) => {
          const delta = !tiles.isPreviousCovered
            ? null
            : key === "margin"
              ? tiles.current.margin !== null && tiles.previous.margin !== null
                ? (Number(tiles.current.margin) - Number(tiles.previous.margin)) / 100
                : null
              : change(value(tiles.current, key), value(tiles.previous, key));
          const good = delta === null || delta === 0 ? null : delta > 0 === isUpGood[key];
          return (
            <div
              key={key}
              className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
              data-testid={`tile-${key}`}
            >
              <dt className="text-xs font-medium text-slate-600">{t(`tiles.${key}`)}</dt>
              <dd
                className="mt-1 text-lg font-semibold tabular-nums text-slate-900 sm:text-xl"
                data-testid={`tile-${key}-value`}
              >
                {show(tiles.current, key)}
              </dd>
              <dd className="mt-1 text-xs text-slate-600">
                {delta === null ? (
                  <span data-testid={`tile-${key}-no-change`}>
                    {tiles.isPreviousCovered ? t("noComparison") : t("noChangeTitle")}
                  </span>
                ) : (
                  <span className={good === null ? "" : good ? "text-emerald-700" : "text-red-700"}>
                    <span aria-hidden="true">{delta > 0 ? "▲" : delta < 0 ? "▼" : "•"}</span>{" "}
                    {key === "margin" ? t("changePoints", { value: f.number(delta * 100, 1) }) : f.percent(delta, 1)}{" "}
                    <span className="text-slate-500">{t("vsPrevious")}</span>
                  </span>
                )}
              </dd>
              {key === "profit" && Number(tiles.current.storeLevel) !== 0 ? (
                <dd className="mt-1 text-xs text-slate-600" data-testid="profit-store-level">
                  {t("profitStoreLevel", { amount: f.rub(tiles.current.storeLevel) })}
                </dd>
              ) : null}
              {key === "profit" && Number(tiles.current.netSalesWithoutCost) > 0 ? (
                <dd className="mt-1 text-xs text-amber-800" data-testid="profit-incomplete">
                  {t("profitIncomplete", { amount: f.rub(tiles.current.netSalesWithoutCost) })}
                </dd>
              ) : null}
              {key === "units" && tiles.current.refunds > 0 ? (
                <dd className="mt-1 text-xs text-slate-600" data-testid="units-returned">
                  {t("unitsReturned", { count: f.number(tiles.current.refunds) })}
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
      <p className="mt-2 text-xs text-slate-500" data-testid="comparison-note">
        {t("previousPeriod", { from: f.day(tiles.previousFrom), to: f.day(tiles.previousTo) })}
        {tiles.isPreviousCovered
          ? null
          : ` ${tiles.historyFrom === null ? t("noHistory") : t("historyFrom", { day: f.day(tiles.historyFrom) })}`}
      </p>
    </section>
  );
}

export function OverviewTilesSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-hidden="true">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-24" />
      ))}
    </div>
  );
}
