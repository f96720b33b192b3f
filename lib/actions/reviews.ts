"use server";
// Review replies and reply templates (owner and editor, policy.json). Each action is built with the one
// wrapper (session -> role -> zod -> service).
import { deleteReplyTemplate } from "@/lib/services/reviews/delete-reply-template";
import { replyToReview } from "@/lib/services/reviews/reply-to-review";
import {
  deleteReplyTemplateSchema,
  replyToReviewSchema,
  saveReplyTemplateSchema,
} from "@/lib/services/reviews/reply-schemas";
import { saveReplyTemplate } from "@/lib/services/reviews/save-reply-template";
import { authedAction } from "./safe-action";

/** Sends a reply once per idempotency key; the outcome (sent or a typed failure) comes back as data. */
export const replyToReviewAction = authedAction("replyToReviewAction", replyToReviewSchema, async (input, ctx) =>
  replyToReview(ctx.db, { input, actor: ctx.actor, correlationId: ctx.correlationId }),
);

export const saveReplyTemplateAction = authedAction(
  "saveReplyTemplateAction",
  saveReplyTemplateSchema,
  async (input, ctx) => saveReplyTemplate(ctx.db, { input, actor: ctx.actor, correlationId: ctx.correlationId }),
);

export const deleteReplyTemplateAction = authedAction(
  "deleteReplyTemplateAction",
  deleteReplyTemplateSchema,
  async (input, ctx) =>
    deleteReplyTemplate(ctx.db, { id: input.id, actor: ctx.actor, correlationId: ctx.correlationId }),
);
