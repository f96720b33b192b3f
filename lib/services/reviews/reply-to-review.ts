// Answers a review on its marketplace. The reply is a row (pending) before it is a request, keyed by the
// form's idempotency key: a double click or a retried request finds that row and sends nothing; a unique
// index lets one reply per review be in flight. WB answers 204 to any id, so the review is re-read and
// the reply counts as sent only when the answer is there; the next sync confirms it (confirm-review-replies.ts).
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { reviews } from "@/db/schema/facts";
import { type ReviewReplyKind, type ReviewReplyState, reviewReplies } from "@/db/schema/replies";
import { AppError, asAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ResilienceOptions } from "@/lib/marketplaces/http/base-client";
import { type AuditActor, writeAudit } from "@/lib/services/audit/write-audit";
import type { MarketplaceConfig } from "@/lib/services/ingestion/config";
import { openReplyClient, type ReplyClient } from "./open-reply-client";
import { type ReplyFailure, replyFailureOf } from "./reply-failure";
import { type ReplyToReviewInput, replyToReviewSchema, WB_EDIT_WINDOW_DAYS } from "./reply-schemas";

export interface ReplyToReviewOptions {
  input: ReplyToReviewInput;
  actor: AuditActor;
  correlationId?: string;
  config?: MarketplaceConfig;
  resilience?: ResilienceOptions;
  now?: () => Date;
}

export interface ReplyOutcome {
  replyId: number;
  kind: ReviewReplyKind;
  state: ReviewReplyState;
  failure: ReplyFailure | null;
  /** the same idempotency key was seen before: nothing was sent this time */
  isRepeat: boolean;
}

type ReplyRow = typeof reviewReplies.$inferSelect;

function outcomeOf(row: ReplyRow, isRepeat: boolean): ReplyOutcome {
  return {
    replyId: row.id,
    kind: row.kind,
    state: row.state,
    failure: (row.failure as ReplyFailure | null) ?? null,
    isRepeat,
  };
}

async function findByKey(db: Db, key: string): Promise<ReplyRow | undefined> {
  const [row] = await db.select().from(reviewReplies).where(eq(reviewReplies.idempotencyKey, key));
  return row;
}

/** What this reply is: a first answer, or (WB only) the one edit of an answer sent from Sovani. */
async function decideKind(db: Db, review: typeof reviews.$inferSelect, now: Date): Promise<ReviewReplyKind> {
  const earlier = await db
    .select()
    .from(reviewReplies)
    .where(and(eq(reviewReplies.reviewId, review.reviewId), ne(reviewReplies.state, "failed")));
  if (earlier.some((r) => r.state === "pending")) throw new AppError("CONFLICT", "errors.replyInFlight");
  const answer = earlier.find((r) => r.kind === "answer");
  const isAnswered = Boolean(answer) || review.replyStatus !== "unanswered";
  if (!isAnswered) return "answer";
  if (review.marketplace !== "WB") throw new AppError("CONFLICT", "errors.replyAlreadyAnswered");
  // an answer given elsewhere (the seller portal) has no sending time we know: not edited from here
  if (!answer?.sentAt) throw new AppError("CONFLICT", "errors.replyAlreadyAnswered");
  if (earlier.some((r) => r.kind === "edit")) throw new AppError("CONFLICT", "errors.replyEditUsed");
  if (now.getTime() - answer.sentAt.getTime() > WB_EDIT_WINDOW_DAYS * 86_400_000)
    throw new AppError("CONFLICT", "errors.replyEditExpired");
  return "edit";
}

/** Sends the reply; resolves to the state it reached (sent or failed), never throws a marketplace error. */
async function deliver(
  api: ReplyClient,
  reviewId: string,
  text: string,
  kind: ReviewReplyKind,
): Promise<{ state: "sent" | "failed"; failure?: ReplyFailure; externalId?: string }> {
  if (api.marketplace === "OZON") {
    try {
      const { commentId } = await api.client.createReviewComment({ reviewId, text });
      return { state: "sent", externalId: commentId };
    } catch (error) {
      return { state: "failed", failure: replyFailureOf(error) };
    }
  }
  let sendError: unknown = null;
  try {
    await api.client.answerFeedback({ id: reviewId, text, isEdit: kind === "edit" });
  } catch (error) {
    sendError = error;
    const failure = replyFailureOf(error);
    // only a lost answer leaves the outcome open: a refusal (403, 401, 429, 400) was not applied
    if (failure !== "unavailable") return { state: "failed", failure };
  }
  // the 204 proves nothing (any id gets one), and after a timeout the answer may have arrived: read it back
  try {
    const feedback = await api.client.feedback(reviewId);
    const answer = feedback?.answer as { text?: unknown } | null | undefined;
    if (typeof answer?.text === "string" && answer.text.trim() === text) return { state: "sent" };
  } catch (error) {
    logger.warn("review_reply.reread_failed", { reviewId, error });
    return { state: "failed", failure: "unavailable" };
  }
  return { state: "failed", failure: sendError ? replyFailureOf(sendError) : "not_accepted" };
}

export async function replyToReview(db: Db, options: ReplyToReviewOptions): Promise<ReplyOutcome> {
  const input = replyToReviewSchema.parse(options.input);
  const now = options.now?.() ?? new Date();
  const repeat = await findByKey(db, input.idempotencyKey);
  if (repeat) return outcomeOf(repeat, true);

  const [review] = await db.select().from(reviews).where(eq(reviews.reviewId, input.reviewId));
  if (!review || review.accountId === null) throw new AppError("NOT_FOUND", "errors.notFound");
  let kind: Awaited<ReturnType<typeof decideKind>>;
  try {
    kind = await decideKind(db, review, now);
  } catch (error) {
    // the pending reply decideKind saw may be this same click's twin (same key) inserted a moment ago
    const twin = error instanceof AppError ? await findByKey(db, input.idempotencyKey) : undefined;
    if (twin) return outcomeOf(twin, true);
    throw error;
  }
  const api = await openReplyClient(db, {
    accountId: review.accountId,
    config: options.config,
    resilience: options.resilience,
  });

  let row: ReplyRow;
  try {
    row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(reviewReplies)
        .values({
          idempotencyKey: input.idempotencyKey,
          reviewId: review.reviewId,
          accountId: review.accountId,
          marketplace: review.marketplace,
          kind,
          text: input.text,
          userId: options.actor.id,
        })
        .returning();
      await writeAudit(tx, {
        actor: options.actor,
        action: kind === "edit" ? "review.reply_edit" : "review.reply",
        entity: "review",
        entityId: review.reviewId,
        after: { replyId: inserted.id, marketplace: review.marketplace, text: input.text },
        correlationId: options.correlationId,
      });
      return inserted;
    });
  } catch (error) {
    // two requests with one key raced past the first look: the other one sends, this one reports it
    const same = await findByKey(db, input.idempotencyKey);
    if (same) return outcomeOf(same, true);
    if (asAppError(error)?.code === "CONFLICT") throw new AppError("CONFLICT", "errors.replyInFlight");
    throw error;
  }

  const result = await deliver(api, review.reviewId, input.text, kind);
  const [updated] = await db.transaction(async (tx) => {
    const done = await tx
      .update(reviewReplies)
      .set({
        state: result.state,
        failure: result.failure ?? null,
        externalId: result.externalId ?? null,
        sentAt: result.state === "sent" ? now : null,
        updatedAt: new Date(),
      })
      .where(eq(reviewReplies.id, row.id))
      .returning();
    await writeAudit(tx, {
      actor: options.actor,
      action: result.state === "sent" ? "review.reply_sent" : "review.reply_failed",
      entity: "review",
      entityId: review.reviewId,
      after: { replyId: row.id, state: result.state, failure: result.failure ?? null },
      correlationId: options.correlationId,
    });
    return done;
  });
  logger.info("review_reply", {
    replyId: row.id,
    marketplace: review.marketplace,
    kind,
    state: result.state,
    failure: result.failure,
  });
  return outcomeOf(updated, false);
}
