// Maps a sync failure to Inngest's retry semantics: 429 waits the marketplace's delay, 401/403 stop.
import { NonRetriableError, RetryAfterError } from "inngest";
import type { SyncFailure } from "@/lib/jobs/sync-outcome";

export function toInngestError(failure: SyncFailure): Error {
  switch (failure.kind) {
    case "rate_limited":
      return new RetryAfterError(failure.message, Math.max(1000, failure.retryAfterMs));
    case "auth":
      return new NonRetriableError(failure.message);
    default:
      return new Error(failure.message);
  }
}
