// The sending side of subscriptions: a worker reads the durable event log after each active subscription's
// mark and queues, through the mail outbox, one message per matching event (`immediate`) or one digest of
// the matching events at 08:00 Moroccan time (`daily`, and Mondays for `weekly`). It follows the mail
// worker's pattern: subscriptions are claimed with a lease, each is handled in one transaction that writes
// its `subscription_sends` row (unique per subscription and period), its message and its new mark together,
// so a crash either sent nothing (and the lease runs out) or everything, and never sends a period twice.
import {
  type Locale,
  type LocalizedText,
  pickText,
  type SubscriptionFilter,
  type WebhookEvent,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { marks } from '../../db/faceted-search.js';
import { type Keyset, keysetClause, orderByClause } from '../../http/cursor.js';
import type { Logger } from '../../http/log.js';
import { startPassLoop } from '../../jobs/pass-loop.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import { type EventKind, SUBSCRIPTION_TEXTS } from './messages.js';
import { digestPeriod, nextDigestAt } from './schedule.js';
import { oneClickUrl, type SubscriptionRow, unsubscribePageUrl } from './store.js';
import { describeFilter } from './texts.js';

/** The events a calls subscription hears about. */
const CALL_EVENTS: readonly string[] = ['call.published', 'call.amended', 'call.closed', 'call.cancelled'];
/** The events a consultation subscription hears about. */
const CONSULTATION_EVENTS: readonly string[] = ['consultation.version_published', 'synthesis.published'];

/** Events read per subscription and pass; the rest waits for the next pass (or the next digest). */
const EVENTS_PER_PASS = 500;

/** The event log's order, as `events_by_time (occurred_at, id)` holds it: a subscription's mark is a position in it. */
const EVENT_ORDER: Keyset = { name: 'events', keys: [{ expr: 'occurred_at' }, { expr: 'id' }] };

export const DEFAULT_DIGEST_POLL_MS = 30_000;
export const DEFAULT_DIGEST_LEASE_MS = 120_000;

/** What one pass did. */
export interface DigestPassReport {
  /** Subscriptions handled. */
  handled: number;
  /** Messages queued (notices and digests). */
  queued: number;
}

/** Options of {@link runDigestPass}. */
export interface DigestPassOptions {
  /** The instant of the pass (the server's clock). */
  now: Date;
  /** The server's public origin, for the links in messages. */
  publicUrl: string;
  leaseMs?: number;
  batchSize?: number;
}

/** Due: active, not claimed by a live lease, and with new events (immediate) or a digest whose hour came. */
const DUE = `(subscriptions.state = 'active'
  AND (subscriptions.lease_until IS NULL OR subscriptions.lease_until <= ?)
  AND ((subscriptions.digest = 'immediate' AND EXISTS (SELECT 1 FROM events e
          WHERE e.occurred_at > subscriptions.mark_at
             OR (e.occurred_at = subscriptions.mark_at AND e.id > subscriptions.mark_id)))
    OR (subscriptions.digest <> 'immediate' AND subscriptions.next_digest_at <= ?)))`;

/** Claims up to `limit` due subscriptions for `leaseMs`, as the mail worker claims messages. */
async function claimDue(db: Db, now: Date, leaseMs: number, limit: number): Promise<SubscriptionRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return db.atomic(async () => {
    if (db.dialect === 'postgres') await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    return db.all<SubscriptionRow>(
      `UPDATE subscriptions SET lease_until = ?
        WHERE id IN (SELECT id FROM subscriptions WHERE ${DUE} ORDER BY id LIMIT ${limit}${lock})
          AND ${DUE}
        RETURNING *`,
      [until, at, at, at, at],
    );
  });
}

/** What a call event must match against: the call's coverage, regions, sector and domains now. */
interface CallFacts {
  national: boolean;
  regions: Set<string>;
  sector: string;
  domains: Set<string>;
}

async function callFacts(db: Db, callIds: string[]): Promise<Map<string, CallFacts>> {
  const facts = new Map<string, CallFacts>();
  if (callIds.length === 0) return facts;
  const calls = await db.all<{ id: string; coverage: string; sector_code: string }>(
    `SELECT id, coverage, sector_code FROM calls WHERE id IN (${marks(callIds)})`,
    callIds,
  );
  for (const call of calls)
    facts.set(call.id, {
      national: call.coverage === 'national',
      regions: new Set(),
      sector: call.sector_code,
      domains: new Set(),
    });
  for (const row of await db.all<{ call_id: string; region: string }>(
    `SELECT call_id, region FROM call_regions WHERE call_id IN (${marks(callIds)})`,
    callIds,
  ))
    facts.get(row.call_id)?.regions.add(row.region);
  for (const row of await db.all<{ call_id: string; domain: string }>(
    `SELECT call_id, domain FROM call_domains WHERE call_id IN (${marks(callIds)})`,
    callIds,
  ))
    facts.get(row.call_id)?.domains.add(row.domain);
  return facts;
}

interface EventData {
  callId?: string;
  consultationId?: string;
  organisationId?: string;
  reference?: string;
  title?: LocalizedText;
}

/**
 * The events of `events` a filter matches. A calls filter matches a call event whose call fits every filter
 * given, as the call list's search does (a national call is in every region; the funder is the organisation
 * that runs the call); a consultation filter matches that consultation's events.
 */
async function matching(db: Db, filter: SubscriptionFilter, events: WebhookEvent[]): Promise<WebhookEvent[]> {
  if (filter.kind === 'consultation')
    return events.filter(
      (event) =>
        CONSULTATION_EVENTS.includes(event.type) &&
        (event.data as EventData).consultationId === filter.consultationId,
    );
  const calls = events.filter((event) => CALL_EVENTS.includes(event.type));
  const facts = await callFacts(db, [
    ...new Set(calls.map((event) => (event.data as EventData).callId ?? '')),
  ]);
  return calls.filter((event) => {
    const data = event.data as EventData;
    const call = facts.get(data.callId ?? '');
    if (!call) return false;
    if (filter.region && !call.national && !call.regions.has(filter.region)) return false;
    if (filter.sector && call.sector !== filter.sector) return false;
    if (filter.domain && !call.domains.has(filter.domain)) return false;
    if (filter.funder && data.organisationId !== filter.funder) return false;
    return true;
  });
}

/** One line about an event in `locale`. */
function eventLine(event: WebhookEvent, locale: Locale): string {
  const data = event.data as EventData;
  const title = data.title ? pickText(data.title, locale).text : '';
  return SUBSCRIPTION_TEXTS[locale].event[event.type as EventKind](title, data.reference ?? '');
}

/** The headers and footer that let a subscriber leave: RFC 2369 / RFC 8058 headers, and a visible link. */
function unsubscribeParts(row: SubscriptionRow, locale: Locale, publicUrl: string) {
  const t = SUBSCRIPTION_TEXTS[locale];
  return {
    headers: {
      'List-Unsubscribe': `<${oneClickUrl(publicUrl, row.unsubscribe_token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    footer: `${t.footer}\n${t.unsubscribeLine}: ${unsubscribePageUrl(publicUrl, row.unsubscribe_token, locale)}`,
  };
}

/**
 * Handles one claimed subscription in one transaction: reads the events after its mark, queues what is due,
 * moves the mark and frees the claim. Returns how many messages it queued.
 */
async function handle(db: Db, claimed: SubscriptionRow, now: Date, publicUrl: string): Promise<number> {
  return db.atomic(async () => {
    const row = await db.one<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?', [claimed.id]);
    // Unsubscribed meanwhile, or the claim was lost to another worker after its lease ran out.
    if (row?.state !== 'active' || row.email === null || row.lease_until !== claimed.lease_until) return 0;
    const locale = row.locale as Locale;
    const filter = JSON.parse(row.filter) as SubscriptionFilter;
    const digestDue =
      row.digest !== 'immediate' && row.next_digest_at !== null && row.next_digest_at <= now.toISOString();
    // Without a mark yet, from the first event of the log.
    const afterMark = keysetClause(
      EVENT_ORDER,
      row.mark_at === null ? undefined : [row.mark_at, row.mark_id ?? ''],
    );
    const events = (
      await db.all<{ payload: string }>(
        `SELECT payload FROM events
          WHERE (${afterMark.sql}) AND occurred_at <= ?
          ${orderByClause(EVENT_ORDER)} LIMIT ${EVENTS_PER_PASS}`,
        [...afterMark.params, now.toISOString()],
      )
    ).map((event) => JSON.parse(event.payload) as WebhookEvent);
    const matched = await matching(db, filter, events);
    const { headers, footer } = unsubscribeParts(row, locale, publicUrl);
    const t = SUBSCRIPTION_TEXTS[locale];
    let queued = 0;

    /** Writes the period's row first: a period already written (sent by another run) sends nothing. */
    const claimPeriod = async (period: string, count: number): Promise<boolean> =>
      (
        await db.write(
          `INSERT INTO subscription_sends (subscription_id, period, event_count, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (subscription_id, period) DO NOTHING`,
          [row.id, period, count, now.toISOString()],
        )
      ).changes === 1;
    const send = async (period: string, kind: string, subject: string, paragraphs: string[]) => {
      const mailId = await enqueueMail(db, {
        to: row.email as string,
        locale,
        kind,
        headers,
        ...composeMail(locale, { subject, paragraphs, footer }),
      });
      await db.write('UPDATE subscription_sends SET mail_id = ? WHERE subscription_id = ? AND period = ?', [
        mailId,
        row.id,
        period,
      ]);
      queued += 1;
    };

    if (row.digest === 'immediate') {
      for (const event of matched) {
        const period = `event:${event.id}`;
        if (!(await claimPeriod(period, 1))) continue;
        const line = eventLine(event, locale);
        await send(period, 'subscription.notice', t.noticeSubject(line), [line]);
      }
    } else if (digestDue) {
      const digest = row.digest as 'daily' | 'weekly';
      const period = digestPeriod(new Date(row.next_digest_at as string), digest);
      // Nothing matched: the period is written all the same (so it is settled), and nothing is sent.
      if ((await claimPeriod(period, matched.length)) && matched.length > 0) {
        const daily = digest === 'daily';
        const what = await describeFilter(db, filter, locale);
        await send(period, `subscription.${digest}`, t.digestSubject(matched.length, daily), [
          t.digestIntro(what, daily),
          matched.map((event) => `• ${eventLine(event, locale)}`).join('\n'),
        ]);
      }
    }

    // A daily or weekly subscription keeps its mark until its digest is due: the digest lists everything since.
    const last = events.at(-1);
    const advance = row.digest === 'immediate' || digestDue;
    const full = events.length === EVENTS_PER_PASS;
    await db.write(
      `UPDATE subscriptions SET mark_at = ?, mark_id = ?, next_digest_at = ?, lease_until = NULL WHERE id = ?`,
      [
        advance && last ? last.occurredAt : row.mark_at,
        advance && last ? last.id : row.mark_id,
        // A digest cut at EVENTS_PER_PASS stays due, so the next pass lists the rest under the next period.
        digestDue && !full
          ? nextDigestAt(now, row.digest as 'daily' | 'weekly').toISOString()
          : row.next_digest_at,
        row.id,
      ],
    );
    return queued;
  });
}

/**
 * Queues every notice and digest due at `now`: claims due subscriptions in batches and handles each (see the
 * file's comment for the guarantees). Safe to run from several processes at once.
 *
 * @example
 * ```ts
 * await runDigestPass(db, { now: new Date(), publicUrl: 'https://nassij.ma' }); // { handled: 3, queued: 2 }
 * ```
 */
export async function runDigestPass(db: Db, options: DigestPassOptions): Promise<DigestPassReport> {
  const leaseMs = options.leaseMs ?? DEFAULT_DIGEST_LEASE_MS;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 50));
  const report: DigestPassReport = { handled: 0, queued: 0 };
  const seen = new Set<string>();
  for (;;) {
    const batch = (await claimDue(db, options.now, leaseMs, batchSize)).filter((row) => !seen.has(row.id));
    for (const row of batch) {
      seen.add(row.id);
      report.queued += await handle(db, row, options.now, options.publicUrl);
      report.handled += 1;
    }
    if (batch.length < batchSize) return report;
  }
}

/** Options of {@link startDigestWorker}. */
export interface DigestWorkerOptions {
  db: Db;
  clock?: () => Date;
  logger?: Logger;
  /** The server's public origin, read at each pass (the listening address is known only once listening). */
  publicUrl: () => string;
  /** How often it looks for due subscriptions (default 30 s; 0: only when woken or asked). */
  pollMs?: number;
  leaseMs?: number;
}

/** A running digest worker. */
export interface DigestWorker {
  /** Looks for due subscriptions soon. */
  wake(): void;
  /** Runs a pass now (after the one under way, if any) and answers what it did. */
  runOnce(): Promise<DigestPassReport>;
  /** Stops the timer and waits for the pass under way. */
  stop(): Promise<void>;
}

/**
 * Starts the digest worker: a pass every `pollMs` and whenever woken, one at a time, on the server's clock.
 *
 * @example
 * ```ts
 * const worker = startDigestWorker({ db, clock, logger, publicUrl: () => 'https://nassij.ma' });
 * await worker.stop();
 * ```
 */
export function startDigestWorker(options: DigestWorkerOptions): DigestWorker {
  const { db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const pollMs = options.pollMs ?? DEFAULT_DIGEST_POLL_MS;
  const loop = startPassLoop<DigestPassReport>({
    name: 'subscription digest',
    pollMs,
    logger,
    // Digests are due at fixed hours: nothing is lost by waiting for the first poll after a start.
    firstPassNow: false,
    pass: () =>
      runDigestPass(db, {
        now: clock(),
        publicUrl: options.publicUrl(),
        ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      }),
    empty: () => ({ handled: 0, queued: 0 }),
    add(total, report) {
      total.handled += report.handled;
      total.queued += report.queued;
    },
  });
  return { wake: () => loop.wake(), runOnce: () => loop.runOnce(), stop: () => loop.stop() };
}
