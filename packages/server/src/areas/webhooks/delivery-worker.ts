// The sending side of the event log: a worker claims due webhook deliveries with a lease (several server
// processes on one database never hold the same delivery at once), posts each event signed per Standard
// Webhooks, and records the outcome. Only a 2xx answer within the timeout counts: a redirect (never
// followed), another status, a timeout or a network error is retried on the back-off schedule. A crash
// loses nothing: a claimed delivery whose lease ran out is due again, and re-sent with the same
// `webhook-id` (at least once; receivers de-duplicate on it). Repeated failures disable the endpoint and
// tell its organisation's admins by e-mail.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type Locale, toLocale } from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { signedHeaders } from '../../events/signature.js';
import type { Logger } from '../../http/log.js';
import { startPassLoop } from '../../jobs/pass-loop.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import { disabledEndpointMessage } from './mail-messages.js';
import { checkLiteralTarget, guardedLookup, PrivateTargetError } from './target-guard.js';

/**
 * The pauses before attempts 2, 3… of a delivery, after the first one (which is immediate): the schedule
 * the Standard Webhooks specification suggests, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts over
 * about a day).
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];
export const DEFAULT_WEBHOOK_POLL_MS = 5_000;
export const DEFAULT_WEBHOOK_LEASE_MS = 120_000;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/** Failed attempts in a row, over all of an endpoint's deliveries, that disable it (success resets). */
export const DEFAULT_WEBHOOK_DISABLE_AFTER = 20;

/** Options of {@link startWebhookWorker}. */
export interface WebhookWorkerOptions {
  db: Db;
  /** The server's clock: when deliveries are due, leases end, and the signature's timestamp. */
  clock?: () => Date;
  logger?: Logger;
  /** How often due deliveries are looked for when nothing woke the worker (default 5 s; 0: only when woken). */
  pollMs?: number;
  /** How long a claim holds a delivery (default 2 minutes; longer than the timeout). */
  leaseMs?: number;
  /** How long an endpoint has to answer (default 10 s). */
  timeoutMs?: number;
  /** Pauses before each retry; a delivery ends `failed` after `1 + length` attempts. */
  retryScheduleMs?: readonly number[];
  /** Failed attempts in a row that disable an endpoint (default 20). */
  disableAfter?: number;
  /** Deliveries claimed at once (default 10). */
  batchSize?: number;
  /**
   * Whether endpoints on this machine or a private network may be posted to (default `false`: refused, against
   * server-side request forgery). Development (`--dev`), tests, and operators with internal receivers
   * (`--webhook-allow-private`) turn it on.
   */
  allowPrivateTargets?: boolean;
}

/** What one pass did. */
export interface WebhookPassReport {
  delivered: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Deliveries that ended `failed`. */
  failed: number;
  /** Endpoints disabled by this pass. */
  disabled: number;
}

/** A running worker. */
export interface WebhookWorker {
  /** Looks for due deliveries soon (a transaction that recorded an event just committed). */
  wake(): void;
  /** Posts every delivery due now and answers what it did (after the pass under way, if any). */
  runOnce(): Promise<WebhookPassReport>;
  /** Stops the timer and waits for the pass under way. */
  stop(): Promise<void>;
}

/** A claimed delivery with what posting it needs. */
interface ClaimedRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  attempts: number | string;
  next_attempt_at: string;
}

interface EndpointRow {
  id: string;
  organisation_id: string | null;
  url: string;
  secret: string;
  state: 'active' | 'disabled';
  consecutive_failures: number | string;
}

const DUE = "((state = 'pending' AND next_attempt_at <= ?) OR (state = 'delivering' AND lease_until <= ?))";

/** Claims up to `limit` due deliveries for `leaseMs`, counting the attempt (as the mail worker claims). */
async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const sql = `UPDATE webhook_deliveries SET state = 'delivering', attempts = attempts + 1, lease_until = ?,
       last_attempt_at = ?
     WHERE id IN (SELECT id FROM webhook_deliveries WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT ${limit}${lock})
       AND ${DUE}
     RETURNING id, endpoint_id, event_id, attempts, next_attempt_at`;
  const rows = await db.atomic(async () => {
    if (db.dialect === 'postgres') await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    return db.all<ClaimedRow>(sql, [until, at, at, at, at, at]);
  });
  return rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id));
}

/** The outcome of one post: a 2xx status, or why not. */
type Outcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

/**
 * Posts one delivery with `node:http(s)` rather than `fetch`: its `lookup` hook lets the guard judge the
 * addresses the connection really uses (see target-guard.ts). A redirect is never followed (it is the
 * receiver's misconfiguration, and following it would post the signed event to an address nobody registered);
 * the answer's body is drained, not read.
 */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allowPrivateTargets: boolean,
): Promise<Outcome> {
  const target = new URL(url);
  try {
    if (!allowPrivateTargets) checkLiteralTarget(target);
  } catch (error) {
    return Promise.resolve({ ok: false, error: (error as Error).message });
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Outcome>((resolve) => {
    let timedOut = false;
    const request = send(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Nassij-Webhooks/1',
          ...headers,
        },
        ...(allowPrivateTargets ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        clearTimeout(deadline);
        response.resume();
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve({ ok: true, status });
        const error =
          status >= 300 && status < 400 ? `redirect ${status} (not followed)` : `status ${status}`;
        resolve({ ok: false, status, error });
      },
    );
    const deadline = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: Error & { code?: string }) => {
      clearTimeout(deadline);
      if (timedOut) return resolve({ ok: false, error: `timeout after ${timeoutMs} ms` });
      if (error instanceof PrivateTargetError) return resolve({ ok: false, error: error.message });
      resolve({ ok: false, error: (error.code ?? error.message).slice(0, 500) });
    });
    request.end(body);
  });
}

/** An admin told of a disabled endpoint. */
interface AdminRow {
  id: string;
  email: string;
  display_name: string;
  locale: string | null;
  roles: string;
  erased_at?: string | null;
}

/**
 * Queues the disablement notice to the organisation's admins (a platform-wide endpoint: the platform's),
 * each in their language. Erased accounts are skipped.
 */
async function noticeAdmins(db: Db, endpoint: EndpointRow, failures: number, lastError: string) {
  const role = endpoint.organisation_id === null ? 'admin' : 'organisation_admin';
  const rows = await db.all<AdminRow>(
    endpoint.organisation_id === null
      ? 'SELECT * FROM accounts ORDER BY id'
      : 'SELECT * FROM accounts WHERE organisation_id = ? ORDER BY id',
    endpoint.organisation_id === null ? [] : [endpoint.organisation_id],
  );
  for (const admin of rows) {
    if (admin.erased_at) continue;
    if (!(JSON.parse(admin.roles) as string[]).includes(role)) continue;
    const locale: Locale = toLocale(admin.locale) ?? 'ar';
    const content = disabledEndpointMessage(locale, {
      name: admin.display_name,
      url: endpoint.url,
      failures,
      lastError,
    });
    await enqueueMail(db, {
      to: admin.email,
      locale,
      kind: 'webhook.disabled',
      accountId: admin.id,
      ...composeMail(locale, content),
    });
  }
}

/**
 * Starts the webhook worker of `db`: a pass now, then one every `pollMs` and whenever
 * {@link WebhookWorker.wake} is called, one pass at a time. A delivery is settled only by the claim that
 * made the attempt (its attempt number fences a claim that lost its lease).
 *
 * @example
 * ```ts
 * const worker = startWebhookWorker({ db, clock, logger });
 * useEvents(db, { clock, wake: () => worker.wake() });
 * await worker.stop();
 * ```
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger;
  const pollMs = options.pollMs ?? DEFAULT_WEBHOOK_POLL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_WEBHOOK_LEASE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const allowPrivateTargets = options.allowPrivateTargets ?? false;
  const schedule = options.retryScheduleMs ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS;
  const maxAttempts = schedule.length + 1;
  const disableAfter = Math.max(1, Math.floor(options.disableAfter ?? DEFAULT_WEBHOOK_DISABLE_AFTER));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 10));

  async function succeed(row: ClaimedRow, attempt: number, status: number): Promise<void> {
    await db.atomic(async () => {
      const done = await db.write(
        `UPDATE webhook_deliveries SET state = 'succeeded', delivered_at = ?, lease_until = NULL,
           last_status = ?, last_error = NULL
         WHERE id = ? AND state = 'delivering' AND attempts = ?`,
        [clock().toISOString(), status, row.id, attempt],
      );
      if (done.changes === 0) return;
      await db.write('UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = ?', [row.endpoint_id]);
    });
  }

  /** Records a failed attempt; answers whether it will be retried, and whether it disabled the endpoint. */
  async function fail(
    row: ClaimedRow,
    attempt: number,
    outcome: { status?: number; error: string },
  ): Promise<{ last: boolean; disabled: boolean }> {
    return db.atomic(async () => {
      const last = attempt >= maxAttempts;
      const now = clock();
      const next = new Date(now.getTime() + (schedule[attempt - 1] ?? 0));
      const done = await db.write(
        `UPDATE webhook_deliveries SET state = ?, next_attempt_at = ?, lease_until = NULL, last_status = ?,
           last_error = ?
         WHERE id = ? AND state = 'delivering' AND attempts = ?`,
        [
          last ? 'failed' : 'pending',
          next.toISOString(),
          outcome.status ?? null,
          outcome.error,
          row.id,
          attempt,
        ],
      );
      if (done.changes === 0) return { last, disabled: false };
      const endpoint = await db.one<EndpointRow>(
        `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE id = ?
         RETURNING id, organisation_id, url, secret, state, consecutive_failures`,
        [row.endpoint_id],
      );
      if (endpoint?.state !== 'active') return { last, disabled: false };
      const failures = Number(endpoint.consecutive_failures);
      if (failures < disableAfter) return { last, disabled: false };
      // Disabled: nothing more is posted to it, and what was waiting for it ends failed (a replay once
      // the endpoint is registered again finds them in the log).
      await db.write("UPDATE webhook_endpoints SET state = 'disabled', disabled_at = ? WHERE id = ?", [
        now.toISOString(),
        endpoint.id,
      ]);
      await db.write(
        `UPDATE webhook_deliveries SET state = 'failed', lease_until = NULL,
           last_error = COALESCE(last_error, 'endpoint disabled')
         WHERE endpoint_id = ? AND state = 'pending'`,
        [endpoint.id],
      );
      await noticeAdmins(db, endpoint, failures, outcome.error);
      logger?.warn('webhook endpoint disabled', { endpointId: endpoint.id, failures, error: outcome.error });
      return { last: true, disabled: true };
    });
  }

  async function deliver(row: ClaimedRow, report: WebhookPassReport): Promise<void> {
    const attempt = Number(row.attempts);
    const endpoint = await db.one<EndpointRow>(
      'SELECT id, organisation_id, url, secret, state, consecutive_failures FROM webhook_endpoints WHERE id = ?',
      [row.endpoint_id],
    );
    const event = await db.one<{ payload: string }>('SELECT payload FROM events WHERE id = ?', [
      row.event_id,
    ]);
    if (!endpoint || !event || endpoint.state !== 'active') {
      await db.write(
        `UPDATE webhook_deliveries SET state = 'failed', lease_until = NULL, last_error = 'endpoint disabled'
         WHERE id = ? AND state = 'delivering' AND attempts = ?`,
        [row.id, attempt],
      );
      report.failed += 1;
      return;
    }
    // A delivery whose claims keep dying (a crash mid-post each time) still ends.
    const outcome: Outcome =
      attempt > maxAttempts
        ? { ok: false, error: 'no attempt finished' }
        : await post(
            endpoint.url,
            signedHeaders(endpoint.secret, row.event_id, clock(), event.payload),
            event.payload,
            timeoutMs,
            allowPrivateTargets,
          );
    if (outcome.ok) {
      await succeed(row, attempt, outcome.status);
      report.delivered += 1;
      logger?.debug('webhook delivered', { deliveryId: row.id, eventId: row.event_id, attempt });
      return;
    }
    const { last, disabled } = await fail(row, attempt, outcome);
    if (disabled) report.disabled += 1;
    if (last) report.failed += 1;
    else report.retried += 1;
    logger?.[last ? 'error' : 'warn'](
      last ? 'webhook failed for good' : 'webhook attempt failed; will retry',
      {
        deliveryId: row.id,
        eventId: row.event_id,
        attempt,
        error: outcome.error,
      },
    );
  }

  const loop = startPassLoop<WebhookPassReport>({
    name: 'webhook',
    pollMs,
    logger,
    async pass(stopped) {
      const report: WebhookPassReport = { delivered: 0, retried: 0, failed: 0, disabled: 0 };
      while (!stopped()) {
        const batch = await claimDue(db, clock(), leaseMs, batchSize);
        // One endpoint's slow answers hold back no other endpoint's deliveries of the batch.
        await Promise.all(batch.map((row) => (stopped() ? undefined : deliver(row, report))));
        if (batch.length < batchSize) break;
      }
      return report;
    },
    empty: () => ({ delivered: 0, retried: 0, failed: 0, disabled: 0 }),
    add(total, report) {
      total.delivered += report.delivered;
      total.retried += report.retried;
      total.failed += report.failed;
      total.disabled += report.disabled;
    },
  });

  return {
    wake: () => loop.wake(),
    runOnce: () => loop.runOnce(),
    stop: () => loop.stop(),
  };
}
