// Typed errors of the marketplace clients. Jobs and the sync service classify failures by class:
// AuthError stops a source at once, RateLimitedError carries how long to wait, the rest are retryable or not.
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
