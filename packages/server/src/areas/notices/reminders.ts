// Reminders that depend on the date, not on an action: an award report due within a week, a training session
// starting tomorrow. A small scheduler finds what is due on the server's clock and queues one message per
// recipient through the outbox. What it sent is recorded in `notice_reminders`, unique per
// kind + subject + recipient, in the same transaction as the message: a restart, a second pass, or two server
// processes on one database never send a reminder twice (the second insert finds the row and queues nothing).
// A lease keeps two processes from doing the same search at once; it saves work, the table keeps the promise.
import { randomUUID } from 'node:crypto';
import { casablancaDate, type LocalizedText, pickText } from '@nassij/contract';
import type { Db, Migration } from '../../db/db.js';
import type { Logger } from '../../http/log.js';
import { startPassLoop } from '../../jobs/pass-loop.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import { awardsWhere, reportIdOf, reportStatus } from '../award-reports/store.js';
import { readStoredCall } from '../calls/store.js';
import { type NoticeFacts, noticeMessage } from './mail-messages.js';
import { registrationNoticeFacts } from './notices.js';
import {
  associationMembers,
  calendarDateText,
  casablancaText,
  participantRecipients,
  type Recipient,
} from './recipients.js';

/**
 * `notice_reminders`: one row per reminder sent (kind, what it is about, to whom), the guard against sending
 * it twice. `notice_scheduler`: the lease of the reminder pass, one row per scheduler. No foreign keys: the
 * subjects live in other areas' tables, and a row outlives nothing but an id.
 */
export const noticeRemindersMigration: Migration = {
  id: '095_notice_reminders',
  sql: `
CREATE TABLE notice_reminders (
  kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (kind, subject_id, account_id)
);
CREATE INDEX notice_reminders_by_account ON notice_reminders (account_id);
CREATE TABLE notice_scheduler (
  name TEXT PRIMARY KEY,
  holder TEXT,
  lease_until TEXT
);
INSERT INTO notice_scheduler (name, holder, lease_until) VALUES ('reminders', NULL, NULL);
`,
};

/** How many days before its due date an award report is recalled. */
export const REPORT_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

/** Which areas' reminders a pass looks for (an area not mounted has no tables to read). */
export interface ReminderSources {
  awardReports: boolean;
  trainings: boolean;
}

/** What one reminder pass queued. */
export interface ReminderPassReport {
  /** Report reminders queued (one per recipient). */
  reportsDue: number;
  /** Session reminders queued (one per recipient). */
  sessionsTomorrow: number;
}

/** The day `days` after a Casablanca calendar date. */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Records the reminder and queues its message in one transaction, unless it was sent already; answers
 * whether it queued.
 */
async function remindOnce(
  db: Db,
  at: Date,
  reminder: { kind: 'award-report.due' | 'training.reminder'; subjectId: string; to: Recipient },
  facts: () => NoticeFacts['award-report.due'] | NoticeFacts['training.reminder'],
): Promise<boolean> {
  const { kind, subjectId, to } = reminder;
  return db.atomic(async () => {
    const { changes } = await db.write(
      `INSERT INTO notice_reminders (kind, subject_id, account_id, sent_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, subject_id, account_id) DO NOTHING`,
      [kind, subjectId, to.id, at.toISOString()],
    );
    if (changes === 0) return false;
    const content =
      kind === 'award-report.due'
        ? noticeMessage(to.locale, to.name, kind, facts() as NoticeFacts['award-report.due'])
        : noticeMessage(to.locale, to.name, kind, facts() as NoticeFacts['training.reminder']);
    await enqueueMail(db, {
      to: to.email,
      locale: to.locale,
      kind,
      accountId: to.id,
      ...composeMail(to.locale, content),
    });
    return true;
  });
}

/** Award reports due between today and a week from now (Casablanca days), not submitted nor accepted. */
async function remindReportsDue(db: Db, now: Date): Promise<number> {
  const today = casablancaDate(now);
  const horizon = plusDays(today, REPORT_REMINDER_DAYS);
  let queued = 0;
  const calls = await db.all<{ call_id: string }>('SELECT DISTINCT call_id FROM awards ORDER BY call_id');
  for (const { call_id } of calls) {
    const call = await readStoredCall(db, call_id);
    const due = (call?.reports ?? []).filter((r) => r.dueOn >= today && r.dueOn <= horizon);
    if (!call || due.length === 0) continue;
    for (const award of await awardsWhere(db, 'call_id', call.id)) {
      for (const requirement of due) {
        const status = await reportStatus(db, award.id, requirement.id);
        if (status === 'submitted' || status === 'accepted') continue;
        const subjectId = reportIdOf(award.id, requirement.id);
        for (const to of await associationMembers(db, award.associationId)) {
          const text = (value: LocalizedText) => pickText(value, to.locale).text;
          if (
            await remindOnce(db, now, { kind: 'award-report.due', subjectId, to }, () => ({
              callTitle: text(call.title),
              report: text(requirement.label),
              dueOn: calendarDateText(requirement.dueOn, to.locale),
            }))
          )
            queued += 1;
        }
      }
    }
  }
  return queued;
}

/** Confirmed registrations to sessions that start tomorrow (Casablanca days). */
async function remindSessionsTomorrow(db: Db, now: Date): Promise<number> {
  const tomorrow = plusDays(casablancaDate(now), 1);
  // Two days ahead bound the search; the Casablanca date decides.
  const rows = await db.all<{ id: string; start_at: string }>(
    `SELECT r.id, s.start_at FROM training_registrations r JOIN training_sessions s ON s.id = r.session_id
      WHERE r.status = 'confirmed' AND s.status NOT IN ('cancelled', 'postponed', 'completed')
        AND s.start_at > ? AND s.start_at <= ?
      ORDER BY s.start_at, r.id`,
    [now.toISOString(), new Date(now.getTime() + 2 * DAY_MS).toISOString()],
  );
  let queued = 0;
  for (const row of rows) {
    // Only the day before: the message says "tomorrow", which a session starting later today is not.
    if (casablancaDate(row.start_at) !== tomorrow) continue;
    const facts = await registrationNoticeFacts(db, row.id);
    if (!facts) continue;
    const recipients = await participantRecipients(db, {
      associationId: facts.associationId,
      participantAccountId: facts.participantAccountId,
      participantEmail: facts.participant.email,
    });
    for (const to of recipients)
      if (
        await remindOnce(db, now, { kind: 'training.reminder', subjectId: row.id, to }, () => ({
          course: pickText(facts.courseTitle, to.locale).text,
          participant: facts.participant.name,
          start: casablancaText(facts.startAt, to.locale),
        }))
      )
        queued += 1;
  }
  return queued;
}

/**
 * Queues every reminder due at `now` that was not sent yet, and answers how many it queued. Safe to run
 * again at any time, from any process: a reminder already recorded is skipped.
 *
 * @example
 * ```ts
 * const report = await sendDueReminders(db, new Date(), { awardReports: true, trainings: true });
 * report.reportsDue; // 2
 * ```
 */
export async function sendDueReminders(
  db: Db,
  now: Date,
  sources: ReminderSources,
): Promise<ReminderPassReport> {
  return {
    reportsDue: sources.awardReports ? await remindReportsDue(db, now) : 0,
    sessionsTomorrow: sources.trainings ? await remindSessionsTomorrow(db, now) : 0,
  };
}

/** Options of {@link startReminderWorker}. */
export interface ReminderWorkerOptions {
  db: Db;
  sources: ReminderSources;
  /** The server's clock: what is due is reckoned on it. */
  clock?: () => Date;
  logger?: Logger;
  /** How often the scheduler looks (default 15 minutes; 0: only when asked). */
  pollMs?: number;
  /** How long a pass holds the lease before another process may run one (default 10 minutes). */
  leaseMs?: number;
  /**
   * Whether a pass runs at start (default) or first when the timer fires. The server waits for the timer
   * on a database it just created: a demo seeded now is the same whatever the hour, outbox included.
   */
  runAtStart?: boolean;
}

/** A running reminder scheduler. */
export interface ReminderWorker {
  /** Runs a pass now (after the one under way, if any) and answers what it queued. */
  runOnce(): Promise<ReminderPassReport>;
  /** Stops the timer and waits for the pass under way. */
  stop(): Promise<void>;
}

export const DEFAULT_REMINDER_POLL_MS = 15 * 60_000;
export const DEFAULT_REMINDER_LEASE_MS = 10 * 60_000;

const NOTHING: ReminderPassReport = { reportsDue: 0, sessionsTomorrow: 0 };

/**
 * Starts the reminder scheduler: a pass now (unless `runAtStart` is false), then one every `pollMs`, one at
 * a time. Each pass takes the lease of `notice_scheduler` (another process holding it skips its pass; a
 * crashed holder's lease runs out), queues what is due ({@link sendDueReminders}) and gives the lease back.
 *
 * @example
 * ```ts
 * const reminders = startReminderWorker({ db, clock, logger, sources: { awardReports: true, trainings: true } });
 * await reminders.stop();
 * ```
 */
export function startReminderWorker(options: ReminderWorkerOptions): ReminderWorker {
  const { db, sources, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const pollMs = options.pollMs ?? DEFAULT_REMINDER_POLL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_REMINDER_LEASE_MS;
  const holder = randomUUID();
  async function pass(): Promise<ReminderPassReport> {
    const now = clock();
    const { changes } = await db.write(
      `UPDATE notice_scheduler SET holder = ?, lease_until = ?
        WHERE name = 'reminders' AND (lease_until IS NULL OR lease_until <= ? OR holder = ?)`,
      [holder, new Date(now.getTime() + leaseMs).toISOString(), now.toISOString(), holder],
    );
    if (changes === 0) return { ...NOTHING };
    try {
      const report = await sendDueReminders(db, now, sources);
      if (report.reportsDue + report.sessionsTomorrow > 0) logger?.info('reminders queued', { ...report });
      return report;
    } finally {
      await db.write(
        "UPDATE notice_scheduler SET holder = NULL, lease_until = NULL WHERE name = 'reminders' AND holder = ?",
        [holder],
      );
    }
  }

  const loop = startPassLoop<ReminderPassReport>({
    name: 'reminder',
    pollMs,
    logger,
    firstPassNow: options.runAtStart !== false,
    pass,
    empty: () => ({ ...NOTHING }),
    add(total, report) {
      total.reportsDue += report.reportsDue;
      total.sessionsTomorrow += report.sessionsTomorrow;
    },
  });
  return { runOnce: () => loop.runOnce(), stop: () => loop.stop() };
}
