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
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { accounts, marketplaces } from "./accounts";
import { sku, warehouse } from "./catalog";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 }).notNull().default("0");

/**
 * Sales per business day d (APP_TIMEZONE), SKU and warehouse. Rows from operational feeds are
 * provisional (is_settled = false) until the marketplace's finance report replaces them.
 */
export const dailySales = pgTable(
  "daily_sales",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: integer("sku_id")
      .notNull()
      .references(() => sku.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    qty: integer("qty").notNull().default(0),
    refundsQty: integer("refunds_qty").notNull().default(0),
    revenueGross: money("revenue_gross"),
    refundsAmount: money("refunds_amount"),
    promoCost: money("promo_cost"),
    deliveryCost: money("delivery_cost"),
    commissionAmount: money("commission_amount"),
    channel: text("channel", { enum: ["FBO", "FBS"] }).notNull(),
    isSettled: boolean("is_settled").notNull().default(false),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("daily_sales_d_sku_warehouse_uq").on(t.d, t.skuId, t.warehouseId).nullsNotDistinct(),
    index("daily_sales_d_idx").on(t.d),
    index("daily_sales_sku_idx").on(t.skuId),
    index("daily_sales_warehouse_idx").on(t.warehouseId),
    index("daily_sales_sku_d_idx").on(t.skuId, t.d),
    check("daily_sales_channel_ck", sql`${t.channel} in ('FBO','FBS')`),
    check("daily_sales_qty_ck", sql`${t.qty} >= 0 and ${t.refundsQty} >= 0`),
  ],
);

/** Stock snapshot per business day, SKU and warehouse. */
export const dailyStock = pgTable(
  "daily_stock",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: integer("sku_id")
      .notNull()
      .references(() => sku.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    onHand: integer("on_hand").notNull().default(0),
    inTransit: integer("in_transit").notNull().default(0),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("daily_stock_d_sku_warehouse_uq").on(t.d, t.skuId, t.warehouseId).nullsNotDistinct(),
    index("daily_stock_d_idx").on(t.d),
    index("daily_stock_sku_idx").on(t.skuId),
    index("daily_stock_warehouse_idx").on(t.warehouseId),
    index("daily_stock_sku_d_idx").on(t.skuId, t.d),
  ],
);

export const reviewReplyStatuses = ["unanswered", "pending", "answered", "rejected"] as const;

export const reviews = pgTable(
  "reviews",
  {
    reviewId: text("review_id").primaryKey(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    skuId: integer("sku_id").references(() => sku.id, { onDelete: "set null" }),
    /** a WB supplement review points at the review it extends */
    parentReviewId: text("parent_review_id"),
    createdAtUtc: timestamp("created_at_utc", { withTimezone: true }).notNull(),
    rating: smallint("rating").notNull(),
    hasMedia: boolean("has_media").notNull().default(false),
    text: text("text").notNull().default(""),
    productName: text("product_name"),
    orderStatus: text("order_status"),
    replyStatus: text("reply_status", { enum: reviewReplyStatuses }).notNull().default("unanswered"),
    replyId: text("reply_id"),
    repliedAtUtc: timestamp("replied_at_utc", { withTimezone: true }),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reviews_sku_idx").on(t.skuId),
    index("reviews_account_created_idx").on(t.accountId, t.createdAtUtc),
    index("reviews_parent_idx").on(t.parentReviewId),
    check("reviews_rating_ck", sql`${t.rating} between 1 and 5`),
    check("reviews_reply_status_ck", sql`${t.replyStatus} in ('unanswered','pending','answered','rejected')`),
  ],
);

export const cashflowTypes = [
  "sale_payout",
  "logistics",
  "storage",
  "acceptance",
  "penalty",
  "advertising",
  "financing",
  "deduction_other",
  "compensation",
  "acquiring",
  "payout",
  "other",
] as const;
export type CashflowType = (typeof cashflowTypes)[number];

/** Store-level money movements, signed from the seller's view (money out is negative). */
export const cashflows = pgTable(
  "cashflows",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    d: date("d", { mode: "string" }).notNull(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    type: text("type", { enum: cashflowTypes }).notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    /** source line id: WB rrdId, Ozon accrual_id, payout period id; text because ids exceed 2^53 */
    refId: text("ref_id").notNull(),
    /** the marketplace's own classification: WB sellerOperName/bonusTypeName, Ozon accrual type id */
    sourceType: text("source_type"),
    skuId: integer("sku_id").references(() => sku.id, { onDelete: "set null" }),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("cashflows_account_ref_type_uq").on(t.accountId, t.refId, t.type),
    index("cashflows_marketplace_d_idx").on(t.marketplace, t.d),
    index("cashflows_account_d_idx").on(t.accountId, t.d),
    check("cashflows_type_ck", sql.raw(`type in (${cashflowTypes.map((c) => `'${c}'`).join(",")})`)),
  ],
);
