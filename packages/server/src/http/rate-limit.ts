import { normaliseEmail } from '@nassij/contract';
import type { Db, SqlValue } from '../db/db.js';
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

/** One take in this many also deletes the rows that no longer say anything (full buckets, old failures). */
const SWEEP_EVERY = 1000;

/**
 * Runs a counter's write that returns a row (`… RETURNING`) in its own short transaction (or in the
 * caller's). A counter may be
 * lost in a crash without harm (a budget refilled early), so on PostgreSQL the commit does not wait for the
 * disk (`synchronous_commit = off`), which saves a flush per write request. On SQLite a lone read goes to a
 * read-only reader thread, so the statement runs in a transaction on the writing connection; its commit
 * flushes like any other (SQLite has no per-transaction setting for it).
 */
function writeReturning<Row>(db: Db, sql: string, params: readonly SqlValue[]): Promise<Row | undefined> {
  if (db.inTransaction) return db.one<Row>(sql, params);
  return db.atomic(async () => {
    // One upsert is atomic on its row at READ COMMITTED (it locks the row and reads its latest version):
    // the adapter's default SERIALIZABLE would only make takes of one bucket at once fail and retry.
    if (db.dialect === 'postgres')
      await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL synchronous_commit = off');
    return db.one<Row>(sql, params);
  });
}

/** A number from the server's options as a SQL literal (options are code, never request data). */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`A rate limit needs a finite number, not ${value}`);
  return String(value);
}

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
 * Token buckets by key (`account:…`, `addr:…`), kept in the database (`rate_buckets`) so that every server
 * process on one database shares them and a restart forgets nothing. `take` returns 0 when allowed, else the
 * seconds to wait; it is one statement, an upsert that refills the bucket for the time elapsed, takes a token
 * if there is one and says whether it did (`RETURNING`), so concurrent takes from several processes never
 * both spend the last token. `refund` gives a token back. Each limiter (`pool`) has buckets of its own.
 * Rows of full buckets are deleted now and then, so the table holds only the keys active lately.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter(db, 'write', DEFAULT_RATE_LIMIT, () => Date.now());
 * const wait = await limiter.take('addr:127.0.0.1'); // 0
 * ```
 */
export class RateLimiter {
  readonly #take: string;
  readonly #refund: string;
  readonly #fresh: { tokens: number; ok: number };
  #takes = 0;

  constructor(
    readonly db: Db,
    readonly pool: string,
    readonly options: { capacity: number; refillPerSecond: number },
    readonly nowMs: () => number,
  ) {
    const capacity = literal(options.capacity);
    const perMs = literal(options.refillPerSecond / 1000);
    // The bucket's level now: what it held plus the refill since, at most the capacity (a clock that went
    // back refills nothing). Written out where used: SET expressions all see the row as it was.
    const level = `(CASE WHEN excluded.at <= rate_buckets.at THEN rate_buckets.tokens
      WHEN rate_buckets.tokens + (excluded.at - rate_buckets.at) * ${perMs} >= ${capacity} THEN ${capacity}
      ELSE rate_buckets.tokens + (excluded.at - rate_buckets.at) * ${perMs} END)`;
    this.#take = `INSERT INTO rate_buckets (pool, bucket, tokens, at, ok) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (pool, bucket) DO UPDATE SET
        tokens = CASE WHEN ${level} >= 1 THEN ${level} - 1 ELSE ${level} END,
        ok = CASE WHEN ${level} >= 1 THEN 1 ELSE 0 END,
        at = CASE WHEN excluded.at > rate_buckets.at THEN excluded.at ELSE rate_buckets.at END
      RETURNING ok, tokens`;
    this.#refund = `UPDATE rate_buckets SET tokens = CASE WHEN tokens + 1 >= ${capacity} THEN ${capacity}
      ELSE tokens + 1 END WHERE pool = ? AND bucket = ?`;
    this.#fresh =
      options.capacity >= 1 ? { tokens: options.capacity - 1, ok: 1 } : { tokens: options.capacity, ok: 0 };
  }

  async take(key: string): Promise<number> {
    const now = this.nowMs();
    const row = await writeReturning<{ ok: number; tokens: number }>(this.db, this.#take, [
      this.pool,
      key,
      this.#fresh.tokens,
      now,
      this.#fresh.ok,
    ]);
    if (++this.#takes % SWEEP_EVERY === 0) await this.sweep();
    if (row?.ok) return 0;
    const { refillPerSecond } = this.options;
    if (refillPerSecond <= 0) return 3600;
    return Math.max(1, Math.ceil((1 - (row?.tokens ?? 0)) / refillPerSecond));
  }

  /** Gives back a token taken for `key` (a sign-in that turned out right), up to the capacity. */
  async refund(key: string): Promise<void> {
    await this.db.write(this.#refund, [this.pool, key]);
  }

  /** Deletes this pool's buckets that have refilled completely since their last take: they say nothing. */
  async sweep(): Promise<void> {
    const { capacity, refillPerSecond } = this.options;
    if (refillPerSecond <= 0) return;
    const fullAfterMs = Math.ceil((capacity / refillPerSecond) * 1000);
    await this.db.write('DELETE FROM rate_buckets WHERE pool = ? AND at <= ?', [
      this.pool,
      this.nowMs() - fullAfterMs,
    ]);
  }
}

/** What {@link SignInThrottle.begin} decided. */
export type SignInAttempt =
  | { ok: true; settle(succeeded: boolean): Promise<void> }
  | { ok: false; waitSeconds: number; by: 'account' | 'address' };

/**
 * The sign-in throttle, in the database like {@link RateLimiter} (`sign_in_failures` and the `sign-in`
 * pool of `rate_buckets`), so that several server processes throttle together. An attempt is counted as a
 * failure when it starts (so that attempts sent at once all count) and forgiven if the password was right.
 * Per e-mail, whatever the address: after `freeFailures` failures, the next attempt waits
 * `firstDelaySeconds`, doubled at every further failure up to `maxDelaySeconds`; a successful sign-in clears
 * the count. Per client address: a bucket of failed sign-ins. An e-mail is throttled the same whether or
 * not an account has it, so throttling tells nothing about which accounts exist.
 *
 * @example
 * ```ts
 * const attempt = await throttle.begin('amina@example.ma', '203.0.113.9');
 * if (!attempt.ok) throw rateLimited(attempt.waitSeconds, 'Too many failed sign-ins');
 * await attempt.settle(await verifyPassword(password, hash));
 * ```
 */
export class SignInThrottle {
  readonly limits: SignInLimits;
  readonly #addresses: RateLimiter;
  readonly #count: string;
  #begins = 0;

  constructor(
    readonly db: Db,
    limits: Partial<SignInLimits> | undefined,
    readonly nowMs: () => number,
  ) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
    this.#addresses = new RateLimiter(
      db,
      'sign-in',
      { capacity: this.limits.addressCapacity, refillPerSecond: this.limits.addressRefillPerSecond },
      nowMs,
    );
    const { freeFailures, firstDelaySeconds, maxDelaySeconds, forgetAfterSeconds } = this.limits;
    const free = literal(freeFailures);
    const first = literal(firstDelaySeconds * 1000);
    const max = literal(maxDelaySeconds * 1000);
    // One statement checks and counts, so that attempts sent at once (from several processes too) each see
    // the ones before. `s` is the row as it was; `excluded.last_at` is now.
    const blocked = 's.until_at > excluded.last_at';
    const forgotten = `excluded.last_at - s.last_at > ${literal(forgetAfterSeconds * 1000)}`;
    const count = `(CASE WHEN ${forgotten} THEN 1 ELSE s.failures + 1 END)`;
    // The wait after `count` failures (delayAfter), kept as a column that doubles at each failure: no pow().
    const delay = `(CASE WHEN ${count} < ${free} THEN 0 WHEN ${count} = ${free} OR ${forgotten} THEN ${first}
      WHEN s.delay_ms * 2 > ${max} THEN ${max} ELSE s.delay_ms * 2 END)`;
    this.#count = `INSERT INTO sign_in_failures AS s (email, failures, delay_ms, last_at, until_at, refused)
      VALUES (?, 1, ?, ?, ?, 0)
      ON CONFLICT (email) DO UPDATE SET
        failures = CASE WHEN ${blocked} THEN s.failures ELSE ${count} END,
        delay_ms = CASE WHEN ${blocked} THEN s.delay_ms ELSE ${delay} END,
        until_at = CASE WHEN ${blocked} THEN s.until_at ELSE excluded.last_at + ${delay} END,
        last_at = CASE WHEN ${blocked} THEN s.last_at ELSE excluded.last_at END,
        refused = CASE WHEN ${blocked} THEN 1 ELSE 0 END
      RETURNING refused, until_at`;
  }

  /** The wait after `count` failures, in seconds (0 while within the free failures). */
  delayAfter(count: number): number {
    const { freeFailures, firstDelaySeconds, maxDelaySeconds } = this.limits;
    if (count < freeFailures) return 0;
    const exponent = Math.min(count - freeFailures, 30);
    return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** exponent);
  }

  async begin(email: string, address: string): Promise<SignInAttempt> {
    const now = this.nowMs();
    const key = normaliseEmail(email);
    const forgetMs = this.limits.forgetAfterSeconds * 1000;
    if (++this.#begins % SWEEP_EVERY === 0) {
      await this.db.write('DELETE FROM sign_in_failures WHERE last_at < ?', [now - forgetMs]);
      await this.#addresses.sweep();
    }
    // A blocked e-mail is refused before its address spends a token (the count below checks again).
    const current = await this.db.one<{ until_at: number; last_at: number }>(
      'SELECT until_at, last_at FROM sign_in_failures WHERE email = ?',
      [key],
    );
    if (current && current.until_at > now && now - current.last_at <= forgetMs)
      return { ok: false, waitSeconds: Math.ceil((current.until_at - now) / 1000), by: 'account' };
    const addressKey = `addr:${rateKeyOf(address)}`;
    const wait = await this.#addresses.take(addressKey);
    if (wait > 0) return { ok: false, waitSeconds: wait, by: 'address' };
    const delay = this.delayAfter(1) * 1000;
    const counted = await writeReturning<{ refused: number; until_at: number }>(this.db, this.#count, [
      key,
      delay,
      now,
      now + delay,
    ]);
    if (counted?.refused) {
      // Blocked meanwhile by an attempt sent at the same time: this one did not try, its token goes back.
      await this.#addresses.refund(addressKey);
      return { ok: false, waitSeconds: Math.ceil((counted.until_at - now) / 1000), by: 'account' };
    }
    let settled = false;
    return {
      ok: true,
      settle: async (succeeded) => {
        if (settled || !succeeded) return;
        settled = true;
        await this.db.write('DELETE FROM sign_in_failures WHERE email = ?', [key]);
        await this.#addresses.refund(addressKey);
      },
    };
  }
}
