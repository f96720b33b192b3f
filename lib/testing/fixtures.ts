// Test-only helpers: insert facts directly, the way ingestion would leave them.
import { sql } from "drizzle-orm";
import { type Db, schema } from "@/db";
import type { Marketplace } from "@/db/schema";

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

export interface SalesFact {
  d: string;
  skuId: number;
  warehouseId: number | null;
  qty?: number;
  refundsQty?: number;
  revenueGross?: string;
  refundsAmount?: string;
  promoCost?: string;
  deliveryCost?: string;
  commissionAmount?: string;
  isSettled?: boolean;
}

export async function insertSales(db: Db, facts: SalesFact[]): Promise<void> {
  if (facts.length === 0) return;
  for (let i = 0; i < facts.length; i += 1000) {
    await db.insert(schema.dailySales).values(
      facts.slice(i, i + 1000).map((f) => ({
        d: f.d,
        skuId: f.skuId,
        warehouseId: f.warehouseId,
        qty: f.qty ?? 0,
        refundsQty: f.refundsQty ?? 0,
        revenueGross: f.revenueGross ?? "0",
        refundsAmount: f.refundsAmount ?? "0",
        promoCost: f.promoCost ?? "0",
        deliveryCost: f.deliveryCost ?? "0",
        commissionAmount: f.commissionAmount ?? "0",
        channel: "FBO" as const,
        isSettled: f.isSettled ?? false,
        srcHash: "test",
      })),
    );
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
    TRUNCATE metrics_daily, metrics_store_daily, metrics_sku_cumulative, advice_supply, daily_sales, daily_stock, cost_price_history, commission_rules,
             sku, warehouse RESTART IDENTITY CASCADE`);
}
