// The two messages the nightly job sends: what failed, or yesterday's short summary.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { Decimal } from "@/lib/domain/money";
import { grossProfitWithCost } from "@/lib/domain/pnl";
import { escapeHtml } from "./telegram";

export interface JobFailure {
  /** what failed: a store name, "recalculation", ... */
  what: string;
  error: string;
}

export function formatFailureMessage(input: { job: string; day: string; failures: JobFailure[] }): string {
  const lines = [`<b>Sovani: ${escapeHtml(input.job)} failed</b> (${input.day})`];
  for (const f of input.failures) lines.push(`• <b>${escapeHtml(f.what)}</b>: ${escapeHtml(f.error.slice(0, 500))}`);
  return lines.join("\n");
}

export interface DailySummary {
  day: string;
  /** sales less returns */
  netSales: string;
  /** gross profit of the SKU-days with a cost price plus the store-level lines (storage, deductions) */
  profit: string;
  /** as the P&L statement's margin: over the SKU-days with a cost price and their share of the store level */
  margin: string | null;
  /** some of the day's numbers wait for the finance report (provisional sales, estimated costs) */
  provisional: boolean;
  /** SKUs sold without a cost price that day (profit excludes them) */
  skusMissingCost: number;
  /** SKUs whose stock lasts less than 7 days at the current velocity */
  runningOut: { skuId: number; label: string; days: string }[];
  runningOutTotal: number;
  /** SKU-locations whose reorder date (restock plan of the day) is within 7 days */
  reorderSoon: { skuId: number; label: string; reorderDate: string; quantity: number }[];
  reorderSoonTotal: number;
}

/** Yesterday's totals from metrics_daily (run after the recalculation). */
export async function buildDailySummary(db: Db, day: string, runOutDays = 7): Promise<DailySummary> {
  const [t] = rowsOf<{
    net_sales: string | null;
    profit: string | null;
    net_sales_with_cost: string | null;
    store_level: string | null;
    missing: number;
    provisional: boolean;
  }>(
    await db.execute(sql`
      SELECT sum(net_sales)::text AS net_sales,
             (coalesce(sum(profit), 0) + coalesce(sum(store_level_payout), 0))::text AS profit,
             sum(net_sales_with_cost)::text AS net_sales_with_cost,
             sum(store_level_payout)::text AS store_level,
             (SELECT count(*) FROM metrics_daily WHERE d = ${day}::date AND qty > 0 AND cogs IS NULL)::int AS missing,
             coalesce(bool_or(has_provisional OR has_estimated_commission OR has_estimated_logistics), false) AS provisional
      FROM metrics_store_daily WHERE d = ${day}::date`),
  );
  const out = rowsOf<{ sku_id: number; label: string; days: string; total: number }>(
    await db.execute(sql`
      SELECT m.sku_id, coalesce(k.article, k.name, '#' || k.id) AS label, m.stock_cover_days::text AS days,
             count(*) OVER ()::int AS total
      FROM metrics_daily m JOIN sku k ON k.id = m.sku_id
      WHERE m.d = ${day}::date AND m.stock_cover_days IS NOT NULL AND m.stock_cover_days < ${runOutDays}
      ORDER BY m.stock_cover_days, m.sku_id
      LIMIT 10`),
  );
  const reorder = rowsOf<{ sku_id: number; label: string; reorder_date: string; quantity: number; total: number }>(
    await db.execute(sql`
      SELECT a.sku_id, coalesce(k.article, k.name, '#' || k.id) AS label, a.reorder_date::text AS reorder_date, a.quantity,
             count(*) OVER ()::int AS total
      FROM restock_advice a JOIN sku k ON k.id = a.sku_id
      WHERE a.d = (SELECT max(d) FROM restock_advice WHERE d <= ${day}::date) AND a.reorder_date <= ${day}::date + ${runOutDays}::int
      ORDER BY a.status_rank, a.reorder_sort, a.id
      LIMIT 10`),
  );
  const netSales = new Decimal(t?.net_sales ?? 0);
  const profit = new Decimal(t?.profit ?? 0);
  const base = new Decimal(t?.net_sales_with_cost ?? 0);
  const storeLevel = new Decimal(t?.store_level ?? 0);
  return {
    day,
    netSales: netSales.toFixed(2),
    provisional: Boolean(t?.provisional),
    profit: profit.toFixed(2),
    margin: base.gt(0)
      ? grossProfitWithCost({
          skuProfitWithCost: profit.minus(storeLevel),
          storeLevel,
          netSales,
          netSalesWithCost: base,
        })
          .div(base)
          .times(100)
          .toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
          .toFixed(1)
      : null,
    skusMissingCost: Number(t?.missing ?? 0),
    runningOut: out.map((r) => ({ skuId: Number(r.sku_id), label: r.label, days: new Decimal(r.days).toFixed(1) })),
    runningOutTotal: Number(out[0]?.total ?? 0),
    reorderSoon: reorder.map((r) => ({
      skuId: Number(r.sku_id),
      label: r.label,
      reorderDate: r.reorder_date,
      quantity: Number(r.quantity),
    })),
    reorderSoonTotal: Number(reorder[0]?.total ?? 0),
  };
}

/** 1234567.89 -> "1 234 568 ₽" (whole roubles, plain spaces: deterministic across ICU builds) */
function rub(v: string): string {
  const whole = new Decimal(v).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ")} ₽`;
}

export function formatDailySummary(s: DailySummary): string {
  const lines = [
    `<b>Sovani: ${s.day}</b>`,
    `Net sales: ${rub(s.netSales)}`,
    `Gross profit: ${rub(s.profit)}${s.margin === null ? "" : ` (margin ${s.margin}%)`}`,
  ];
  if (s.provisional) lines.push("Partly provisional: the finance report has not settled every sale yet");
  if (s.skusMissingCost > 0) lines.push(`No cost price: ${s.skusMissingCost} SKU(s), not in profit`);
  if (s.runningOutTotal === 0) lines.push("No SKU runs out within 7 days");
  else {
    lines.push(`Running out within 7 days: ${s.runningOutTotal} SKU(s)`);
    for (const r of s.runningOut) lines.push(`• ${escapeHtml(r.label)}: ${r.days} d`);
    if (s.runningOutTotal > s.runningOut.length) lines.push(`… and ${s.runningOutTotal - s.runningOut.length} more`);
  }
  if (s.reorderSoonTotal > 0) {
    lines.push(`Reorder within 7 days: ${s.reorderSoonTotal} SKU-location(s)`);
    for (const r of s.reorderSoon) lines.push(`• ${escapeHtml(r.label)}: by ${r.reorderDate}, ${r.quantity} units`);
    if (s.reorderSoonTotal > s.reorderSoon.length)
      lines.push(`… and ${s.reorderSoonTotal - s.reorderSoon.length} more`);
  }
  return lines.join("\n");
}
