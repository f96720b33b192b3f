import "server-only";
// SKU reads: the period's P&L per SKU (server-side sort/filter/paging) and one SKU's detail.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { DashboardScope } from "./scope";
import {
  clampPeriodEnd,
  keepRequestedSkuPeriod,
  skuArticleKeySql,
  skuPeriodRowsSql,
} from "@/lib/services/metrics/sku-period";
import { int, num, skuTextCondition, storeCondition } from "./sql-helpers";
import type { Page, TableParams } from "./table-params";
import type { Marketplace } from "@/db/schema";

export { skuSortKeys, type SkuSortKey } from "./sort-keys";
import type { SkuSortKey } from "./sort-keys";

export interface SkuFilters {
  marketplace?: Marketplace;
  brand?: string;
  category?: string;
  /** contains, case-insensitive, on article, name or the marketplace id */
  q?: string;
}

/** What names a SKU on every page: its marketplace card. */
export interface SkuIdentity {
  id: number;
  marketplace: Marketplace;
  externalId: string;
  article: string | null;
  name: string | null;
  brand: string | null;
  category: string | null;
}

export interface SkuRow extends SkuIdentity {
  units: number;
  refunds: number;
  /** sales less returns */
  netSales: string;
  /** what the marketplace owes for the SKU: every SKU-level P&L line */
  payout: string;
  /** null for a SKU without a cost price (none effective by the period's end) */
  cogs: string | null;
  /** gross profit: payout - cogs over the days with a cost price; null without a cost price */
  profit: string | null;
  /** profit / net sales of the days with a cost price, %; null without a cost price or such sales */
  margin: string | null;
  /** net sales of the days with a cost price / all net sales, % (the margin's coverage) */
  costCoverage: string | null;
  /** sold on a day without a cost price: COGS and profit are incomplete */
  isMissingCost: boolean;
  isProvisional: boolean;
  hasEstimatedCommission: boolean;
  sv7: string | null;
  sv14: string | null;
  sv28: string | null;
  onHand: number | null;
  inTransit: number | null;
  coverDays: string | null;
}

/** The totals row: the period's figures summed over every SKU the filters select (COGS, profit and margin over those with a cost price). */
export type SkuTotals = Pick<
  SkuRow,
  "units" | "refunds" | "netSales" | "payout" | "cogs" | "profit" | "margin" | "costCoverage"
> & { skus: number };

export interface SkuPage extends Page<SkuRow> {
  totals: SkuTotals;
  /** the period came from metrics_sku_period (kept by the recalculation), not computed for this request */
  isPrepared: boolean;
}

/** Each sort key's column of a period row r (or of sku s). */
const sortColumn: Record<SkuSortKey, string> = {
  article: "r.article_key",
  name: "lower(s.name)",
  units: "r.units",
  refunds: "r.refunds",
  netSales: "r.net_sales",
  payout: "r.payout",
  cogs: "r.cogs",
  profit: "r.profit",
  margin: "r.margin",
  sv7: "r.sv7",
  sv14: "r.sv14",
  sv28: "r.sv28",
  onHand: "r.on_hand",
  coverDays: "r.cover_days",
};

export function skuFilterSql(scope: DashboardScope, filters: SkuFilters, storeAlias = "s"): SQL {
  const parts: SQL[] = [storeCondition(scope.accountId, storeAlias)];
  if (filters.marketplace) parts.push(sql`s.marketplace = ${filters.marketplace}`);
  if (filters.brand) parts.push(sql`s.brand = ${filters.brand}`);
  if (filters.category) parts.push(sql`s.category = ${filters.category}`);
  if (filters.q) {
    parts.push(skuTextCondition(filters.q));
  }
  return sql.join(parts, sql` and `);
}

/** Sort keys whose column is never null: their page needs no second read for the rows without a number. */
const isNeverNull = (key: SkuSortKey) => ["article", "units", "refunds", "netSales", "payout"].includes(key);

const hasSkuFilter = (f: SkuFilters) => Boolean(f.marketplace || f.brand || f.category || f.q);

const rowColumns = sql.raw(`s.id, s.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id, s.article, s.name,
  s.brand, s.category, r.units, r.refunds, r.net_sales, r.payout, r.net_sales_with_cost, r.cogs, r.profit, r.margin,
  r.is_missing_cost, r.is_provisional, r.is_estimated, r.sv7, r.sv14, r.sv28, r.on_hand, r.in_transit, r.cover_days,
  r.article_key`);

// money as text: the computed path returns the totals as JSON, which would drop the kopecks' zeros
const totalsColumns = sql.raw(`count(*)::int as skus, coalesce(sum(r.units), 0)::int8 as units,
  coalesce(sum(r.refunds), 0)::int8 as refunds, coalesce(sum(r.net_sales), 0)::text as net_sales,
  coalesce(sum(r.payout), 0)::text as payout, coalesce(sum(r.net_sales_with_cost), 0)::text as net_sales_with_cost,
  sum(r.cogs)::text as cogs, sum(r.profit)::text as profit, count(r.profit)::int as profit_skus`);

/**
 * One page of SKUs with the period's P&L, the latest velocity and stock (as of scope.to) and the totals
 * of every SKU the filters select. Rows without a number in the sort column come last in both
 * directions (ordered by article), so a loss-maker is first when sorting profit ascending. For the
 * periods kept in metrics_sku_period (by the recalculation, or by a period's first request) a page is the
 * first rows along an index in sort order, read twice: the rows with a number, then those without; with a
 * filter on the SKU itself, the selected SKUs' rows are read once, summed and sorted in one statement. A
 * period not kept (while a recalculation runs) is computed for every SKU from the running totals (two
 * index probes per SKU, no SKU-day rows).
 */
/** What names a SKU, from a row of `sku s` (marketplace, external_id, article, name, brand, category). */
function skuIdentity(r: Record<string, unknown>) {
  const text = (v: unknown) => (v as string | null) ?? null;
  return {
    marketplace: r.marketplace as Marketplace,
    externalId: String(r.external_id),
    article: text(r.article),
    name: text(r.name),
    brand: text(r.brand),
    category: text(r.category),
  };
}

export async function querySkuPage(
  db: Db,
  scope: DashboardScope,
  filters: SkuFilters,
  params: TableParams<SkuSortKey>,
  options: { keepPeriod?: boolean } = {},
): Promise<SkuPage> {
  const offset = (params.page - 1) * params.pageSize;
  const depth = offset + params.pageSize;
  const desc = params.dir === "desc";
  const dir = sql.raw(desc ? "desc" : "asc");
  const key = sql.raw(sortColumn[params.sort]);
  const [meta] = rowsOf<{ latest: string | null; prepared: boolean }>(
    await db.execute(sql`
      select m.latest::text as latest, exists (
        select 1 from metrics_sku_period_totals t
        where t.period_from = ${scope.from}::date and t.period_to = least(${scope.to}::date, m.latest)
      ) as prepared
      from (select max(d) as latest from metrics_daily) m`),
  );
  const to = clampPeriodEnd(scope.to, meta?.latest ?? null);
  // a period no recalculation keeps is computed once and kept (keepRequestedSkuPeriod), unless a
  // recalculation is running: then this request computes it alone
  const isPrepared =
    Boolean(meta?.prepared) ||
    (options.keepPeriod !== false && (await keepRequestedSkuPeriod(db, { from: scope.from, to })));
  // rows with a number: sort column, then the SKU id in the same direction; without one: by article
  // (a computed period has no article key but for an article sort: the rows without a number compute theirs)
  const order = sql`(${key} is null), ${key} ${dir}, case when ${key} is not null then s.id end ${dir},
    case when ${key} is null then coalesce(r.article_key, ${skuArticleKeySql("s")}) end, s.id`;
  let raw: Record<string, unknown>[];
  let totalsRaw: Record<string, unknown> | undefined;
  // the kept rows of the period the filters select
  const source = sql`metrics_sku_period r join sku s on s.id = r.sku_id
    where r.period_from = ${scope.from}::date and r.period_to = ${to}::date and ${skuFilterSql(scope, filters, "r")}`;
  if (isPrepared && !hasSkuFilter(filters)) {
    // the rows without a number, by article: for profit along the index of exactly those rows
    const withoutNumber = isNeverNull(params.sort)
      ? sql``
      : sql`union all
        (select ${rowColumns}, null from ${source} and ${key} is null order by r.article_key, s.id limit ${depth})`;
    const pageQuery = db.execute(sql`
      select * from (
        (select ${rowColumns}, ${key} as sort_value from ${source} and ${key} is not null
         order by ${key} ${dir}, s.id ${dir} limit ${depth})
        ${withoutNumber}
      ) r
      order by (sort_value is null), sort_value ${dir}, case when sort_value is not null then r.id end ${dir}, r.article_key, r.id
      limit ${params.pageSize} offset ${offset}`);
    // without filters on the SKU itself, the totals are the stores' precomputed ones
    const totalsQuery = db.execute(sql`
      select coalesce(sum(skus), 0)::int as skus, coalesce(sum(units), 0)::int8 as units,
        coalesce(sum(refunds), 0)::int8 as refunds, coalesce(sum(net_sales), 0)::text as net_sales,
        coalesce(sum(payout), 0)::text as payout, coalesce(sum(net_sales_with_cost), 0)::text as net_sales_with_cost,
        sum(cogs)::text as cogs, sum(profit)::text as profit, coalesce(sum(profit_skus), 0)::int as profit_skus
      from metrics_sku_period_totals r
      where r.period_from = ${scope.from}::date and r.period_to = ${to}::date and ${storeCondition(scope.accountId, "r")}`);
    const [pageResult, totalsResult] = await Promise.all([pageQuery, totalsQuery]);
    raw = rowsOf<Record<string, unknown>>(pageResult);
    totalsRaw = rowsOf<Record<string, unknown>>(totalsResult)[0];
  } else {
    // the SKUs a filter on the SKU itself selects (text, brand, category, marketplace), or every SKU of a
    // period computed for this request: their rows once, summed and sorted in one statement
    const periodRows = isPrepared
      ? sql`select r.* from ${source}`
      : skuPeriodRowsSql([{ from: scope.from, to }], skuFilterSql(scope, filters), {
          articleKey: params.sort === "article",
        });
    const result = await db.execute(sql`
      with r as materialized (${periodRows}),
      totals as (select ${totalsColumns} from r)
      select to_json(t) as totals, pg.* from totals t
      left join lateral (
        select ${rowColumns} from r join sku s on s.id = r.sku_id
        order by ${order} limit ${params.pageSize} offset ${offset}
      ) pg on true`);
    const all = rowsOf<Record<string, unknown>>(result);
    const json = all[0]?.totals;
    totalsRaw = (typeof json === "string" ? JSON.parse(json) : json) as Record<string, unknown> | undefined;
    raw = all.filter((r) => r.id !== null && r.id !== undefined);
  }
  const totals = toTotals(totalsRaw);
  const rows = raw.map((r): SkuRow => {
    const netSales = num(r.net_sales) ?? "0";
    const withCost = num(r.net_sales_with_cost) ?? "0";
    return {
      id: int(r.id),
      ...skuIdentity(r),
      units: int(r.units),
      refunds: int(r.refunds),
      netSales,
      payout: num(r.payout) ?? "0",
      cogs: num(r.cogs),
      profit: num(r.profit),
      margin: num(r.margin),
      costCoverage: r.profit === null ? null : coverage(withCost, netSales),
      isMissingCost: Boolean(r.is_missing_cost),
      isProvisional: Boolean(r.is_provisional),
      hasEstimatedCommission: Boolean(r.is_estimated),
      sv7: num(r.sv7),
      sv14: num(r.sv14),
      sv28: num(r.sv28),
      onHand: r.on_hand === null || r.on_hand === undefined ? null : int(r.on_hand),
      inTransit: r.in_transit === null || r.in_transit === undefined ? null : int(r.in_transit),
      coverDays: num(r.cover_days),
    };
  });
  return { rows, total: totals.skus, page: params.page, pageSize: params.pageSize, totals, isPrepared };
}

/** Share of net sales made on days with a cost price, % with 2 decimals; null when nothing was sold. */
function coverage(withCost: string, netSales: string): string | null {
  const all = Number(netSales);
  if (all <= 0) return null;
  return Math.min(100, Math.max(0, (Number(withCost) / all) * 100)).toFixed(2);
}

function toTotals(r: Record<string, unknown> | undefined): SkuTotals {
  const netSales = num(r?.net_sales) ?? "0";
  const withCost = num(r?.net_sales_with_cost) ?? "0";
  const profit = r && int(r.profit_skus) > 0 ? num(r.profit) : null;
  return {
    skus: int(r?.skus),
    units: int(r?.units),
    refunds: int(r?.refunds),
    netSales,
    payout: num(r?.payout) ?? "0",
    cogs: profit === null ? null : num(r?.cogs),
    profit,
    margin: profit !== null && Number(withCost) > 0 ? ((Number(profit) / Number(withCost)) * 100).toFixed(2) : null,
    costCoverage: profit === null ? null : coverage(withCost, netSales),
  };
}

export interface SkuFilterOptions {
  brands: string[];
  categories: string[];
}

/** Brands and categories present in the selected store(s), for the filter selects. */
export async function querySkuFilterOptions(db: Db, scope: DashboardScope): Promise<SkuFilterOptions> {
  const result = await db.execute(sql`
    select 'b' as kind, brand as value from sku s where brand is not null and ${storeCondition(scope.accountId)} group by brand
    union all
    select 'c', category from sku s where category is not null and ${storeCondition(scope.accountId)} group by category
    order by 1, 2
  `);
  const rows = rowsOf<{ kind: string; value: string }>(result);
  return {
    brands: rows.filter((r) => r.kind === "b").map((r) => r.value),
    categories: rows.filter((r) => r.kind === "c").map((r) => r.value),
  };
}

export interface SkuHeader extends SkuIdentity {
  accountId: number | null;
  accountName: string | null;
  /** the first day a stock snapshot exists (the store's first sync), whatever the period shown */
  firstStockDay: string | null;
}

/** The SKU's identity, or null when it does not exist or is outside the selected store. */
export async function querySkuHeader(db: Db, skuId: number): Promise<SkuHeader | null> {
  const result = await db.execute(sql`
    select s.id, s.account_id, a.name as account_name, s.marketplace, coalesce(s.nm_id, s.ozon_id)::text as external_id,
      s.article, s.name, s.brand, s.category,
      (select min(st.d)::text from daily_stock st where st.sku_id = s.id) as first_stock_day
    from sku s left join accounts a on a.id = s.account_id
    where s.id = ${skuId}
  `);
  const r = rowsOf<Record<string, unknown>>(result)[0];
  if (!r) return null;
  return {
    id: int(r.id),
    accountId: r.account_id === null ? null : int(r.account_id),
    accountName: (r.account_name as string | null) ?? null,
    ...skuIdentity(r),
    firstStockDay: (r.first_stock_day as string | null) ?? null,
  };
}

export interface SkuDayPoint {
  d: string;
  units: number;
  refunds: number;
  /** net sales */
  revenue: string;
  /** every marketplace line but sales and returns, plus COGS, positive */
  costs: string;
  payout: string;
  cogs: string | null;
  profit: string | null;
  onHand: number | null;
  inTransit: number | null;
  sv7: string;
  sv14: string;
  sv28: string;
  coverDays: string | null;
  isSettled: boolean;
  isCommissionEstimated: boolean;
}

/** Day-by-day P&L, units, stock and velocity of one SKU. */
export async function querySkuSeries(
  db: Db,
  skuId: number,
  scope: Pick<DashboardScope, "from" | "to">,
): Promise<SkuDayPoint[]> {
  const result = await db.execute(sql`
    select m.d::text as d, m.qty, m.refunds_qty, m.net_sales::text as revenue,
      (m.net_sales - m.payout + coalesce(m.cogs, 0))::text as costs,
      m.payout::text as payout, m.cogs::text as cogs, m.profit::text as profit,
      m.on_hand, m.in_transit, m.sv7::text as sv7, m.sv14::text as sv14, m.sv28::text as sv28,
      m.stock_cover_days::text as cover, m.is_settled, m.is_commission_estimated or m.is_logistics_estimated as is_commission_estimated
    from metrics_daily m
    where m.sku_id = ${skuId} and m.d between ${scope.from}::date and ${scope.to}::date
    order by m.d
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    d: String(r.d),
    units: int(r.qty),
    refunds: int(r.refunds_qty),
    revenue: String(r.revenue),
    costs: String(r.costs),
    payout: String(r.payout),
    cogs: num(r.cogs),
    profit: num(r.profit),
    onHand: r.on_hand === null ? null : int(r.on_hand),
    inTransit: r.in_transit === null ? null : int(r.in_transit),
    sv7: String(r.sv7),
    sv14: String(r.sv14),
    sv28: String(r.sv28),
    coverDays: num(r.cover),
    isSettled: Boolean(r.is_settled),
    isCommissionEstimated: Boolean(r.is_commission_estimated),
  }));
}

export interface WarehouseStock {
  warehouseId: number | null;
  warehouseName: string | null;
  warehouseKind: string | null;
  stockDay: string | null;
  onHand: number;
  /** inbound to the marketplace (supplies on their way), not units travelling to or from buyers */
  inbound: number;
  /** units on their way to buyers and back (sold or returning; not stock to plan with) */
  withBuyers: number;
}

/** Latest stock snapshot per warehouse as of `asOf`. The restock plan of the SKU is querySkuRestock's. */
export async function querySkuWarehouses(db: Db, skuId: number, asOf: string): Promise<WarehouseStock[]> {
  const stock = await db.execute(sql`
    select distinct on (st.warehouse_id) st.warehouse_id, st.d::text as d, st.on_hand, st.in_transit,
      st.to_client + st.from_client as with_buyers, w.name, w.code, w.kind
    from daily_stock st left join warehouse w on w.id = st.warehouse_id
    where st.sku_id = ${skuId} and st.d <= ${asOf}::date
    order by st.warehouse_id, st.d desc
  `);
  return rowsOf<Record<string, unknown>>(stock)
    .map((r) => ({
      warehouseId: r.warehouse_id === null ? null : int(r.warehouse_id),
      warehouseName: ((r.name as string | null) ?? (r.code as string | null)) || null,
      warehouseKind: (r.kind as string | null) ?? null,
      stockDay: String(r.d),
      onHand: int(r.on_hand),
      inbound: int(r.in_transit),
      withBuyers: int(r.with_buyers),
    }))
    .sort((a, b) => (a.warehouseName ?? "").localeCompare(b.warehouseName ?? ""));
}
