import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";

export const marketplaces = ["WB", "OZON"] as const;
/** Wildberries or Ozon: every store, SKU, warehouse and rule belongs to one. */
export type Marketplace = (typeof marketplaces)[number];

/** A seller's store on one marketplace. Stores come from the environment (source 'env') or the UI. */
export const accounts = pgTable(
  "accounts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    name: text("name").notNull(),
    source: text("source", { enum: ["env", "ui", "demo"] })
      .notNull()
      .default("ui"),
    /** stable key of an environment store, e.g. 'env:WB'; null for stores added in the UI */
    envKey: text("env_key"),
    /** Ozon Client-Id (not a secret) */
    clientId: text("client_id"),
    /** AES-256-GCM ciphertext of the token / API key (UI stores only); never leaves the server */
    credentialsEncrypted: text("credentials_encrypted"),
    credentialsLast4: text("credentials_last4"),
    isActive: boolean("is_active").notNull().default(true),
    /** 'ok' | 'needs_attention' (token rejected) */
    status: text("status", { enum: ["ok", "needs_attention"] })
      .notNull()
      .default("ok"),
    statusDetail: text("status_detail"),
    /** when the marketplace last accepted the credentials (Test connection or a sync); null = never verified */
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    reviewsAvailable: boolean("reviews_available").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("accounts_env_key_uq").on(t.envKey),
    check("accounts_marketplace_ck", sql`${t.marketplace} in ('WB','OZON')`),
  ],
);

/** The store a row belongs to: required, and the row goes when its store goes. */
export function accountIdColumn() {
  return integer("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" });
}
