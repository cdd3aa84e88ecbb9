/** Token bucket settings: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
}

/** Default write limits: bursts of 60, one more each second. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 60, refillPerSecond: 1 };

/**
 * In-memory token buckets by key (`ip:…`, `token:…`). `take` returns 0 when allowed, else the seconds
 * to wait. Memory is bounded: full buckets are forgotten when the table grows.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, () => Date.now());
 * const wait = limiter.take('ip:127.0.0.1'); // 0
 * ```
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly options: RateLimitOptions,
    readonly nowMs: () => number,
  ) {}

  take(key: string): number {
    const now = this.nowMs();
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#buckets.set(key, bucket);
      if (this.#buckets.size > 10_000) this.#sweep(now);
      return 0;
    }
    this.#buckets.set(key, bucket);
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const tokens = bucket.tokens + ((now - bucket.at) / 1000) * this.options.refillPerSecond;
      if (tokens >= this.options.capacity) this.#buckets.delete(key);
    }
  }
}
