import type { HttpMethod } from '@nassij/contract';
import { HTTPError, type RetryOptions as KyRetryOptions } from 'ky';

/**
 * How the client retries a failed call. Every call (read or write) retries network errors and the
 * statuses of {@link isRetryableStatus}; writes are safe to retry because each carries one
 * `Idempotency-Key` for all its attempts.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, retry: { limit: 5, maxDelayMs: 30_000 } });
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt; `0` turns retrying off. Default 3. */
  limit?: number;
  /** First backoff ceiling; doubles on each retry. Default 300 ms. */
  baseDelayMs?: number;
  /** Largest backoff ceiling. Default 10 s. */
  maxDelayMs?: number;
  /** Largest `Retry-After` the client honours; a longer one is cut to this. Default 60 s. */
  maxRetryAfterMs?: number;
}

/**
 * {@link RetryOptions} with every default filled in.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = retryPolicy({ limit: 0 });
 * ```
 */
export type RetryPolicy = Required<RetryOptions>;

/**
 * Fills the defaults of {@link RetryOptions}.
 *
 * @example
 * ```ts
 * retryPolicy({ limit: 1 }); // { limit: 1, baseDelayMs: 300, maxDelayMs: 10000, maxRetryAfterMs: 60000 }
 * ```
 */
export function retryPolicy(options: RetryOptions | undefined): RetryPolicy {
  return {
    limit: Math.max(0, options?.limit ?? 3),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? 300),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? 10_000),
    maxRetryAfterMs: Math.max(0, options?.maxRetryAfterMs ?? 60_000),
  };
}

const RETRYABLE_STATUSES = [408, 429, 500, 502, 503, 504];
/**
 * A keyed write may also meet `409` while an earlier attempt with the same key still holds it (the server's
 * lease, after a crash or a cut connection): the server then says when to come back with `Retry-After`.
 */
const KEYED_RETRYABLE_STATUSES = [...RETRYABLE_STATUSES, 409];

/**
 * Whether a response with this status may succeed if sent again.
 *
 * @example
 * ```ts
 * isRetryableStatus(503); // true
 * isRetryableStatus(422); // false
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.includes(status);
}

/**
 * Whether the method changes state, and so needs an `Idempotency-Key` to be retried safely.
 *
 * @example
 * ```ts
 * isWrite('PATCH'); // true
 * ```
 */
export function isWrite(method: HttpMethod): boolean {
  return method !== 'GET';
}

/**
 * A fresh idempotency key (a random UUID from Web Crypto, in browsers and Node alike).
 *
 * @example
 * ```ts
 * headers.set('Idempotency-Key', newIdempotencyKey());
 * ```
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Reads `Retry-After` (a delay in seconds, or an HTTP date) as milliseconds from `now`; `undefined`
 * when absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('2'); // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:58Z')); // 2000
 * ```
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The backoff before retry number `retry` (0 for the first retry) when the server sent no `Retry-After`:
 * full-jitter exponential backoff, a random wait between 0 and `min(maxDelayMs, baseDelayMs × 2^retry)`,
 * so that many clients failing together do not return together. With `retryAfterMs` (the server's
 * `Retry-After`), that wait capped at `maxRetryAfterMs` instead. ky calls this for its backoff (see
 * `kyRetryOptions`, internal) and applies `Retry-After` itself with the same cap.
 *
 * @example
 * ```ts
 * retryDelay(2, undefined, retryPolicy({})); // somewhere in [0, 1200)
 * retryDelay(0, 120_000, retryPolicy({})); // 60000
 * ```
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

const RETRY_METHODS: Lowercase<HttpMethod>[] = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The policy as ky's `retry` option for one call. ky retries network errors and the statuses of
 * {@link isRetryableStatus}, honouring `Retry-After` on every one of them (capped at `maxRetryAfterMs`),
 * with {@link retryDelay}'s jittered backoff otherwise. Writes are retried only when the request carries
 * an `Idempotency-Key` (`keyed`), the one thing that makes sending a write twice safe; ky alone would
 * retry `PUT` and `DELETE` without one and never `POST`. A keyed write that meets `409` with `Retry-After`
 * (its key still held by an attempt the server lost) waits as told and tries again; any other `409` is final.
 *
 * @example
 * ```ts
 * ky(url, { method: 'POST', headers: { 'idempotency-key': key }, retry: kyRetryOptions(retryPolicy({}), true) });
 * ```
 */
export function kyRetryOptions(policy: RetryPolicy, keyed: boolean): KyRetryOptions {
  // ky only reads these arrays, so the constants are shared.
  return {
    limit: policy.limit,
    methods: keyed ? RETRY_METHODS : ['get'],
    statusCodes: keyed ? KEYED_RETRYABLE_STATUSES : RETRYABLE_STATUSES,
    afterStatusCodes: keyed ? KEYED_RETRYABLE_STATUSES : RETRYABLE_STATUSES,
    // Any other 409 (already registered, a stale ETag…) is an answer, not a wait: only one that says when
    // to come back is retried.
    shouldRetry: ({ error }) =>
      error instanceof HTTPError &&
      error.response.status === 409 &&
      !error.response.headers.has('retry-after')
        ? false
        : undefined,
    maxRetryAfter: policy.maxRetryAfterMs,
    // ky counts attempts from 1. The jitter and the cap are in retryDelay: ky's own stay off.
    delay: (attempt) => retryDelay(attempt - 1, undefined, policy),
  };
}
