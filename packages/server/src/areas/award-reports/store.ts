// SQL ↔ contract objects for the reports an award owes and the tranches paid. A report is the pair of an
// award and one requirement of its call (`Call.reports`); it has a row only once submitted, so an award
// owes its reports from the moment it exists, whenever the applications area writes it.
import { createHash } from 'node:crypto';
import {
  type Award,
  type AwardReport,
  casablancaDate,
  type Disbursement,
  fromMinorUnits,
  type ReportAttachment,
  type ReportReview,
  type ReportStatus,
  type ReportSubmission,
  type ScanState,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { awardsFromRows } from '../applications/awards.js';
import { readStoredCall, type StoredCall } from '../calls/store.js';

interface ReportRow {
  award_id: string;
  requirement_id: string;
  call_id: string;
  association_id: string;
  status: Exclude<ReportStatus, 'due'>;
  updated_at: string;
  submission: string;
  review: string | null;
  file_sha256: string | null;
  file_scan_state: ScanState | null;
}

/**
 * A stored submission as the API shows it: its file carries the scan state of the row's column, which the
 * scan updates after the submission was written (and which a file stored before scanning existed lacks in
 * its JSON).
 */
function submissionOf(row: ReportRow): ReportSubmission {
  const submission = JSON.parse(row.submission) as ReportSubmission;
  if (!submission.attachment) return submission;
  return {
    ...submission,
    attachment: { ...submission.attachment, scanState: row.file_scan_state ?? 'pending' },
  };
}

interface DisbursementRow {
  id: string;
  award_id: string;
  tranche: number | string;
  amount_minor: number | string | bigint;
  paid_on: string;
  reference: string;
  recorded_at: string;
  recorded_by: string;
}

/**
 * The id of the report an award owes for a requirement: derived, so that a report has the same id before
 * and after its first submission (a due report has no row), and short enough for an `Id` whatever the
 * lengths of the award's and the requirement's ids.
 *
 * @example
 * ```ts
 * reportIdOf('awd_0025', 'progress'); // 'rpt_…' (24 hex digits), the same on every call
 * ```
 */
export function reportIdOf(awardId: string, requirementId: string): string {
  return `rpt_${createHash('sha256').update(`${awardId}\u0000${requirementId}`).digest('hex').slice(0, 24)}`;
}

/**
 * Whether a report is overdue at `now`: its due date has passed in Casablanca (the whole due day counts as
 * in time) and nothing stands submitted or accepted (a returned report is owed again).
 *
 * @example
 * ```ts
 * isOverdue('2026-06-30', 'due', new Date('2026-06-30T23:30:00Z')); // true: already 1 July in Casablanca
 * ```
 */
export function isOverdue(dueOn: string, status: ReportStatus, now: Date): boolean {
  return (status === 'due' || status === 'returned') && casablancaDate(now) > dueOn;
}

/**
 * The reports a list of awards owes: one per requirement of each award's call, with their rows where
 * submitted, in due date order (then award, then requirement). Each call is read once.
 *
 * @example
 * ```ts
 * const reports = await reportsOfAwards(db, [award], now);
 * reports.map((r) => [r.requirementId, r.status]); // [['progress', 'accepted'], ['final', 'due']]
 * ```
 */
export async function reportsOfAwards(db: Db, awards: readonly Award[], now: Date): Promise<AwardReport[]> {
  if (awards.length === 0) return [];
  const calls = new Map<string, StoredCall | undefined>();
  for (const callId of new Set(awards.map((a) => a.callId)))
    calls.set(callId, await readStoredCall(db, callId));
  const rows = new Map<string, ReportRow>();
  // In slices: a parameter list stays well under both dialects' limits for a call with many awards.
  const ids = awards.map((a) => a.id);
  for (let start = 0; start < ids.length; start += 500) {
    const slice = ids.slice(start, start + 500);
    for (const row of await db.all<ReportRow>(
      `SELECT * FROM award_reports WHERE award_id IN (${slice.map(() => '?').join(', ')})`,
      slice,
    ))
      rows.set(`${row.award_id}\u0000${row.requirement_id}`, row);
  }
  const reports: AwardReport[] = [];
  for (const award of awards) {
    for (const requirement of calls.get(award.callId)?.reports ?? []) {
      const row = rows.get(`${award.id}\u0000${requirement.id}`);
      const status: ReportStatus = row?.status ?? 'due';
      reports.push({
        id: reportIdOf(award.id, requirement.id),
        awardId: award.id,
        callId: award.callId,
        associationId: award.associationId,
        requirementId: requirement.id,
        kind: requirement.kind,
        label: requirement.label,
        dueOn: requirement.dueOn,
        status,
        overdue: isOverdue(requirement.dueOn, status, now),
        ...(row ? { submission: submissionOf(row) } : {}),
        ...(row?.review ? { review: JSON.parse(row.review) as ReportReview } : {}),
      });
    }
  }
  const order = (r: AwardReport) => `${r.dueOn}\u0000${r.awardId}\u0000${r.requirementId}`;
  return reports.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * The awards of a call, or of an association, as the contract shows them.
 *
 * @example
 * ```ts
 * const awards = await awardsWhere(db, 'call_id', callId);
 * ```
 */
export async function awardsWhere(
  db: Db,
  column: 'call_id' | 'association_id',
  value: string,
): Promise<Award[]> {
  return awardsFromRows(await db.all(`SELECT * FROM awards WHERE ${column} = ? ORDER BY id`, [value]));
}

/** Status of the stored report of an award for a requirement; `due` without a row. */
export async function reportStatus(db: Db, awardId: string, requirementId: string): Promise<ReportStatus> {
  const row = await db.one<{ status: ReportStatus }>(
    'SELECT status FROM award_reports WHERE award_id = ? AND requirement_id = ?',
    [awardId, requirementId],
  );
  return row?.status ?? 'due';
}

/**
 * Records a submission of a report (the first, or again after it was returned): the report becomes
 * `submitted`, the previous review is cleared (the audit log keeps it) and its file, if any, waits for its
 * scan (`pending`).
 *
 * @example
 * ```ts
 * await saveSubmission(db, award, 'progress', { at, by: auth.id, summary: 'Activités du semestre' });
 * ```
 */
export async function saveSubmission(
  db: Db,
  award: Award,
  requirementId: string,
  submission: ReportSubmission,
): Promise<void> {
  // The scan state lives in its own column (the scan updates it later), not in the JSON.
  const { attachment, ...rest } = submission;
  const stored = attachment ? { ...rest, attachment: { ...attachment, scanState: undefined } } : rest;
  await db.write(
    `INSERT INTO award_reports (award_id, requirement_id, call_id, association_id, status, updated_at, submission, review, file_sha256, file_scan_state)
     VALUES (?, ?, ?, ?, 'submitted', ?, ?, NULL, ?, ?)
     ON CONFLICT (award_id, requirement_id) DO UPDATE SET status = 'submitted', updated_at = excluded.updated_at,
       submission = excluded.submission, review = NULL, file_sha256 = excluded.file_sha256,
       file_scan_state = excluded.file_scan_state`,
    [
      award.id,
      requirementId,
      award.callId,
      award.associationId,
      submission.at,
      JSON.stringify(stored),
      attachment?.fileId ?? null,
      attachment ? 'pending' : null,
    ],
  );
}

/**
 * The file of a report's last submission with its scan state from the column; `undefined` when the report
 * was never submitted or its last submission has no file.
 *
 * @example
 * ```ts
 * const file = await readReportFile(db, award.id, 'progress');
 * if (file?.scanState === 'clean') serve(file.fileId);
 * ```
 */
export async function readReportFile(
  db: Db,
  awardId: string,
  requirementId: string,
): Promise<ReportAttachment | undefined> {
  const row = await db.one<ReportRow>(
    'SELECT * FROM award_reports WHERE award_id = ? AND requirement_id = ?',
    [awardId, requirementId],
  );
  return row ? submissionOf(row).attachment : undefined;
}

/**
 * Records the result of the scan of a report's file, if the report still holds that file and its scan is
 * still pending: a submission sent again meanwhile with another file keeps that file's own state. Returns
 * whether it was recorded.
 *
 * @example
 * ```ts
 * await recordReportScanState(db, award.id, 'progress', attachment.fileId, await getScanner().scan(bytes, attachment.mediaType));
 * ```
 */
export async function recordReportScanState(
  db: Db,
  awardId: string,
  requirementId: string,
  fileId: string,
  state: Exclude<ScanState, 'pending'>,
): Promise<boolean> {
  const written = await db.write(
    `UPDATE award_reports SET file_scan_state = ?
     WHERE award_id = ? AND requirement_id = ? AND file_sha256 = ? AND file_scan_state = 'pending'`,
    [state, awardId, requirementId, fileId],
  );
  return written.changes > 0;
}

/**
 * Records the funder's review of a submitted report: `accepted` or `returned` set the status, `received`
 * keeps it submitted.
 *
 * @example
 * ```ts
 * await saveReview(db, award.id, 'final', { at, by: auth.id, outcome: 'returned', reason: 'Pièces manquantes' });
 * ```
 */
export async function saveReview(
  db: Db,
  awardId: string,
  requirementId: string,
  review: ReportReview,
): Promise<void> {
  const status: Exclude<ReportStatus, 'due'> = review.outcome === 'received' ? 'submitted' : review.outcome;
  await db.write(
    'UPDATE award_reports SET status = ?, updated_at = ?, review = ? WHERE award_id = ? AND requirement_id = ?',
    [status, review.at, JSON.stringify(review), awardId, requirementId],
  );
}

function disbursementOf(row: DisbursementRow): Disbursement {
  return {
    id: row.id,
    awardId: row.award_id,
    tranche: Number(row.tranche),
    amount: fromMinorUnits(BigInt(row.amount_minor)),
    paidOn: row.paid_on,
    reference: row.reference,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/**
 * The tranches paid of an award, in order.
 *
 * @example
 * ```ts
 * (await readDisbursements(db, awardId)).map((d) => d.tranche); // [1, 2]
 * ```
 */
export async function readDisbursements(db: Db, awardId: string): Promise<Disbursement[]> {
  const rows = await db.all<DisbursementRow>(
    'SELECT * FROM disbursements WHERE award_id = ? ORDER BY tranche',
    [awardId],
  );
  return rows.map(disbursementOf);
}

/** Input of {@link insertDisbursement}; the tranche number is the next one. */
export interface NewDisbursement {
  id: string;
  awardId: string;
  amountMinor: bigint;
  paidOn: string;
  reference: string;
  recordedAt: string;
  recordedBy: string;
}

/**
 * Records the next tranche of an award and returns it. The caller checks the sum against the award in the
 * same transaction.
 *
 * @example
 * ```ts
 * await insertDisbursement(db, { id, awardId, amountMinor: 6_000_000n, paidOn: '2026-07-15', reference: 'OP-1', recordedAt, recordedBy });
 * ```
 */
export async function insertDisbursement(db: Db, input: NewDisbursement): Promise<Disbursement> {
  await db.write(
    `INSERT INTO disbursements (id, award_id, tranche, amount_minor, paid_on, reference, recorded_at, recorded_by)
     VALUES (?, ?, (SELECT COALESCE(MAX(tranche), 0) + 1 FROM disbursements WHERE award_id = ?), ?, ?, ?, ?, ?)`,
    [
      input.id,
      input.awardId,
      input.awardId,
      input.amountMinor,
      input.paidOn,
      input.reference,
      input.recordedAt,
      input.recordedBy,
    ],
  );
  const row = await db.one<DisbursementRow>('SELECT * FROM disbursements WHERE id = ?', [input.id]);
  if (!row) throw new Error(`Disbursement ${input.id} was not stored`);
  return disbursementOf(row);
}

/**
 * The sum paid of an award, in minor units.
 *
 * @example
 * ```ts
 * fromMinorUnits(await disbursedMinor(db, awardId)).amount; // '60000.00'
 * ```
 */
export async function disbursedMinor(db: Db, awardId: string): Promise<bigint> {
  const row = await db.one<{ total: number | string | bigint | null }>(
    'SELECT SUM(amount_minor) AS total FROM disbursements WHERE award_id = ?',
    [awardId],
  );
  return BigInt(row?.total ?? 0);
}
