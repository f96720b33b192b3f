// The two messages the nightly job sends: what failed, or yesterday's short summary.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import { Decimal } from "@/lib/domain/money";
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
  revenueNet: string;
  /** profit of the SKU-days with a cost price */
  profit: string;
  /** profit / net revenue in percent (of the SKU-days with a cost price); null without revenue */
  margin: string | null;
  /** SKUs sold without a cost price that day (profit excludes them) */
  skusMissingCost: number;
  /** SKUs whose stock lasts less than 7 days at the current velocity */
  runningOut: { skuId: number; label: string; days: string }[];
  runningOutTotal: number;
}

/** Yesterday's totals from metrics_daily (run after the recalculation). */
export async function buildDailySummary(db: Db, day: string, runOutDays = 7): Promise<DailySummary> {
  const [t] = rowsOf<{
    revenue_net: string | null;
    profit: string | null;
    revenue_with_cost: string | null;
    missing: number;
  }>(
    await db.execute(sql`
      SELECT sum(revenue_net)::text AS revenue_net,
             sum(profit)::text AS profit,
             sum(revenue_net) FILTER (WHERE cogs IS NOT NULL)::text AS revenue_with_cost,
             count(*) FILTER (WHERE cogs IS NULL)::int AS missing
      FROM metrics_daily WHERE d = ${day}::date`),
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
  const revenueNet = new Decimal(t?.revenue_net ?? 0);
  const profit = new Decimal(t?.profit ?? 0);
  const base = new Decimal(t?.revenue_with_cost ?? 0);
  return {
    day,
    revenueNet: revenueNet.toFixed(2),
    profit: profit.toFixed(2),
    margin: base.gt(0) ? profit.div(base).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1) : null,
    skusMissingCost: Number(t?.missing ?? 0),
    runningOut: out.map((r) => ({ skuId: Number(r.sku_id), label: r.label, days: new Decimal(r.days).toFixed(1) })),
    runningOutTotal: Number(out[0]?.total ?? 0),
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
    `Net revenue: ${rub(s.revenueNet)}`,
    `Profit: ${rub(s.profit)}${s.margin === null ? "" : ` (margin ${s.margin}%)`}`,
  ];
  if (s.skusMissingCost > 0) lines.push(`No cost price: ${s.skusMissingCost} SKU(s), not in profit`);
  if (s.runningOutTotal === 0) lines.push("No SKU runs out within 7 days");
  else {
    lines.push(`Running out within 7 days: ${s.runningOutTotal} SKU(s)`);
    for (const r of s.runningOut) lines.push(`• ${escapeHtml(r.label)}: ${r.days} d`);
    if (s.runningOutTotal > s.runningOut.length) lines.push(`… and ${s.runningOutTotal - s.runningOut.length} more`);
  }
  return lines.join("\n");
}
