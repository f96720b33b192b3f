import Link from "next/link";
import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Suspense } from "react";
import { type FilterField, FilteredResults } from "@/components/data-table";
import { getFilterLabels } from "@/components/data-table/table-labels";
import { ReplyForm } from "@/components/reviews/reply-form";
import { ReplyTemplates } from "@/components/reviews/reply-templates";
import { ReviewCard, type ReviewCardLabels } from "@/components/reviews/review-card";
import { Card, CardBody, CardHeader, EmptyState, PageHeader, Skeleton, StatTile } from "@/components/ui";
import { requireUser } from "@/lib/auth/current-user";
import { canEdit } from "@/lib/auth/roles";
import { getReplyTemplates, getReviewPage, getReviewStats } from "@/lib/data";
import { type ReplyTemplateItem, replyFailures } from "@/lib/data/reviews";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { parseReviewQuery } from "@/lib/data/page-params";
import type { DashboardScope } from "@/lib/data/scope";
import { type SearchParamsRecord, scopedHref, withParams } from "@/lib/data/table-params";
import { getEnv } from "@/lib/env";
import { getPageScope } from "@/lib/url-filters-server";

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function ReviewsPage({ searchParams }: Props) {
  const { params, scope } = await getPageScope(searchParams);
  const user = await requireUser();
  const editable = canEdit(user.role);
  const [t, filterLabels] = await Promise.all([getTranslations("reviews"), getFilterLabels()]);
  const fields: FilterField[] = [
    {
      kind: "select",
      name: "rating",
      label: t("rating"),
      allLabel: t("anyRating"),
      options: [5, 4, 3, 2, 1].map((r) => ({ value: String(r), label: "★".repeat(r) + ` (${r})` })),
    },
    { kind: "checkbox", name: "unanswered", label: t("unansweredOnly") },
    { kind: "checkbox", name: "media", label: t("withMediaOnly") },
  ];
  const isQueue = parseReviewQuery(params).filters.isQueue === true;
  const templates = editable ? await getReplyTemplates() : [];
  return (
    <ClientMessages namespaces={["reviews"]}>
      <div>
        <PageHeader title={t("title")} description={isQueue ? t("queueDescription") : t("description")} />
        <Suspense fallback={<Skeleton className="mb-4 h-16 w-full" />}>
          <ReviewStats scope={scope} params={params} isQueue={isQueue} />
        </Suspense>
        <FilteredResults fields={isQueue ? null : fields} params={params} pathname="/reviews" labels={filterLabels}>
          <ReviewList scope={scope} params={params} canReply={editable} templates={templates} />
        </FilteredResults>
        {editable ? (
          <Card className="mt-6">
            <CardHeader title={t("templates.title")} description={t("templates.description")} />
            <CardBody>
              <ReplyTemplates templates={templates} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}

async function ReviewStats({
  scope,
  params,
  isQueue,
}: {
  scope: DashboardScope;
  params: SearchParamsRecord;
  isQueue: boolean;
}) {
  const [stats, t, f] = await Promise.all([
    getReviewStats(scope, getEnv().APP_TIMEZONE),
    getTranslations("reviews"),
    getFormatters(),
  ]);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-indigo-600 text-white" : "border border-slate-300 bg-white text-slate-800"}`;
  return (
    <>
      <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-2" data-testid="review-tabs">
        <Link
          href={`/reviews${withParams(params, { view: null, page: null })}`}
          className={tab(!isQueue)}
          aria-current={isQueue ? undefined : "page"}
        >
          {t("allTab")}
        </Link>
        <Link
          href={`/reviews${withParams(params, { view: "queue", page: null })}`}
          className={tab(isQueue)}
          aria-current={isQueue ? "page" : undefined}
          data-testid="review-queue-tab"
        >
          {t("queueTab", { count: f.number(stats.queued) })}
        </Link>
      </nav>
      <dl className="mb-4 grid grid-cols-3 gap-3" data-testid="review-stats">
        {[
          [t("stats.total"), f.number(stats.total)],
          [t("stats.unanswered"), f.number(stats.unanswered)],
          [t("stats.average"), stats.averageRating ? f.number(stats.averageRating, 2) : "—"],
        ].map(([label, value]) => (
          <StatTile key={label} label={label} value={value} size="small" />
        ))}
      </dl>
    </>
  );
}

async function ReviewList({
  scope,
  params,
  canReply,
  templates,
}: {
  scope: DashboardScope;
  params: SearchParamsRecord;
  canReply: boolean;
  templates: ReplyTemplateItem[];
}) {
  const query = parseReviewQuery(params);
  const tz = getEnv().APP_TIMEZONE;
  const [page, t, td, f] = await Promise.all([
    getReviewPage(scope, query.filters, { page: query.page, pageSize: query.pageSize }, tz),
    getTranslations("reviews"),
    getTranslations("dashboard"),
    getFormatters(),
  ]);
  if (page.total === 0 && query.filters.isQueue) {
    return (
      <EmptyState title={t("queueEmptyTitle")} testId="reviews-empty">
        {t("queueEmptyBody")}
      </EmptyState>
    );
  }
  if (page.total === 0) {
    const isFiltered = Boolean(query.filters.rating || query.filters.isUnansweredOnly || query.filters.isWithMediaOnly);
    return (
      <EmptyState title={isFiltered ? t("emptyFilteredTitle") : t("emptyTitle")} testId="reviews-empty">
        {isFiltered ? t("emptyFilteredBody") : t("emptyBody")}
      </EmptyState>
    );
  }
  const labels: ReviewCardLabels = {
    replyState: {
      pending: t("replyState.pending"),
      sent: t("replyState.sent"),
      confirmed: t("replyState.confirmed"),
      failed: t("replyState.failed"),
    },
    replyFailure: Object.fromEntries(replyFailures.map((code) => [code, t(`replyFailure.${code}`)])),
    yourAnswer: t("reply.yourAnswer"),
    buyer: t("buyer"),
    status: {
      unanswered: t("status.unanswered"),
      pending: t("status.pending"),
      answered: t("status.answered"),
      rejected: t("status.rejected"),
    },
    media: t("media"),
    supplement: t("supplement"),
    supplementOf: t("supplementOf"),
    stars: t("stars"),
    noText: t("noText"),
  };
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const from = (page.page - 1) * page.pageSize + 1;
  return (
    <div className="space-y-3">
      <div className="space-y-3" data-testid="review-list">
        {page.rows.map((r) => (
          <ReviewCard
            key={r.reviewId}
            review={r}
            f={f}
            labels={labels}
            skuHref={r.skuId ? scopedHref(`/skus/${r.skuId}`, params) : null}
            replyForm={
              canReply && r.replyAction ? (
                <ReplyForm
                  reviewId={r.reviewId}
                  mode={r.replyAction}
                  buyerName={r.buyerName}
                  productName={r.productName}
                  templates={templates}
                  initialText={r.replyAction === "edit" ? (r.reply?.text ?? "") : ""}
                  isOpen={query.filters.isQueue === true}
                />
              ) : null
            }
          />
        ))}
      </div>
      <nav
        aria-label={td("table.pagination")}
        className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600"
      >
        <p>
          {td("table.summary", {
            from: f.number(from),
            to: f.number(Math.min(page.total, from + page.rows.length - 1)),
            total: f.number(page.total),
          })}
        </p>
        <div className="flex items-center gap-2">
          {page.page > 1 ? (
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800"
              href={`/reviews${withParams(params, { page: page.page - 1 })}`}
            >
              {td("table.previous")}
            </Link>
          ) : null}
          <span className="tabular-nums">
            {page.page} / {pages}
          </span>
          {page.page < pages ? (
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800"
              href={`/reviews${withParams(params, { page: page.page + 1 })}`}
            >
              {td("table.next")}
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
