// The sending side of the outbox. A worker claims due messages with a lease (so that several server
// processes on one database never hold the same message at once), hands each to the transport, and
// records the outcome; a failure is retried later with a growing delay, up to a number of attempts.
// A crash loses nothing: a claimed message whose lease ran out is due again (see docs/server.md, "Mail").

import type { Db } from '../db/db.js';
import type { Logger } from '../http/log.js';
import { startPassLoop } from '../jobs/pass-loop.js';
import { type MailRow, type QueuedMail, toQueuedMail } from './outbox.js';
import type { MailTransport } from './transport.js';

/** Options of {@link startMailWorker}. */
export interface MailWorkerOptions {
  db: Db;
  transport: MailTransport;
  /** The server's clock: when messages are due and leases end. */
  clock?: () => Date;
  logger?: Logger;
  /** How often the outbox is checked when nothing woke the worker (default 5 s; 0: only when woken). */
  pollMs?: number;
  /** How long a claim holds a message before another worker may take it (default 2 minutes). */
  leaseMs?: number;
  /** Attempts before a message ends `failed` (default 8). */
  maxAttempts?: number;
  /** The pause after the first failure, doubled after each next one (default 30 s)… */
  backoffMs?: number;
  /** …up to this (default 1 hour). */
  maxBackoffMs?: number;
  /** Messages claimed at once (default 10). */
  batchSize?: number;
}

/** What one pass over the outbox did. */
export interface MailPassReport {
  sent: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Messages that ended `failed` (their last attempt failed). */
  failed: number;
}

/** A running worker. */
export interface MailWorker {
  /** Checks the outbox soon (a transaction that enqueued mail just committed). */
  wake(): void;
  /**
   * Sends every message due now and answers what it did: the pass under way (if any, joined), then a new
   * one.
   */
  runOnce(): Promise<MailPassReport>;
  /** Stops the timer, waits for the pass under way, and closes the transport. */
  stop(): Promise<void>;
}

export const DEFAULT_MAIL_POLL_MS = 5_000;
export const DEFAULT_MAIL_LEASE_MS = 120_000;
export const DEFAULT_MAIL_MAX_ATTEMPTS = 8;
export const DEFAULT_MAIL_BACKOFF_MS = 30_000;
export const DEFAULT_MAIL_MAX_BACKOFF_MS = 3_600_000;

/**
 * The pause before attempt `attempts + 1`, after `attempts` failed ones: `backoffMs`, doubled each time, at
 * most `maxBackoffMs`.
 *
 * @example
 * ```ts
 * retryDelayMs(3, 30_000, 3_600_000); // 120000
 * ```
 */
export function retryDelayMs(attempts: number, backoffMs: number, maxBackoffMs: number): number {
  return Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

/** Due: queued and its time has come, or claimed by a worker whose lease ran out (it crashed or hung). */
const DUE = "((state = 'queued' AND next_attempt_at <= ?) OR (state = 'sending' AND lease_until <= ?))";

/**
 * Claims up to `limit` due messages for `leaseMs` in one statement, counting the attempt. On PostgreSQL
 * the rows are picked `FOR UPDATE SKIP LOCKED` at READ COMMITTED: two processes claiming at once pick
 * different rows, and a row another process claimed meanwhile is re-checked against `DUE` on its newest
 * version and left out. SQLite has one writer at a time, so the statement alone is enough.
 */
async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<QueuedMail[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const sql = `UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, lease_until = ?
     WHERE id IN (SELECT id FROM mail_outbox WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT ${limit}${lock})
       AND ${DUE}
     RETURNING *`;
  const rows = await db.atomic(async () => {
    if (db.dialect === 'postgres') await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    return db.all<MailRow>(sql, [until, at, at, at, at]);
  });
  // RETURNING gives no order; send the oldest first.
  return rows
    .map(toQueuedMail)
    .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
}

/**
 * Starts the worker of `db`'s outbox: a pass now, then one every `pollMs` and whenever {@link MailWorker.wake}
 * is called, one pass at a time. Each pass claims due messages in batches and sends them one by one. A
 * message is marked sent only by the claim that sent it (its attempt number fences a claim that lost its
 * lease). A failed attempt makes the message due again after {@link retryDelayMs}; the last one marks it
 * `failed`. Before sending, a transport that can tell (`.eml` files) is asked whether an earlier attempt
 * already delivered it, so a crash between handing over and recording never sends twice there.
 *
 * @example
 * ```ts
 * const worker = startMailWorker({ db, transport: fileTransport({ dir, from }), clock, logger });
 * useMail(db, { clock, messageIdHost: 'nassij.ma', wake: () => worker.wake() });
 * await worker.stop();
 * ```
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, transport } = options;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger;
  const pollMs = options.pollMs ?? DEFAULT_MAIL_POLL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_MAIL_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAIL_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_MAIL_BACKOFF_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAIL_MAX_BACKOFF_MS;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 10));

  async function markSent(mail: QueuedMail): Promise<void> {
    const done = await db.write(
      `UPDATE mail_outbox SET state = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL
       WHERE id = ? AND state = 'sending' AND attempts = ?`,
      [clock().toISOString(), mail.id, mail.attempts],
    );
    if (done.changes === 0)
      logger?.warn('mail sent after its lease ran out', { mailId: mail.id, attempt: mail.attempts });
  }

  async function markFailed(mail: QueuedMail, error: unknown): Promise<'retried' | 'failed'> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const last = mail.attempts >= maxAttempts;
    const next = new Date(clock().getTime() + retryDelayMs(mail.attempts, backoffMs, maxBackoffMs));
    await db.write(
      `UPDATE mail_outbox SET state = ?, next_attempt_at = ?, lease_until = NULL, last_error = ?
       WHERE id = ? AND state = 'sending' AND attempts = ?`,
      [last ? 'failed' : 'queued', next.toISOString(), message, mail.id, mail.attempts],
    );
    const fields = { mailId: mail.id, kind: mail.kind, attempt: mail.attempts, error: message };
    if (last) logger?.error('mail failed for good', fields);
    else logger?.warn('mail attempt failed; will retry', { ...fields, retryAt: next.toISOString() });
    return last ? 'failed' : 'retried';
  }

  async function deliver(mail: QueuedMail, report: MailPassReport): Promise<void> {
    try {
      if (await transport.delivered?.(mail)) {
        await markSent(mail);
        report.sent += 1;
        return;
      }
      // A message whose claims keep dying (a crash mid-send each time) still ends after maxAttempts.
      if (mail.attempts > maxAttempts) {
        report[await markFailed(mail, new Error('no attempt finished'))] += 1;
        return;
      }
      await transport.send(mail);
    } catch (error) {
      report[await markFailed(mail, error)] += 1;
      return;
    }
    await markSent(mail);
    report.sent += 1;
    logger?.debug('mail sent', { mailId: mail.id, kind: mail.kind, attempt: mail.attempts });
  }

  const loop = startPassLoop<MailPassReport>({
    name: 'mail',
    pollMs,
    logger,
    async pass(stopped) {
      const report: MailPassReport = { sent: 0, retried: 0, failed: 0 };
      while (!stopped()) {
        const batch = await claimDue(db, clock(), leaseMs, batchSize);
        for (const mail of batch) {
          // Stopping mid-batch leaves the rest claimed: they are due again once the lease ends.
          if (stopped()) break;
          await deliver(mail, report);
        }
        if (batch.length < batchSize) break;
      }
      return report;
    },
    empty: () => ({ sent: 0, retried: 0, failed: 0 }),
    add(total, report) {
      total.sent += report.sent;
      total.retried += report.retried;
      total.failed += report.failed;
    },
  });

  return {
    wake: () => loop.wake(),
    runOnce: () => loop.runOnce(),
    async stop() {
      await loop.stop();
      await transport.close();
    },
  };
}
