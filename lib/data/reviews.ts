import "server-only";
// Reviews: top-level reviews matching the filters, newest first, each with its WB supplements.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { addDays, zonedWallTimeToInstant } from "@/lib/domain/dates";
import type { DashboardScope } from "./scope";
import { int } from "./sql-helpers";
import type { Page } from "./table-params";
import type { Marketplace } from "@/db/schema";

export interface ReviewFilters {
  rating?: number;
  isUnansweredOnly?: boolean;
  isWithMediaOnly?: boolean;
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
  /** a supplement whose parent is not stored is shown at the top level */
  isSupplement: boolean;
  supplements: Omit<ReviewItem, "supplements">[];
}

function reviewWhere(scope: DashboardScope, filters: ReviewFilters, timeZone: string): SQL {
  const start = zonedWallTimeToInstant(`${scope.from}T00:00:00`, timeZone).toISOString();
  const end = zonedWallTimeToInstant(`${addDays(scope.to, 1)}T00:00:00`, timeZone).toISOString();
  const parts: SQL[] = [sql`r.created_at_utc >= ${start}::timestamptz and r.created_at_utc < ${end}::timestamptz`];
  if (scope.accountId !== null) parts.push(sql`r.account_id = ${scope.accountId}`);
  if (filters.rating) parts.push(sql`r.rating = ${filters.rating}`);
  if (filters.isUnansweredOnly) parts.push(sql`r.reply_status = 'unanswered'`);
  if (filters.isWithMediaOnly) parts.push(sql`r.has_media`);
  return sql.join(parts, sql` and `);
}

type Raw = Record<string, unknown>;

function toItem(r: Raw): Omit<ReviewItem, "supplements"> {
  const created =
    r.created_at_utc instanceof Date
      ? r.created_at_utc.toISOString()
      : new Date(String(r.created_at_utc)).toISOString();
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
    isSupplement: r.parent_review_id !== null,
  };
}

const columns = sql`r.review_id, r.marketplace, a.name as account_name, r.sku_id, s.article, s.name as sku_name, r.product_name,
  r.created_at_utc, r.rating, r.has_media, r.text, r.reply_status, r.parent_review_id`;

/**
 * A page of reviews: a review matches when it or one of its supplements matches the filters, so
 * a supplement is never shown without its parent.
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
      select coalesce(p.review_id, r.review_id) as top_id
      from reviews r left join reviews p on p.review_id = r.parent_review_id
      where ${where}
      group by 1
    )
    select ${columns}, count(*) over () as total
    from hit join reviews r on r.review_id = hit.top_id
    left join accounts a on a.id = r.account_id left join sku s on s.id = r.sku_id
    order by r.created_at_utc desc, r.review_id
    limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}
  `);
  const tops = rowsOf<Raw>(result);
  const ids = tops.map((r) => String(r.review_id));
  const supplements = ids.length
    ? rowsOf<Raw>(
        await db.execute(sql`
          select ${columns} from reviews r
          left join accounts a on a.id = r.account_id left join sku s on s.id = r.sku_id
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
}

export async function queryReviewStats(db: Db, scope: DashboardScope, timeZone: string): Promise<ReviewStats> {
  const result = await db.execute(sql`
    select count(*)::int as total, count(*) filter (where r.reply_status = 'unanswered')::int as unanswered,
      round(avg(r.rating), 2)::text as avg
    from reviews r where ${reviewWhere(scope, {}, timeZone)}
  `);
  const r = rowsOf<{ total: number; unanswered: number; avg: string | null }>(result)[0];
  return { total: int(r?.total), unanswered: int(r?.unanswered), averageRating: r?.avg ?? null };
}
