import { rateKeyOf } from './client-address.js';
import { problem } from './problem.js';

/**
 * Write limits. Every write takes one token from its caller's bucket: the account's when the request
 * carries a valid bearer token, else the client address's (see `trustProxy`). A bucket holds `capacity`
 * tokens and refills at `refillPerSecond`. `signIn` tunes the sign-in throttle (defaults:
 * {@link DEFAULT_SIGN_IN_LIMITS}).
 */
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
  signIn?: Partial<SignInLimits>;
}

/**
 * The sign-in throttle: failed sign-ins per client address (a bucket), and per e-mail whatever the address
 * (exponential back-off).
 */
export interface SignInLimits {
  /** Failed sign-ins an address may make at once… */
  addressCapacity: number;
  /** …and how many more per second after that. */
  addressRefillPerSecond: number;
  /** Failures for one e-mail before the back-off starts. */
  freeFailures: number;
  /** The first wait, in seconds, doubled at every further failure… */
  firstDelaySeconds: number;
  /** …up to this. */
  maxDelaySeconds: number;
  /** Failures for an e-mail are forgotten this long after the last one (or at a successful sign-in). */
  forgetAfterSeconds: number;
}

/** Default write limits: 60 at once, then one a second, per account or per client address. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 60, refillPerSecond: 1 };

/**
 * Default sign-in throttle: 20 failures at once per address, then one every 30 s; per e-mail, 5 failures,
 * then waits of 1 s, 2 s, 4 s… up to 15 minutes, forgotten 24 hours after the last failure.
 */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  addressCapacity: 20,
  addressRefillPerSecond: 1 / 30,
  freeFailures: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

/** Buckets or e-mails remembered before the table is swept. */
const TABLE_LIMIT = 10_000;

/**
 * A `429 rate_limited` problem with `Retry-After` and `retryAfterSeconds`.
 *
 * @example
 * ```ts
 * throw rateLimited(4, 'Too many writes');
 * ```
 */
export function rateLimited(waitSeconds: number, detail: string) {
  const wait = Math.max(1, Math.ceil(waitSeconds));
  return problem('rate_limited', `${detail}; retry in ${wait} s`, {
    retryAfterSeconds: wait,
    headers: { 'retry-after': String(wait) },
  });
}

/**
 * In-memory token buckets by key (`account:…`, `addr:…`). `take` returns 0 when allowed, else the seconds
 * to wait; `refund` gives a token back. Memory is bounded: full buckets are forgotten when the table grows.
 * Counters live in this process only: they restart empty with it and are not shared between processes.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, () => Date.now());
 * const wait = limiter.take('addr:127.0.0.1'); // 0
 * ```
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly options: { capacity: number; refillPerSecond: number },
    readonly nowMs: () => number,
  ) {}

  take(key: string): number {
    const now = this.nowMs();
    const { refillPerSecond } = this.options;
    const bucket = this.#refilled(key, now);
    // Deleted and set again, the key moves to the end of the Map's order: the oldest come first in #sweep.
    this.#buckets.delete(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#buckets.set(key, bucket);
      if (this.#buckets.size > TABLE_LIMIT) this.#sweep(now);
      return 0;
    }
    this.#buckets.set(key, bucket);
    if (refillPerSecond <= 0) return 3600;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }

  /** Gives back a token taken for `key` (a sign-in that turned out right), up to the capacity. */
  refund(key: string): void {
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.options.capacity, bucket.tokens + 1);
  }

  #refilled(key: string, now: number): { tokens: number; at: number } {
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond,
    );
    bucket.at = now;
    return bucket;
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const tokens = bucket.tokens + ((now - bucket.at) / 1000) * this.options.refillPerSecond;
      if (tokens >= this.options.capacity) this.#buckets.delete(key);
    }
    // Still over: forget the least recently used (`take` moves each key it touches to the end of the Map's order), so the
    // table stays bounded and this sweep does not run again on every request.
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= TABLE_LIMIT * 0.9) break;
      this.#buckets.delete(key);
    }
  }
}

interface Failures {
  count: number;
  last: number;
  /** No attempt for this e-mail is examined before this instant (ms). */
  until: number;
}

/** What {@link SignInThrottle.begin} decided. */
export type SignInAttempt =
  | { ok: true; settle(succeeded: boolean): void }
  | { ok: false; waitSeconds: number; by: 'account' | 'address' };

/**
 * The sign-in throttle. An attempt is counted as a failure when it starts (so that attempts sent at once
 * all count) and forgiven if the password was right. Per e-mail, whatever the address: after
 * `freeFailures` failures, the next attempt waits `firstDelaySeconds`, doubled at every further failure up
 * to `maxDelaySeconds`; a successful sign-in clears the count. Per client address: a bucket of failed
 * sign-ins. An e-mail is throttled the same whether or not an account has it, so throttling tells nothing
 * about which accounts exist. In memory, per process (see docs/server.md).
 *
 * @example
 * ```ts
 * const attempt = throttle.begin('amina@example.ma', '203.0.113.9');
 * if (!attempt.ok) throw rateLimited(attempt.waitSeconds, 'Too many failed sign-ins');
 * attempt.settle(await verifyPassword(password, hash));
 * ```
 */
export class SignInThrottle {
  readonly limits: SignInLimits;
  readonly #accounts = new Map<string, Failures>();
  readonly #addresses: RateLimiter;

  constructor(
    limits: Partial<SignInLimits> | undefined,
    readonly nowMs: () => number,
  ) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
    this.#addresses = new RateLimiter(
      { capacity: this.limits.addressCapacity, refillPerSecond: this.limits.addressRefillPerSecond },
      nowMs,
    );
  }

  /** The wait after `count` failures, in seconds (0 while within the free failures). */
  delayAfter(count: number): number {
    const { freeFailures, firstDelaySeconds, maxDelaySeconds } = this.limits;
    if (count < freeFailures) return 0;
    const exponent = Math.min(count - freeFailures, 30);
    return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** exponent);
  }

  begin(email: string, address: string): SignInAttempt {
    const now = this.nowMs();
    const key = email.trim().toLowerCase();
    const failures = this.#current(key, now);
    if (failures && failures.until > now)
      return { ok: false, waitSeconds: Math.ceil((failures.until - now) / 1000), by: 'account' };
    const addressKey = `addr:${rateKeyOf(address)}`;
    const wait = this.#addresses.take(addressKey);
    if (wait > 0) return { ok: false, waitSeconds: wait, by: 'address' };
    const counted: Failures = failures ?? { count: 0, last: now, until: 0 };
    counted.count += 1;
    counted.last = now;
    counted.until = now + this.delayAfter(counted.count) * 1000;
    this.#accounts.set(key, counted);
    if (this.#accounts.size > TABLE_LIMIT) this.#sweep(now);
    let settled = false;
    return {
      ok: true,
      settle: (succeeded) => {
        if (settled || !succeeded) return;
        settled = true;
        this.#accounts.delete(key);
        this.#addresses.refund(addressKey);
      },
    };
  }

  #current(key: string, now: number): Failures | undefined {
    const failures = this.#accounts.get(key);
    if (failures && now - failures.last > this.limits.forgetAfterSeconds * 1000) {
      this.#accounts.delete(key);
      return undefined;
    }
    return failures;
  }

  /** Forgets expired counts, then counts below the back-off, then the oldest, until the table is small. */
  #sweep(now: number): void {
    const forget = this.limits.forgetAfterSeconds * 1000;
    for (const [key, failures] of this.#accounts)
      if (now - failures.last > forget) this.#accounts.delete(key);
    if (this.#accounts.size <= TABLE_LIMIT) return;
    for (const [key, failures] of this.#accounts)
      if (failures.count < this.limits.freeFailures) this.#accounts.delete(key);
    const excess = this.#accounts.size - TABLE_LIMIT;
    if (excess <= 0) return;
    const oldest = [...this.#accounts].sort(([, a], [, b]) => a.last - b.last).slice(0, excess);
    for (const [key] of oldest) this.#accounts.delete(key);
  }
}
