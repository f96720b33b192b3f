import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { accountIdColumn, accounts } from "./accounts";

export const syncRunStatuses = ["running", "succeeded", "partial", "failed"] as const;

/** One sync (or job) run with per-source counts: fetched = inserted + updated + unchanged + quarantined. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["sync", "recalc", "nightly"] })
      .notNull()
      .default("sync"),
    trigger: text("trigger", { enum: ["cli", "schedule", "manual", "inngest", "demo", "test"] }).notNull(),
    status: text("status", { enum: syncRunStatuses }).notNull().default("running"),
    dateFrom: date("date_from", { mode: "string" }),
    dateTo: date("date_to", { mode: "string" }),
    /** { [source]: { fetched, inserted, updated, unchanged, quarantined, status, error?, ms } } */
    sources: jsonb("sources").notNull().default({}),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("sync_runs_account_started_idx").on(t.accountId, t.startedAt),
    check("sync_runs_status_ck", sql`${t.status} in ('running','succeeded','partial','failed')`),
  ],
);

/** Incremental cursors, committed in the same transaction as the data they cover. */
export const syncCursors = pgTable(
  "sync_cursors",
  {
    accountId: accountIdColumn(),
    source: text("source").notNull(),
    cursor: text("cursor").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.source] })],
);

/** Per store and source: the last day that synced successfully and the last outcome. */
export const syncSourceStatus = pgTable(
  "sync_source_status",
  {
    accountId: accountIdColumn(),
    source: text("source").notNull(),
    lastSuccessDay: date("last_success_day", { mode: "string" }),
    lastStatus: text("last_status", { enum: syncRunStatuses }).notNull(),
    lastError: text("last_error"),
    /** the last failure as data (lib/marketplaces/http/errors.ts SyncFailure), which the UI words per language */
    lastFailure: jsonb("last_failure"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.source] })],
);

/** Raw API records kept so facts can be re-derived after a mapping fix. */
export const rawRecords = pgTable(
  "raw_records",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountIdColumn(),
    source: text("source").notNull(),
    naturalKey: text("natural_key").notNull(),
    payload: jsonb("payload").notNull(),
    payloadHash: text("payload_hash").notNull(),
    /** business day the record belongs to, so facts of a day range can be re-derived from raw */
    d: date("d", { mode: "string" }),
    /** record version from the source (e.g. WB lastChangeDate): an older version never overwrites a newer one */
    version: text("version"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("raw_records_account_source_key_uq").on(t.accountId, t.source, t.naturalKey),
    index("raw_records_account_source_d_idx").on(t.accountId, t.source, t.d),
  ],
);

/** Records that failed validation: never dropped silently, shown on the sync page. */
export const quarantine = pgTable(
  "quarantine",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint("run_id", { mode: "number" }).references(() => syncRuns.id, { onDelete: "set null" }),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    reason: text("reason").notNull(),
    payload: jsonb("payload"),
    payloadHash: text("payload_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("quarantine_account_source_hash_uq").on(t.accountId, t.source, t.payloadHash).nullsNotDistinct(),
    index("quarantine_created_idx").on(t.createdAt),
  ],
);

/** Database lease so two scheduler ticks (or two processes on one PostgreSQL) never run one job at once. */
export const jobLocks = pgTable("job_locks", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }).notNull(),
  acquiredAt: timestamp("acquired_at", { withTimezone: true }).notNull().defaultNow(),
});
