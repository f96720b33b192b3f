// The SKU restock drawer: every number of one advice row with where it came from — the daily orders
// and which days counted, each factor, the settings and their source, the formula filled in.
import Link from "next/link";
import type { ReactNode } from "react";
import { MarketplaceFiguresSection } from "./marketplace-figures";
import { locationLabel } from "./restock-columns";
import type { RestockDetail } from "@/lib/data/restock";
import type { Formatters } from "@/lib/i18n/format";

type T = (key: string, values?: Record<string, string | number>) => string;

const STATE_TONE: Record<string, string> = {
  in_stock: "bg-emerald-500",
  out_of_stock: "bg-red-500",
  censored: "bg-amber-500",
  spike: "bg-violet-500",
  unknown: "bg-slate-300",
};

/** A titled list of figures: [key, label, value] per row. */
function Figures({ title, rows }: { title: string; rows: [key: string, label: string, value: ReactNode][] }) {
  return (
    <>
      <h3 className="mt-5 font-medium">{title}</h3>
      <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {rows.map(([key, label, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function RestockDrawer({
  detail,
  closeHref,
  t,
  f,
}: {
  detail: RestockDetail;
  closeHref: string;
  t: T;
  f: Formatters;
}) {
  const e = detail.explanation;
  const max = Math.max(1, ...e.days.map((d) => d.units));
  return (
    <aside
      className="fixed inset-y-0 right-0 z-40 w-full max-w-xl overflow-y-auto border-l border-slate-200 bg-white p-5 shadow-xl"
      aria-labelledby="restock-drawer-title"
      data-testid="restock-drawer"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="restock-drawer-title" className="text-lg font-semibold">
            {detail.article ?? detail.externalId} · {locationLabel(t, detail)}
          </h2>
          <p className="text-sm text-slate-600">{detail.name}</p>
        </div>
        <Link href={closeHref} scroll={false} className="text-sm underline" data-testid="restock-drawer-close">
          {t("drawer.close")}
        </Link>
      </div>

      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("columns.status")}</dt>
        <dd>{t(`status.${detail.status}`)}</dd>
        <dt className="text-slate-600">{t("columns.reorderDate")}</dt>
        <dd>{detail.reorderDate ? f.day(detail.reorderDate) : "—"}</dd>
        <dt className="text-slate-600">{t("columns.quantity")}</dt>
        <dd className="font-semibold">{f.number(detail.quantity)}</dd>
        <dt className="text-slate-600">{t("drawer.reorderPoint")}</dt>
        <dd>{detail.reorderPoint === null ? "—" : f.number(detail.reorderPoint, 1)}</dd>
        <dt className="text-slate-600">{t("drawer.safetyStock")}</dt>
        <dd>{detail.safetyStock === null ? "—" : f.number(detail.safetyStock, 1)}</dd>
      </dl>

      <h3 className="mt-5 font-medium">{t("drawer.dailyOrders")}</h3>
      <p className="text-xs text-slate-600">{t("drawer.dailyOrdersHint")}</p>
      <div
        className="mt-2 flex h-24 items-end gap-px"
        role="img"
        aria-label={t("drawer.chartLabel", { days: e.days.length })}
      >
        {e.days.map((d) => (
          <div
            key={d.d}
            className={`w-full min-w-[2px] ${STATE_TONE[d.state] ?? "bg-slate-300"}`}
            style={{ height: `${Math.max(4, (100 * d.units) / max)}%` }}
            title={`${f.day(d.d)}: ${d.units} · ${t(`dayState.${d.state}`)}${d.closing === null ? "" : ` · ${t("drawer.closing", { units: d.closing })}`}`}
          />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700">
        {Object.keys(STATE_TONE).map((state) => (
          <li key={state} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-2 ${STATE_TONE[state]}`} aria-hidden="true" />
            {t(`dayState.${state}`)}: {e.days.filter((d) => d.state === state).length}
          </li>
        ))}
      </ul>
      <p className="mt-2 font-mono text-xs" data-testid="restock-drawer-velocity">
        {e.velocity.formula}
      </p>

      <h3 className="mt-5 font-medium">{t("drawer.factors")}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {e.factors.map((factor) => (
          <li key={factor.name} data-testid={`restock-factor-${factor.name}`}>
            <span className="font-medium">{t(`factor.${factor.name}`)}</span> × {f.number(factor.value, 3)}{" "}
            <span className="text-slate-600">({t(`factorSource.${factor.source}`)})</span>
            <span className="block font-mono text-xs text-slate-600">{factor.detail}</span>
          </li>
        ))}
      </ul>

      <Figures
        title={t("drawer.settings")}
        rows={(Object.keys(e.settings) as (keyof typeof e.settings)[]).map((key) => [
          key,
          t(`settings.${key}`),
          <>
            {f.number(e.settings[key], key === "serviceLevel" ? 1 : 0)}
            {key === "serviceLevel" ? " %" : ""}{" "}
            <span className="text-xs text-slate-500">({t(`settingSource.${e.settingSources[key]}`)})</span>
          </>,
        ])}
      />
      <Figures
        title={t("drawer.position")}
        rows={(Object.keys(e.position) as (keyof typeof e.position)[]).map((key) => [
          key,
          t(`position.${key}`),
          f.number(e.position[key]),
        ])}
      />

      <h3 className="mt-5 font-medium">{t("drawer.formula")}</h3>
      {e.leadTime && e.leadTime.stdDays > 0 ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="restock-drawer-lead-time">
          {t("drawer.leadTimeSpread", {
            std: f.number(e.leadTime.stdDays, 2),
            supplies: e.leadTime.supplies,
            days: e.leadTime.days.join(", "),
          })}
        </p>
      ) : null}
      {e.closures && e.closures.length > 0 ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="restock-drawer-closures">
          {t("drawer.supplierClosures", {
            closures: e.closures.map((c) => `${f.day(c.from)} – ${f.day(c.to)}`).join(", "),
          })}
        </p>
      ) : null}
      <ol className="mt-1 list-decimal space-y-1 pl-5 font-mono text-xs" data-testid="restock-drawer-steps">
        {e.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>

      <h3 className="mt-5 font-medium">{t("drawer.lostSales")}</h3>
      <p className="text-sm">
        {t("drawer.lostSalesLine", { units: f.number(detail.lostUnits, 1), days: e.lostSales.days })}
        {detail.lostProfit !== null ? ` · ${t("drawer.lostProfit", { profit: f.rub(detail.lostProfit) })}` : ""}
      </p>
      <p className="font-mono text-xs text-slate-600">{e.lostSales.formula}</p>
      <MarketplaceFiguresSection row={detail} t={t} f={f} />

      {e.split && e.split.length > 0 ? (
        <>
          <h3 className="mt-5 font-medium">{t("drawer.split")}</h3>
          <p className="text-xs text-slate-600">{t("wbMasked")}</p>
          <ul className="mt-1 text-sm">
            {e.split.map((s, i) => (
              <li key={i}>
                {s.name ?? s.districts.join(", ")}: {f.number(s.qty)} ({f.percent(s.share, 0)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
