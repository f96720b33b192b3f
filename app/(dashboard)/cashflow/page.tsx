import Link from "next/link";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { LazyCashflowChart as CashflowChart } from "@/components/charts/lazy";
import { cashflowColumns } from "@/components/cashflow/cashflow-columns";
import { cashflowSeries } from "@/components/cashflow/cashflow-colors";
import { toPageColumns } from "@/components/data-table/columns";
import { ExportLinks } from "@/components/data-table/export-links";
import { storeLabel } from "@/components/layout/nav-items";
import { StaticTable } from "@/components/data-table/static-table";
import { Card, CardBody, CardHeader, EmptyPage, HeaderRow, PageHeader, Skeleton } from "@/components/ui";
import { StatTile, Table, TBody, Td, Tr } from "@/components/ui";
import { getCashflowSummary, getPayouts } from "@/lib/data";
import type { DashboardScope } from "@/lib/data/scope";
import { param, type SearchParamsRecord, withParams } from "@/lib/data/table-params";
import { getPageScope } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function CashflowPage({ searchParams }: Props) {
  const { params, scope } = await getPageScope(searchParams);
  const bucket = param(params, "by") === "week" ? "week" : "day";
  const t = await getTranslations("cashflow");
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <div
              role="group"
              aria-label={t("groupBy")}
              className="inline-flex rounded-md border border-slate-300 bg-white text-sm"
            >
              {(["day", "week"] as const).map((b) => (
                <Link
                  key={b}
                  href={`/cashflow${withParams(params, { by: b === "day" ? undefined : b })}`}
                  aria-current={bucket === b ? "true" : undefined}
                  className={`px-3 py-1.5 ${bucket === b ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-50"} first:rounded-l-md last:rounded-r-md`}
                >
                  {t(`by.${b}`)}
                </Link>
              ))}
            </div>
            <ExportLinks route="/cashflow/export" searchParams={params} />
          </div>
        }
      />
      <Suspense
        key={`${bucket}-${scope.accountId}-${scope.from}-${scope.to}`}
        fallback={<Skeleton className="h-[520px] w-full" />}
      >
        <CashflowSummary scope={scope} bucket={bucket} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-48 w-full" />}>
        <Payouts scope={scope} />
      </Suspense>
    </div>
  );
}

async function CashflowSummary({ scope, bucket }: { scope: DashboardScope; bucket: "day" | "week" }) {
  const [summary, t, f] = await Promise.all([
    getCashflowSummary(scope, bucket),
    getTranslations("cashflow"),
    getFormatters(),
  ]);
  if (summary.buckets.length === 0) {
    return <EmptyPage t={t} testId="cashflow-empty" />;
  }
  const present = new Set(summary.totalsByType.map((x) => x.type));
  const series = cashflowSeries.filter((s) => present.has(s.key)).map((s) => ({ ...s, label: t(`types.${s.key}`) }));
  const tone = (v: string) => (Number(v) < 0 ? "text-red-700" : "text-slate-900");
  return (
    <>
      <dl className="grid gap-3 sm:grid-cols-3" data-testid="cashflow-totals">
        {(
          [
            ["operating", summary.operating, t("operatingHelp")],
            ["financing", summary.financing, t("financingHelp")],
            ["payouts", summary.payouts, t("payoutsHelp")],
          ] as const
        ).map(([key, value, help]) => (
          <StatTile
            key={key}
            label={t(`totals.${key}`)}
            value={f.rub(value)}
            valueClassName={tone(value)}
            help={help}
            testId={`cashflow-${key}`}
          />
        ))}
      </dl>
      <Card>
        <CardHeader title={t("chartTitle")} description={t(`by.${bucket}`)} />
        <CardBody>
          <CashflowChart
            data={summary.buckets.map((b) => ({ d: b.d, byType: b.byType }))}
            config={{ locale: f.locale, bucket, series, summary: t("chartSummary", { count: summary.buckets.length }) }}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("table.title")} description={t(`by.${bucket}`)} />
        <CardBody>
          <StaticTable
            caption={t("table.caption")}
            data-testid="cashflow-table"
            columns={toPageColumns(
              cashflowColumns((key) => t(key as never), summary),
              { f },
            )}
            rows={summary.buckets}
            getRowId={(row) => row.d}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("byTypeTitle")} />
        <CardBody>
          <Table caption={t("byTypeTitle")} data-testid="cashflow-by-type">
            <HeaderRow
              headers={[
                t("type"),
                t("kind"),
                { label: t("amount"), numeric: true },
                { label: t("lines"), numeric: true },
              ]}
            />
            <TBody>
              {summary.totalsByType.map((row) => (
                <Tr key={row.type}>
                  <Td>{t(`types.${row.type}`)}</Td>
                  <Td className="text-slate-600">
                    {t(
                      row.type === "financing"
                        ? "totals.financing"
                        : row.type === "payout"
                          ? "totals.payouts"
                          : "totals.operating",
                    )}
                  </Td>
                  <Td numeric className={tone(row.amount)}>
                    {f.rub(row.amount, { fractionDigits: 2 })}
                  </Td>
                  <Td numeric>{f.number(row.count)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </CardBody>
      </Card>
    </>
  );
}

async function Payouts({ scope }: { scope: DashboardScope }) {
  const [rows, t, f] = await Promise.all([getPayouts(scope), getTranslations("cashflow"), getFormatters()]);
  return (
    <Card>
      <CardHeader title={t("payoutsTitle")} />
      <CardBody>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="payouts-empty">
            {t("payoutsEmpty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="payouts">
            {rows.map((p) => (
              <li key={`${p.marketplace}-${p.refId}`} className="flex justify-between gap-3 py-2">
                <span>
                  {f.day(p.d)}{" "}
                  <span className="text-slate-500">
                    ·{" "}
                    {p.accountName
                      ? storeLabel(p.accountName, p.marketplace === "WB" ? "Wildberries" : "Ozon")
                      : p.marketplace === "WB"
                        ? "Wildberries"
                        : "Ozon"}
                  </span>
                </span>
                <span className="tabular-nums font-medium">{f.rub(p.amount, { fractionDigits: 2 })}</span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
