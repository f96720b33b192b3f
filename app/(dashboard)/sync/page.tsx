import { getTranslations, getFormatters } from "@/lib/i18n/server";
import {
  Badge,
  type BadgeTone,
  Card,
  CardBody,
  CardHeader,
  EmptyState,
  HeaderRow,
  PageHeader,
  Table,
  TBody,
  Td,
  Tr,
} from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { jobDeps } from "@/lib/jobs/deps";
import { earliestHistoryDay, INITIAL_HISTORY_DAYS, initialHistoryStart } from "@/lib/jobs/plan-collection";
import { getSyncOverview, type SourceCounts } from "@/lib/data/stores";
import { ConnectionBadge, getFailureWording } from "@/components/stores/connection-state";
import { storeLabel } from "@/components/layout/nav-items";
import { LoadHistoryForm, SyncNowButton } from "./sync-forms";
import { messageOr } from "@/lib/i18n/runtime-keys";

const statusTone: Record<string, BadgeTone> = {
  running: "info",
  succeeded: "success",
  partial: "warning",
  failed: "danger",
  skipped: "warning",
};

function sourceState(src: { lastStatus: string; lastError: string | null; lastSuccessDay: string | null }): string {
  return src.lastStatus === "succeeded" && src.lastError && !src.lastSuccessDay ? "skipped" : src.lastStatus;
}

function Counts({ c }: { c: SourceCounts }) {
  return (
    <span className="tabular-nums">
      {c.fetched ?? 0} / {c.inserted ?? 0} / {c.updated ?? 0} / {c.unchanged ?? 0} /{" "}
      <span className={c.quarantined ? "font-semibold text-amber-700" : undefined}>{c.quarantined ?? 0}</span>
    </span>
  );
}

export default async function SyncPage() {
  const user = await requireUser();
  const [data, t, tc, f] = await Promise.all([
    getSyncOverview(),
    getTranslations("sync"),
    getTranslations("common"),
    getFormatters(),
  ]);
  const statusLabel = (s: string) => messageOr(t, `statuses.${s}`, s);
  // sources for people ("Продажи WB"), the internal name only for one the catalogue does not know yet
  const sourceLabel = (s: string) => messageOr(t, `sources.${s}`, s);
  const failureWords = await getFailureWording();
  const runFailure = (c: SourceCounts) =>
    failureWords(c.failure ?? (c.status === "skipped" && c.skipped ? { kind: "skipped", reason: c.skipped } : null));
  const mayEdit = canEdit(user.role) && data.stores.length > 0;
  const today = jobDeps().today();
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />

      {mayEdit ? (
        <div className="grid gap-5 lg:grid-cols-2">
          <Card>
            <CardHeader title={t("syncNow")} description={t("syncNowHint", { days: INITIAL_HISTORY_DAYS })} />
            <CardBody>
              <SyncNowButton />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("historyTitle")} description={t("historyDescription")} />
            <CardBody>
              <LoadHistoryForm
                stores={data.stores.map((s) => ({
                  id: s.id,
                  label: storeLabel(s.name, tc(`marketplaces.${s.marketplace}`)),
                }))}
                today={today}
                defaultFrom={initialHistoryStart(today)}
                minFrom={earliestHistoryDay(today)}
              />
            </CardBody>
          </Card>
        </div>
      ) : null}

      <Card>
        <CardHeader title={t("storesTitle")} />
        <CardBody className="space-y-4">
          {data.stores.length === 0 ? <EmptyState title={t("noStores")} /> : null}
          {data.stores.map((s) => (
            <div key={s.id} className="rounded-md border border-slate-200 p-3" data-testid={`store-status-${s.id}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{storeLabel(s.name, tc(`marketplaces.${s.marketplace}`))}</span>
                <ConnectionBadge store={s} />
                {!s.reviewsAvailable ? <Badge tone="warning">{t("reviewsUnavailable")}</Badge> : null}
              </div>
              {!s.historyLoaded ? (
                <p className="mt-1 text-sm text-slate-600" data-testid="first-sync-pending">
                  {t("firstSyncPending", { days: INITIAL_HISTORY_DAYS })}
                </p>
              ) : null}
              {s.sources.length > 0 ? (
                <div className="mt-2">
                  <Table caption={`${storeLabel(s.name, tc(`marketplaces.${s.marketplace}`))}: ${t("lastSuccessDay")}`}>
                    <HeaderRow headers={[t("source"), t("lastSuccessDay"), t("lastStatus")]} />
                    <TBody>
                      {s.sources.map((src) => (
                        <Tr key={src.source}>
                          <Td data-testid={`source-${src.source}`}>{sourceLabel(src.source)}</Td>
                          <Td>{src.lastSuccessDay ? f.day(src.lastSuccessDay) : t("never")}</Td>
                          <Td>
                            {/* a source that did not run (e.g. after a rejected token) keeps no success to show */}
                            <Badge tone={statusTone[sourceState(src)] ?? "neutral"}>
                              {statusLabel(sourceState(src))}
                            </Badge>
                            {failureWords(src.lastFailure) ? (
                              <div
                                className="mt-1 max-w-md text-xs break-words text-red-700"
                                data-testid="source-failure"
                              >
                                {failureWords(src.lastFailure)}
                              </div>
                            ) : null}
                          </Td>
                        </Tr>
                      ))}
                    </TBody>
                  </Table>
                </div>
              ) : (
                <p className="mt-1 text-sm text-slate-500">
                  {t("lastSuccessDay")}: {t("never")}
                </p>
              )}
            </div>
          ))}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("runsTitle")} description={t("countsLegend")} />
        {data.runs.length === 0 ? (
          <div className="p-4">
            <EmptyState title={t("noRuns")} testId="no-runs" />
          </div>
        ) : (
          <Table caption={t("runsTitle")} data-testid="sync-runs">
            <HeaderRow headers={[t("started"), t("store"), t("status"), t("range"), t("counts")]} />
            <TBody>
              {data.runs.map((r) => (
                <Tr key={r.id} data-testid={`sync-run-${r.id}`}>
                  <Td className="whitespace-nowrap">
                    {f.dateTime(r.startedAt)}
                    <div className="text-xs text-slate-500">
                      {messageOr(t, `triggers.${r.trigger}`, r.trigger)}
                      {r.finishedAt
                        ? ` · ${t("seconds", { n: Math.max(0, Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000)) })}`
                        : ""}
                    </div>
                  </Td>
                  <Td>{r.storeName ?? messageOr(t, `kinds.${r.kind}`, "—")}</Td>
                  <Td>
                    <Badge tone={statusTone[r.status] ?? "neutral"}>{statusLabel(r.status)}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {r.dateFrom ? `${f.day(r.dateFrom)} – ${f.day(r.dateTo)}` : "—"}
                  </Td>
                  <Td>
                    {r.recalc ? (
                      <p className="max-w-md text-xs" data-testid="recalc-summary">
                        {t("recalcSummary", {
                          rows: r.recalc.rows,
                          changed: r.recalc.changed,
                          missingCost: r.recalc.skusMissingCost,
                          estimated: r.recalc.daysCommissionEstimated,
                        })}
                        {r.recalc.adviceRows !== null ? (
                          <span className="block">
                            {t("adviceSummary", { rows: r.recalc.adviceRows, toShip: r.recalc.toShip ?? 0 })}
                          </span>
                        ) : null}
                      </p>
                    ) : null}
                    {r.nightly ? (
                      <p className="max-w-md text-xs">
                        {t("nightlySummary", { synced: r.nightly.synced, stores: r.nightly.stores })}
                      </p>
                    ) : null}
                    <ul className="space-y-1 text-xs">
                      {Object.entries(r.sources).map(([source, c]) => (
                        <li key={source}>
                          <span>{sourceLabel(source)}</span>: <Counts c={c} />
                          {c.status && c.status !== "succeeded" ? (
                            <Badge tone={statusTone[c.status] ?? "neutral"} className="ml-1">
                              {statusLabel(c.status)}
                            </Badge>
                          ) : null}
                          {runFailure(c) ? (
                            <div className="max-w-md break-words text-red-700">{runFailure(c)}</div>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <Card>
        <CardHeader
          title={t("quarantineTitle")}
          description={t("quarantineDescription")}
          actions={
            data.quarantineTotal > 0 ? (
              <Badge tone="warning">{t("quarantineTotal", { n: data.quarantineTotal })}</Badge>
            ) : null
          }
        />
        {data.quarantine.length === 0 ? (
          <div className="p-4">
            <EmptyState title={t("noQuarantine")} testId="no-quarantine" />
          </div>
        ) : (
          <Table caption={t("quarantineTitle")} data-testid="quarantine">
            <HeaderRow headers={[t("lastSeen"), t("store"), t("source"), t("reason")]} />
            <TBody>
              {data.quarantine.map((q) => (
                <Tr key={q.id}>
                  <Td className="whitespace-nowrap">{f.dateTime(q.lastSeenAt)}</Td>
                  <Td>{q.storeName ?? "—"}</Td>
                  <Td className="text-xs">{sourceLabel(q.source)}</Td>
                  <Td className="max-w-lg text-xs break-words">{q.reason}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
