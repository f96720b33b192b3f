// A token bucket per (host, token): every worker that uses one seller's credentials on one host shares
// it, so parallel calls never exceed the documented budget. A 429 pauses the bucket: nothing is sent
// until the marketplace's Retry-After / X-Ratelimit-Retry has passed.

export interface RateLimit {
  /** steady pace: one call per intervalMs */
  intervalMs: number;
  /** calls that may go back-to-back when the bucket is full */
  burst: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export class RateLimiter {
  private tokens: number;
  private lastRefill = Date.now();
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly limit: RateLimit | null) {
    this.tokens = limit?.burst ?? 0;
  }

  /** Stop sending anything until now + ms (a 429 told us to wait). */
  pauseFor(ms: number) {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Resolves when a call may be sent; calls are granted in arrival order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal) {
    for (;;) {
      signal?.throwIfAborted();
      const now = Date.now();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now, signal);
        continue;
      }
      if (!this.limit) return;
      const refill = (now - this.lastRefill) / this.limit.intervalMs;
      if (refill > 0) {
        this.tokens = Math.min(this.limit.burst, this.tokens + refill);
        this.lastRefill = now;
      }
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil((1 - this.tokens) * this.limit.intervalMs), signal);
    }
  }
}

/** Limiters live for the process: two syncs of one store in one process share their budget. */
const registry = new Map<string, RateLimiter>();

export function getRateLimiter(key: string, limit: RateLimit | null): RateLimiter {
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = new RateLimiter(limit);
    registry.set(key, limiter);
  }
  return limiter;
}
