// The marketplaces' own per-SKU estimates (sku_marketplace_estimates), written beside ours for the
// restock page: Ozon's average daily sales and days of cover from /v1/analytics/stocks (28 days, read
// with the stock anyway, no extra call); WB's lost orders from its stocks report per product.
import Decimal from "decimal.js";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { addDays } from "@/lib/domain/dates";
import type { SourceContext } from "./context";
import { hashOf, upsertChunked } from "./write";

export interface MarketplaceEstimate {
  /** external SKU id */
  sku: string;
  lostOrdersQty?: string | null;
  lostOrdersSum?: string | null;
  lostBuyoutsQty?: string | null;
  lostBuyoutsSum?: string | null;
  avgDailyQty?: string | null;
  daysOfCover?: string | null;
}

/** A stated double as text with `scale` decimals; null when absent or not a finite number. */
export function statedNumber(v: unknown, scale = 3): string | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  return new Decimal(v).toDecimalPlaces(scale).toFixed(scale);
}

/** Ozon /v1/analytics/stocks rows carry the SKU's ads (28-day average daily sales) and idc (days of cover). */
export function ozonStockEstimates(items: unknown[]): MarketplaceEstimate[] {
  const bySku = new Map<string, MarketplaceEstimate>();
  for (const raw of items) {
    const r = raw as { sku?: unknown; ads?: unknown; idc?: unknown };
    if (r.sku === undefined || r.sku === null || bySku.has(String(r.sku))) continue;
    const avgDailyQty = statedNumber(r.ads);
    const daysOfCover = statedNumber(r.idc);
    if (avgDailyQty === null && daysOfCover === null) continue;
    bySku.set(String(r.sku), { sku: String(r.sku), avgDailyQty, daysOfCover });
  }
  return [...bySku.values()];
}

/** Upserts the store's estimates of `source` on today's snapshot day, for the period of `days` before it. */
export async function writeMarketplaceEstimates(
  ctx: SourceContext,
  tx: Db,
  source: "wb_stocks_report" | "ozon_stocks",
  days: number,
  estimates: MarketplaceEstimate[],
) {
  if (estimates.length === 0) return;
  // one row per SKU and statement: a SKU named twice keeps its last figures
  estimates = [...new Map(estimates.map((e) => [e.sku, e])).values()];
  const ids = await ctx.skus.resolve(
    tx,
    ctx.stats,
    estimates.map((e) => ({ externalId: e.sku })),
  );
  const periodFrom = addDays(ctx.today, -days);
  const periodTo = addDays(ctx.today, -1);
  await upsertChunked(
    tx,
    ctx.stats,
    estimates,
    (e) => {
      const row = {
        s: ids.get(e.sku)!,
        lq: e.lostOrdersQty ?? null,
        ls: e.lostOrdersSum ?? null,
        bq: e.lostBuyoutsQty ?? null,
        bs: e.lostBuyoutsSum ?? null,
        a: e.avgDailyQty ?? null,
        c: e.daysOfCover ?? null,
      };
      return { ...row, h: hashOf(row) };
    },
    (json) => sql`insert into sku_marketplace_estimates (account_id, d, sku_id, source, period_from, period_to,
            lost_orders_qty, lost_orders_sum, lost_buyouts_qty, lost_buyouts_sum, avg_daily_qty, days_of_cover, src_hash)
          select ${ctx.accountId}::int, ${ctx.today}::date, x.s, ${source}::text, ${periodFrom}::date, ${periodTo}::date,
                 x.lq, x.ls, x.bq, x.bs, x.a, x.c, x.h
          from jsonb_to_recordset(${json}::jsonb)
            as x(s int, lq numeric, ls numeric, bq numeric, bs numeric, a numeric, c numeric, h text)
          on conflict (d, sku_id, source) do update
            set period_from = excluded.period_from, period_to = excluded.period_to,
                lost_orders_qty = excluded.lost_orders_qty, lost_orders_sum = excluded.lost_orders_sum,
                lost_buyouts_qty = excluded.lost_buyouts_qty, lost_buyouts_sum = excluded.lost_buyouts_sum,
                avg_daily_qty = excluded.avg_daily_qty, days_of_cover = excluded.days_of_cover,
                src_hash = excluded.src_hash, updated_at = now()
            where sku_marketplace_estimates.src_hash is distinct from excluded.src_hash
          returning (xmax = 0) as inserted`,
  );
}
