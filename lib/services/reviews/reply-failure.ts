// Why a review reply did not go out, as a code the UI turns into a sentence in the user's language
// (reviews.replyFailure.<code>) with what to do next; never a marketplace's exception text.
import {
  AuthError,
  CircuitOpenError,
  MarketplaceHttpError,
  RateLimitedError,
  RequestTimeoutError,
  UpstreamError,
} from "@/lib/marketplaces/http/errors";

export const replyFailures = [
  /** the token or key may read reviews but not answer them (WB read-only Feedbacks, Ozon key role) */
  "no_write_access",
  /** the marketplace rejected the token or key altogether */
  "token_rejected",
  /** Ozon: the reviews subscription (Управление отзывами / Premium Pro) is missing */
  "subscription_required",
  "rate_limited",
  /** the marketplace did not answer or failed; a re-read found no reply, so sending again is safe */
  "unavailable",
  /** WB said 204 but the review shows no such answer (WB accepts any id) */
  "not_accepted",
  /** the marketplace's moderation rejected the reply */
  "rejected_by_moderation",
  /** the marketplace refused the request itself (a text it does not take) */
  "refused",
] as const;
export type ReplyFailure = (typeof replyFailures)[number];

export function replyFailureOf(error: unknown): ReplyFailure {
  if (error instanceof AuthError) {
    if (error.reason === "bad_token") return "token_rejected";
    if (error.reason === "subscription_required") return "subscription_required";
    return "no_write_access";
  }
  if (error instanceof RateLimitedError) return "rate_limited";
  if (
    error instanceof UpstreamError ||
    error instanceof RequestTimeoutError ||
    error instanceof CircuitOpenError ||
    !(error instanceof MarketplaceHttpError)
  )
    return "unavailable";
  return "refused";
}
