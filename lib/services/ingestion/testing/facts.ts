// Test helper: reads the facts a sync wrote, in the emulator truth's shape, so tests compare them 1:1.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { rubStr, type MarketplaceTruth } from "@/lib/emulator/dataset";
import type { Marketplace } from "@/db/schema";

export interface FactsView {
  dailySales: Record<string, string>;
  stock: Record<string, string>;
  cashflowsByType: Record<string, string>;
  storeLevelCashflowsByType: Record<string, string>;
  reviews: Record<string, string>;
}

const line = (r: {
  qty: number;
  refundsQty: number;
  revenueGross: string;
  refundsAmount: string;
  promoCost: string;
  deliveryCost: string;
  commissionAmount: string;
  settled: boolean;
}) =>
  `qty=${r.qty} rq=${r.refundsQty} rev=${r.revenueGross} ref=${r.refundsAmount} promo=${r.promoCost} del=${r.deliveryCost} com=${r.commissionAmount} settled=${r.settled}`;

export function truthView(t: MarketplaceTruth, today: string): FactsView {
  const dailySales: Record<string, string> = {};
  for (const [key, r] of t.dailySales) {
    dailySales[key] = line({
      ...r,
      revenueGross: rubStr(r.revenueGross),
      refundsAmount: rubStr(r.refundsAmount),
      promoCost: rubStr(r.promoCost),
      deliveryCost: rubStr(r.deliveryCost),
      commissionAmount: rubStr(r.commissionAmount),
    });
  }
  const stock: Record<string, string> = {};
  for (const [sku, s] of t.stock) stock[`${today}|${sku}`] = `on_hand=${s.onHand} in_transit=${s.inTransit}`;
  const money = (o: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([, v]) => v !== 0)
        .map(([k, v]) => [k, rubStr(v)]),
    );
  const reviews: Record<string, string> = {};
  for (const [id, r] of t.reviews)
    reviews[id] =
      `sku=${r.sku} rating=${r.rating} media=${r.hasMedia} reply=${r.replyStatus} parent=${r.parentReviewId ?? ""}`;
  return {
    dailySales,
    stock,
    cashflowsByType: money(t.cashflowsByType),
    storeLevelCashflowsByType: money(t.storeLevelCashflowsByType),
    reviews,
  };
}

export async function factsView(db: Db, marketplace: Marketplace): Promise<FactsView> {
  const ext = marketplace === "WB" ? sql.raw("s.nm_id") : sql.raw("s.ozon_id");
  const sales = rowsOf<Record<string, string | number | boolean>>(
    await db.execute(sql`
      select ds.d::text as d, ${ext}::text as e, sum(ds.qty)::int as qty, sum(ds.refunds_qty)::int as rq,
             sum(ds.revenue_gross)::text as rev, sum(ds.refunds_amount)::text as ref, sum(ds.promo_cost)::text as promo,
             sum(ds.delivery_cost)::text as del, sum(ds.commission_amount)::text as com, bool_and(ds.is_settled) as settled
      from daily_sales ds join sku s on s.id = ds.sku_id where s.marketplace = ${marketplace}
      group by 1, 2`),
  );
  const dailySales: Record<string, string> = {};
  for (const r of sales) {
    dailySales[`${r.d}|${r.e}`] = line({
      qty: Number(r.qty),
      refundsQty: Number(r.rq),
      revenueGross: String(r.rev),
      refundsAmount: String(r.ref),
      promoCost: String(r.promo),
      deliveryCost: String(r.del),
      commissionAmount: String(r.com),
      settled: r.settled === true || r.settled === "t",
    });
  }
  const stockRows = rowsOf<{ d: string; e: string; o: number; t: number }>(
    await db.execute(sql`select ds.d::text as d, ${ext}::text as e, sum(on_hand)::int as o, sum(in_transit)::int as t
      from daily_stock ds join sku s on s.id = ds.sku_id where s.marketplace = ${marketplace} group by 1, 2`),
  );
  const stock = Object.fromEntries(stockRows.map((r) => [`${r.d}|${r.e}`, `on_hand=${r.o} in_transit=${r.t}`]));
  const flows = rowsOf<{ type: string; a: string; store: string }>(
    await db.execute(sql`select type, sum(amount)::text as a, sum(amount) filter (where sku_id is null)::text as store
      from cashflows where marketplace = ${marketplace} group by type`),
  );
  const cashflowsByType: Record<string, string> = {};
  const storeLevelCashflowsByType: Record<string, string> = {};
  for (const f of flows) {
    if (Number(f.a) !== 0) cashflowsByType[f.type] = f.a;
    if (f.store !== null && Number(f.store) !== 0) storeLevelCashflowsByType[f.type] = f.store;
  }
  const reviewRows = rowsOf<{
    id: string;
    e: string;
    rating: number;
    media: boolean;
    reply: string;
    parent: string | null;
  }>(
    await db.execute(sql`select r.review_id as id, ${ext}::text as e, r.rating, r.has_media as media, r.reply_status as reply, r.parent_review_id as parent
      from reviews r left join sku s on s.id = r.sku_id where r.marketplace = ${marketplace}`),
  );
  const reviews = Object.fromEntries(
    reviewRows.map((r) => [
      r.id,
      `sku=${r.e} rating=${r.rating} media=${r.media} reply=${r.reply} parent=${r.parent ?? ""}`,
    ]),
  );
  return { dailySales, stock, cashflowsByType, storeLevelCashflowsByType, reviews };
}

/** every row of the fact tables with its updated_at: equal before and after = nothing was written */
export async function snapshotTables(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of ["daily_sales", "daily_stock", "cashflows", "reviews", "sku", "warehouse", "raw_records"]) {
    const rows = rowsOf(await db.execute(sql.raw(`select * from ${table} order by 1`)));
    parts.push(`${table}:${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  }
  return parts.join("\n");
}
