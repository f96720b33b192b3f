// Reads a store's sync summary the way a job needs it: counts to return, and the typed failure that
// decides a retry (429: after the marketplace's delay; rejected credentials or scope: never).
import { type SyncFailure, syncFailureOf } from "@/lib/marketplaces/http/errors";
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

/** A store's failure: the typed kind for code, the message for people. */
export interface StoreFailure {
  failure: SyncFailure;
  message: string;
}

export type RetryPolicy = { retry: "never" } | { retry: "after"; ms: number } | { retry: "backoff" };

/** What a failure means for a retry: a rejected token or a missing scope never heals by itself. */
export function retryPolicyOf(failure: SyncFailure): RetryPolicy {
  switch (failure.kind) {
    case "rate_limited":
      return { retry: "after", ms: Math.max(1000, failure.retryAfterMs) };
    case "credentials":
    case "scope_missing":
      return { retry: "never" };
    default:
      return { retry: "backoff" };
  }
}

/** What a thrown error means, read from its class. */
export function classifyError(error: unknown): StoreFailure {
  return { failure: syncFailureOf(error), message: error instanceof Error ? error.message : String(error) };
}

/**
 * The failure of a store's run that decides the retry, or null when nothing failed. Rejected
 * credentials win (a retry cannot help), then the longest rate-limit delay, then any failure.
 */
export function failureOf(summary: SyncSummary): StoreFailure | null {
  const failures: StoreFailure[] = [];
  for (const run of summary.runs) {
    for (const [source, s] of Object.entries(run.sources)) {
      if (s.status === "failed")
        failures.push({
          failure: s.failure ?? { kind: "internal" },
          message: `${run.accountName} ${source}: ${s.error ?? "failed"}`,
        });
    }
  }
  if (failures.length === 0) return null;
  const permanent = failures.find((f) => retryPolicyOf(f.failure).retry === "never");
  if (permanent) return permanent;
  const limited = failures.filter((f) => f.failure.kind === "rate_limited");
  const wait = (f: StoreFailure) => (f.failure.kind === "rate_limited" ? f.failure.retryAfterMs : 0);
  if (limited.length) return limited.reduce((a, b) => (wait(b) > wait(a) ? b : a));
  return {
    failure: failures[0].failure,
    message: failures
      .map((f) => f.message)
      .join("; ")
      .slice(0, 2000),
  };
}
