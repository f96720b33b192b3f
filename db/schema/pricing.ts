import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { marketplaces } from "./accounts";
import { skuIdColumn } from "./catalog";

/** Cost of one unit from dt_from on; the cost for day D is the latest row with dt_from <= D. */
export const costPriceHistory = pgTable(
  "cost_price_history",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    skuId: skuIdColumn(),
    dtFrom: date("dt_from", { mode: "string" }).notNull(),
    costPrice: numeric("cost_price", { precision: 14, scale: 2 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("cost_price_history_sku_dt_from_uq").on(t.skuId, t.dtFrom),
    check("cost_price_history_non_negative_ck", sql`${t.costPrice} >= 0`),
  ],
);

export const commissionChannels = ["all", "FBO", "FBS"] as const;
/** Which sales a commission rule covers: every channel, or only FBO / only FBS (which win over 'all'). */
export type CommissionChannel = (typeof commissionChannels)[number];

/**
 * Commission rules effective from dt_from per marketplace and channel; rule_json is validated by
 * lib/domain/commission.ts. A sale uses its channel's rule in force on its day, else the 'all' one.
 */
export const commissionRules = pgTable(
  "commission_rules",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    channel: text("channel", { enum: commissionChannels }).notNull().default("all"),
    dtFrom: date("dt_from", { mode: "string" }).notNull(),
    ruleJson: jsonb("rule_json").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("commission_rules_marketplace_channel_dt_from_uq").on(t.marketplace, t.channel, t.dtFrom),
    index("commission_rules_marketplace_idx").on(t.marketplace, t.dtFrom),
    check("commission_rules_marketplace_ck", sql`${t.marketplace} in ('WB','OZON')`),
    check("commission_rules_channel_ck", sql`${t.channel} in ('all','FBO','FBS')`),
  ],
);
