import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const roles = ["owner", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull(),
    isDisabled: boolean("is_disabled").notNull().default(false),
    /** bumped on logout-all, disable, role or password change; sessions carrying an older value are void */
    sessionVersion: integer("session_version").notNull().default(1),
    locale: text("locale", { enum: ["ru", "en"] }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`),
    check("users_role_ck", sql`${t.role} in ('owner','editor','viewer')`),
  ],
);

/** Per-user UI settings, one JSON value per key (e.g. "skus.columns": the SKU table's visible columns). */
export const userPreferences = pgTable(
  "user_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_preferences_user_key_uq").on(t.userId, t.key)],
);

/** Failed sign-in counters per account ('email:...') and per client address ('ip:...'). */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * The one-time code that /setup asks for while no user exists: printed in the server log and written
 * under DATA_DIR at start-up, deleted with the owner's creation. One row at most (id = 1), shared by
 * every app process on the database.
 */
export const setupCodes = pgTable(
  "setup_codes",
  {
    id: integer("id").primaryKey().default(1),
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("setup_codes_single_row_ck", sql`${t.id} = 1`)],
);

/** Who changed what: stores, users, cost prices, commission rules. Never holds secrets. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id"),
    userEmail: text("user_email"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    correlationId: text("correlation_id"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_entity_idx").on(t.entity, t.entityId)],
);
