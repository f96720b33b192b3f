import "server-only";
// The owner's change log: one page of audit entries, filtered by user, action and business days, with
// what a sentence needs that the entry only names by id (the article of a cost price's SKU).
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { authorized } from "./authorized";
import type { AuditEntry } from "./users";

export interface AuditFilters {
  userEmail?: string;
  action?: string;
  /** business days (APP_TIMEZONE), inclusive */
  from?: string;
  to?: string;
}

export interface AuditRow extends AuditEntry {
  /** the article of the SKU a cost price entry is about (null for other entries) */
  skuArticle: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  /** every user and action in the log, for the filters */
  users: string[];
  actions: string[];
}

export async function queryAuditPage(
  db: Db,
  options: AuditFilters & { page: number; pageSize: number; timeZone: string },
): Promise<AuditPage> {
  const where = sql.join(
    [
      sql`true`,
      options.userEmail ? sql`a.user_email = ${options.userEmail}` : sql`true`,
      options.action ? sql`a.action = ${options.action}` : sql`true`,
      options.from ? sql`(a.at at time zone ${options.timeZone})::date >= ${options.from}::date` : sql`true`,
      options.to ? sql`(a.at at time zone ${options.timeZone})::date <= ${options.to}::date` : sql`true`,
    ],
    sql` and `,
  );
  const [page, facets] = await Promise.all([
    db.execute(sql`
      select a.id, a.at, a.user_email, a.action, a.entity, a.entity_id, a.before, a.after,
             s.article as sku_article, count(*) over () as total
      from audit_log a
      left join sku s on a.entity = 'cost_price'
        and s.id = coalesce(a.after ->> 'skuId', a.before ->> 'skuId')::int
      where ${where}
      order by a.id desc
      limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}
    `),
    db.execute(sql`
      select
        coalesce((select array_agg(distinct user_email order by user_email) from audit_log where user_email is not null), '{}') as users,
        coalesce((select array_agg(distinct action order by action) from audit_log), '{}') as actions
    `),
  ]);
  const raw = rowsOf<Record<string, unknown>>(page);
  const f = rowsOf<{ users: string[]; actions: string[] }>(facets)[0];
  return {
    rows: raw.map((r) => ({
      id: Number(r.id),
      at: r.at instanceof Date ? r.at : new Date(String(r.at)),
      userEmail: (r.user_email as string | null) ?? null,
      action: String(r.action),
      entity: String(r.entity),
      entityId: (r.entity_id as string | null) ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      skuArticle: (r.sku_article as string | null) ?? null,
    })),
    total: raw.length ? Number(raw[0].total) : 0,
    page: options.page,
    pageSize: options.pageSize,
    users: f?.users ?? [],
    actions: f?.actions ?? [],
  };
}

export const getAuditPage = authorized(queryAuditPage, { roles: ["owner"] });
