// Typed failures (SyncFailure, or a skipped source) worded from the "failures" catalogue, so the UI
// says what went wrong and what to do next in the user's language, never an exception's English.
import type { Translator } from "./server";
import type { SyncFailure } from "@/lib/marketplaces/http/errors";
import type { SkipReason } from "@/lib/services/ingestion/context";

export type WordableFailure = SyncFailure | { kind: "skipped"; reason: SkipReason };

export function wordFailure(t: Translator<"failures">, failure: WordableFailure | null | undefined): string | null {
  if (!failure) return null;
  if (failure.kind === "skipped") return t(`skipped.${failure.reason}`);
  if (failure.kind === "rate_limited")
    return t("kinds.rate_limited", { seconds: Math.ceil(failure.retryAfterMs / 1000) });
  if ("status" in failure) return t(`kinds.${failure.kind}`, { status: failure.status });
  return t(`kinds.${failure.kind}`);
}
