// The typed failure of each client error, and what it means for a retry.
import { describe, expect, it } from "vitest";
import {
  AuthError,
  CircuitOpenError,
  MarketplaceHttpError,
  RateLimitedError,
  RequestTimeoutError,
  ResponseShapeError,
  RetiredEndpointError,
  syncFailureOf,
  syncFailureSchema,
  UpstreamError,
} from "@/lib/marketplaces/http/errors";
import { JobFailedError, jobFailureOf } from "./job";
import { failureOf, retryPolicyOf } from "./sync-outcome";
import { syncSummaryOf } from "./testing/job-deps";

describe("typed failures", () => {
  it("each client error maps to its kind, read from the class and fields", () => {
    expect(syncFailureOf(new RateLimitedError("WB", 42_000))).toEqual({ kind: "rate_limited", retryAfterMs: 42_000 });
    expect(syncFailureOf(new AuthError("WB", 401, "bad_token", "expired"))).toEqual({
      kind: "credentials",
      status: 401,
    });
    // Ozon answers a wrong Api-Key with 404
    expect(syncFailureOf(new AuthError("OZON", 404, "bad_token", "Invalid Api-Key"))).toEqual({
      kind: "credentials",
      status: 404,
    });
    expect(syncFailureOf(new AuthError("WB", 403, "missing_scope", "no scope"))).toEqual({
      kind: "scope_missing",
      status: 403,
    });
    expect(syncFailureOf(new UpstreamError("OZON", 502, "bad gateway"))).toEqual({ kind: "upstream", status: 502 });
    expect(syncFailureOf(new RequestTimeoutError("WB", "/x", 100))).toEqual({ kind: "timeout" });
    expect(syncFailureOf(new CircuitOpenError("WB", "h"))).toEqual({ kind: "circuit_open" });
    expect(syncFailureOf(new RetiredEndpointError("WB", 410, "/old"))).toEqual({
      kind: "retired_endpoint",
      status: 410,
    });
    expect(syncFailureOf(new ResponseShapeError("WB", "/x", "no data"))).toEqual({ kind: "response_shape" });
    expect(syncFailureOf(new MarketplaceHttpError("WB", 400, "bad request"))).toEqual({ kind: "http", status: 400 });
    expect(syncFailureOf(new Error("rate limit: retry after 5 s"))).toEqual({ kind: "internal" });
  });

  it("retries: after the delay for a 429, never for credentials or scope, with backoff otherwise", () => {
    expect(retryPolicyOf({ kind: "rate_limited", retryAfterMs: 200 })).toEqual({ retry: "after", ms: 1000 });
    expect(retryPolicyOf({ kind: "rate_limited", retryAfterMs: 61_000 })).toEqual({ retry: "after", ms: 61_000 });
    expect(retryPolicyOf({ kind: "credentials", status: 401 })).toEqual({ retry: "never" });
    expect(retryPolicyOf({ kind: "scope_missing", status: 403 })).toEqual({ retry: "never" });
    expect(retryPolicyOf({ kind: "upstream", status: 503 })).toEqual({ retry: "backoff" });
    expect(retryPolicyOf({ kind: "busy" })).toEqual({ retry: "backoff" });
  });

  it("a store's failure: rejected credentials win, then the longest 429, else all messages", () => {
    const summary = (sources: Parameters<typeof syncSummaryOf>[1]) => failureOf(syncSummaryOf(1, sources));
    expect(summary({ wb_sales: { status: "succeeded" } })).toBeNull();
    expect(
      summary({
        wb_sales: { status: "failed", error: "a", failure: { kind: "rate_limited", retryAfterMs: 5000 } },
        wb_stocks: { status: "failed", error: "b", failure: { kind: "credentials", status: 401 } },
      }),
    ).toEqual({ failure: { kind: "credentials", status: 401 }, message: "Main wb_stocks: b" });
    expect(
      summary({
        wb_sales: { status: "failed", error: "a", failure: { kind: "rate_limited", retryAfterMs: 5000 } },
        wb_stocks: { status: "failed", error: "b", failure: { kind: "rate_limited", retryAfterMs: 9000 } },
        wb_cards: { status: "failed", error: "c", failure: { kind: "upstream", status: 500 } },
      })?.failure,
    ).toEqual({ kind: "rate_limited", retryAfterMs: 9000 });
    expect(
      summary({
        wb_sales: { status: "failed", error: "a", failure: { kind: "upstream", status: 500 } },
        wb_cards: { status: "failed", error: "c" },
      }),
    ).toEqual({ failure: { kind: "upstream", status: 500 }, message: "Main wb_sales: a; Main wb_cards: c" });
  });

  it("a job failure keeps its kind, also after crossing Inngest as a plain cause", () => {
    const failed = new JobFailedError("x", { kind: "scope_missing", status: 403 });
    expect(jobFailureOf(failed)).toEqual({ kind: "scope_missing", status: 403 });
    const crossed = new Error("x", { cause: JSON.parse(JSON.stringify(failed.cause)) });
    expect(jobFailureOf(crossed)).toEqual({ kind: "scope_missing", status: 403 });
    expect(jobFailureOf(new Error("x", { cause: { failure: { kind: "nonsense" } } }))).toEqual({ kind: "internal" });
    expect(syncFailureSchema.safeParse({ kind: "rate_limited" }).success).toBe(false);
  });
});
