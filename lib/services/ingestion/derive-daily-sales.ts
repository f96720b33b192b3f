// daily_sales of a day range, derived from the raw records of both feeds: per (day, SKU) the finance
// report's settled values when it covers them, otherwise the operational feed's provisional values.
import Decimal from "decimal.js";
import type {} from "@/db";
import { toMoneyString } from "@/lib/domain/money";
import { mapOzonAccrual, mapOzonPosting, ozonChannelWarehouse } from "@/lib/marketplaces/ozon/mappers";
import { mapWbFinanceLine, mapWbSale, type WarehouseRef } from "@/lib/marketplaces/wb/mappers";
import type { SourceContext, SourceSummary } from "./context";
import { type DailySalesInput, readRawRecords, replaceDailySales, resolveWarehouses } from "./write";
import type { Marketplace } from "@/db/schema";

interface Acc {
  d: string;
  sku: string;
  article: string | null;
  warehouse: WarehouseRef;
  channel: "FBO" | "FBS";
  qty: number;
  refundsQty: number;
  revenueGross: Decimal;
  refundsAmount: Decimal;
  promoCost: Decimal;
  deliveryCost: Decimal;
  commissionAmount: Decimal;
}

class Buckets {
  readonly rows = new Map<string, Acc>();
  readonly days = new Set<string>();
  get(d: string, sku: string, warehouse: WarehouseRef, channel: "FBO" | "FBS", article: string | null = null): Acc {
    const key = `${d}|${sku}|${warehouse.code}`;
    let a = this.rows.get(key);
    if (!a) {
      const zero = new Decimal(0);
      a = {
        d,
        sku,
        article,
        warehouse,
        channel,
        qty: 0,
        refundsQty: 0,
        revenueGross: zero,
        refundsAmount: zero,
        promoCost: zero,
        deliveryCost: zero,
        commissionAmount: zero,
      };
      this.rows.set(key, a);
    }
    this.days.add(`${d}|${sku}`);
    return a;
  }
}

function combine(provisional: Buckets, settled: Buckets): { acc: Acc; settled: boolean }[] {
  const out: { acc: Acc; settled: boolean }[] = [];
  for (const acc of settled.rows.values()) out.push({ acc, settled: true });
  for (const acc of provisional.rows.values())
    if (!settled.days.has(`${acc.d}|${acc.sku}`)) out.push({ acc, settled: false });
  return out;
}

async function write(
  ctx: SourceContext,
  summary: SourceSummary,
  marketplace: Marketplace,
  rows: { acc: Acc; settled: boolean }[],
) {
  await ctx.db
    .transaction(async (tx) => {
      const warehouses = await resolveWarehouses(
        tx,
        ctx.stats,
        marketplace,
        rows.map((r) => r.acc.warehouse),
      );
      const skuIds = await ctx.skus.resolve(
        tx,
        ctx.stats,
        rows.map((r) => ({ externalId: r.acc.sku, article: r.acc.article })),
      );
      const items: DailySalesInput[] = rows.map(({ acc, settled }) => ({
        d: acc.d,
        skuId: skuIds.get(acc.sku)!,
        warehouseId: warehouses.get(acc.warehouse.code) ?? null,
        channel: acc.channel,
        isSettled: settled,
        qty: acc.qty,
        refundsQty: acc.refundsQty,
        revenueGross: toMoneyString(acc.revenueGross),
        refundsAmount: toMoneyString(acc.refundsAmount),
        promoCost: toMoneyString(acc.promoCost),
        deliveryCost: toMoneyString(acc.deliveryCost),
        commissionAmount: toMoneyString(acc.commissionAmount),
      }));
      const counts = await replaceDailySales(tx, ctx.stats, ctx.accountId, ctx.from, ctx.to, items);
      summary.fetched += items.length;
      summary.inserted += counts.inserted;
      summary.updated += counts.updated;
      summary.unchanged += counts.unchanged;
      if (counts.deleted > 0) (summary.warnings ??= []).push(`${counts.deleted} superseded rows removed`);
    })
    .catch((error: unknown) => {
      ctx.skus.reset();
      throw error;
    });
}

/** WB: sales feed rows (provisional) and finance report lines (settled) of [from, to]. */
export async function deriveWbDailySales(ctx: SourceContext, summary: SourceSummary) {
  const raws = await readRawRecords(ctx.db, ctx.accountId, ["wb_sales", "wb_finance"], ctx.from, ctx.to);
  const provisional = new Buckets();
  const settled = new Buckets();
  for (const { source, payload } of raws) {
    if (source === "wb_sales") {
      const s = mapWbSale(payload, ctx.timeZone);
      if (s.kind === "unknown") continue;
      const a = provisional.get(s.d, s.nmId, s.warehouse, s.channel, s.article);
      const commission = s.priceWithDisc.minus(s.forPay);
      if (s.kind === "sale") {
        a.qty += 1;
        a.revenueGross = a.revenueGross.plus(s.priceWithDisc);
        a.commissionAmount = a.commissionAmount.plus(commission);
      } else {
        a.refundsQty += 1;
        a.refundsAmount = a.refundsAmount.plus(s.priceWithDisc);
        a.commissionAmount = a.commissionAmount.minus(commission);
      }
    } else {
      const l = mapWbFinanceLine(payload);
      if (!l.nmId) continue;
      const a = settled.get(l.d, l.nmId, l.warehouse, l.channel, l.article);
      const commission = l.retailPriceWithDisc.minus(l.forPay);
      if (l.docType === "sale") {
        a.qty += l.quantity;
        a.revenueGross = a.revenueGross.plus(l.retailPriceWithDisc);
        a.commissionAmount = a.commissionAmount.plus(commission);
      } else if (l.docType === "return") {
        a.refundsQty += l.quantity;
        a.refundsAmount = a.refundsAmount.plus(l.retailPriceWithDisc);
        a.commissionAmount = a.commissionAmount.minus(commission);
      }
      a.deliveryCost = a.deliveryCost.plus(l.deliveryService).plus(l.rebillLogisticCost);
    }
  }
  await write(ctx, summary, "WB", combine(provisional, settled));
}

/** Ozon: delivered postings (provisional) and accruals by day (settled) of [from, to]. */
export async function deriveOzonDailySales(ctx: SourceContext, summary: SourceSummary) {
  const raws = await readRawRecords(
    ctx.db,
    ctx.accountId,
    ["ozon_postings_fbo", "ozon_postings_fbs", "ozon_accruals"],
    ctx.from,
    ctx.to,
  );
  const provisional = new Buckets();
  const settled = new Buckets();
  const unplaced: { d: string; s: ReturnType<typeof mapOzonAccrual>["sales"][number] }[] = [];
  const add = (row: Acc, s: ReturnType<typeof mapOzonAccrual>["sales"][number]) => {
    row.qty += s.qty;
    row.refundsQty += s.refundsQty;
    row.revenueGross = row.revenueGross.plus(s.revenueGross);
    row.refundsAmount = row.refundsAmount.plus(s.refundsAmount);
    row.commissionAmount = row.commissionAmount.plus(s.commission);
    row.deliveryCost = row.deliveryCost.plus(s.delivery);
    row.promoCost = row.promoCost.plus(s.promo);
  };
  for (const { source, payload } of raws) {
    if (source === "ozon_accruals") {
      const a = mapOzonAccrual(payload);
      for (const s of a.sales) {
        if (!s.channelKnown) {
          unplaced.push({ d: a.d, s });
          continue;
        }
        const row = settled.get(a.d, s.sku, ozonChannelWarehouse(s.channel), s.channel);
        row.qty += s.qty;
        row.refundsQty += s.refundsQty;
        row.revenueGross = row.revenueGross.plus(s.revenueGross);
        row.refundsAmount = row.refundsAmount.plus(s.refundsAmount);
        row.commissionAmount = row.commissionAmount.plus(s.commission);
        row.deliveryCost = row.deliveryCost.plus(s.delivery);
        row.promoCost = row.promoCost.plus(s.promo);
      }
    } else {
      const p = mapOzonPosting(payload, source === "ozon_postings_fbs" ? "FBS" : "FBO", ctx.timeZone);
      // a cancelled (or not yet delivered) order is never a sale
      if (p.status !== "delivered") continue;
      for (const product of p.products) {
        const row = provisional.get(p.d, product.sku, p.warehouse, p.channel, product.article);
        row.qty += product.quantity;
        row.revenueGross = row.revenueGross.plus(product.price.times(product.quantity));
        row.commissionAmount = row.commissionAmount.plus(product.commission);
      }
    }
  }
  for (const { d, s } of unplaced) {
    const existing = settled.rows.get(`${d}|${s.sku}|channel:FBO`) ?? settled.rows.get(`${d}|${s.sku}|channel:FBS`);
    add(existing ?? settled.get(d, s.sku, ozonChannelWarehouse("FBO"), "FBO"), s);
  }
  await write(ctx, summary, "OZON", combine(provisional, settled));
}
