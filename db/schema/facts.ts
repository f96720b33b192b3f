import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { accountIdColumn, accounts, marketplaces } from "./accounts";
import { cluster, sku, skuIdColumn, warehouse } from "./catalog";

/** The twelve P&L line columns (lib/domain/pnl-lines.ts), signed from the seller's view. */
function pnlLineColumns() {
  const line = (name: string) => numeric(name, { precision: 14, scale: 2 }).notNull().default("0");
  return {
    sales: line("sales"),
    returns: line("returns"),
    commission: line("commission"),
    acquiring: line("acquiring"),
    logistics: line("logistics"),
    storage: line("storage"),
    acceptance: line("acceptance"),
    penalties: line("penalties"),
    advertising: line("advertising"),
    deductionsOther: line("deductions_other"),
    compensations: line("compensations"),
    loyalty: line("loyalty"),
  };
}
export { pnlLineColumns };

const orderLineKinds = ["sale", "return", "order", "cancellation"] as const;
/** what became of an ordered line, as the marketplace states it (NULL: open, or not an order line) */
export const orderOutcomes = ["buyout", "return", "cancel"] as const;
const settleKinds = ["sale", "return"] as const;

/**
 * One line of a marketplace's operational order feed, as reported: a WB sales-feed row (saleID) or
 * an Ozon posting x SKU. A sale or return counts as provisional until a finance line with the same
 * order key, SKU and direction settles it (lib/services/ingestion/derive-daily-sales.ts).
 */
export const orderLines = pgTable(
  "order_lines",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountIdColumn(),
    /** WB saleID, Ozon posting_number/sku */
    lineKey: text("line_key").notNull(),
    /** WB srid, Ozon posting_number: what finance lines name */
    orderKey: text("order_key").notNull(),
    skuId: skuIdColumn(),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    channel: text("channel", { enum: ["FBO", "FBS"] }).notNull(),
    kind: text("kind", { enum: orderLineKinds }).notNull(),
    /** business day of the event */
    d: date("d", { mode: "string" }).notNull(),
    qty: integer("qty").notNull(),
    /** the seller's price for all units, positive */
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    /** the deduction the feed states (WB priceWithDisc - forPay), positive; NULL when not stated */
    feedCommission: numeric("feed_commission", { precision: 14, scale: 2 }),
    /** the feed's record version (WB lastChangeDate): an older version never overwrites a newer one */
    version: text("version"),
    /**
     * when the order was placed, for lines that are orders (WB orders / order feed row by srid, Ozon
     * posting x SKU); NULL for lines that are not orders (WB sales-feed rows). daily_orders counts these.
     */
    orderedAt: timestamp("ordered_at", { withTimezone: true }),
    /** the order's fate as the feed states it; NULL while open (WB orders: only cancel is stated) */
    outcome: text("outcome", { enum: orderOutcomes }),
    /** the buyer's region as the feed names it (WB regionName / destinationCity, Ozon analytics region) */
    buyerRegion: text("buyer_region"),
    /** the buyer's federal district, normalised ("Центральный"), or the country outside Russia */
    buyerDistrict: text("buyer_district"),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("order_lines_account_line_uq").on(t.accountId, t.lineKey),
    index("order_lines_account_ordered_idx")
      .on(t.accountId, t.d)
      .where(sql`${t.orderedAt} is not null`),
    check("order_lines_outcome_ck", sql`${t.outcome} in ('buyout','return','cancel')`),
    index("order_lines_account_order_idx").on(t.accountId, t.orderKey, t.skuId),
    index("order_lines_account_d_idx").on(t.accountId, t.d),
    check("order_lines_kind_ck", sql`${t.kind} in ('sale','return','order','cancellation')`),
  ],
);

/**
 * One finance line as the marketplace reports it (WB detailed report line by rrdId, Ozon accrual per
 * SKU or per store), split into the P&L lines it carries. sku_id NULL: a store-level line.
 */
export const financeLines = pgTable(
  "finance_lines",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountIdColumn(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    /** WB rrdId, Ozon accrual_id/sku or accrual_id; text because ids exceed 2^53 */
    lineKey: text("line_key").notNull(),
    /** business day the money belongs to (WB rrDate, Ozon accrual date) */
    d: date("d", { mode: "string" }).notNull(),
    /** WB reportId; NULL for Ozon */
    reportId: text("report_id"),
    orderKey: text("order_key"),
    skuId: integer("sku_id").references(() => sku.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    channel: text("channel", { enum: ["FBO", "FBS"] }),
    settles: text("settles", { enum: settleKinds }),
    /** units sold or returned (settles); negative on a storno */
    qty: integer("qty").notNull().default(0),
    /** the marketplace's own operation name: WB sellerOperName[: bonusTypeName], Ozon type ids */
    sourceType: text("source_type").notNull(),
    ...pnlLineColumns(),
    /** what the mapping did not know (an unknown operation kept as deductions_other) */
    warning: text("warning"),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("finance_lines_account_line_uq").on(t.accountId, t.lineKey),
    index("finance_lines_account_d_idx").on(t.accountId, t.d),
    index("finance_lines_account_order_idx")
      .on(t.accountId, t.orderKey, t.skuId)
      .where(sql`${t.orderKey} is not null`),
    index("finance_lines_account_report_idx")
      .on(t.accountId, t.reportId)
      .where(sql`${t.reportId} is not null`),
    // the store-level lines (no SKU: storage, subscriptions, deductions), a few per store and day among
    // every sale's lines: the P&L statement, the first data day and metrics_store_daily read them by day
    index("finance_lines_store_level_idx")
      .on(t.d, t.accountId, t.marketplace)
      .where(sql`${t.skuId} is null`),
    check("finance_lines_settles_ck", sql`${t.settles} in ('sale','return')`),
  ],
);

/**
 * The marketplaces' own closed statements, for reconciliation: WB weekly reports (sales-reports/list,
 * bankPaymentSum) and Ozon monthly cash-flow statements (payments).
 */
export const settlementReports = pgTable(
  "settlement_reports",
  {
    accountId: accountIdColumn(),
    kind: text("kind", { enum: ["wb_report", "ozon_period"] }).notNull(),
    reportId: text("report_id").notNull(),
    dateFrom: date("date_from", { mode: "string" }).notNull(),
    dateTo: date("date_to", { mode: "string" }).notNull(),
    /** what the marketplace says it owes for the period (WB bankPaymentSum, Ozon payments total) */
    payout: numeric("payout", { precision: 16, scale: 2 }).notNull(),
    /** the statement's other sums as sent, for the reconciliation's detail */
    sums: jsonb("sums").notNull().default({}),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "settlement_reports_pk", columns: [t.accountId, t.kind, t.reportId] }),
    index("settlement_reports_account_to_idx").on(t.accountId, t.dateTo),
  ],
);

/**
 * Sales and marketplace money per business day d (APP_TIMEZONE), SKU and warehouse, derived from
 * order_lines and finance_lines: every finance line naming a SKU on its own day, plus every sale or
 * return order line no finance line settles yet (provisional) on the order line's day.
 */
export const dailySales = pgTable(
  "daily_sales",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** the store the derivation ran for (NULL only for SKUs of no store, which no sync derives) */
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    channel: text("channel", { enum: ["FBO", "FBS"] }).notNull(),
    /** units sold and returned, settled and provisional (a storno makes a day's sum smaller) */
    qty: integer("qty").notNull().default(0),
    refundsQty: integer("refunds_qty").notNull().default(0),
    /** of which not settled by a finance line yet */
    provisionalQty: integer("provisional_qty").notNull().default(0),
    provisionalRefundsQty: integer("provisional_refunds_qty").notNull().default(0),
    /** provisional sales net of returns, at the seller's price */
    provisionalSales: numeric("provisional_sales", { precision: 14, scale: 2 }).notNull().default("0"),
    /** provisional sales net of returns whose feed stated no commission (estimated from commission_rules) */
    unpricedSales: numeric("unpriced_sales", { precision: 14, scale: 2 }).notNull().default("0"),
    ...pnlLineColumns(),
    isSettled: boolean("is_settled").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("daily_sales_d_sku_warehouse_uq").on(t.d, t.skuId, t.warehouseId).nullsNotDistinct(),
    index("daily_sales_d_idx").on(t.d),
    index("daily_sales_account_d_idx").on(t.accountId, t.d),
    index("daily_sales_warehouse_idx").on(t.warehouseId),
    index("daily_sales_sku_d_idx").on(t.skuId, t.d),
    check("daily_sales_channel_ck", sql`${t.channel} in ('FBO','FBS')`),
  ],
);

/**
 * Units returned per business day and SKU with the day their sale was counted, so COGS reverses at
 * the cost price effective on the sale's day (the return's own day when the sale is older than the data).
 */
export const dailyReturns = pgTable(
  "daily_returns",
  {
    accountId: accountIdColumn(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    /** the day the returned units' sale was counted; NULL when the sale is not in the data */
    saleD: date("sale_d", { mode: "string" }),
    qty: integer("qty").notNull(),
  },
  (t) => [
    unique("daily_returns_d_sku_sale_uq").on(t.d, t.skuId, t.saleD).nullsNotDistinct(),
    index("daily_returns_account_d_idx").on(t.accountId, t.d),
  ],
);

/**
 * Stock snapshot per business day, SKU and warehouse. in_transit is inbound to the marketplace only
 * (supplies on their way: Ozon transit_stock_count); units on their way to buyers (sold, not yet
 * received) and back from buyers (returns) are their own columns (WB inWayToClient / inWayFromClient,
 * Ozon return_from_customer_stock_count).
 */
export const dailyStock = pgTable(
  "daily_stock",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    onHand: integer("on_hand").notNull().default(0),
    /** inbound to the marketplace: supplies on their way (never units travelling to or from buyers) */
    inTransit: integer("in_transit").notNull().default(0),
    /** on the way to buyers: ordered, left the warehouse, not yet received (WB inWayToClient) */
    toClient: integer("to_client").notNull().default(0),
    /** on the way back from buyers: returns not yet restocked */
    fromClient: integer("from_client").notNull().default(0),
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
    /** the buyer's name as the marketplace shows it (WB userName; Ozon sends none) */
    buyerName: text("buyer_name"),
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

/**
 * Orders per business day of the order, SKU, warehouse it ships from and buyer district, derived in SQL
 * from the order lines that are orders (order_lines.ordered_at set: WB orders by srid, Ozon postings x
 * SKU) by lib/services/ingestion/derive-daily-orders.ts. A unit ordered counts once, on its order day,
 * whatever happens to it later; its fate moves it between cancelled / bought out / open as it resolves.
 * Buyout rate over resolved orders: sum(bought_out_qty) / sum(bought_out_qty + cancelled_qty).
 */
export const dailyOrders = pgTable(
  "daily_orders",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountIdColumn(),
    /** the day the order was placed (APP_TIMEZONE) */
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    /** where the order ships from (WB FBO: the one masked warehouse; Ozon: the real one, see warehouse.cluster_id) */
    warehouseId: integer("warehouse_id").references(() => warehouse.id, { onDelete: "restrict" }),
    channel: text("channel", { enum: ["FBO", "FBS"] }).notNull(),
    /** buyer's federal district ("Центральный", ...), the country outside Russia, '' when the feed does not say */
    buyerDistrict: text("buyer_district").notNull().default(""),
    /** units ordered, cancelled included */
    orderedQty: integer("ordered_qty").notNull().default(0),
    /** value of the units ordered at the seller's price (after the seller's discount) */
    orderedValue: numeric("ordered_value", { precision: 14, scale: 2 }).notNull().default("0"),
    /** of which cancelled (before receipt; a cancellation can arrive days after the order) */
    cancelledQty: integer("cancelled_qty").notNull().default(0),
    cancelledValue: numeric("cancelled_value", { precision: 14, scale: 2 }).notNull().default("0"),
    /** of which received by the buyer (a sale line, a settling finance line or the feed's status says so) */
    boughtOutQty: integer("bought_out_qty").notNull().default(0),
    /** of the bought-out units, returned later */
    returnedQty: integer("returned_qty").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("daily_orders_d_sku_warehouse_district_uq")
      .on(t.d, t.skuId, t.warehouseId, t.buyerDistrict)
      .nullsNotDistinct(),
    index("daily_orders_account_d_idx").on(t.accountId, t.d),
    index("daily_orders_sku_d_idx").on(t.skuId, t.d),
    check("daily_orders_channel_ck", sql`${t.channel} in ('FBO','FBS')`),
  ],
);

/**
 * The marketplaces' own per-SKU estimates on a snapshot day, shown beside ours: WB stocks-report
 * lostOrdersCount/Sum over its period (source 'wb_stocks_report'), Ozon average daily sales and days of
 * cover (source 'ozon_stocks': /v1/analytics/stocks ads/idc over 28 days). NULL: not stated / not computed.
 */
export const skuMarketplaceEstimates = pgTable(
  "sku_marketplace_estimates",
  {
    accountId: accountIdColumn(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    source: text("source", { enum: ["wb_stocks_report", "ozon_stocks"] }).notNull(),
    /** the period the estimate covers */
    periodFrom: date("period_from", { mode: "string" }),
    periodTo: date("period_to", { mode: "string" }),
    lostOrdersQty: numeric("lost_orders_qty", { precision: 14, scale: 3 }),
    lostOrdersSum: numeric("lost_orders_sum", { precision: 14, scale: 2 }),
    lostBuyoutsQty: numeric("lost_buyouts_qty", { precision: 14, scale: 3 }),
    lostBuyoutsSum: numeric("lost_buyouts_sum", { precision: 14, scale: 2 }),
    /** average units sold (Ozon) or ordered (WB avgOrders) per day over the period */
    avgDailyQty: numeric("avg_daily_qty", { precision: 14, scale: 3 }),
    /** days the stock lasts at that rate */
    daysOfCover: numeric("days_of_cover", { precision: 14, scale: 3 }),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "sku_marketplace_estimates_pk", columns: [t.d, t.skuId, t.source] }),
    index("sku_marketplace_estimates_account_d_idx").on(t.accountId, t.d),
  ],
);

/**
 * Ozon's recommended supply per SKU and macro-local cluster on a snapshot day (beta local-sale methods;
 * absent when Ozon does not serve them), with the parameters it depends on and the localisation index.
 */
export const ozonSupplyRecommendations = pgTable(
  "ozon_supply_recommendations",
  {
    accountId: accountIdColumn(),
    d: date("d", { mode: "string" }).notNull(),
    skuId: skuIdColumn(),
    clusterId: integer("cluster_id")
      .notNull()
      .references(() => cluster.id, { onDelete: "cascade" }),
    /** ONE_WEEK | TWO_WEEKS | FOUR_WEEKS | EIGHT_WEEKS */
    supplyPeriod: text("supply_period").notNull(),
    /** FBO | FBS | ALL */
    deliverySchema: text("delivery_schema").notNull(),
    recommendedSupply: integer("recommended_supply").notNull(),
    /** value of the recommended supply */
    value: numeric("value", { precision: 14, scale: 2 }),
    /** share of local sales, % */
    localIndex: numeric("local_index", { precision: 6, scale: 2 }),
    srcHash: text("src_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: "ozon_supply_recommendations_pk",
      columns: [t.d, t.skuId, t.clusterId, t.supplyPeriod, t.deliverySchema],
    }),
    index("ozon_supply_recommendations_account_d_idx").on(t.accountId, t.d),
  ],
);
