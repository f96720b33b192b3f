import "server-only";
// Cost price reads: SKUs with their current cost, one SKU's history, and SKUs selling without a cost.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { DashboardScope } from "./scope";
import { int, num, skuTextCondition, storeCondition } from "./sql-helpers";
import type { Page } from "./table-params";
import type { Marketplace } from "@/db/schema";

export interface CostPriceEntry {
  id: number;
  skuId: number;
  dtFrom: string;
  costPrice: string;
  updatedAt: string;
}

export interface SkuCostRow {
  skuId: number;
  marketplace: Marketplace;
  externalId: string;
  article: string | null;
  name: string | null;
  /** cost effective today (latest dt_from <= asOf) */
  currentCost: string | null;
  currentFrom: string | null;
  entries: number;
}

export async function queryCostHistory(db: Db, skuId: number): Promise<CostPriceEntry[]> {
  const result = await db.execute(sql`
    select id, sku_id, dt_from::text as dt_from, cost_price::text as cost_price, updated_at
    from cost_price_history where sku_id = ${skuId} order by dt_from desc
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: int(r.id),
    skuId: int(r.sku_id),
    dtFrom: String(r.dt_from),
    costPrice: String(r.cost_price),
    updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
  }));
}

/** SKUs with their current cost price; missing=true lists only SKUs that sold in the period without one. */
export async function querySkuCostPage(
  db: Db,
  scope: DashboardScope,
  options: { q?: string; isMissingOnly?: boolean; asOf: string; page: number; pageSize: number },
): Promise<Page<SkuCostRow>> {
  const result = await db.execute(sql`
    select s.id, s.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id, s.article, s.name,
      c.cost_price::text as cost, c.dt_from::text as dt_from,
      (select count(*)::int from cost_price_history h where h.sku_id = s.id) as entries,
      count(*) over () as total
    from sku s
    left join lateral (
      select h.cost_price, h.dt_from from cost_price_history h
      where h.sku_id = s.id and h.dt_from <= ${options.asOf}::date order by h.dt_from desc limit 1
    ) c on true
    where ${storeCondition(scope.accountId)}
      ${options.q ? sql`and ${skuTextCondition(options.q)}` : sql``}
      ${
        options.isMissingOnly
          ? sql`and exists (select 1 from metrics_daily m where m.sku_id = s.id and m.d between ${scope.from}::date and ${scope.to}::date
              and m.qty > 0 and m.cogs is null)`
          : sql``
      }
    order by s.article nulls last, s.id
    limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}
  `);
  const raw = rowsOf<Record<string, unknown>>(result);
  return {
    total: raw.length ? int(raw[0].total) : 0,
    page: options.page,
    pageSize: options.pageSize,
    rows: raw.map((r) => ({
      skuId: int(r.id),
      marketplace: r.marketplace as Marketplace,
      externalId: String(r.external_id),
      article: (r.article as string | null) ?? null,
      name: (r.name as string | null) ?? null,
      currentCost: num(r.cost),
      currentFrom: (r.dt_from as string | null) ?? null,
      entries: int(r.entries),
    })),
  };
}

export interface MissingCostSku {
  skuId: number;
  article: string | null;
  name: string | null;
  marketplace: Marketplace;
  unitsWithoutCost: number;
  firstDay: string;
}

/** SKUs that sold in the period on days with no cost price, with the first such day (where to start the history). */
export async function queryMissingCostSkus(
  db: Db,
  scope: DashboardScope,
  limit = 50,
): Promise<{ rows: MissingCostSku[]; total: number; hasSales: boolean }> {
  // "every SKU sold has a cost price" means nothing when nothing sold
  const [sold, result] = await Promise.all([
    db.execute(sql`
    select exists (
      select 1 from metrics_daily m join sku s on s.id = m.sku_id
      where m.d between ${scope.from}::date and ${scope.to}::date and m.qty > 0 and ${storeCondition(scope.accountId)}
    ) as has_sales`),
    db.execute(sql`
    select s.id, s.article, s.name, s.marketplace, sum(m.qty)::int as units, min(m.d)::text as first_day,
      count(*) over () as total
    from metrics_daily m join sku s on s.id = m.sku_id
    where m.d between ${scope.from}::date and ${scope.to}::date and m.qty > 0 and m.cogs is null
      and ${storeCondition(scope.accountId)}
    group by s.id, s.article, s.name, s.marketplace
    order by units desc, s.id
    limit ${limit}
  `),
  ]);
  const raw = rowsOf<Record<string, unknown>>(result);
  return {
    total: raw.length ? int(raw[0].total) : 0,
    hasSales: Boolean(rowsOf<{ has_sales: boolean }>(sold)[0]?.has_sales),
    rows: raw.map((r) => ({
      skuId: int(r.id),
      article: (r.article as string | null) ?? null,
      name: (r.name as string | null) ?? null,
      marketplace: r.marketplace as Marketplace,
      unitsWithoutCost: int(r.units),
      firstDay: String(r.first_day),
    })),
  };
}
