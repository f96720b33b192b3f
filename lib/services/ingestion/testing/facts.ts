// Test helper: reads the facts a sync wrote, in the emulator truth's shape, so tests compare them 1:1.
// The truth is the emulator's own account of the events it generated (lib/emulator/dataset.ts), never
// re-read from the JSON it served.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { rubStr, type MarketplaceTruth } from "@/lib/emulator/dataset";
import type { Marketplace } from "@/db/schema";
import { PNL_LINES } from "@/lib/domain/pnl-lines";
import { orderLineSettled } from "../settlement-window";

export interface FactsView {
  /** per P&L line, the finance lines that name a SKU and those that do not */
  skuLines: Record<string, string>;
  storeLines: Record<string, string>;
  /** `${financeDay}|${sku}` -> units and lines of the settled money */
  settled: Record<string, string>;
  /** order line key -> kind, day, units, settled */
  orderLines: Record<string, string>;
  /** units counted once: sold and returned over daily_sales */
  units: string;
  stock: Record<string, string>;
  reviews: Record<string, string>;
  /** `${d}|${sku}|${channel}:${warehouse}|${district}` -> units ordered, value, cancelled, bought out, returned */
  dailyOrders: Record<string, string>;
}

const nonZero = (lines: Record<string, number | string>, money: (v: number | string) => string) =>
  Object.fromEntries(PNL_LINES.filter((l) => Number(lines[l] ?? 0) !== 0).map((l) => [l, money(lines[l])])) as Record<
    string,
    string
  >;
const linesText = (lines: Record<string, string>) =>
  Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");

export function truthView(t: MarketplaceTruth, today: string): FactsView {
  const kop = (v: number | string) => rubStr(Number(v));
  const settled: Record<string, string> = {};
  for (const [key, s] of t.settledByDaySku)
    settled[key] = `sold=${s.unitsSold} returned=${s.unitsReturned} ${linesText(nonZero(s.lines, kop))}`.trim();
  const orderLines: Record<string, string> = {};
  for (const [key, o] of t.orderLines)
    orderLines[key] = `${o.kind} ${o.day} sku=${o.sku} qty=${o.qty} settled=${o.settled}`;
  const stock: Record<string, string> = {};
  for (const [sku, s] of t.stock)
    stock[`${today}|${sku}`] =
      `on_hand=${s.onHand} in_transit=${s.inTransit} to_client=${s.toClient} from_client=${s.fromClient}`;
  const reviews: Record<string, string> = {};
  for (const [id, r] of t.reviews)
    reviews[id] =
      `sku=${r.sku} rating=${r.rating} media=${r.hasMedia} reply=${r.replyStatus} parent=${r.parentReviewId ?? ""}`;
  const dailyOrders: Record<string, string> = {};
  for (const [key, o] of t.dailyOrders)
    dailyOrders[key] =
      `ordered=${o.ordered} value=${rubStr(o.valueK)} cancelled=${o.cancelled} bought=${o.boughtOut} returned=${o.returned}`;
  return {
    skuLines: nonZero(t.financeLines.sku, kop),
    storeLines: nonZero(t.financeLines.store, kop),
    settled,
    orderLines,
    units: `sold=${t.units.sold} returned=${t.units.returned}`,
    stock,
    reviews,
    dailyOrders,
  };
}

export async function factsView(db: Db, marketplace: Marketplace): Promise<FactsView> {
  const ext = marketplace === "WB" ? sql.raw("s.nm_id") : sql.raw("s.ozon_id");
  const sums = sql.raw(PNL_LINES.map((l) => `sum(f.${l})::text as ${l}`).join(", "));
  const levels = rowsOf<Record<string, string> & { store: boolean }>(
    await db.execute(sql`select f.sku_id is null as store, ${sums}
      from finance_lines f where f.marketplace = ${marketplace} group by 1`),
  );
  const money = (v: number | string) => Number(v).toFixed(2);
  const empty = {} as Record<string, string>;
  const skuLines = nonZero(levels.find((r) => !r.store) ?? empty, money);
  const storeLines = nonZero(levels.find((r) => r.store) ?? empty, money);
  const settledRows = rowsOf<Record<string, string> & { d: string; e: string; sold: number; returned: number }>(
    // Ozon accruals state no quantity: a settled sale's units are its posting's (as daily_sales counts them)
    await db.execute(sql`select f.d::text as d, ${ext}::text as e,
        coalesce(sum(case when f.marketplace = 'OZON' and o.qty is not null then o.qty * sign(f.qty)::int else f.qty end)
                 filter (where f.settles = 'sale'), 0)::int as sold,
        coalesce(sum(f.qty) filter (where f.settles = 'return'), 0)::int as returned, ${sums}
      from finance_lines f join sku s on s.id = f.sku_id
      left join lateral (select o.qty from order_lines o where o.account_id = f.account_id and o.order_key = f.order_key
                         and o.sku_id = f.sku_id and o.kind in ('sale', 'order') limit 1) o on f.settles = 'sale'
      where f.marketplace = ${marketplace} group by 1, 2`),
  );
  const settled: Record<string, string> = {};
  for (const r of settledRows)
    settled[`${r.d}|${r.e}`] =
      `sold=${Number(r.sold)} returned=${Number(r.returned)} ${linesText(nonZero(r, money))}`.trim();
  const orderRows = rowsOf<{ k: string; kind: string; d: string; e: string; qty: number; settled: boolean }>(
    await db.execute(sql`select o.line_key as k, o.kind, o.d::text as d, ${ext}::text as e, o.qty,
        ${orderLineSettled("o")} as settled
      from order_lines o join sku s on s.id = o.sku_id where s.marketplace = ${marketplace}`),
  );
  const orderLines = Object.fromEntries(
    orderRows.map((r) => [
      r.k,
      `${r.kind} ${r.d} sku=${r.e} qty=${Number(r.qty)} settled=${r.settled === true || (r.settled as unknown) === "t"}`,
    ]),
  );
  const [u] = rowsOf<{ sold: number; returned: number }>(
    await db.execute(sql`select coalesce(sum(ds.qty), 0)::int as sold, coalesce(sum(ds.refunds_qty), 0)::int as returned
      from daily_sales ds join sku s on s.id = ds.sku_id where s.marketplace = ${marketplace}`),
  );
  const stockRows = rowsOf<{ d: string; e: string; o: number; t: number; tc: number; fc: number }>(
    await db.execute(sql`select ds.d::text as d, ${ext}::text as e, sum(on_hand)::int as o, sum(in_transit)::int as t,
        sum(to_client)::int as tc, sum(from_client)::int as fc
      from daily_stock ds join sku s on s.id = ds.sku_id where s.marketplace = ${marketplace} group by 1, 2`),
  );
  const stock = Object.fromEntries(
    stockRows.map((r) => [`${r.d}|${r.e}`, `on_hand=${r.o} in_transit=${r.t} to_client=${r.tc} from_client=${r.fc}`]),
  );
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
  // the warehouse in the marketplace's terms: WB names its sellers' warehouses only, Ozon gives ids
  const where =
    marketplace === "WB"
      ? sql.raw("case when w.kind = 'FBS' then w.name else '' end")
      : sql.raw("coalesce(w.code, '')");
  const orderDays = rowsOf<{ k: string; o: number; v: string; c: number; b: number; r: number }>(
    await db.execute(sql`select dor.d::text || '|' || ${ext}::text || '|' || dor.channel || ':' || ${where}
          || '|' || dor.buyer_district as k,
        dor.ordered_qty as o, dor.ordered_value::text as v, dor.cancelled_qty as c, dor.bought_out_qty as b,
        dor.returned_qty as r
      from daily_orders dor join sku s on s.id = dor.sku_id left join warehouse w on w.id = dor.warehouse_id
      where s.marketplace = ${marketplace}`),
  );
  const dailyOrders = Object.fromEntries(
    orderDays.map((r) => [
      r.k,
      `ordered=${Number(r.o)} value=${money(r.v)} cancelled=${Number(r.c)} bought=${Number(r.b)} returned=${Number(r.r)}`,
    ]),
  );
  return {
    skuLines,
    storeLines,
    settled,
    orderLines,
    units: `sold=${Number(u?.sold ?? 0)} returned=${Number(u?.returned ?? 0)}`,
    stock,
    reviews,
    dailyOrders,
  };
}

/** the tables a sync writes its facts into (besides the sku and warehouse dictionaries and raw_records) */
export const FACT_TABLES = [
  "order_lines",
  "daily_orders",
  "finance_lines",
  "settlement_reports",
  "daily_sales",
  "daily_returns",
  "daily_stock",
  "reviews",
] as const;

/** every row of the fact tables with its updated_at: equal before and after = nothing was written */
export async function snapshotTables(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of [...FACT_TABLES, "sku", "warehouse", "raw_records"]) {
    const rows = rowsOf(await db.execute(sql.raw(`select * from ${table} order by 1, 2, 3`)));
    parts.push(`${table}:${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  }
  return parts.join("\n");
}

/** What a sync wrote and what the truth says, in one shape to compare (the truth without Ozon return pseudo-lines). */
export function factsMatchingTruth(facts: FactsView, truth: FactsView) {
  // Ozon serves no returns feed: its returns exist only as finance lines
  const feedLines = Object.fromEntries(Object.entries(truth.orderLines).filter(([k]) => !k.endsWith("/return")));
  return {
    expected: { ...truth, orderLines: feedLines },
    actual: facts,
  };
}
