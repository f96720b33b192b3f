import "server-only";
// Reviews: top-level reviews matching the filters, newest first, each with its WB supplements and the
// latest reply sent from Sovani. The queue: every unanswered review nobody has replied to yet (whatever
// the period), lowest rating first, then oldest first.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays, zonedWallTimeToInstant } from "@/lib/domain/dates";
import type { DashboardScope } from "./scope";
import { int } from "./sql-helpers";
import type { Page } from "./table-params";
import type { Marketplace, ReviewReplyKind, ReviewReplyState } from "@/db/schema";
import { WB_EDIT_WINDOW_DAYS } from "@/lib/services/reviews/reply-schemas";

/** the codes a failed reply carries, for the page's messages */
export { replyFailures } from "@/lib/services/reviews/reply-failure";

export interface ReviewFilters {
  rating?: number;
  isUnansweredOnly?: boolean;
  isWithMediaOnly?: boolean;
  /** the reply queue: unanswered, not replied to from here, any date, worst and oldest first */
  isQueue?: boolean;
}

/** The latest reply sent from Sovani to a review (review_replies). */
export interface ReviewReplyView {
  kind: ReviewReplyKind;
  state: ReviewReplyState;
  failure: string | null;
  text: string;
  at: string;
}

export interface ReviewItem {
  reviewId: string;
  marketplace: Marketplace;
  accountName: string | null;
  skuId: number | null;
  article: string | null;
  productName: string | null;
  createdAt: string;
  rating: number;
  hasMedia: boolean;
  /** marketplace text: render as text, never as HTML */
  text: string;
  replyStatus: "unanswered" | "pending" | "answered" | "rejected";
  buyerName: string | null;
  reply: ReviewReplyView | null;
  /** what an editor may do now: answer, edit the answer sent from here (WB, once, 60 days), or nothing */
  replyAction: "answer" | "edit" | null;
  /** a supplement whose parent is not stored is shown at the top level */
  isSupplement: boolean;
  supplements: Omit<ReviewItem, "supplements">[];
}

const inQueue = sql`r.reply_status = 'unanswered' and not exists (
  select 1 from review_replies q where q.review_id = r.review_id and q.state <> 'failed')`;

function reviewWhere(scope: DashboardScope, filters: ReviewFilters, timeZone: string): SQL {
  const start = zonedWallTimeToInstant(`${scope.from}T00:00:00`, timeZone).toISOString();
  const end = zonedWallTimeToInstant(`${addDays(scope.to, 1)}T00:00:00`, timeZone).toISOString();
  const parts: SQL[] = filters.isQueue
    ? [inQueue]
    : [sql`r.created_at_utc >= ${start}::timestamptz and r.created_at_utc < ${end}::timestamptz`];
  if (scope.accountId !== null) parts.push(sql`r.account_id = ${scope.accountId}`);
  if (filters.rating) parts.push(sql`r.rating = ${filters.rating}`);
  if (filters.isUnansweredOnly) parts.push(sql`r.reply_status = 'unanswered'`);
  if (filters.isWithMediaOnly) parts.push(sql`r.has_media`);
  return sql.join(parts, sql` and `);
}

type Raw = Record<string, unknown>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function replyActionOf(r: Raw, reply: ReviewReplyView | null): ReviewItem["replyAction"] {
  if (reply && reply.state !== "failed") {
    // the one edit WB allows, of an answer sent from here within the last 60 days
    const answeredAt = r.answer_sent_at === null ? null : Date.parse(iso(r.answer_sent_at));
    const isEditable =
      r.marketplace === "WB" &&
      reply.state !== "pending" &&
      answeredAt !== null &&
      !r.has_edit &&
      Date.now() - answeredAt <= WB_EDIT_WINDOW_DAYS * 86_400_000;
    return isEditable ? "edit" : null;
  }
  return r.reply_status === "unanswered" ? "answer" : null;
}

function toItem(r: Raw): Omit<ReviewItem, "supplements"> {
  const created = iso(r.created_at_utc);
  const reply: ReviewReplyView | null =
    r.reply_state === null || r.reply_state === undefined
      ? null
      : {
          kind: r.reply_kind as ReviewReplyKind,
          state: r.reply_state as ReviewReplyState,
          failure: (r.reply_failure as string | null) ?? null,
          text: String(r.reply_text ?? ""),
          at: iso(r.reply_at),
        };
  return {
    reviewId: String(r.review_id),
    marketplace: r.marketplace as Marketplace,
    accountName: (r.account_name as string | null) ?? null,
    skuId: r.sku_id === null ? null : int(r.sku_id),
    article: (r.article as string | null) ?? null,
    productName: (r.product_name as string | null) ?? (r.sku_name as string | null) ?? null,
    createdAt: created,
    rating: int(r.rating),
    hasMedia: Boolean(r.has_media),
    text: String(r.text ?? ""),
    replyStatus: r.reply_status as ReviewItem["replyStatus"],
    buyerName: (r.buyer_name as string | null) ?? null,
    reply,
    replyAction: replyActionOf(r, reply),
    isSupplement: r.parent_review_id !== null,
  };
}

const columns = sql`r.review_id, r.marketplace, a.name as account_name, r.sku_id, s.article, s.name as sku_name, r.product_name,
  r.created_at_utc, r.rating, r.has_media, r.text, r.reply_status, r.parent_review_id, r.buyer_name,
  lr.kind as reply_kind, lr.state as reply_state, lr.failure as reply_failure, lr.text as reply_text,
  coalesce(lr.sent_at, lr.created_at) as reply_at,
  (select min(x.sent_at) from review_replies x where x.review_id = r.review_id and x.kind = 'answer' and x.state in ('sent','confirmed')) as answer_sent_at,
  exists (select 1 from review_replies x where x.review_id = r.review_id and x.kind = 'edit' and x.state <> 'failed') as has_edit`;

/** the latest reply to r */
const latestReply = sql`left join lateral (
  select x.kind, x.state, x.failure, x.text, x.sent_at, x.created_at from review_replies x
  where x.review_id = r.review_id order by x.created_at desc, x.id desc limit 1) lr on true`;

/**
 * A page of reviews: a review matches when it or one of its supplements matches the filters, so
 * a supplement is never shown without its parent. The queue lists every review to answer on its own.
 */
export async function queryReviewPage(
  db: Db,
  scope: DashboardScope,
  filters: ReviewFilters,
  paging: { page: number; pageSize: number },
  timeZone: string,
): Promise<Page<ReviewItem>> {
  const where = reviewWhere(scope, filters, timeZone);
  const result = await db.execute(sql`
    with hit as (
      select ${filters.isQueue ? sql`r.review_id` : sql`coalesce(p.review_id, r.review_id)`} as top_id
      from reviews r left join reviews p on p.review_id = r.parent_review_id
      where ${where}
      group by 1
    )
    select ${columns}, count(*) over () as total
    from hit join reviews r on r.review_id = hit.top_id
    left join accounts a on a.id = r.account_id left join sku s on s.id = r.sku_id ${latestReply}
    order by ${filters.isQueue ? sql`r.rating, r.created_at_utc, r.review_id` : sql`r.created_at_utc desc, r.review_id`}
    limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}
  `);
  const tops = rowsOf<Raw>(result);
  // the queue lists each review to answer on its own, a supplement too (it is answered separately)
  const ids = filters.isQueue ? [] : tops.map((r) => String(r.review_id));
  const supplements = ids.length
    ? rowsOf<Raw>(
        await db.execute(sql`
          select ${columns} from reviews r
          left join accounts a on a.id = r.account_id left join sku s on s.id = r.sku_id ${latestReply}
          where r.parent_review_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})
          order by r.created_at_utc
        `),
      )
    : [];
  const byParent = new Map<string, Omit<ReviewItem, "supplements">[]>();
  for (const s of supplements) {
    const list = byParent.get(String(s.parent_review_id)) ?? [];
    list.push(toItem(s));
    byParent.set(String(s.parent_review_id), list);
  }
  return {
    rows: tops.map((r) => ({ ...toItem(r), supplements: byParent.get(String(r.review_id)) ?? [] })),
    total: tops.length ? int(tops[0].total) : 0,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

export interface ReviewStats {
  total: number;
  unanswered: number;
  averageRating: string | null;
  /** reviews waiting in the reply queue (any date) */
  queued: number;
}

export async function queryReviewStats(db: Db, scope: DashboardScope, timeZone: string): Promise<ReviewStats> {
  const result = await db.execute(sql`
    select count(*)::int as total, count(*) filter (where r.reply_status = 'unanswered')::int as unanswered,
      round(avg(r.rating), 2)::text as avg,
      (select count(*)::int from reviews r where ${reviewWhere(scope, { isQueue: true }, timeZone)}) as queued
    from reviews r where ${reviewWhere(scope, {}, timeZone)}
  `);
  const r = rowsOf<{ total: number; unanswered: number; avg: string | null; queued: number }>(result)[0];
  return {
    total: int(r?.total),
    unanswered: int(r?.unanswered),
    averageRating: r?.avg ?? null,
    queued: int(r?.queued),
  };
}

export interface ReplyTemplateItem {
  id: number;
  name: string;
  body: string;
}

export async function queryReplyTemplates(db: Db): Promise<ReplyTemplateItem[]> {
  const result = await db.execute(sql`select id, name, body from review_reply_templates order by lower(name), id`);
  return rowsOf<Raw>(result).map((r) => ({ id: int(r.id), name: String(r.name), body: String(r.body) }));
}
