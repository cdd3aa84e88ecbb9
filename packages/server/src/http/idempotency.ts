// `Idempotency-Key` storage that survives a crash. A keyed write either commits its claim, its writes and its
// answer in one transaction (synchronous handlers: nothing "in progress" is ever committed), or, when the
// handler awaits (uploads, sign-in), commits a claim with a short lease first; a retry finds the answer, a
// 409 while the lease runs, or, after the lease (the attempt died with its process), takes the key over and
// runs once more. See docs/server.md, "Idempotency".
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '@nassij/contract';
import type { Db } from '../db/db.js';
import { ApiError, problem } from './problem.js';

/** How long a stored answer is replayed (and a key remembered). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** How long an attempt that awaits holds its key before a retry may take it over (`--idempotency-lease`). */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 30_000;

/** Headers of an answer that a replay repeats (besides the body and status). */
const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

/**
 * The handler-decided refusals stored like successes and replayed for the same key: outcomes decided from
 * the platform's state or from the bytes under the key, which a retry of the same request cannot change.
 * Not stored, so a retry runs again: 401/403/429 (who asks and when, not what: the client signs in, gets a
 * role or waits, then retries with the same key); `validation_failed`, `bad_request` and `not_eligible`
 * (cured by the client, often with other requests: the application form resubmits with its key after the
 * applicant completes the form); `precondition_failed`/`precondition_required` (they depend on `If-Match`,
 * which is not part of the request the key covers); `conflict` (a race); and every 5xx.
 */
const STORED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'not_found',
  'already_exists',
  'already_supported',
  'already_registered',
  'invalid_state',
  'deadline_passed',
  'phase_closed',
  'file_type_not_allowed',
  'file_too_large',
]);

/**
 * Whether a handler's refusal is stored under its idempotency key (see {@link STORED_CODES}).
 *
 * @example
 * ```ts
 * storedRefusal(problem('deadline_passed')); // true
 * storedRefusal(problem('forbidden')); // false
 * ```
 */
export function storedRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && STORED_CODES.has(error.code);
}

/** An attempt that holds a key. */
export interface Claim {
  scope: string;
  key: string;
  claimId: string;
}

/** What a replay sends back. */
export interface StoredAnswer {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}

interface Row {
  request_hash: string;
  created_at: string;
  status: number;
  response_body: string | null;
  response_headers: string | null;
  locked_until: string | null;
}

/** One claim in this many also deletes the keys past {@link IDEMPOTENCY_TTL_MS}, once its transaction commits. */
const SWEEP_EVERY = 100;

/** Claims made per database handle since its last sweep. */
const claimsSinceSweep = new WeakMap<Db, number>();

/**
 * Deletes the keys past their time now and then, after the caller's transaction commits and outside it: a
 * sweep inside reads the whole table, which every other keyed write inserts into, so on PostgreSQL each two
 * concurrent keyed writes failed one another (SERIALIZABLE). A key past its time that is still there is
 * treated as absent by {@link claimKey}, so the sweep only keeps the table small.
 */
function sweepNowAndThen(db: Db, cutoff: string): void {
  const claims = (claimsSinceSweep.get(db) ?? 0) + 1;
  claimsSinceSweep.set(db, claims % SWEEP_EVERY);
  if (claims < SWEEP_EVERY) return;
  db.afterCommit(() => {
    // Best effort: a failed sweep (the server closing) leaves rows the next one deletes.
    db.write('DELETE FROM idempotency_keys WHERE created_at < ?', [cutoff]).catch(() => undefined);
  });
}

/** The `409 conflict` of a key another attempt holds, with the seconds to wait before retrying. */
function inProgress(waitSeconds: number) {
  const wait = Math.max(1, waitSeconds);
  return problem('conflict', 'A request with this Idempotency-Key is still in progress', {
    retryAfterSeconds: wait,
    headers: { 'retry-after': String(wait) },
  });
}

/**
 * Looks up `key` in `scope` and either returns the stored answer as a replay, refuses (422 for another
 * request under the key, 409 with `Retry-After` while another attempt's lease runs), or claims the key for
 * this attempt with a lease of `leaseMs` from `now` (taking over an expired lease, or a key older than
 * {@link IDEMPOTENCY_TTL_MS}, which counts as forgotten even before a sweep deletes it). Call it inside the
 * transaction that will also hold the handler's writes and {@link storeAnswer}: the claim is then only
 * visible, "in progress", if that transaction commits before the answer is known (an awaiting handler).
 *
 * @example
 * ```ts
 * const claimed = db.transaction(() => claimKey(db, 'account:acc_1', key, 'calls.create', hash, clock(), 30_000));
 * ```
 */
export async function claimKey(
  db: Db,
  scope: string,
  key: string,
  routeId: string,
  requestHash: string,
  now: Date,
  leaseMs: number,
): Promise<{ replay: Response } | { claim: Claim }> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  sweepNowAndThen(db, cutoff);
  const claim: Claim = { scope, key, claimId: randomUUID() };
  const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
  // Insert first, then read: two attempts with one key at once (two processes on PostgreSQL) never both
  // find no row and both insert. On PostgreSQL the second INSERT waits for the first's transaction, then
  // does nothing, and the read below sees the committed row (READ COMMITTED reads anew per statement).
  const inserted = await db.write(
    `INSERT INTO idempotency_keys (scope, idem_key, route_id, request_hash, status, created_at, claim_id, locked_until)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (scope, idem_key) DO NOTHING`,
    [scope, key, routeId, requestHash, now.toISOString(), claim.claimId, lockedUntil],
  );
  if (inserted.changes === 1) return { claim };
  const stored = await db.one<Row>(
    'SELECT request_hash, created_at, status, response_body, response_headers, locked_until FROM idempotency_keys WHERE scope = ? AND idem_key = ?',
    [scope, key],
  );
  // Gone between the two statements (its attempt released it): this attempt's retry will claim it.
  if (!stored) throw inProgress(1);
  if (stored.created_at < cutoff) {
    // Past its time, the key is forgotten even before a sweep deletes it: this request is a new one.
    const renewed = await db.write(
      `UPDATE idempotency_keys SET route_id = ?, request_hash = ?, status = 0, response_body = NULL,
         response_headers = NULL, created_at = ?, claim_id = ?, locked_until = ?
       WHERE scope = ? AND idem_key = ? AND created_at < ?`,
      [routeId, requestHash, now.toISOString(), claim.claimId, lockedUntil, scope, key, cutoff],
    );
    if (renewed.changes !== 1) throw inProgress(1);
    return { claim };
  }
  if (stored.request_hash !== requestHash) {
    throw problem('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
  }
  if (stored.status === 0) {
    // A row without a lease was left by a server before leases: its attempt is long gone.
    const until = stored.locked_until ? Date.parse(stored.locked_until) : Number.NEGATIVE_INFINITY;
    if (until > now.getTime()) throw inProgress(Math.ceil((until - now.getTime()) / 1000));
    // The attempt that held the key outlived its lease (its process died): this one takes over, unless
    // another retry took it over first (the condition is checked again by the UPDATE itself).
    const taken = await db.write(
      `UPDATE idempotency_keys SET claim_id = ?, locked_until = ?, created_at = ?, route_id = ?
       WHERE scope = ? AND idem_key = ? AND status = 0 AND (locked_until IS NULL OR locked_until <= ?)`,
      [claim.claimId, lockedUntil, now.toISOString(), routeId, scope, key, now.toISOString()],
    );
    if (taken.changes !== 1) throw inProgress(1);
    return { claim };
  }
  const headers = new Headers(JSON.parse(stored.response_headers ?? '{}') as Record<string, string>);
  headers.set('idempotent-replayed', 'true');
  headers.set('cache-control', 'no-store');
  return { replay: new Response(stored.response_body, { status: stored.status, headers }) };
}

/**
 * Stores the answer of the attempt holding `claim`, ending its lease. Returns `false` (and stores nothing)
 * when the key is no longer this attempt's: its lease ran out and a retry took it over.
 *
 * @example
 * ```ts
 * storeAnswer(db, claim, answerOf(response, await response.clone().text()));
 * ```
 */
export async function storeAnswer(db: Db, claim: Claim, answer: StoredAnswer): Promise<boolean> {
  return (
    (
      await db.write(
        'UPDATE idempotency_keys SET status = ?, response_body = ?, response_headers = ?, locked_until = NULL WHERE scope = ? AND idem_key = ? AND claim_id = ? AND status = 0',
        [answer.status, answer.body, JSON.stringify(answer.headers), claim.scope, claim.key, claim.claimId],
      )
    ).changes === 1
  );
}

/**
 * Frees a key whose attempt ended without an answer worth storing, so that a retry runs again; a key taken
 * over meanwhile is left to its new holder.
 *
 * @example
 * ```ts
 * releaseClaim(db, claim);
 * ```
 */
export async function releaseClaim(db: Db, claim: Claim): Promise<void> {
  await db.write(
    'DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND claim_id = ? AND status = 0',
    [claim.scope, claim.key, claim.claimId],
  );
}

/**
 * The stored form of an answer whose body text is known.
 *
 * @example
 * ```ts
 * answerOf(new Response('{}', { status: 201, headers: { 'content-type': 'application/json' } }), '{}');
 * ```
 */
export function answerOf(response: Response, body: string | null): StoredAnswer {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  return { status: response.status, body, headers };
}
