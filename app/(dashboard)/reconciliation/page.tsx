import { Suspense } from "react";
import { Badge, Card, CardBody, EmptyPage, PageHeader, Skeleton } from "@/components/ui";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui";
import { getReconciliation } from "@/lib/data/reconciliation";
import type { DashboardScope } from "@/lib/data/scope";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { getFormatters, getTranslations } from "@/lib/i18n/server";
import { getPageScope } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function ReconciliationPage({ searchParams }: Props) {
  const { scope } = await getPageScope(searchParams);
  const [t, f] = await Promise.all([getTranslations("reconciliation"), getFormatters()]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description", { from: f.day(scope.from), to: f.day(scope.to) })} />
      <Suspense key={`${scope.accountId}-${scope.from}-${scope.to}`} fallback={<Skeleton className="h-96 w-full" />}>
        <Periods scope={scope} />
      </Suspense>
    </div>
  );
}

async function Periods({ scope }: { scope: DashboardScope }) {
  const [data, t, tl, f] = await Promise.all([
    getReconciliation(scope),
    getTranslations("reconciliation"),
    getTranslations("pnl"),
    getFormatters(),
  ]);
  if (data.periods.length === 0) {
    return <EmptyPage t={t} testId="reconciliation-empty" />;
  }
  const money = (v: string) => f.rub(v, { fractionDigits: 2 });
  const closed = data.periods.filter((p) => p.isClosed).length;
  return (
    <Card>
      <CardBody className="space-y-3">
        <p className="text-sm text-slate-700" data-testid="reconciliation-summary">
          {t("summary", { periods: data.periods.length, closed, gaps: data.closedWithGap })}
        </p>
        <Table caption={t("caption")} data-testid="reconciliation">
          <HeaderRow
            headers={[
              t("columns.period"),
              t("columns.store"),
              t("columns.statement"),
              { label: t("columns.marketplacePayout"), numeric: true },
              { label: t("columns.sovaniPayout"), numeric: true },
              { label: t("columns.gap"), numeric: true },
              { label: t("columns.gapPercent"), numeric: true },
              t("columns.status"),
            ]}
          />
          <TBody>
            {data.periods.map((p) => (
              <Tr key={`${p.accountId}-${p.kind}-${p.reportId}`} data-testid="reconciliation-period">
                <Td className="whitespace-nowrap">
                  {f.day(p.dateFrom)} – {f.day(p.dateTo)}
                </Td>
                <Td>{p.accountName}</Td>
                <Td>
                  {t(`kind.${p.kind}`, { id: p.reportId })}
                  {p.lines ? (
                    <details className="mt-1 text-xs text-slate-600">
                      <summary className="cursor-pointer text-indigo-700">
                        {t("linesTitle", { count: p.financeLines })}
                      </summary>
                      <ul className="mt-1 space-y-0.5" data-testid="reconciliation-lines">
                        {PNL_LINES.filter((line) => p.lines?.[line] !== "0.00").map((line) => (
                          <li key={line} className="flex justify-between gap-3">
                            <span>{tl(`lines.${line}`)}</span>
                            <span className="tabular-nums">{money(p.lines?.[line] ?? "0")}</span>
                          </li>
                        ))}
                      </ul>
                      {Object.keys(p.marketplaceSums).length ? (
                        <>
                          <p className="mt-2 font-medium">{t("marketplaceSums")}</p>
                          <ul className="space-y-0.5">
                            {Object.entries(p.marketplaceSums).map(([k, v]) => (
                              <li key={k} className="flex justify-between gap-3">
                                <span className="font-mono">{k}</span>
                                <span className="tabular-nums">{v}</span>
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </details>
                  ) : null}
                </Td>
                <Td numeric>{money(p.marketplacePayout)}</Td>
                <Td numeric>{money(p.sovaniPayout)}</Td>
                <Td
                  numeric
                  data-testid="reconciliation-gap"
                  className={p.hasGap ? "font-semibold text-red-700" : "font-semibold text-emerald-700"}
                >
                  {money(p.gap)}
                </Td>
                <Td numeric>{p.gapPercent === null ? "—" : `${f.number(p.gapPercent, 2)}%`}</Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {p.isClosed ? (
                      <Badge>{t("closed")}</Badge>
                    ) : (
                      <span title={t("openHelp")}>
                        <Badge tone="info">{t("open")}</Badge>
                      </span>
                    )}
                    <Badge tone={p.hasGap ? (p.isClosed ? "danger" : "warning") : "success"}>
                      {p.hasGap ? t("differs") : t("match")}
                    </Badge>
                  </span>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </CardBody>
    </Card>
  );
}
