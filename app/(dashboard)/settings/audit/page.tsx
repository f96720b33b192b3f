import Link from "next/link";
import { Button, Card, CardBody, CardHeader, EmptyState, PageLinks, Select } from "@/components/ui";
import { DayFilter, FilterField } from "@/components/layout/filter-field";
import { requireRole } from "@/lib/auth/current-user";
import { getAuditPage } from "@/lib/data/audit";
import { param, parseTableParams, type SearchParamsRecord, withParams } from "@/lib/data/table-params";
import { isIsoDay } from "@/lib/domain/dates";
import { getEnv } from "@/lib/env";
import { auditSentence } from "@/lib/i18n/audit-sentence";
import { getFormatters, getTranslations } from "@/lib/i18n/server";
import { messageOr } from "@/lib/i18n/runtime-keys";

type Props = { searchParams: Promise<SearchParamsRecord> };

const day = (params: SearchParamsRecord, key: string) => {
  const v = param(params, key);
  return v && isIsoDay(v) ? v : undefined;
};

// The change log as sentences, newest first, filtered by user, action and business days (all in the
// URL), 50 to a page; each entry's raw record (before/after JSON) sits behind a toggle.
export default async function AuditPage({ searchParams }: Props) {
  await requireRole(["owner"]);
  const params = await searchParams;
  const { page, pageSize } = parseTableParams(params, { sortKeys: ["at"], defaultSort: "at" });
  const filters = {
    userEmail: param(params, "user")?.slice(0, 320),
    action: param(params, "action")?.slice(0, 100),
    from: day(params, "from"),
    to: day(params, "to"),
  };
  const isRaw = param(params, "raw") === "1";
  const [data, t, f] = await Promise.all([
    getAuditPage({ ...filters, page, pageSize, timeZone: getEnv().APP_TIMEZONE }),
    getTranslations("settings.audit"),
    getFormatters(),
  ]);
  const actionLabel = (a: string) => messageOr(t, `actions.${a}`, a);
  const first = (page - 1) * pageSize;
  const isFiltered = Object.values(filters).some(Boolean);
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link
            href={`/settings/audit${withParams(params, { raw: isRaw ? undefined : 1 })}`}
            className="text-sm text-indigo-700 hover:underline"
            data-testid="audit-raw-toggle"
          >
            {isRaw ? t("rawHide") : t("raw")}
          </Link>
        }
      />
      <CardBody className="space-y-4">
        <form
          method="get"
          className="flex flex-wrap items-end gap-2"
          aria-label={t("filters")}
          data-testid="audit-filters"
        >
          {isRaw ? <input type="hidden" name="raw" value="1" /> : null}
          <FilterField label={t("who")}>
            <Select name="user" defaultValue={filters.userEmail ?? ""} data-testid="audit-user">
              <option value="">{t("anyUser")}</option>
              {data.users.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label={t("action")}>
            <Select name="action" defaultValue={filters.action ?? ""} data-testid="audit-action">
              <option value="">{t("anyAction")}</option>
              {data.actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </Select>
          </FilterField>
          <DayFilter label={t("from")} name="from" defaultValue={filters.from ?? ""} data-testid="audit-from" />
          <DayFilter label={t("to")} name="to" defaultValue={filters.to ?? ""} data-testid="audit-to" />
          <Button type="submit" variant="secondary" data-testid="audit-apply">
            {t("apply")}
          </Button>
          {isFiltered ? (
            <Link
              href={`/settings/audit${isRaw ? "?raw=1" : ""}`}
              className="self-center text-sm text-indigo-700 hover:underline"
            >
              {t("reset")}
            </Link>
          ) : null}
        </form>

        {data.rows.length === 0 ? (
          <EmptyState title={isFiltered ? t("noMatch") : t("empty")} testId="audit-empty" />
        ) : (
          <ol className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="audit-table">
            {data.rows.map((r) => (
              <li key={r.id} className="px-3 py-2 text-sm" data-testid="audit-entry">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className="text-slate-900" data-testid="audit-sentence">
                    {auditSentence(t, f, r)}
                  </p>
                  <time className="whitespace-nowrap text-xs text-slate-500" dateTime={r.at.toISOString()}>
                    {f.dateTime(r.at)}
                  </time>
                </div>
                {isRaw ? (
                  <pre
                    className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-700"
                    title={t("rawRecord")}
                    data-testid="audit-raw"
                  >
                    {JSON.stringify(
                      { action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after },
                      null,
                      2,
                    )}
                  </pre>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {data.total > 0 ? (
          <PageLinks
            label={t("title")}
            summary={t("pageOf", { from: first + 1, to: Math.min(first + pageSize, data.total), total: data.total })}
            prevHref={page > 1 ? `/settings/audit${withParams(params, { page: page - 1 })}` : null}
            nextHref={first + pageSize < data.total ? `/settings/audit${withParams(params, { page: page + 1 })}` : null}
            prevLabel={t("prev")}
            nextLabel={t("next")}
            testId="audit"
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
