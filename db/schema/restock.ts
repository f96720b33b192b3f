import { sql } from "drizzle-orm";
import {
  bigint,
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
import { accounts, marketplaces } from "./accounts";
import { sku, skuIdColumn } from "./catalog";

const serviceLevelCheck = (column: unknown) => sql`${column} in (90, 95, 97.5, 99)`;

/** A store's restock defaults; a SKU without its own setting takes these. */
export const restockStoreSettings = pgTable(
  "restock_store_settings",
  {
    accountId: integer("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    leadTimeDays: smallint("lead_time_days").notNull().default(14),
    coverDays: smallint("cover_days").notNull().default(14),
    serviceLevel: numeric("service_level", { precision: 3, scale: 1 }).notNull().default("95"),
    moq: integer("moq").notNull().default(0),
    casePack: integer("case_pack").notNull().default(1),
    /** WB: the warehouses the seller ships FBO supplies to (warehouse.id); the national plan is split onto them */
    wbShipWarehouseIds: integer("wb_ship_warehouse_ids")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("restock_store_settings_lead_ck", sql`${t.leadTimeDays} between 1 and 365`),
    check("restock_store_settings_cover_ck", sql`${t.coverDays} between 0 and 365`),
    check("restock_store_settings_service_ck", serviceLevelCheck(t.serviceLevel)),
    check("restock_store_settings_moq_ck", sql`${t.moq} >= 0`),
    check("restock_store_settings_case_ck", sql`${t.casePack} >= 1`),
  ],
);

/** Per-SKU overrides; a null column inherits the store default. */
export const restockSkuSettings = pgTable(
  "restock_sku_settings",
  {
    skuId: integer("sku_id")
      .primaryKey()
      .references(() => sku.id, { onDelete: "cascade" }),
    leadTimeDays: smallint("lead_time_days"),
    coverDays: smallint("cover_days"),
    serviceLevel: numeric("service_level", { precision: 3, scale: 1 }),
    moq: integer("moq"),
    casePack: integer("case_pack"),
    /** the seller's multiplier for a planned promotion or a wind-down */
    manualFactor: numeric("manual_factor", { precision: 6, scale: 3 }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("restock_sku_settings_lead_ck", sql`${t.leadTimeDays} between 1 and 365`),
    check("restock_sku_settings_cover_ck", sql`${t.coverDays} between 0 and 365`),
    check("restock_sku_settings_service_ck", serviceLevelCheck(t.serviceLevel)),
    check("restock_sku_settings_moq_ck", sql`${t.moq} >= 0`),
    check("restock_sku_settings_case_ck", sql`${t.casePack} >= 1`),
    check("restock_sku_settings_manual_ck", sql`${t.manualFactor} > 0`),
  ],
);

/**
 * Days a store's supplier takes no orders (a factory holiday such as the Chinese New Year), first and
 * last day inclusive: the planner orders on the eve of a closure what must last through it.
 */
export const supplierClosure = pgTable(
  "supplier_closure",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("supplier_closure_account_idx").on(t.accountId, t.lastDay),
    check("supplier_closure_days_ck", sql`${t.lastDay} >= ${t.firstDay} and ${t.lastDay} - ${t.firstDay} < 366`),
    check("supplier_closure_note_ck", sql`length(${t.note}) <= 200`),
  ],
);

export const supplyPlanStatuses = ["draft", "shipped", "closed"] as const;
export const restockLocationKinds = ["cluster", "warehouse", "national"] as const;

/** A supply the seller assembled from advice rows: one destination, one status. */
export const supplyPlan = pgTable(
  "supply_plan",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    locationKind: text("location_kind", { enum: restockLocationKinds }).notNull(),
    locationKey: text("location_key").notNull(),
    locationName: text("location_name"),
    status: text("status", { enum: supplyPlanStatuses }).notNull().default("draft"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("supply_plan_status_idx").on(t.status),
    check("supply_plan_status_ck", sql`${t.status} in ('draft','shipped','closed')`),
    check("supply_plan_location_ck", sql`${t.locationKind} in ('cluster','warehouse','national')`),
  ],
);

export const supplyPlanLine = pgTable(
  "supply_plan_line",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => supplyPlan.id, { onDelete: "cascade" }),
    skuId: skuIdColumn(),
    qty: integer("qty").notNull(),
    /** on hand + marketplace inbound at the destination when the plan was shipped */
    baselineUnits: integer("baseline_units"),
    /** units seen arriving since (stock growth plus orders since shipping), capped at qty */
    arrivedUnits: integer("arrived_units").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.skuId] }),
    index("supply_plan_line_sku_idx").on(t.skuId),
    check("supply_plan_line_qty_ck", sql`${t.qty} > 0`),
  ],
);

/**
 * The planner's answer per SKU and location for day d: reorder date, quantity, status and the
 * explanation. The page reads it in the order of restock_advice_page_idx (d, status_rank, reorder_sort, id).
 */
export const restockAdvice = pgTable(
  "restock_advice",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    d: date("d", { mode: "string" }).notNull(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    skuId: skuIdColumn(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    locationKind: text("location_kind", { enum: restockLocationKinds }).notNull(),
    locationKey: text("location_key").notNull(),
    locationName: text("location_name"),
    status: text("status").notNull(),
    /** 0 order now, 1 soon, 2 not observed, 3 ok, 4 overstock: the page's default order */
    statusRank: smallint("status_rank").notNull(),
    statusDays: integer("status_days"),
    reorderDate: date("reorder_date", { mode: "string" }),
    /** reorder_date, or 9999-12-31 when there is none: a not-null sort key for the page index */
    reorderSort: date("reorder_sort", { mode: "string" }).notNull(),
    quantity: integer("quantity").notNull(),
    velocity: numeric("velocity", { precision: 12, scale: 4 }),
    forecast: numeric("forecast", { precision: 12, scale: 4 }),
    inStockDays: smallint("in_stock_days").notNull(),
    outOfStockDays: smallint("out_of_stock_days").notNull(),
    onHand: integer("on_hand").notNull(),
    /** inbound to the marketplace only */
    inbound: integer("inbound").notNull(),
    openPlans: integer("open_plans").notNull(),
    safetyStock: numeric("safety_stock", { precision: 12, scale: 2 }),
    reorderPoint: numeric("reorder_point", { precision: 12, scale: 2 }),
    lostUnits: numeric("lost_units", { precision: 12, scale: 2 }).notNull(),
    lostRevenue: numeric("lost_revenue", { precision: 14, scale: 2 }),
    lostProfit: numeric("lost_profit", { precision: 14, scale: 2 }),
    /** the marketplace's own estimate when it publishes one (WB lostOrders, Ozon idc/ads) */
    mpLostUnits: integer("mp_lost_units"),
    mpLostSum: numeric("mp_lost_sum", { precision: 14, scale: 2 }),
    /** what goes into the drawer: daily orders and states, factors, formulas, settings used */
    explanation: jsonb("explanation").notNull(),
  },
  (t) => [
    unique("restock_advice_d_sku_location_uq").on(t.d, t.skuId, t.locationKind, t.locationKey),
    index("restock_advice_page_idx").on(t.d, t.statusRank, t.reorderSort, t.id),
    index("restock_advice_account_page_idx").on(t.accountId, t.d, t.statusRank, t.reorderSort, t.id),
    index("restock_advice_sku_idx").on(t.skuId, t.d),
    // the overview's "reorder within 7 days" count, index-only
    index("restock_advice_reorder_idx").on(t.d, t.reorderSort, t.accountId),
    // the location filter's options: a skip scan, one probe per location of the day (names index-only)
    index("restock_advice_location_idx").on(t.d, t.marketplace, t.locationKind, t.locationKey, t.locationName),
  ],
);
