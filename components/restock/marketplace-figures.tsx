// The marketplaces' own figures beside Sovani's plan, each labelled as the marketplace's with the day
// it was taken: WB's lost orders estimate on WB rows, Ozon's recommended supply and localisation index
// on Ozon cluster rows. One wording for the restock table, its drawer and the SKU page.
import type { RestockRow } from "@/lib/data/restock";
import type { Formatters } from "@/lib/i18n/format";

type T = (key: string, values?: Record<string, string | number>) => string;
type Row = Pick<RestockRow, "mpLostUnits" | "mpLostSum" | "mpLost" | "ozonSupply">;

/** Ozon's localisation index (a percent) as the locale writes a share. */
const localIndex = (f: Formatters, index: string) => f.percent(Number(index) / 100, 1);

/** One short line under our figure: "WB's estimate of 25 Nov: 24" / "Ozon recommends (25 Nov): 60 for 2 weeks". */
export function MarketplaceFigureLine({ row, kind, t, f }: { row: Row; kind: "lost" | "supply"; t: T; f: Formatters }) {
  if (kind === "lost") {
    if (row.mpLostUnits === null) return null;
    return (
      <small
        className="ml-auto block max-w-[12rem] whitespace-normal text-slate-500"
        title={t("mpFigure.title")}
        data-testid="restock-mp-lost"
      >
        {row.mpLost
          ? t("mpFigure.wbLost", { day: f.day(row.mpLost.d), units: f.number(row.mpLostUnits) })
          : t("mpFigure.wbLostUndated", { units: f.number(row.mpLostUnits) })}
      </small>
    );
  }
  const o = row.ozonSupply;
  if (!o) return null;
  return (
    <small
      className="ml-auto block max-w-[12rem] whitespace-normal text-slate-500"
      title={t("mpFigure.title")}
      data-testid="restock-ozon-supply"
    >
      {t("mpFigure.ozonSupply", {
        day: f.day(o.d),
        units: f.number(o.recommendedSupply),
        period: t(`supplyPeriod.${o.supplyPeriod}`),
      })}
      {o.localIndex !== null ? ` · ${t("mpFigure.localIndex", { index: localIndex(f, o.localIndex) })}` : ""}
    </small>
  );
}

/** The drawer's section: the marketplace's own figures for this row, with their day and what they depend on. */
export function MarketplaceFiguresSection({ row, t, f }: { row: Row; t: T; f: Formatters }) {
  const o = row.ozonSupply;
  if (row.mpLostUnits === null && !o) return null;
  return (
    <section data-testid="restock-drawer-mp">
      <h3 className="mt-5 font-medium">{t("drawer.mpFigures")}</h3>
      <p className="text-xs text-slate-600">{t("drawer.mpNote")}</p>
      {row.mpLostUnits !== null ? (
        <p className="text-sm" data-testid="restock-drawer-mp-lost">
          {row.mpLost
            ? t("drawer.mpLostOn", {
                day: f.day(row.mpLost.d),
                from: f.day(row.mpLost.periodFrom),
                to: f.day(row.mpLost.periodTo),
                units: f.number(row.mpLostUnits),
                sum: f.rub(row.mpLostSum),
              })
            : t("drawer.mpLost", { units: f.number(row.mpLostUnits), sum: f.rub(row.mpLostSum) })}
        </p>
      ) : null}
      {o ? (
        <>
          <p className="text-sm" data-testid="restock-drawer-ozon-supply">
            {t("drawer.ozonSupply", {
              day: f.day(o.d),
              units: f.number(o.recommendedSupply),
              period: t(`supplyPeriod.${o.supplyPeriod}`),
              schema: o.deliverySchema,
            })}
          </p>
          {o.localIndex !== null ? (
            <p className="text-sm">{t("drawer.ozonLocalIndex", { index: localIndex(f, o.localIndex) })}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
