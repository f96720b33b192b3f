import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { accounts, marketplaces } from "./accounts";

/** One product: a WB card (nm_id) or an Ozon SKU (ozon_id). */
export const sku = pgTable(
  "sku",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "restrict" }),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    nmId: bigint("nm_id", { mode: "bigint" }),
    ozonId: bigint("ozon_id", { mode: "bigint" }),
    /** Ozon product_id (the id of the product card that owns the SKU) */
    ozonProductId: bigint("ozon_product_id", { mode: "bigint" }),
    article: text("article"),
    name: text("name"),
    brand: text("brand"),
    category: text("category"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("sku_marketplace_nm_id_uq").on(t.marketplace, t.nmId),
    unique("sku_marketplace_ozon_id_uq").on(t.marketplace, t.ozonId),
    index("sku_account_idx").on(t.accountId),
    index("sku_article_idx").on(t.article),
    // the text filter's "contains" search (ILIKE '%q%') on the SKU, page and restock tables
    index("sku_article_trgm_idx").using("gin", t.article.op("gin_trgm_ops")),
    index("sku_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    check("sku_marketplace_ck", sql`${t.marketplace} in ('WB','OZON')`),
    check(
      "sku_external_id_ck",
      sql`(${t.marketplace} = 'WB' and ${t.nmId} is not null) or (${t.marketplace} = 'OZON' and ${t.ozonId} is not null)`,
    ),
  ],
);

/**
 * A marketplace's group of warehouses that plans and delivers together: Ozon macro-local clusters
 * (/v2/cluster/list, code = macrolocal_cluster_id). Warehouses join it by warehouse id, never by name.
 */
export const cluster = pgTable(
  "cluster",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    /** the marketplace's cluster id as text (Ozon macrolocal_cluster_id, int64) */
    code: text("code").notNull(),
    name: text("name").notNull(),
    country: text("country"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("cluster_marketplace_code_uq").on(t.marketplace, t.code),
    check("cluster_marketplace_ck", sql`${t.marketplace} in ('WB','OZON')`),
  ],
);

export const warehouse = pgTable(
  "warehouse",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    /** marketplace warehouse id as text (Ozon ids are int64; WB masks FBO warehouses as -999999) */
    code: text("code").notNull(),
    name: text("name"),
    region: text("region"),
    /** 'FBO' (marketplace warehouse) or 'FBS' (seller warehouse) */
    kind: text("kind", { enum: ["FBO", "FBS"] }),
    /** the cluster the warehouse belongs to (Ozon /v2/cluster/list fulfillments, by warehouse id) */
    clusterId: integer("cluster_id").references(() => cluster.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("warehouse_marketplace_code_uq").on(t.marketplace, t.code),
    check("warehouse_marketplace_ck", sql`${t.marketplace} in ('WB','OZON')`),
  ],
);

/** The SKU a row is about: required, and the row goes when its SKU goes. */
export function skuIdColumn() {
  return integer("sku_id")
    .notNull()
    .references(() => sku.id, { onDelete: "cascade" });
}
