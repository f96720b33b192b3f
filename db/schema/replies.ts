import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts, marketplaces } from "./accounts";
import { users } from "./auth";
import { reviews } from "./facts";

export const reviewReplyKinds = ["answer", "edit"] as const;
export type ReviewReplyKind = (typeof reviewReplyKinds)[number];
export const reviewReplyStates = ["pending", "sent", "confirmed", "failed"] as const;
export type ReviewReplyState = (typeof reviewReplyStates)[number];

/**
 * A reply to a review, recorded before it is sent: pending (written, being sent) -> sent (the marketplace
 * accepted it) -> confirmed (a later read shows it published) | failed (refused, not accepted or
 * rejected by moderation). The idempotency key comes from the form, so a double click or a retried
 * request finds the first row instead of sending again; at most one reply per review is in flight.
 */
export const reviewReplies = pgTable(
  "review_replies",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    idempotencyKey: text("idempotency_key").notNull(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.reviewId, { onDelete: "cascade" }),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    marketplace: text("marketplace", { enum: marketplaces }).notNull(),
    /** WB: POST answers, PATCH edits (once, within 60 days of the answer); Ozon: a comment */
    kind: text("kind", { enum: reviewReplyKinds }).notNull(),
    text: text("text").notNull(),
    state: text("state", { enum: reviewReplyStates }).notNull().default("pending"),
    /** the typed failure (lib/services/reviews/reply-failure.ts) when state = failed */
    failure: text("failure"),
    /** Ozon's comment_id */
    externalId: text("external_id"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("review_replies_key_uq").on(t.idempotencyKey),
    uniqueIndex("review_replies_in_flight_uq")
      .on(t.reviewId)
      .where(sql`${t.state} = 'pending'`),
    index("review_replies_review_idx").on(t.reviewId, t.createdAt),
    index("review_replies_sent_idx")
      .on(t.accountId)
      .where(sql`${t.state} = 'sent'`),
    check("review_replies_state_ck", sql`${t.state} in ('pending','sent','confirmed','failed')`),
    check("review_replies_kind_ck", sql`${t.kind} in ('answer','edit')`),
  ],
);

/** Stored reply templates; {name} and {product} are filled in from the review. */
export const reviewReplyTemplates = pgTable("review_reply_templates", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull(),
  body: text("body").notNull(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
