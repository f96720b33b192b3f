// One base client for every marketplace host: per-request timeout, retry with jittered exponential
// backoff, a circuit breaker (all three from cockatiel), a shared token bucket per host and token,
// zod-checked responses and big-integer-safe JSON. Retries live here and nowhere else.
import { createHash } from "node:crypto";
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  type IRetryBackoffContext,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from "cockatiel";
import type { z } from "zod";
import type { Marketplace } from "@/db/schema";
import { registerSecret } from "@/lib/logger";
import {
  CircuitOpenError,
  isRetryable,
  MarketplaceHttpError,
  RateLimitedError,
  RequestTimeoutError,
  ResponseShapeError,
  UpstreamError,
} from "./errors";
import { parseJsonExact } from "./json";
import { getRateLimiter, type RateLimit } from "./limiter";

export interface ResilienceOptions {
  /** per-request timeout */
  timeoutMs?: number;
  /** total attempts per request (first try included) */
  maxAttempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** consecutive failures that open the breaker */
  breakerFailures?: number;
  halfOpenAfterMs?: number;
  /** false: no client-side rate limiting (emulator benchmarks); 429s are still honoured */
  rateLimits?: boolean;
}

export interface RequestSpec<S extends z.ZodType> {
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema: S;
  /** documented budget of this method; group shares one bucket */
  limit: RateLimit;
  limitGroup: string;
  /**
   * false for a write that must not happen twice (a review reply): only a 429, which the marketplace
   * answers before doing anything, is retried; a timeout or a 5xx is left to the caller, whose record
   * says the outcome is unknown, instead of sending the same reply again.
   */
  isIdempotent?: boolean;
}

export interface ClientStats {
  requests: number;
  byPath: Record<string, number>;
}

/** Turns a non-2xx response into the vendor's typed error. */
export type ErrorClassifier = (status: number, body: string, headers: Headers, path: string) => MarketplaceHttpError;

export interface BaseClientOptions extends ResilienceOptions {
  vendor: Marketplace;
  baseUrl: string;
  /** auth headers; their values are registered as secrets so logs redact them */
  headers: Record<string, string>;
  classify: ErrorClassifier;
  signal?: AbortSignal;
}

export class BaseClient {
  readonly stats: ClientStats = { requests: 0, byPath: {} };
  private readonly policy;
  private readonly writePolicy;
  private readonly tokenKey: string;

  constructor(private readonly options: BaseClientOptions) {
    for (const value of Object.values(options.headers)) registerSecret(value.replace(/^Bearer /, ""));
    this.tokenKey = createHash("sha256").update(JSON.stringify(options.headers)).digest("hex").slice(0, 16);
    const initialDelay = options.initialDelayMs ?? 500;
    const expo = new ExponentialBackoff({ initialDelay, maxDelay: options.maxDelayMs ?? 30_000 });
    // decorrelated jitter can draw a wait close to 0 ms (most often for the first retry): a failing
    // host is never hit again at once, every wait is at least a quarter of the initial delay
    const minDelay = initialDelay / 4;
    type Ctx = IRetryBackoffContext<unknown>;
    const backoff = new DelegateBackoff<Ctx, IBackoff<unknown> | undefined>((context, state) => {
      const error = "error" in context.result ? context.result.error : undefined;
      if (error instanceof RateLimitedError) {
        // the limiter already holds every call until Retry-After has passed; add a little jitter
        return { delay: error.retryAfterMs + Math.random() * 50, state };
      }
      const next = state ? state.next(undefined) : expo.next();
      return { delay: Math.max(next.duration, minDelay), state: next };
    });
    const retryPolicy = retry(handleWhen(isRetryable), { maxAttempts: (options.maxAttempts ?? 6) - 1, backoff });
    const breakerPolicy = circuitBreaker(
      handleWhen((e) => e instanceof UpstreamError || e instanceof RequestTimeoutError),
      {
        halfOpenAfter: options.halfOpenAfterMs ?? 30_000,
        breaker: new ConsecutiveBreaker(options.breakerFailures ?? 5),
      },
    );
    this.policy = wrap(retryPolicy, breakerPolicy);
    const writeRetry = retry(
      handleWhen((e) => e instanceof RateLimitedError),
      { maxAttempts: (options.maxAttempts ?? 6) - 1, backoff },
    );
    this.writePolicy = wrap(writeRetry, breakerPolicy);
  }

  get host(): string {
    return new URL(this.options.baseUrl).host;
  }

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S> | null> {
    const limiter = getRateLimiter(
      `${this.options.vendor}|${this.host}|${spec.limitGroup}|${this.tokenKey}|${this.options.rateLimits === false ? "off" : "on"}`,
      this.options.rateLimits === false ? null : spec.limit,
    );
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const timeoutPolicy = timeout(timeoutMs, TimeoutStrategy.Aggressive);
    try {
      const policy = spec.isIdempotent === false ? this.writePolicy : this.policy;
      return await policy.execute(async ({ signal }) => {
        await limiter.acquire(signal);
        try {
          return await timeoutPolicy.execute(
            ({ signal: attemptSignal }) => this.send(spec, attemptSignal, limiter),
            signal,
          );
        } catch (error) {
          if (error instanceof TaskCancelledError && !signal.aborted) {
            throw new RequestTimeoutError(this.options.vendor, spec.path, timeoutMs);
          }
          throw error;
        }
      }, this.options.signal);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(this.options.vendor, this.host);
      throw error;
    }
  }

  private async send<S extends z.ZodType>(
    spec: RequestSpec<S>,
    signal: AbortSignal,
    limiter: { pauseFor(ms: number): void },
  ): Promise<z.output<S> | null> {
    const url = new URL(this.options.baseUrl + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    this.stats.requests++;
    this.stats.byPath[spec.path] = (this.stats.byPath[spec.path] ?? 0) + 1;
    let response: Response;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers: {
          ...this.options.headers,
          Accept: "application/json",
          ...(spec.method !== "GET" ? { "Content-Type": "application/json" } : {}),
        },
        body: spec.method !== "GET" ? JSON.stringify(spec.body ?? {}) : undefined,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new UpstreamError(
        this.options.vendor,
        0,
        `${this.options.vendor} ${url.host}${spec.path}: ${networkErrorText(error)}`,
      );
    }
    const text = await response.text();
    if (response.status === 204) return null;
    if (!response.ok) {
      const error = this.options.classify(response.status, text.slice(0, 2000), response.headers, spec.path);
      if (error instanceof RateLimitedError) limiter.pauseFor(error.retryAfterMs);
      throw error;
    }
    if (text.trim() === "") return null;
    let json: unknown;
    try {
      json = parseJsonExact(text);
    } catch {
      throw new ResponseShapeError(this.options.vendor, spec.path, "body is not JSON");
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ResponseShapeError(
        this.options.vendor,
        spec.path,
        `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
      );
    }
    return parsed.data;
  }
}

/** fetch's own message is "fetch failed"; the socket's code and reason sit in its cause. */
function networkErrorText(error: unknown): string {
  const message = (error as Error).message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (!cause) return message;
  const detail = [cause.code, cause.message].filter(Boolean).join(": ");
  return detail ? `${message} (${detail})` : message;
}

/** Seconds from Retry-After / X-Ratelimit-Retry, in ms; undefined when neither is present. */
export function retryAfterMs(headers: Headers, ...names: string[]): number | undefined {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === "") continue;
    const seconds = Number(raw);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return undefined;
}
