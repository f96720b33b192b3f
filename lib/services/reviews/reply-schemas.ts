// Inputs of the review-reply actions; the services check them again (a server action is a public endpoint).
import { z } from "zod";

/** WB takes 2 to 5000 characters (§1.9); Ozon documents no limit, the same bounds are kept for both. */
export const REPLY_MIN = 2;
export const REPLY_MAX = 5000;
/** WB: an answer can be edited once, within 60 days of sending it (§1.9). */
export const WB_EDIT_WINDOW_DAYS = 60;

export const replyToReviewSchema = z.object({
  reviewId: z.string().trim().min(1).max(100),
  text: z.string().trim().min(REPLY_MIN).max(REPLY_MAX),
  /** made by the form when it is shown: the same key twice is the same reply */
  idempotencyKey: z.string().trim().min(8).max(100),
});
export type ReplyToReviewInput = z.infer<typeof replyToReviewSchema>;

export const saveReplyTemplateSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(REPLY_MIN).max(REPLY_MAX),
});
export type SaveReplyTemplateInput = z.infer<typeof saveReplyTemplateSchema>;

export const deleteReplyTemplateSchema = z.object({ id: z.coerce.number().int().positive() });
