import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { skuIdColumn } from "./catalog";
import { pnlLineColumns } from "./facts";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** Derived daily P&L and velocity per SKU, written only by lib/services/metrics. */
export const metricsDaily = pgTable(
  "metrics_daily",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    qty: integer("qty").notNull().default(0),
    refundsQty: integer("refunds_qty").notNull().default(0),
    ...pnlLineColumns(),
    /** of commission: the part estimated from commission_rules for provisional sales the feed gave none for */
    estimatedCommission: money("estimated_commission").notNull().default("0"),
    /** of logistics: the estimate for provisional units (the SKU's trailing settled logistics per unit) */
    estimatedLogistics: money("estimated_logistics").notNull().default("0"),
    isCommissionEstimated: boolean("is_commission_estimated").notNull().default(false),
    isLogisticsEstimated: boolean("is_logistics_estimated").notNull().default(false),
    /** true when no unit of the day waits for its finance line */
    isSettled: boolean("is_settled").notNull().default(false),
    /** sales net of returns not yet settled (seller's price) */
    provisionalSales: money("provisional_sales").notNull().default("0"),
    /** sales + returns */
    netSales: money("net_sales").notNull().default("0"),
    /** the sum of the twelve lines: what the marketplace owes for the SKU's day */
    payout: money("payout").notNull().default("0"),
    /** units sold less units returned, at their cost prices (positive); NULL when units sold without a cost price */
    cogs: money("cogs"),
    /** gross profit = payout - cogs; NULL with cogs */
    profit: money("profit"),
    /** profit / net_sales x 100 */
    margin: numeric("margin", { precision: 9, scale: 2 }),
    sv7: numeric("sv7", { precision: 12, scale: 4 }).notNull().default("0"),
    sv14: numeric("sv14", { precision: 12, scale: 4 }).notNull().default("0"),
    sv28: numeric("sv28", { precision: 12, scale: 4 }).notNull().default("0"),
    onHand: integer("on_hand"),
    inTransit: integer("in_transit"),
    stockCoverDays: numeric("stock_cover_days", { precision: 12, scale: 2 }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("metrics_daily_d_sku_uq").on(t.d, t.skuId),
    index("metrics_daily_sku_d_idx").on(t.skuId, t.d),
    // covers the reads by day range or by one day: period sums per store (metrics_store_daily refresh,
    // cost page) and each SKU's latest velocity and stock (SKU table, "running out" count) as
    // index-only scans; one day's rows lie one per heap page, so a heap visit per SKU cost ~3 us each
    index("metrics_daily_d_sku_read_idx").on(
      t.d,
      t.skuId,
      t.qty,
      t.refundsQty,
      t.netSales,
      t.payout,
      t.cogs,
      t.profit,
      t.isSettled,
      t.isCommissionEstimated,
      t.isLogisticsEstimated,
      t.sv7,
      t.sv14,
      t.sv28,
      t.onHand,
      t.inTransit,
      t.stockCoverDays,
    ),
    // the Overview's "selling without a cost price": a probe per SKU into the few rows that qualify
    index("metrics_daily_missing_cost_idx")
      .on(t.skuId, t.d)
      .where(sql`${t.qty} > 0 and ${t.cogs} is null`),
  ],
);

/**
 * metrics_daily summed per store and day, rewritten by recalculateMetrics in the same transaction
 * as the rows it sums, so the Overview reads a few hundred rows instead of every SKU x day.
 * account_id is NULL for SKUs that belong to no store.
 */
export const metricsStoreDaily = pgTable(
  "metrics_store_daily",
  {
    d: date("d", { mode: "string" }).notNull(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    qty: bigint("qty", { mode: "number" }).notNull(),
    refundsQty: bigint("refunds_qty", { mode: "number" }).notNull(),
    /** sales + returns of the store's SKUs */
    netSales: money("net_sales").notNull(),
    /** the SKU-level lines, summed (estimates included) */
    ...pnlLineColumns(),
    /** of commission and logistics: the estimates for provisional sales (metrics_daily's, summed) */
    estimatedCommission: money("estimated_commission").notNull().default("0"),
    estimatedLogistics: money("estimated_logistics").notNull().default("0"),
    /** sales net of returns not yet settled */
    provisionalSales: money("provisional_sales").notNull().default("0"),
    /** the sum of the SKU-level lines */
    payout: money("payout").notNull(),
    /** finance lines that name no SKU (storage, deductions, subscriptions), summed: signed */
    storeLevelPayout: money("store_level_payout").notNull(),
    /** COGS of the rows whose cost price is known */
    cogs: money("cogs").notNull(),
    /** gross profit of the rows whose cost price is known */
    profit: money("profit").notNull(),
    /** net sales of the rows whose cost price is known: margin's denominator */
    netSalesWithCost: money("net_sales_with_cost").notNull(),
    /** net sales of the rows that sold without a cost price */
    netSalesWithoutCost: money("net_sales_without_cost").notNull(),
    /** SKU rows with units, refunds or net revenue */
    activeSkus: integer("active_skus").notNull(),
    hasProvisional: boolean("has_provisional").notNull(),
    hasEstimatedCommission: boolean("has_estimated_commission").notNull(),
    hasEstimatedLogistics: boolean("has_estimated_logistics").notNull(),
  },
  (t) => [unique("metrics_store_daily_d_account_uq").on(t.d, t.accountId).nullsNotDistinct()],
);

/**
 * The cash flow page's sums: finance_lines' money per store, day and type (a P&L line, or "financing"
 * for loan repayments), rewritten by recalculateMetrics for the days it recalculates, in the same
 * transaction, so the page reads a few rows per day instead of every sale's lines.
 */
export const cashflowDaily = pgTable(
  "cashflow_daily",
  {
    d: date("d", { mode: "string" }).notNull(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** a P&L line (sales, commission, ...) or "financing" */
    type: text("type").notNull(),
    /** signed: money out is negative */
    amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
    /** finance lines with a non-zero amount of this type */
    lines: integer("lines").notNull(),
  },
  (t) => [primaryKey({ name: "cashflow_daily_pk", columns: [t.d, t.accountId, t.type] })],
);

/**
 * Running totals of metrics_daily per SKU: each row holds the sums over that SKU's metrics_daily rows
 * up to and including d. A period's totals are the row at the period's end minus the row before its
 * start (two index probes per SKU, whatever the period's length), so the SKU table does not sum
 * every day of the period. Rewritten by recalculateMetrics from the first recalculated day onwards, in
 * the same transaction. Counts stand in for "any day with ...": a period has one if the count grew.
 */
export const metricsSkuCumulative = pgTable(
  "metrics_sku_cumulative",
  {
    skuId: skuIdColumn(),
    d: date("d", { mode: "string" }).notNull(),
    /** metrics_daily rows so far */
    days: integer("days").notNull(),
    qty: bigint("qty", { mode: "number" }).notNull(),
    refundsQty: bigint("refunds_qty", { mode: "number" }).notNull(),
    netSales: numeric("net_sales", { precision: 18, scale: 2 }).notNull(),
    payout: numeric("payout", { precision: 18, scale: 2 }).notNull(),
    /** net sales of the rows that had a cost price (margin's denominator) */
    netSalesWithCost: numeric("net_sales_with_cost", { precision: 18, scale: 2 }).notNull(),
    /** sum of the known COGS; cogs_days counts the rows that had one */
    cogs: numeric("cogs", { precision: 18, scale: 2 }).notNull(),
    cogsDays: integer("cogs_days").notNull(),
    profit: numeric("profit", { precision: 18, scale: 2 }).notNull(),
    profitDays: integer("profit_days").notNull(),
    /** rows that sold units without a cost price */
    missingCostDays: integer("missing_cost_days").notNull(),
    /** rows with units or refunds not yet settled by a finance report */
    provisionalDays: integer("provisional_days").notNull(),
    /** rows whose commission or logistics was estimated */
    estimatedDays: integer("estimated_days").notNull(),
  },
  (t) => [
    primaryKey({ name: "metrics_sku_cumulative_pk", columns: [t.skuId, t.d] }),
    // every SKU's running row on one day as a single index-only range (the SKU table's period bounds)
    index("metrics_sku_cumulative_d_totals_idx").on(
      t.d,
      t.skuId,
      t.days,
      t.qty,
      t.refundsQty,
      t.netSales,
      t.payout,
      t.netSalesWithCost,
      t.cogs,
      t.cogsDays,
      t.profit,
      t.profitDays,
      t.missingCostDays,
      t.provisionalDays,
      t.estimatedDays,
    ),
  ],
);

const periodTotal = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * The SKU table's rows for the preset periods (last N days, this and last month, this quarter) ending
 * on or around the latest recalculated day, one row per SKU and period, rewritten by recalculateMetrics
 * in the same transaction. The page reads 50 rows along an index in sort order instead of computing
 * every SKU's totals per request; other periods are computed from metrics_sku_cumulative.
 * cogs, profit and margin are NULL for a SKU without a cost price (none effective by period_to).
 */
export const metricsSkuPeriod = pgTable(
  "metrics_sku_period",
  {
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    // no foreign keys: their checks cost every recalculation a third of this table's writes, and the
    // page joins sku (a deleted SKU's rows are not shown, and go with the next recalculation)
    skuId: integer("sku_id").notNull(),
    accountId: integer("account_id"),
    /** the article with every digit run zero-padded to 20: sorts OZ-2 before OZ-10 */
    articleKey: text("article_key").notNull(),
    units: bigint("units", { mode: "number" }).notNull(),
    refunds: bigint("refunds", { mode: "number" }).notNull(),
    netSales: periodTotal("net_sales").notNull(),
    payout: periodTotal("payout").notNull(),
    /** net sales of the days that had a cost price: margin's denominator */
    netSalesWithCost: periodTotal("net_sales_with_cost").notNull(),
    cogs: periodTotal("cogs"),
    profit: periodTotal("profit"),
    /** profit / net_sales_with_cost x 100 */
    margin: numeric("margin", { precision: 14, scale: 2 }),
    isMissingCost: boolean("is_missing_cost").notNull(),
    isProvisional: boolean("is_provisional").notNull(),
    isEstimated: boolean("is_estimated").notNull(),
    /** velocity, stock and cover as of the latest recalculated day on or before period_to */
    sv7: numeric("sv7", { precision: 12, scale: 4 }),
    sv14: numeric("sv14", { precision: 12, scale: 4 }),
    sv28: numeric("sv28", { precision: 12, scale: 4 }),
    onHand: integer("on_hand"),
    inTransit: integer("in_transit"),
    coverDays: numeric("cover_days", { precision: 12, scale: 2 }),
  },
  (t) => [
    primaryKey({ name: "metrics_sku_period_pk", columns: [t.periodFrom, t.periodTo, t.skuId] }),
    // one index per common sort: a page is the first rows along it (nulls are read apart, see lib/data/skus.ts);
    // the other sorts order the period's rows (one per SKU), and each index costs every recalculation its writes
    index("metrics_sku_period_profit_idx")
      .on(t.periodFrom, t.periodTo, t.profit, t.skuId)
      .where(sql`${t.profit} is not null`),
    index("metrics_sku_period_net_sales_idx").on(t.periodFrom, t.periodTo, t.netSales, t.skuId),
    index("metrics_sku_period_units_idx").on(t.periodFrom, t.periodTo, t.units, t.skuId),
    // the rows without a profit (no cost price), which come last by article under a profit or margin sort
    index("metrics_sku_period_no_profit_idx")
      .on(t.periodFrom, t.periodTo, t.articleKey, t.skuId)
      .where(sql`${t.profit} is null`),
  ],
);

/** metrics_sku_period summed per store: the unfiltered table's totals row and row count. */
export const metricsSkuPeriodTotals = pgTable(
  "metrics_sku_period_totals",
  {
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    accountId: integer("account_id"),
    skus: integer("skus").notNull(),
    units: bigint("units", { mode: "number" }).notNull(),
    refunds: bigint("refunds", { mode: "number" }).notNull(),
    netSales: periodTotal("net_sales").notNull(),
    payout: periodTotal("payout").notNull(),
    netSalesWithCost: periodTotal("net_sales_with_cost").notNull(),
    cogs: periodTotal("cogs").notNull(),
    profit: periodTotal("profit").notNull(),
    /** SKUs with a profit (a cost price) */
    profitSkus: integer("profit_skus").notNull(),
    /**
     * SKUs that sold on a day without a cost price in the period (the Overview's attention count);
     * NULL on rows written before the column existed, which readers then count from metrics_daily
     */
    missingCostSkus: integer("missing_cost_skus"),
    /**
     * When a page first asked for this period, which no recalculation keeps (a custom range): its rows
     * are kept until the next recalculation, the newest few (lib/services/metrics/sku-period.ts); NULL
     * for the preset periods the recalculation writes
     */
    requestedAt: timestamp("requested_at", { withTimezone: true }),
  },
  (t) => [unique("metrics_sku_period_totals_uq").on(t.periodFrom, t.periodTo, t.accountId).nullsNotDistinct()],
);
