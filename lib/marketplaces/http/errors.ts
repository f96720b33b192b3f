// Typed errors of the marketplace clients. Jobs and the sync service classify failures by class:
// AuthError stops a source at once, RateLimitedError carries how long to wait, the rest are retryable or not.
import { z } from "zod";
import type { Marketplace } from "@/db/schema";

export class MarketplaceHttpError extends Error {
  constructor(
    public readonly vendor: Marketplace,
    public readonly status: number,
    message: string,
    /** the response body, trimmed; never contains the token */
    public readonly body?: string,
  ) {
    super(message);
    this.name = "MarketplaceHttpError";
  }
}

/** 429: nothing may be sent on this host and token for retryAfterMs. */
export class RateLimitedError extends MarketplaceHttpError {
  constructor(
    vendor: Marketplace,
    public readonly retryAfterMs: number,
    body?: string,
  ) {
    super(vendor, 429, `${vendor} rate limit: retry after ${Math.ceil(retryAfterMs / 1000)} s`, body);
    this.name = "RateLimitedError";
  }
}

/** 401 / 403 (Ozon: also 404 "Invalid Api-Key"): the token is rejected or lacks a scope; never retried. */
export class AuthError extends MarketplaceHttpError {
  constructor(
    vendor: Marketplace,
    status: number,
    public readonly reason: "bad_token" | "missing_scope" | "subscription_required",
    detail: string,
    body?: string,
  ) {
    super(vendor, status, `${vendor} rejected the credentials (${status} ${reason}): ${detail}`, body);
    this.name = "AuthError";
  }
}

/** 5xx or a network failure: retried with backoff, counted by the circuit breaker. */
export class UpstreamError extends MarketplaceHttpError {
  constructor(vendor: Marketplace, status: number, message: string, body?: string) {
    super(vendor, status, message, body);
    this.name = "UpstreamError";
  }
}

/** The endpoint was retired by the marketplace (Ozon 400 code 9, WB 404/410 on a removed path). */
export class RetiredEndpointError extends MarketplaceHttpError {
  constructor(vendor: Marketplace, status: number, path: string, body?: string) {
    super(vendor, status, `${vendor} endpoint ${path} is retired`, body);
    this.name = "RetiredEndpointError";
  }
}

/** A 2xx response whose envelope does not have the documented shape. */
export class ResponseShapeError extends MarketplaceHttpError {
  constructor(vendor: Marketplace, path: string, detail: string) {
    super(vendor, 200, `${vendor} ${path}: unexpected response shape: ${detail}`);
    this.name = "ResponseShapeError";
  }
}

/** The request did not finish within the per-request timeout. */
export class RequestTimeoutError extends MarketplaceHttpError {
  constructor(vendor: Marketplace, path: string, ms: number) {
    super(vendor, 0, `${vendor} ${path}: no response within ${ms} ms`);
    this.name = "RequestTimeoutError";
  }
}

/** The circuit breaker for this host is open after repeated failures. */
export class CircuitOpenError extends MarketplaceHttpError {
  constructor(vendor: Marketplace, host: string) {
    super(vendor, 0, `${vendor} ${host}: too many failures in a row, circuit open`);
    this.name = "CircuitOpenError";
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof RateLimitedError || error instanceof UpstreamError || error instanceof RequestTimeoutError;
}

/**
 * What went wrong, as data: carried from the client through the sync summaries into the job runs and
 * the job runners, which decide retries on `kind` (never on an error's text).
 */
export const syncFailureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rate_limited"), retryAfterMs: z.number() }),
  // the token is rejected (401, Ozon 404 "Invalid Api-Key")
  z.object({ kind: z.literal("credentials"), status: z.number() }),
  // the token lacks a scope or the seller a subscription (403)
  z.object({ kind: z.literal("scope_missing"), status: z.number() }),
  z.object({ kind: z.literal("upstream"), status: z.number() }),
  z.object({ kind: z.literal("timeout") }),
  z.object({ kind: z.literal("circuit_open") }),
  z.object({ kind: z.literal("retired_endpoint"), status: z.number() }),
  z.object({ kind: z.literal("response_shape") }),
  z.object({ kind: z.literal("http"), status: z.number() }),
  // another sync of the store held its lease
  z.object({ kind: z.literal("busy") }),
  // anything else (a bug, the database)
  z.object({ kind: z.literal("internal") }),
]);
export type SyncFailure = z.infer<typeof syncFailureSchema>;

/** The typed failure a thrown error stands for, read from its class and fields. */
export function syncFailureOf(error: unknown): SyncFailure {
  if (error instanceof RateLimitedError) return { kind: "rate_limited", retryAfterMs: error.retryAfterMs };
  if (error instanceof AuthError)
    return error.reason === "bad_token"
      ? { kind: "credentials", status: error.status }
      : { kind: "scope_missing", status: error.status };
  if (error instanceof UpstreamError) return { kind: "upstream", status: error.status };
  if (error instanceof RequestTimeoutError) return { kind: "timeout" };
  if (error instanceof CircuitOpenError) return { kind: "circuit_open" };
  if (error instanceof RetiredEndpointError) return { kind: "retired_endpoint", status: error.status };
  if (error instanceof ResponseShapeError) return { kind: "response_shape" };
  if (error instanceof MarketplaceHttpError) return { kind: "http", status: error.status };
  return { kind: "internal" };
}
