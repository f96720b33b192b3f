// Test-only helpers: insert facts directly, the way ingestion would leave them.
import { sql } from "drizzle-orm";
import { type Db, schema } from "@/db";
import type { Marketplace } from "@/db/schema";
import { addDays } from "@/lib/domain/dates";
import { Decimal } from "@/lib/domain/money";
import { PNL_LINES, type PnlLine } from "@/lib/domain/pnl-lines";

let nextExternalId = 1000;

export async function insertSku(
  db: Db,
  values: { marketplace: Marketplace; category?: string | null; accountId?: number | null; article?: string },
): Promise<number> {
  const id = BigInt(nextExternalId++);
  const [row] = await db
    .insert(schema.sku)
    .values({
      marketplace: values.marketplace,
      nmId: values.marketplace === "WB" ? id : null,
      ozonId: values.marketplace === "OZON" ? id : null,
      category: values.category ?? null,
      accountId: values.accountId ?? null,
      article: values.article ?? `A-${id}`,
      name: values.article ?? `Product ${id}`,
    })
    .returning({ id: schema.sku.id });
  return row.id;
}

export async function insertWarehouse(db: Db, marketplace: Marketplace, code: string): Promise<number> {
  const [row] = await db
    .insert(schema.warehouse)
    .values({ marketplace, code, name: `Warehouse ${code}`, kind: "FBO" })
    .returning({ id: schema.warehouse.id });
  return row.id;
}

/**
 * A daily_sales row. Amounts are the P&L lines, signed from the seller's view (`lines`); the older
 * positive-cost fields are accepted too and mean what they meant: revenueGross = sales, refundsAmount
 * = -returns, commissionAmount = -commission, deliveryCost = -logistics, promoCost = -deductions_other.
 * An unsettled row's units are provisional, and its sales are "unpriced" (commission estimated from
 * the rules) when it states no commission.
 */
export interface SalesFact {
  d: string;
  skuId: number;
  warehouseId: number | null;
  /** FBO unless said */
  channel?: "FBO" | "FBS";
  accountId?: number | null;
  qty?: number;
  refundsQty?: number;
  lines?: Partial<Record<PnlLine, string>>;
  revenueGross?: string;
  refundsAmount?: string;
  promoCost?: string;
  deliveryCost?: string;
  commissionAmount?: string;
  isSettled?: boolean;
}

const neg = (v: string | undefined) => (v === undefined ? undefined : new Decimal(v).neg().toFixed(2));

type CamelCase<S extends string> = S extends `${infer A}_${infer B}` ? `${A}${Capitalize<CamelCase<B>>}` : S;

/** The twelve line columns of a row (deductions_other as deductionsOther), each amount to the kopeck. */
function lineColumns(value: (line: PnlLine) => Decimal) {
  return Object.fromEntries(
    PNL_LINES.map((line) => [line.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), value(line).toFixed(2)]),
  ) as { [L in PnlLine as CamelCase<L>]: string };
}

export function dailySalesRow(f: SalesFact) {
  const lines: Partial<Record<PnlLine, string>> = {
    sales: f.revenueGross,
    returns: neg(f.refundsAmount),
    commission: neg(f.commissionAmount),
    logistics: neg(f.deliveryCost),
    deductions_other: neg(f.promoCost),
    ...f.lines,
  };
  const value = (l: PnlLine) => new Decimal(lines[l] ?? 0);
  const settled = f.isSettled ?? false;
  const qty = f.qty ?? 0;
  const refundsQty = f.refundsQty ?? 0;
  const netSales = value("sales").plus(value("returns"));
  return {
    d: f.d,
    skuId: f.skuId,
    warehouseId: f.warehouseId,
    accountId: f.accountId ?? null,
    qty,
    refundsQty,
    provisionalQty: settled ? 0 : qty,
    provisionalRefundsQty: settled ? 0 : refundsQty,
    provisionalSales: settled ? "0" : netSales.toFixed(2),
    unpricedSales: settled || !value("commission").isZero() ? "0" : netSales.toFixed(2),
    ...lineColumns(value),
    channel: f.channel ?? ("FBO" as const),
    isSettled: settled || (qty === 0 && refundsQty === 0),
  };
}

export async function insertSales(db: Db, facts: SalesFact[]): Promise<void> {
  if (facts.length === 0) return;
  for (let i = 0; i < facts.length; i += 1000) {
    await db.insert(schema.dailySales).values(facts.slice(i, i + 1000).map(dailySalesRow));
  }
}

export async function insertStock(
  db: Db,
  facts: { d: string; skuId: number; warehouseId: number | null; onHand: number; inTransit: number }[],
): Promise<void> {
  if (facts.length === 0) return;
  await db.insert(schema.dailyStock).values(facts.map((f) => ({ ...f, srcHash: "test" })));
}

export async function insertCostPrice(db: Db, skuId: number, dtFrom: string, costPrice: string): Promise<void> {
  await db
    .insert(schema.costPriceHistory)
    .values({ skuId, dtFrom, costPrice })
    .onConflictDoUpdate({
      target: [schema.costPriceHistory.skuId, schema.costPriceHistory.dtFrom],
      set: { costPrice, updatedAt: sql`now()` },
    });
}

/** Empties every table the metrics read or write (between property-test runs). */
export async function clearFacts(db: Db): Promise<void> {
  await db.execute(sql`
    TRUNCATE metrics_daily, metrics_store_daily, cashflow_daily, metrics_sku_cumulative, metrics_sku_period, metrics_sku_period_totals, daily_sales, daily_returns,
             finance_lines, order_lines, daily_stock, cost_price_history, commission_rules,
             sku, warehouse RESTART IDENTITY CASCADE`);
}

/**
 * Orders and stock snapshots of one SKU at one warehouse, as the planner reads them: orders[i] and
 * closing[i] are the day end - (n - 1 - i), oldest first, ending on `end`; a null closing is a day
 * without a snapshot.
 */
export async function insertDemandSeries(
  db: Db,
  end: string,
  o: {
    accountId: number;
    skuId: number;
    warehouseId: number;
    channel?: "FBO" | "FBS";
    orders: number[];
    closing: (number | null)[];
  },
): Promise<void> {
  const n = o.orders.length;
  for (let i = 0; i < n; i++) {
    const d = addDays(end, i - (n - 1));
    if (o.orders[i] > 0)
      await db.execute(sql`insert into daily_orders (account_id, d, sku_id, warehouse_id, channel, ordered_qty)
        values (${o.accountId}, ${d}, ${o.skuId}, ${o.warehouseId}, ${o.channel ?? "FBO"}, ${o.orders[i]})`);
    if (o.closing[i] !== null)
      await db.execute(sql`insert into daily_stock (d, sku_id, warehouse_id, on_hand, in_transit, src_hash)
        values (${d}, ${o.skuId}, ${o.warehouseId}, ${o.closing[i]}, 0, 'x')`);
  }
}
