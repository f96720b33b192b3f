// Reads a store's sync summary the way a job needs it: counts to return, and whether a failure
// is worth retrying (429: after the marketplace's delay; 401/403: never).
import { AuthError, RateLimitedError } from "@/lib/marketplaces/http/errors";
import type { SyncSummary } from "@/lib/services/sync-stores";

export interface SyncCounts {
  runs: number;
  status: "succeeded" | "partial" | "failed" | "none";
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  failedSources: number;
}

export function countSync(summary: SyncSummary): SyncCounts {
  const counts: SyncCounts = {
    runs: summary.runs.length,
    status: "none",
    fetched: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    quarantined: 0,
    failedSources: 0,
  };
  for (const run of summary.runs) {
    for (const s of Object.values(run.sources)) {
      counts.fetched += s.fetched;
      counts.inserted += s.inserted;
      counts.updated += s.updated;
      counts.unchanged += s.unchanged;
      counts.quarantined += s.quarantined;
      if (s.status === "failed") counts.failedSources += 1;
    }
  }
  const statuses = summary.runs.map((r) => r.status);
  counts.status =
    statuses.length === 0
      ? "none"
      : statuses.every((s) => s === "succeeded")
        ? "succeeded"
        : statuses.every((s) => s === "failed")
          ? "failed"
          : "partial";
  return counts;
}

export type SyncFailure =
  | { kind: "rate_limited"; retryAfterMs: number; message: string }
  | { kind: "auth"; message: string }
  | { kind: "failed"; message: string };

// the texts RateLimitedError and AuthError put in a source's error (lib/marketplaces/http/errors.ts)
const RATE_LIMITED = /\brate limit: retry after (\d+) s\b/;
const AUTH = /\brejected the credentials \((401|403)\b/;

/** What a thrown error means for a retry. */
export function classifyError(error: unknown): SyncFailure {
  if (error instanceof RateLimitedError)
    return { kind: "rate_limited", retryAfterMs: error.retryAfterMs, message: error.message };
  if (error instanceof AuthError && (error.status === 401 || error.status === 403))
    return { kind: "auth", message: error.message };
  return classifyMessage(error instanceof Error ? error.message : String(error));
}

function classifyMessage(message: string): SyncFailure {
  const limited = RATE_LIMITED.exec(message);
  if (limited) return { kind: "rate_limited", retryAfterMs: Number(limited[1]) * 1000, message };
  if (AUTH.test(message)) return { kind: "auth", message };
  return { kind: "failed", message };
}

/**
 * The failure of a store's run that decides the retry, or null when nothing failed. Rejected
 * credentials win (a retry cannot help), then the longest rate-limit delay, then any failure.
 */
export function failureOf(summary: SyncSummary): SyncFailure | null {
  const failures: SyncFailure[] = [];
  for (const run of summary.runs) {
    for (const [source, s] of Object.entries(run.sources)) {
      if (s.status === "failed") failures.push(classifyMessage(`${run.accountName} ${source}: ${s.error ?? "failed"}`));
    }
  }
  if (failures.length === 0) return null;
  const auth = failures.find((f) => f.kind === "auth");
  if (auth) return auth;
  const limited = failures.filter(
    (f): f is Extract<SyncFailure, { kind: "rate_limited" }> => f.kind === "rate_limited",
  );
  if (limited.length) return limited.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
  return {
    kind: "failed",
    message: failures
      .map((f) => f.message)
      .join("; ")
      .slice(0, 2000),
  };
}
