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
  type ReportRequirement,
  type ReportReview,
  type ReportStatus,
  type ReportSubmission,
  type ScanState,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
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
function submissionOf(row: Pick<ReportRow, 'submission' | 'file_scan_state'>): ReportSubmission {
  const submission = JSON.parse(row.submission) as ReportSubmission;
  if (!submission.attachment) return submission;
  return {
    ...submission,
    attachment: { ...submission.attachment, scanState: row.file_scan_state ?? 'pending' },
  };
}

/** A report's stored row as both readers get it: its status, submission (with scan state) and review. */
type StoredReport = Pick<ReportRow, 'status' | 'submission' | 'review' | 'file_scan_state'>;

/** One report as the contract shows it: a requirement of an award's call, with its stored row if any. */
function toAwardReport(
  award: Award,
  requirement: ReportRequirement,
  row: StoredReport | undefined,
  now: Date,
): AwardReport {
  const status: ReportStatus = row?.status ?? 'due';
  return {
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
      reports.push(toAwardReport(award, requirement, rows.get(`${award.id}\u0000${requirement.id}`), now));
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

/**
 * The order of a page of many awards' reports: award by award, the most recently decided first (as
 * `awards_by_call_decided` and `awards_by_association_decided` hold them, `(…, decided_at DESC, id)`),
 * then each award's reports by due date and requirement. The last two keys only order the few reports of
 * one award, which the database sorts after reading the award's rows from the index.
 */
const REPORTS_BY_DECISION: Keyset = {
  name: 'decided',
  keys: [
    { expr: 'a.decided_at', desc: true },
    { expr: 'a.id' },
    { expr: 'q.due_on' },
    { expr: 'q.requirement_id' },
  ],
};

/** What a page of reports is read from: one call's awards, or one association's. */
export type ReportScope = { callId: string } | { associationId: string };

/** The filters and page of a list of reports, as the contract's `AwardReportQuery` parses them. */
export interface ReportPageQuery {
  status?: readonly ReportStatus[] | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

interface ReportPageRow {
  id: string;
  decided_at: string;
  call_id: string;
  q_requirement_id: string;
  q_due_on: string;
  r_status: Exclude<ReportStatus, 'due'> | null;
  r_submission: string | null;
  r_review: string | null;
  r_file_scan_state: ScanState | null;
}

/**
 * A page of the reports that a call's awards (or an association's) owe, filtered by status and overdue in
 * SQL: a keyset page (see {@link REPORTS_BY_DECISION}) that reads only its own awards and their report
 * rows. A report without a row is `due`; the requirements of the calls concerned join as a `VALUES` list,
 * each with its due date and whether that date has passed at `now` in Casablanca, so that `overdue` is a
 * SQL condition too.
 *
 * @example
 * ```ts
 * const page = await reportPage(db, { callId: call.id }, [call], { overdue: true, limit: 20 }, now);
 * page.items.every((report) => report.overdue); // true
 * ```
 */
export async function reportPage(
  db: Db,
  scope: ReportScope,
  calls: readonly StoredCall[],
  query: ReportPageQuery,
  now: Date,
): Promise<{ items: AwardReport[]; nextCursor: string | null }> {
  const after = readKeysetCursor(query.cursor, REPORTS_BY_DECISION.name, REPORTS_BY_DECISION.keys.length);
  const today = casablancaDate(now);
  const requirements = new Map<string, ReportRequirement>();
  const values: SqlValue[] = [];
  for (const call of calls)
    for (const requirement of call.reports ?? []) {
      requirements.set(`${call.id}\u0000${requirement.id}`, requirement);
      values.push(call.id, requirement.id, requirement.dueOn, today > requirement.dueOn ? 'past' : 'ahead');
    }
  // No requirement, no report (and `VALUES` takes at least one row).
  if (requirements.size === 0) return { items: [], nextCursor: null };
  const status = "COALESCE(r.status, 'due')";
  // The awards first: `CROSS JOIN` keeps SQLite from putting the requirements in the outer loop, so that it
  // reads the awards in their index's order and sorts only each award's few reports (the last two keys),
  // stopping at the page's end instead of sorting every report of the call.
  const filters: string[] = ['q.call_id = a.call_id'];
  const params: SqlValue[] = [...values];
  const [column, scopeValue] =
    'callId' in scope ? ['a.call_id', scope.callId] : ['a.association_id', scope.associationId];
  filters.push(`${column} = ?`);
  params.push(scopeValue);
  if (query.status?.length) {
    filters.push(`${status} IN (${query.status.map(() => '?').join(', ')})`);
    params.push(...query.status);
  }
  // As isOverdue: due date passed, and nothing stands submitted or accepted.
  const overdue = `(q.past = 'past' AND ${status} IN ('due', 'returned'))`;
  if (query.overdue !== undefined) filters.push(query.overdue ? overdue : `NOT ${overdue}`);
  const keyset = keysetClause(REPORTS_BY_DECISION, after);
  filters.push(`(${keyset.sql})`);
  params.push(...keyset.params, query.limit + 1);
  const rows = await db.all<ReportPageRow>(
    `WITH q (call_id, requirement_id, due_on, past) AS (VALUES ${Array.from({ length: values.length / 4 }, () => '(?, ?, ?, ?)').join(', ')})
     SELECT a.*, q.requirement_id AS q_requirement_id, q.due_on AS q_due_on, r.status AS r_status,
       r.submission AS r_submission, r.review AS r_review, r.file_scan_state AS r_file_scan_state
     FROM awards a
     CROSS JOIN q
     LEFT JOIN award_reports r ON r.award_id = a.id AND r.requirement_id = q.requirement_id
     WHERE ${filters.join(' AND ')}
     ${orderByClause(REPORTS_BY_DECISION)}
     LIMIT ?`,
    params,
  );
  const page = keysetPage(rows, query.limit, REPORTS_BY_DECISION.name, (row) => [
    row.decided_at,
    row.id,
    row.q_due_on,
    row.q_requirement_id,
  ]);
  const awards = awardsFromRows(page.items);
  const items = page.items.map((row, index): AwardReport => {
    const award = awards[index] as Award;
    const requirement = requirements.get(`${row.call_id}\u0000${row.q_requirement_id}`) as ReportRequirement;
    const stored =
      row.r_status === null || row.r_submission === null
        ? undefined
        : {
            status: row.r_status,
            submission: row.r_submission,
            review: row.r_review,
            file_scan_state: row.r_file_scan_state,
          };
    return toAwardReport(award, requirement, stored, now);
  });
  return { items, nextCursor: page.nextCursor };
}

/**
 * The ids of the calls under which an association has awards, from `awards_by_association`: the calls whose
 * requirements a page of its reports joins.
 *
 * @example
 * ```ts
 * const calls = await callIdsOfAssociation(db, associationId); // ['call_…', …]
 * ```
 */
export async function callIdsOfAssociation(db: Db, associationId: string): Promise<string[]> {
  const rows = await db.all<{ call_id: string }>(
    'SELECT DISTINCT call_id FROM awards WHERE association_id = ? ORDER BY call_id',
    [associationId],
  );
  return rows.map((row) => row.call_id);
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
