import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { sku, warehouse } from "./catalog";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** Derived daily P&L and velocity per SKU, written only by lib/services/metrics. */
export const metricsDaily = pgTable(
  "metrics_daily",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: integer("sku_id")
      .notNull()
      .references(() => sku.id, { onDelete: "cascade" }),
    qty: integer("qty").notNull().default(0),
    refundsQty: integer("refunds_qty").notNull().default(0),
    revenueGross: money("revenue_gross").notNull().default("0"),
    refundsAmount: money("refunds_amount").notNull().default("0"),
    promoCost: money("promo_cost").notNull().default("0"),
    deliveryCost: money("delivery_cost").notNull().default("0"),
    commissionAmount: money("commission_amount").notNull().default("0"),
    /** true when commission_amount was estimated from commission_rules, not taken from a finance report */
    isCommissionEstimated: boolean("is_commission_estimated").notNull().default(false),
    /** true when every sales row of the day is settled by the finance report */
    isSettled: boolean("is_settled").notNull().default(false),
    revenueNet: money("revenue_net").notNull().default("0"),
    /** NULL when the SKU sold units on d but has no cost price effective on d */
    cogs: money("cogs"),
    profit: money("profit"),
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
      t.revenueNet,
      t.cogs,
      t.profit,
      t.isSettled,
      t.isCommissionEstimated,
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
    /** revenue_gross - refunds_amount */
    revenue: money("revenue").notNull(),
    /** commission + delivery + promotion */
    fees: money("fees").notNull(),
    revenueNet: money("revenue_net").notNull(),
    /** COGS of the rows whose cost price is known */
    cogs: money("cogs").notNull(),
    /** profit of the rows whose cost price is known */
    profit: money("profit").notNull(),
    /** net revenue of the rows that sold without a cost price */
    revenueWithoutCost: money("revenue_without_cost").notNull(),
    /** SKU rows with units, refunds or net revenue */
    activeSkus: integer("active_skus").notNull(),
    hasProvisional: boolean("has_provisional").notNull(),
    hasEstimatedCommission: boolean("has_estimated_commission").notNull(),
  },
  (t) => [unique("metrics_store_daily_d_account_uq").on(t.d, t.accountId).nullsNotDistinct()],
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
    skuId: integer("sku_id")
      .notNull()
      .references(() => sku.id, { onDelete: "cascade" }),
    d: date("d", { mode: "string" }).notNull(),
    /** metrics_daily rows so far */
    days: integer("days").notNull(),
    qty: bigint("qty", { mode: "number" }).notNull(),
    refundsQty: bigint("refunds_qty", { mode: "number" }).notNull(),
    revenueNet: numeric("revenue_net", { precision: 18, scale: 2 }).notNull(),
    /** sum of the known COGS; cogs_days counts the rows that had one */
    cogs: numeric("cogs", { precision: 18, scale: 2 }).notNull(),
    cogsDays: integer("cogs_days").notNull(),
    profit: numeric("profit", { precision: 18, scale: 2 }).notNull(),
    profitDays: integer("profit_days").notNull(),
    /** rows that sold units without a cost price */
    missingCostDays: integer("missing_cost_days").notNull(),
    /** rows with units or refunds not yet settled by a finance report */
    provisionalDays: integer("provisional_days").notNull(),
    /** rows whose commission was estimated */
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
      t.revenueNet,
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

/** Restock advice per SKU and warehouse with the inputs that produced it. */
export const adviceSupply = pgTable(
  "advice_supply",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: integer("sku_id")
      .notNull()
      .references(() => sku.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "cascade" }),
    windowDays: smallint("window_days").notNull(),
    recommendedQty: integer("recommended_qty").notNull(),
    velocity: numeric("velocity", { precision: 12, scale: 4 }).notNull(),
    demandStd: numeric("demand_std", { precision: 12, scale: 4 }).notNull(),
    onHand: integer("on_hand").notNull(),
    inTransit: integer("in_transit").notNull(),
    safetyCoeff: numeric("safety_coeff", { precision: 6, scale: 3 }).notNull(),
    stockCoverDays: numeric("stock_cover_days", { precision: 12, scale: 2 }),
    rationaleHash: text("rationale_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("advice_supply_d_sku_warehouse_window_uq").on(t.d, t.skuId, t.warehouseId, t.windowDays).nullsNotDistinct(),
    index("advice_supply_d_idx").on(t.d),
    check("advice_supply_window_ck", sql`${t.windowDays} in (14, 28)`),
  ],
);
