// Run by every sync of a store: each reply the marketplace accepted ("sent") is read back once more.
// Published -> confirmed (and the review shows as answered); rejected by moderation -> failed, so the
// reply can be written again; still under moderation -> stays sent. A read that fails leaves it for the
// next sync and never fails the sync.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { reviews } from "@/db/schema/facts";
import { reviewReplies } from "@/db/schema/replies";
import { logger } from "@/lib/logger";
import type { ReplyClient } from "./open-reply-client";

export interface ConfirmReviewRepliesOptions {
  accountId: number;
  api: ReplyClient;
}

type Verdict = "confirmed" | "rejected" | "waiting";

async function verdictOf(api: ReplyClient, reply: typeof reviewReplies.$inferSelect): Promise<Verdict> {
  if (api.marketplace === "WB") {
    const feedback = await api.client.feedback(reply.reviewId);
    const answer = feedback?.answer as { text?: unknown; state?: unknown } | null | undefined;
    if (typeof answer?.text !== "string" || answer.text.trim() !== reply.text) return "waiting";
    if (answer.state === "wbRu") return "confirmed";
    return answer.state === "rejected" ? "rejected" : "waiting";
  }
  const comments = await api.client.reviewComments(reply.reviewId);
  const mine = comments.find((c) => String(c.id) === reply.externalId);
  if (!mine) return "waiting"; // Ozon lists a comment once moderation passed it
  if (mine.is_rejected === true) return "rejected";
  return mine.is_published === true ? "confirmed" : "waiting";
}

export async function confirmReviewReplies(
  db: Db,
  options: ConfirmReviewRepliesOptions,
): Promise<{ confirmed: number; rejected: number; waiting: number }> {
  const sent = await db
    .select()
    .from(reviewReplies)
    .where(and(eq(reviewReplies.accountId, options.accountId), eq(reviewReplies.state, "sent")));
  const counts = { confirmed: 0, rejected: 0, waiting: 0 };
  for (const reply of sent) {
    let verdict: Verdict;
    try {
      verdict = await verdictOf(options.api, reply);
    } catch (error) {
      logger.warn("review_reply.confirm_failed", { replyId: reply.id, error });
      counts.waiting++;
      continue;
    }
    counts[verdict]++;
    if (verdict === "waiting") continue;
    await db.transaction(async (tx) => {
      await tx
        .update(reviewReplies)
        .set(
          verdict === "confirmed"
            ? { state: "confirmed", confirmedAt: sql`now()`, updatedAt: sql`now()` }
            : { state: "failed", failure: "rejected_by_moderation", updatedAt: sql`now()` },
        )
        .where(and(eq(reviewReplies.id, reply.id), eq(reviewReplies.state, "sent")));
      await tx
        .update(reviews)
        .set({ replyStatus: verdict === "confirmed" ? "answered" : "rejected", updatedAt: sql`now()` })
        .where(eq(reviews.reviewId, reply.reviewId));
    });
  }
  if (sent.length) logger.info("review_reply.confirm", { accountId: options.accountId, ...counts });
  return counts;
}
