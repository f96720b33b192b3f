import "server-only";
// Restock advice per SKU and warehouse from the latest advice day on or before scope.to, most urgent first.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { DashboardScope } from "./scope";
import { containsPattern, int, num, storeCondition } from "./sql-helpers";
import type { Page, TableParams } from "./table-params";
import type { Marketplace } from "@/db/schema";

export { restockSortKeys, type RestockSortKey } from "./sort-keys";
import type { RestockSortKey } from "./sort-keys";

export interface RestockFilters {
  windowDays: 14 | 28;
  marketplace?: Marketplace;
  warehouseId?: number;
  q?: string;
  /** only rows with a recommended quantity above zero */
  isNeedOnly?: boolean;
}

/** One advice row of a SKU x warehouse x window: the quantity and the inputs it was worked out from. */
export interface AdviceFigures {
  d: string;
  windowDays: number;
  recommendedQty: number;
  velocity: string;
  demandStd: string;
  onHand: number;
  inTransit: number;
  safetyCoeff: string;
  coverDays: string | null;
}

export interface RestockRow extends AdviceFigures {
  skuId: number;
  marketplace: Marketplace;
  externalId: string;
  article: string | null;
  name: string | null;
  warehouseId: number | null;
  warehouseName: string | null;
}

const sortSql: Record<RestockSortKey, SQL> = {
  coverDays: sql`a.stock_cover_days`,
  recommendedQty: sql`a.recommended_qty`,
  velocity: sql`a.velocity`,
  onHand: sql`a.on_hand`,
  article: sql`s.article`,
};

function restockWhere(scope: DashboardScope, filters: RestockFilters): SQL {
  const parts: SQL[] = [sql`a.window_days = ${filters.windowDays}`, storeCondition(scope.accountId)];
  if (filters.marketplace) parts.push(sql`s.marketplace = ${filters.marketplace}`);
  if (filters.warehouseId !== undefined) parts.push(sql`a.warehouse_id = ${filters.warehouseId}`);
  if (filters.isNeedOnly) parts.push(sql`a.recommended_qty > 0`);
  if (filters.q) {
    const like = containsPattern(filters.q);
    parts.push(
      sql`(s.article ilike ${like} or s.name ilike ${like} or s.nm_id::text = ${filters.q} or s.ozon_id::text = ${filters.q})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** The day of the advice shown for a scope: the latest generated on or before scope.to. */
export async function queryAdviceDay(db: Db, asOf: string): Promise<string | null> {
  const result = await db.execute(sql`select max(d)::text as d from advice_supply where d <= ${asOf}::date`);
  return rowsOf<{ d: string | null }>(result)[0]?.d ?? null;
}

export async function queryRestockPage(
  db: Db,
  scope: DashboardScope,
  filters: RestockFilters,
  params: TableParams<RestockSortKey>,
): Promise<Page<RestockRow> & { adviceDay: string | null }> {
  const adviceDay = await queryAdviceDay(db, scope.to);
  if (!adviceDay) return { rows: [], total: 0, page: params.page, pageSize: params.pageSize, adviceDay };
  // "most urgent first": lowest cover first, with no cover (nothing sells) last
  const dir = params.dir === "asc" ? sql`asc` : sql`desc`;
  // the matching rows' sort keys are ordered and cut to one page first; the displayed columns (text casts,
  // names) are read for that page only, not carried through the sort of every match (25 -> 10 ms on 10,000
  // matches). The count row keeps the total when the page is past the end.
  const order = sql`sort_value ${dir} nulls last, recommended_qty desc, sku_id, warehouse_id`;
  const result = await db.execute(sql`
    with matched as (
      select a.id, a.sku_id, a.warehouse_id, a.recommended_qty, ${sortSql[params.sort]} as sort_value
      from advice_supply a
      join sku s on s.id = a.sku_id
      where a.d = ${adviceDay}::date and ${restockWhere(scope, filters)}
    ),
    page as (
      select id, row_number() over (order by ${order}) as n
      from (
        select * from matched
        order by ${order}
        limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}
      ) cut
    )
    select t.total, r.*
    from (select count(*) as total from matched) t
    left join lateral (
      select s.id as sku_id, s.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id, s.article, s.name,
        a.warehouse_id, coalesce(w.name, w.code) as warehouse_name, a.d::text as d, a.window_days, a.recommended_qty,
        a.velocity::text as velocity, a.demand_std::text as demand_std, a.on_hand, a.in_transit,
        a.safety_coeff::text as safety_coeff, a.stock_cover_days::text as cover, page.n
      from page
      join advice_supply a on a.id = page.id
      join sku s on s.id = a.sku_id
      left join warehouse w on w.id = a.warehouse_id
    ) r on true
    order by r.n
  `);
  const all = rowsOf<Record<string, unknown>>(result);
  const raw = all.filter((r) => r.sku_id !== null);
  return {
    adviceDay,
    page: params.page,
    pageSize: params.pageSize,
    total: all.length ? int(all[0].total) : 0,
    rows: raw.map((r) => ({
      skuId: int(r.sku_id),
      marketplace: r.marketplace as Marketplace,
      externalId: String(r.external_id),
      article: (r.article as string | null) ?? null,
      name: (r.name as string | null) ?? null,
      warehouseId: r.warehouse_id === null ? null : int(r.warehouse_id),
      warehouseName: (r.warehouse_name as string | null) ?? null,
      d: String(r.d),
      windowDays: int(r.window_days),
      recommendedQty: int(r.recommended_qty),
      velocity: String(r.velocity),
      demandStd: String(r.demand_std),
      onHand: int(r.on_hand),
      inTransit: int(r.in_transit),
      safetyCoeff: String(r.safety_coeff),
      coverDays: num(r.cover),
    })),
  };
}

export interface WarehouseOption {
  id: number;
  name: string;
  marketplace: Marketplace;
}

export async function queryWarehouseOptions(db: Db): Promise<WarehouseOption[]> {
  const result = await db.execute(
    sql`select id, coalesce(name, code) as name, marketplace from warehouse order by marketplace, 2`,
  );
  return rowsOf<WarehouseOption>(result).map((w) => ({ ...w, id: int(w.id) }));
}
