import { unlinkSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApplicationStatus } from '@nassij/contract';
import { toInstant } from '../../auth/tokens.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../http/app.js';
import type { Logger } from '../../http/log.js';
import { deletable, deleteUnreferencedFiles } from './files.js';

const DAY_MS = 86_400_000;

/** How an application ended, for the retention of its documents. */
export type RetainedOutcome = 'awarded' | 'rejected' | 'withdrawn';

/** Days an application's documents are kept after it ended, by how it ended. */
export type RetentionDays = Record<RetainedOutcome, number>;

/**
 * The default retention of personal documents after the end of an application (see docs/server.md,
 * "Personal data"): five years after an award, for the audits of public funds and the grant's execution
 * reports; one year after a rejection or a withdrawal (an unsubmitted draft counts as withdrawn when its
 * call closes), enough for an appeal or a complaint.
 */
export const DEFAULT_RETENTION_DAYS: Readonly<RetentionDays> = Object.freeze({
  awarded: 5 * 365,
  rejected: 365,
  withdrawn: 365,
});

/** How old a stored file no attachment references must be before the sweep deletes it: one hour. */
export const DEFAULT_SWEEP_GRACE_MS = 60 * 60 * 1000;
/** How often the sweep runs after the one at start: every 30 minutes. */
export const DEFAULT_SWEEP_INTERVAL_MS = 30 * 60 * 1000;

const MAX_RETENTION_DAYS = 36_500;
const OUTCOMES: readonly RetainedOutcome[] = ['awarded', 'rejected', 'withdrawn'];

function checkDays(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_RETENTION_DAYS)
    throw new RangeError(`${what} must be a whole number of days from 0 to ${MAX_RETENTION_DAYS}`);
  return value;
}

/**
 * The retention in effect: one number for every outcome, or per outcome over the defaults.
 *
 * @example
 * ```ts
 * retentionDays(); // { awarded: 1825, rejected: 365, withdrawn: 365 }
 * retentionDays({ rejected: 180 }); // { awarded: 1825, rejected: 180, withdrawn: 365 }
 * retentionDays(3650); // every outcome: ten years
 * ```
 */
export function retentionDays(option?: number | Partial<RetentionDays>): RetentionDays {
  if (typeof option === 'number') {
    const days = checkDays(option, 'The retention');
    return { awarded: days, rejected: days, withdrawn: days };
  }
  const merged = { ...DEFAULT_RETENTION_DAYS, ...option };
  for (const outcome of OUTCOMES) checkDays(merged[outcome], `The retention after "${outcome}"`);
  return merged;
}

/**
 * Reads `--retain-documents-days`: a number of days for every outcome (`1825`), or per outcome
 * (`awarded=1825,rejected=365,withdrawn=180`, the others keeping their default). Throws a `RangeError`.
 *
 * @example
 * ```ts
 * parseRetentionDays('awarded=3650'); // { awarded: 3650 }
 * ```
 */
export function parseRetentionDays(text: string): number | Partial<RetentionDays> {
  const trimmed = text.trim();
  if (/^\d{1,5}$/.test(trimmed)) return checkDays(Number(trimmed), 'The retention');
  const result: Partial<RetentionDays> = {};
  for (const part of trimmed.split(',')) {
    const match = /^\s*(awarded|rejected|withdrawn)\s*=\s*(\d{1,5})\s*$/.exec(part);
    if (!match)
      throw new RangeError('give a number of days, or outcome=days pairs (awarded, rejected, withdrawn)');
    const outcome = match[1] as RetainedOutcome;
    if (outcome in result) throw new RangeError(`"${outcome}" is given twice`);
    result[outcome] = checkDays(Number(match[2]), `The retention after "${outcome}"`);
  }
  return result;
}

// The retention a server was started with, per database: areas bind their routes without the server's
// options, and the privacy routes tell how long documents are kept.
const configured = new WeakMap<Db, RetentionDays>();

/**
 * Records the retention in effect for a database (the server does, at start).
 *
 * @example
 * ```ts
 * useRetention(db, retentionDays(options.retainDocumentsDays));
 * ```
 */
export function useRetention(db: Db, days: RetentionDays): void {
  configured.set(db, days);
}

/**
 * The retention in effect for a database: what the server was started with, else the defaults.
 *
 * @example
 * ```ts
 * retainedUntil(end, retentionFor(db));
 * ```
 */
export function retentionFor(db: Db): RetentionDays {
  return configured.get(db) ?? { ...DEFAULT_RETENTION_DAYS };
}

/** When and how an application ended, as far as the retention of its documents goes. */
export interface ApplicationEnd {
  outcome: RetainedOutcome;
  /** The instant of the award, rejection or withdrawal; for a draft never submitted, its call's closing. */
  endedAt: string;
}

interface EndRow {
  id: string;
  status: ApplicationStatus;
  submitted_at: string | null;
  ended_at: string | null;
  closes_at: string | null;
}

const END_SELECT = `SELECT a.id, a.status, a.submitted_at, c.closes_at,
  (SELECT MAX(h.at) FROM application_history h WHERE h.application_id = a.id AND h.status = a.status) AS ended_at
  FROM applications a LEFT JOIN calls c ON c.id = a.call_id`;

function endOf(row: EndRow, now: Date): ApplicationEnd | undefined {
  if (row.status === 'awarded' || row.status === 'rejected' || row.status === 'withdrawn')
    return row.ended_at ? { outcome: row.status, endedAt: row.ended_at } : undefined;
  // A draft left when its call closed will never be submitted: it counts as withdrawn at the closing.
  if (
    row.status === 'draft' &&
    row.submitted_at === null &&
    row.closes_at &&
    Date.parse(row.closes_at) <= now.getTime()
  )
    return { outcome: 'withdrawn', endedAt: row.closes_at };
  return undefined;
}

/**
 * How an application ended, or `undefined` while it is still open (a draft of an open call, submitted and
 * not decided).
 *
 * @example
 * ```ts
 * applicationEnd(db, 'app_0025', new Date()); // { outcome: 'awarded', endedAt: '2025-05-02T10:00:00Z' }
 * ```
 */
export async function applicationEnd(
  db: Db,
  applicationId: string,
  now: Date,
): Promise<ApplicationEnd | undefined> {
  const row = await db.one<EndRow>(`${END_SELECT} WHERE a.id = ?`, [applicationId]);
  return row ? endOf(row, now) : undefined;
}

/**
 * When the retention rule deletes the documents of an application that ended.
 *
 * @example
 * ```ts
 * retainedUntil({ outcome: 'rejected', endedAt: '2026-01-10T10:00:00Z' }, retentionDays()); // '2027-01-10T10:00:00Z'
 * ```
 */
export function retainedUntil(end: ApplicationEnd, days: RetentionDays): string {
  return toInstant(new Date(Date.parse(end.endedAt) + days[end.outcome] * DAY_MS));
}

/** What one sweep did. */
export interface FileSweepReport {
  /** Applications whose documents reached the end of their retention. */
  purgedApplications: number;
  /** Their attachments, now marked `purgedAt`. */
  purgedAttachments: number;
  /** Stored files deleted: the purged ones no other attachment uses, and orphans past the grace period. */
  deletedFiles: number;
  /** Temporary files of uploads cut off by a crash, past the grace period. */
  deletedTemporary: number;
}

/** A sweep that did nothing. */
export const EMPTY_SWEEP_REPORT: Readonly<FileSweepReport> = Object.freeze({
  purgedApplications: 0,
  purgedAttachments: 0,
  deletedFiles: 0,
  deletedTemporary: 0,
});

/** Options of {@link sweepFiles}. */
export interface SweepOptions {
  /** The server's "now". */
  now: Date;
  /** An unreferenced file younger than this is left alone (an upload may be about to reference it). */
  graceMs?: number;
  /** Retention of documents after an application ended; `false` skips the retention rule. */
  retention?: RetentionDays | false;
}

/**
 * Applies the retention rule, then deletes stored files no attachment references. First, attachments of
 * applications that ended longer ago than their retention are marked `purged_at` (their row, hash and scan
 * state stay; one `privacy.purge` audit line per application) and their files are deleted unless another
 * attachment uses the same bytes. Then every file under `<dataDir>/files/` that no attachment references and
 * no upload of this process holds, and whose modification time is older than the grace period on the
 * server's clock, is deleted, as are temporary files of interrupted uploads: what a crash between storing
 * the bytes and committing the attachment, or between committing a delete and unlinking, leaves behind.
 *
 * @example
 * ```ts
 * const report = await sweepFiles(db, dataDir, { now: clock(), retention: retentionDays() });
 * ```
 */
export async function sweepFiles(db: Db, dataDir: string, options: SweepOptions): Promise<FileSweepReport> {
  const { now } = options;
  const graceMs = options.graceMs ?? DEFAULT_SWEEP_GRACE_MS;
  const report: FileSweepReport = { ...EMPTY_SWEEP_REPORT };

  if (options.retention) {
    const days = options.retention;
    const rows = await db.all<EndRow>(
      `${END_SELECT} WHERE a.status IN ('awarded', 'rejected', 'withdrawn', 'draft')
         AND EXISTS (SELECT 1 FROM attachments t WHERE t.application_id = a.id AND t.purged_at IS NULL)
       ORDER BY a.id`,
    );
    const purgedShas: string[] = [];
    for (const row of rows) {
      const end = endOf(row, now);
      if (!end || Date.parse(retainedUntil(end, days)) > now.getTime()) continue;
      await db.atomic(async () => {
        const shas = (
          await db.all<{ sha256: string }>(
            'SELECT sha256 FROM attachments WHERE application_id = ? AND purged_at IS NULL',
            [row.id],
          )
        ).map((attachment) => attachment.sha256);
        if (shas.length === 0) return;
        await db.write(
          'UPDATE attachments SET purged_at = ? WHERE application_id = ? AND purged_at IS NULL',
          [toInstant(now), row.id],
        );
        await audit(db, {
          at: now,
          accountId: null,
          action: 'privacy.purge',
          targetType: 'application',
          targetId: row.id,
          reason: `Retention of ${days[end.outcome]} days after the application was ${end.outcome} is over`,
          details: { outcome: end.outcome, endedAt: end.endedAt, attachments: shas.length },
        });
        report.purgedApplications++;
        report.purgedAttachments += shas.length;
        purgedShas.push(...shas);
      });
    }
    report.deletedFiles += (await deleteUnreferencedFiles(db, dataDir, purgedShas)).length;
  }

  const root = join(dataDir, 'files');
  const oldest = now.getTime() - graceMs;
  const list = (path: string) => readdir(path).catch(() => [] as string[]);
  for (const first of await list(root)) {
    if (!/^[0-9a-f]{2}$/.test(first)) continue;
    for (const second of await list(join(root, first))) {
      if (!/^[0-9a-f]{2}$/.test(second)) continue;
      for (const name of await list(join(root, first, second))) {
        const path = join(root, first, second, name);
        const stored = /^[0-9a-f]{64}$/.test(name) && name.startsWith(first + second);
        const temporary = /^[0-9a-f]{64}\.[0-9a-f-]{36}\.tmp$/.test(name);
        if (!stored && !temporary) continue;
        const info = await stat(path).catch(() => undefined);
        if (!info?.isFile() || info.mtimeMs > oldest) continue;
        // Checked and unlinked without an await in between: no request runs meanwhile.
        if (stored && !(await deletable(db, dataDir, name))) continue;
        try {
          unlinkSync(path);
          if (stored) report.deletedFiles++;
          else report.deletedTemporary++;
        } catch {
          // Gone meanwhile.
        }
      }
    }
  }
  return report;
}

/** Options of {@link startFileSweeper}. */
export interface FileSweeperOptions {
  db: Db;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** Between two runs (default {@link DEFAULT_SWEEP_INTERVAL_MS}); 0 runs only when asked. */
  intervalMs?: number;
  graceMs?: number;
  retention: RetentionDays | false;
}

/** A running sweeper. */
export interface FileSweeper {
  /** Runs a sweep now, or joins the one running. */
  run(): Promise<FileSweepReport>;
  /** Stops the timer and waits for a running sweep to finish. */
  stop(): Promise<void>;
}

/**
 * Runs {@link sweepFiles} every `intervalMs` on an unref'd timer (it never keeps the process alive), on the
 * server's clock; one run at a time. The server runs one at start and stops the sweeper before closing the
 * database.
 *
 * @example
 * ```ts
 * const sweeper = startFileSweeper({ db, dataDir, clock, logger, retention: retentionDays() });
 * await sweeper.run();
 * await sweeper.stop();
 * ```
 */
export function startFileSweeper(options: FileSweeperOptions): FileSweeper {
  const { db, dataDir, clock, logger } = options;
  let running: Promise<FileSweepReport> | undefined;
  let stopped = false;
  const run = (): Promise<FileSweepReport> => {
    if (stopped) return Promise.resolve({ ...EMPTY_SWEEP_REPORT });
    running ??= sweepFiles(db, dataDir, {
      now: clock(),
      retention: options.retention,
      ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
    })
      .then((report) => {
        if (Object.values(report).some((n) => n > 0)) logger.info('file sweep', { ...report });
        return report;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const intervalMs = options.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          run().catch((error: unknown) => logger.error('file sweep failed', { error: String(error) }));
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    run,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
