// SQL ↔ contract objects for calls, applications, reviews, decisions and awards. Other areas (the
// application workflow, indicators, open data) build on these functions rather than on the tables.
import {
  type Answers,
  type Application,
  type ApplicationStatus,
  type ApplicationSummary,
  type Attachment,
  type Award,
  type Call,
  type CallStats,
  type CallSummary,
  type Decision,
  type Funder,
  fromMinorUnits,
  type LocalizedText,
  type Money,
  type Receipt,
  type RegionCode,
  type Review,
  toMinorUnits,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { indexForSearch } from '../../search/search.js';

/** A call as stored: everything but `stats`, which {@link readCall} computes from applications and awards. */
export type StoredCall = Omit<Call, 'stats'>;

/** Search index kind of calls. */
export const CALL_SEARCH_KIND = 'call';

interface CallRow {
  id: string;
  data: string;
}

function minorOrNull(money: Money | undefined): bigint | null {
  return money ? toMinorUnits(money) : null;
}

const writeCounts = new WeakMap<Db, number>();

/** How many times {@link writeCall} ran on this database in this process (search caches compare it). */
export function callsWriteCount(db: Db): number {
  return writeCounts.get(db) ?? 0;
}

/**
 * Inserts or replaces a call with its region and domain links, and (re)indexes it for search by titles,
 * summaries, descriptions, reference, programme and funder name in every language. Run inside a
 * transaction when writing many.
 *
 * @example
 * ```ts
 * db.transaction(() => writeCall(db, { ...call, status: 'closed', version: call.version + 1 }));
 * ```
 */
export function writeCall(db: Db, call: StoredCall): void {
  writeCounts.set(db, callsWriteCount(db) + 1);
  const { stats: _ignored, ...stored } = call as StoredCall & { stats?: CallStats };
  db.transaction(() => {
    db.run('DELETE FROM call_regions WHERE call_id = ?', [call.id]);
    db.run('DELETE FROM call_domains WHERE call_id = ?', [call.id]);
    const params: SqlValue[] = [
      call.id,
      call.reference,
      call.status,
      call.fiscalYear,
      call.instrument,
      call.funder.level,
      call.funder.sectorCode,
      call.coverage,
      call.dates.opensAt,
      call.dates.closes?.at ?? null,
      call.dates.publishedAt,
      minorOrNull(call.budget.maxAward),
      minorOrNull(call.budget.minAward),
      JSON.stringify(stored),
    ];
    db.run(
      `INSERT INTO calls (id, reference, status, fiscal_year, instrument, funder_level, sector_code, coverage,
         opens_at, closes_at, published_at, max_award_minor, min_award_minor, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, status = excluded.status,
         fiscal_year = excluded.fiscal_year, instrument = excluded.instrument,
         funder_level = excluded.funder_level, sector_code = excluded.sector_code,
         coverage = excluded.coverage, opens_at = excluded.opens_at, closes_at = excluded.closes_at,
         published_at = excluded.published_at, max_award_minor = excluded.max_award_minor,
         min_award_minor = excluded.min_award_minor, data = excluded.data`,
      params,
    );
    for (const region of new Set(call.eligibleRegions))
      db.run('INSERT INTO call_regions (call_id, region) VALUES (?, ?)', [call.id, region]);
    for (const domain of new Set(call.domains))
      db.run('INSERT INTO call_domains (call_id, domain) VALUES (?, ?)', [call.id, domain]);
    indexForSearch(db, CALL_SEARCH_KIND, call.id, [
      call.title,
      call.summary,
      call.description,
      call.reference,
      call.programme,
      call.funder.name,
    ]);
  });
}

/**
 * Public figures of a call: `applications` counts submitted applications (not drafts nor withdrawn ones),
 * `eligible` those that passed the eligibility check (under review, awarded, or rejected at decision),
 * `awarded` and `amountAwarded` come from the awards table.
 *
 * @example
 * ```ts
 * callStats(db, 'call_0003').amountAwarded.amount; // '450000.00'
 * ```
 */
export function callStats(db: Db, callId: string): CallStats {
  const counts = db.get<{ applications: number; eligible: number }>(
    `SELECT
       COALESCE(SUM(CASE WHEN a.status NOT IN ('draft', 'withdrawn') THEN 1 ELSE 0 END), 0) AS applications,
       COALESCE(SUM(CASE WHEN a.status IN ('under_review', 'awarded')
         OR (a.status = 'rejected' AND d.application_id IS NOT NULL) THEN 1 ELSE 0 END), 0) AS eligible
     FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
     WHERE a.call_id = ?`,
    [callId],
  );
  const awards = db.get<{ awarded: number; amount: number | bigint | null }>(
    'SELECT COUNT(*) AS awarded, SUM(amount_minor) AS amount FROM awards WHERE call_id = ?',
    [callId],
  );
  return {
    applications: Number(counts?.applications ?? 0),
    eligible: Number(counts?.eligible ?? 0),
    awarded: Number(awards?.awarded ?? 0),
    amountAwarded: fromMinorUnits(BigInt(awards?.amount ?? 0)),
  };
}

/**
 * Reads the stored call object (without stats), or `undefined`.
 *
 * @example
 * ```ts
 * const stored = readStoredCall(db, 'call_0001');
 * stored?.form.version; // 1
 * ```
 */
export function readStoredCall(db: Db, id: string): StoredCall | undefined {
  const row = db.get<CallRow>('SELECT id, data FROM calls WHERE id = ?', [id]);
  return row ? (JSON.parse(row.data) as StoredCall) : undefined;
}

/**
 * A call in full, with its stats computed from applications and awards; `undefined` when unknown.
 *
 * @example
 * ```ts
 * const call = readCall(db, 'call_0001');
 * if (!call) throw problem('not_found');
 * call.requiredDocuments.map((d) => d.id); // ['statutes', 'budget']
 * ```
 */
export function readCall(db: Db, id: string): Call | undefined {
  const stored = readStoredCall(db, id);
  return stored ? { ...stored, stats: callStats(db, id) } : undefined;
}

/**
 * The card fields of a call (the contract's `CallSummary`) taken from a full or stored call.
 *
 * @example
 * ```ts
 * const summary = callSummaryOf(readStoredCall(db, 'call_0001')!);
 * ```
 */
export function callSummaryOf(call: StoredCall): CallSummary {
  return {
    id: call.id,
    reference: call.reference,
    title: call.title,
    summary: call.summary,
    funder: call.funder,
    ...(call.programme ? { programme: call.programme } : {}),
    fiscalYear: call.fiscalYear,
    instrument: call.instrument,
    domains: call.domains,
    coverage: call.coverage,
    eligibleRegions: call.eligibleRegions,
    budget: call.budget,
    dates: call.dates,
    deadlineModel: call.deadlineModel,
    status: call.status,
    version: call.version,
  };
}

/**
 * A call as a list shows it, or `undefined`.
 *
 * @example
 * ```ts
 * readCallSummary(db, 'call_0002')?.dates.closes?.at;
 * ```
 */
export function readCallSummary(db: Db, id: string): CallSummary | undefined {
  const stored = readStoredCall(db, id);
  return stored ? callSummaryOf(stored) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Applications

/** What `applications.data` holds besides the indexed columns. */
interface ApplicationData {
  associationName: LocalizedText;
  formVersion: number;
  answers: Answers;
  autosavedAt?: string;
  submittedBy?: { id: string; displayName: string };
  receipt?: Receipt;
}

interface ApplicationRow {
  id: string;
  call_id: string;
  association_id: string;
  region: RegionCode;
  status: ApplicationStatus;
  revision: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  project_title: string | null;
  requested_minor: number | bigint | null;
  data: string;
}

/** Input of {@link insertApplication}: a new application (a draft unless `status` says otherwise). */
export interface NewApplication {
  id: string;
  callId: string;
  associationId: string;
  /** The association's name at the time, kept with the application (and later its award). */
  associationName: LocalizedText;
  /** The association's region (reviewer listings filter on it; awards carry it). */
  region: string;
  formVersion: number;
  createdAt: string;
  status?: ApplicationStatus;
  /** Account id recorded in the history (never shown publicly). */
  actor?: string;
}

/**
 * Inserts an application with revision 1 and a first history entry. The caller checks the call, the
 * membership and that no other non-withdrawn application of the association to the call exists
 * ({@link findActiveApplicationId}).
 *
 * @example
 * ```ts
 * insertApplication(db, { id: 'app_x', callId: 'call_0001', associationId: 'asso_0001',
 *   associationName: { ar: 'جمعية' }, region: 'MA-04', formVersion: 1, createdAt: now.toISOString(), actor: auth.id });
 * ```
 */
export function insertApplication(db: Db, input: NewApplication): void {
  const status = input.status ?? 'draft';
  const data: ApplicationData = {
    associationName: input.associationName,
    formVersion: input.formVersion,
    answers: {},
  };
  db.transaction(() => {
    db.run(
      `INSERT INTO applications (id, call_id, association_id, region, status, revision, created_at, updated_at, data)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [
        input.id,
        input.callId,
        input.associationId,
        input.region,
        status,
        input.createdAt,
        input.createdAt,
        JSON.stringify(data),
      ],
    );
    appendHistory(db, input.id, status, input.createdAt, { actor: input.actor });
  });
}

/**
 * Changes to an application for {@link saveApplication}. `answers` replaces the stored answers (merge
 * first); `null` clears `projectTitle` / `requestedAmount`; absent fields are left alone.
 */
export interface ApplicationPatch {
  projectTitle?: string | null;
  requestedAmount?: Money | null;
  answers?: Answers;
  formVersion?: number;
  autosavedAt?: string;
  submittedAt?: string;
  submittedBy?: { id: string; displayName: string };
  receipt?: Receipt;
}

/**
 * Saves changes to an application, bumps its `revision` and returns the new revision (`undefined` when the
 * application does not exist). `at` becomes `updated_at`.
 *
 * @example
 * ```ts
 * const merged = { ...current.answers, ...body.answers };
 * saveApplication(db, id, { answers: merged, autosavedAt: now.toISOString() }, now.toISOString());
 * ```
 */
export function saveApplication(db: Db, id: string, patch: ApplicationPatch, at: string): number | undefined {
  return db.transaction(() => {
    const row = db.get<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [id]);
    if (!row) return undefined;
    const data = JSON.parse(row.data) as ApplicationData;
    if (patch.answers !== undefined) data.answers = patch.answers;
    if (patch.formVersion !== undefined) data.formVersion = patch.formVersion;
    if (patch.autosavedAt !== undefined) data.autosavedAt = patch.autosavedAt;
    if (patch.submittedBy !== undefined) data.submittedBy = patch.submittedBy;
    if (patch.receipt !== undefined) data.receipt = patch.receipt;
    const title = patch.projectTitle === undefined ? row.project_title : patch.projectTitle;
    const requested =
      patch.requestedAmount === undefined
        ? row.requested_minor
        : patch.requestedAmount === null
          ? null
          : toMinorUnits(patch.requestedAmount);
    const revision = row.revision + 1;
    db.run(
      `UPDATE applications SET project_title = ?, requested_minor = ?, submitted_at = ?, revision = ?,
         updated_at = ?, data = ? WHERE id = ?`,
      [title, requested, patch.submittedAt ?? row.submitted_at, revision, at, JSON.stringify(data), id],
    );
    return revision;
  });
}

/**
 * Appends one entry to an application's status history (without changing its status column); prefer
 * {@link setApplicationStatus}.
 *
 * @example
 * ```ts
 * appendHistory(db, id, 'received', now.toISOString(), { actor: 'system' });
 * ```
 */
export function appendHistory(
  db: Db,
  applicationId: string,
  status: ApplicationStatus,
  at: string,
  options: { reason?: string | undefined; actor?: string | undefined } = {},
): void {
  const last = db.get<{ seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM application_history WHERE application_id = ?',
    [applicationId],
  );
  db.run(
    'INSERT INTO application_history (application_id, seq, status, at, reason, actor) VALUES (?, ?, ?, ?, ?, ?)',
    [applicationId, Number(last?.seq ?? 0) + 1, status, at, options.reason ?? null, options.actor ?? null],
  );
}

/**
 * Moves an application to `status`: updates the status column, appends the history entry (with the
 * reason shown to the applicant) and bumps the revision. Returns the new revision, or `undefined` when
 * the application does not exist. The caller checks that the transition is allowed.
 *
 * @example
 * ```ts
 * setApplicationStatus(db, id, 'withdrawn', now.toISOString(), { reason: body.reason, actor: auth.id });
 * ```
 */
export function setApplicationStatus(
  db: Db,
  id: string,
  status: ApplicationStatus,
  at: string,
  options: { reason?: string | undefined; actor?: string | undefined } = {},
): number | undefined {
  return db.transaction(() => {
    const row = db.get<{ revision: number }>('SELECT revision FROM applications WHERE id = ?', [id]);
    if (!row) return undefined;
    db.run('UPDATE applications SET status = ?, revision = ?, updated_at = ? WHERE id = ?', [
      status,
      row.revision + 1,
      at,
      id,
    ]);
    appendHistory(db, id, status, at, options);
    return row.revision + 1;
  });
}

/**
 * The id of the association's current (not withdrawn) application to a call, if any: at most one may exist,
 * which the workflow enforces in code.
 *
 * @example
 * ```ts
 * if (findActiveApplicationId(db, 'call_0001', 'asso_0001')) throw problem('already_exists');
 * ```
 */
export function findActiveApplicationId(db: Db, callId: string, associationId: string): string | undefined {
  return db.get<{ id: string }>(
    "SELECT id FROM applications WHERE call_id = ? AND association_id = ? AND status <> 'withdrawn' ORDER BY created_at DESC LIMIT 1",
    [callId, associationId],
  )?.id;
}

/**
 * The stored basics of an application without assembling it: for authorisation checks and ETags.
 *
 * @example
 * ```ts
 * const head = readApplicationHead(db, params.applicationId);
 * if (!head || !isMemberOf(auth, head.associationId)) throw problem('not_found');
 * ```
 */
export function readApplicationHead(
  db: Db,
  id: string,
):
  | { id: string; callId: string; associationId: string; status: ApplicationStatus; revision: number }
  | undefined {
  const row = db.get<ApplicationRow>(
    'SELECT id, call_id, association_id, status, revision FROM applications WHERE id = ?',
    [id],
  );
  return row
    ? {
        id: row.id,
        callId: row.call_id,
        associationId: row.association_id,
        status: row.status,
        revision: row.revision,
      }
    : undefined;
}

/**
 * Adds an uploaded file's metadata to an application (the bytes are stored by the caller). `uploadedBy` is
 * the uploading account, kept for erasure requests and never shown.
 *
 * @example
 * ```ts
 * insertAttachment(db, applicationId, { id: 'att_1', documentId: 'statutes', fileName: 'statuts.pdf',
 *   size: 1024, mediaType: 'application/pdf', sha256: 'sha256:…', scanState: 'clean', uploadedAt }, auth.id);
 * ```
 */
export function insertAttachment(
  db: Db,
  applicationId: string,
  attachment: Attachment,
  uploadedBy?: string,
): void {
  const columns = [
    'id',
    'application_id',
    'document_id',
    'file_name',
    'size',
    'media_type',
    'sha256',
    'scan_state',
    'uploaded_at',
  ];
  const values = [
    attachment.id,
    applicationId,
    attachment.documentId,
    attachment.fileName,
    attachment.size,
    attachment.mediaType,
    attachment.sha256,
    attachment.scanState,
    attachment.uploadedAt,
  ];
  // The uploader column comes with the applications area's migration; the seed writes none.
  if (uploadedBy !== undefined) {
    columns.push('uploaded_by');
    values.push(uploadedBy);
  }
  db.run(
    `INSERT INTO attachments (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    values,
  );
}

/**
 * Removes an attachment of an application; `true` when one was removed.
 *
 * @example
 * ```ts
 * if (!deleteAttachment(db, params.applicationId, params.attachmentId)) throw problem('not_found');
 * ```
 */
export function deleteAttachment(db: Db, applicationId: string, attachmentId: string): boolean {
  return (
    db.run('DELETE FROM attachments WHERE application_id = ? AND id = ?', [applicationId, attachmentId])
      .changes > 0
  );
}

interface AttachmentRow {
  id: string;
  document_id: string;
  file_name: string;
  size: number;
  media_type: string;
  sha256: string;
  scan_state: Attachment['scanState'];
  uploaded_at: string;
  /** Absent when the applications area (whose migration adds it) is not mounted. */
  purged_at?: string | null;
}

/**
 * The attachments of an application, oldest first.
 *
 * @example
 * ```ts
 * const attached = readAttachments(db, id).map((a) => a.documentId);
 * ```
 */
export function readAttachments(db: Db, applicationId: string): Attachment[] {
  return db
    .query<AttachmentRow>('SELECT * FROM attachments WHERE application_id = ? ORDER BY uploaded_at, id', [
      applicationId,
    ])
    .map((row) => ({
      id: row.id,
      documentId: row.document_id,
      fileName: row.file_name,
      size: Number(row.size),
      mediaType: row.media_type,
      sha256: row.sha256,
      scanState: row.scan_state,
      uploadedAt: row.uploaded_at,
      ...(row.purged_at ? { purgedAt: row.purged_at } : {}),
    }));
}

/**
 * Inserts or replaces a review (one per reviewer and application); `weightedTotal` is computed by the
 * caller from the call's criteria weights.
 *
 * @example
 * ```ts
 * writeReview(db, { id: 'rev_1', applicationId, reviewer: { id: auth.id, displayName: auth.displayName },
 *   conflictOfInterest: { declared: false }, scores, weightedTotal: 72.5, submittedAt: now.toISOString() });
 * ```
 */
export function writeReview(db: Db, review: Review): void {
  db.run(
    `INSERT INTO reviews (id, application_id, reviewer_id, reviewer_name, conflict_declared, statement, scores,
       weighted_total, comment, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id, reviewer_id) DO UPDATE SET reviewer_name = excluded.reviewer_name,
       conflict_declared = excluded.conflict_declared, statement = excluded.statement, scores = excluded.scores,
       weighted_total = excluded.weighted_total, comment = excluded.comment, submitted_at = excluded.submitted_at`,
    [
      review.id,
      review.applicationId,
      review.reviewer.id,
      review.reviewer.displayName,
      review.conflictOfInterest.declared ? 1 : 0,
      review.conflictOfInterest.statement ?? null,
      JSON.stringify(review.scores),
      review.weightedTotal ?? null,
      review.comment ?? null,
      review.submittedAt,
    ],
  );
}

interface ReviewRow {
  id: string;
  application_id: string;
  reviewer_id: string;
  reviewer_name: string;
  conflict_declared: number;
  statement: string | null;
  scores: string;
  weighted_total: number | null;
  comment: string | null;
  submitted_at: string;
}

/**
 * The reviews of an application, in the order they were submitted.
 *
 * @example
 * ```ts
 * const mine = readReviews(db, id).find((r) => r.reviewer.id === auth.id);
 * ```
 */
export function readReviews(db: Db, applicationId: string): Review[] {
  return db
    .query<ReviewRow>('SELECT * FROM reviews WHERE application_id = ? ORDER BY submitted_at, id', [
      applicationId,
    ])
    .map((row) => ({
      id: row.id,
      applicationId: row.application_id,
      reviewer: { id: row.reviewer_id, displayName: row.reviewer_name },
      conflictOfInterest: {
        declared: row.conflict_declared === 1,
        ...(row.statement !== null ? { statement: row.statement } : {}),
      },
      scores: JSON.parse(row.scores) as Review['scores'],
      ...(row.weighted_total !== null ? { weightedTotal: row.weighted_total } : {}),
      ...(row.comment !== null ? { comment: row.comment } : {}),
      submittedAt: row.submitted_at,
    }));
}

/**
 * Records the decision on an application (one per application; a second one replaces it). Status change
 * and award are the caller's: {@link setApplicationStatus} and {@link insertAward}.
 *
 * @example
 * ```ts
 * writeDecision(db, id, { outcome: 'rejected', reason: 'Budget incohérent', decidedAt }, auth.id);
 * ```
 */
export function writeDecision(db: Db, applicationId: string, decision: Decision, decidedBy?: string): void {
  db.run(
    `INSERT INTO decisions (application_id, outcome, amount_minor, conditions, reason, decided_at, decided_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id) DO UPDATE SET outcome = excluded.outcome, amount_minor = excluded.amount_minor,
       conditions = excluded.conditions, reason = excluded.reason, decided_at = excluded.decided_at,
       decided_by = excluded.decided_by`,
    [
      applicationId,
      decision.outcome,
      minorOrNull(decision.amount),
      decision.conditions ?? null,
      decision.reason ?? null,
      decision.decidedAt,
      decidedBy ?? null,
    ],
  );
}

/**
 * The decision on an application, if any.
 *
 * @example
 * ```ts
 * readDecision(db, id)?.outcome; // 'awarded'
 * ```
 */
export function readDecision(db: Db, applicationId: string): Decision | undefined {
  const row = db.get<{
    outcome: Decision['outcome'];
    amount_minor: number | bigint | null;
    conditions: string | null;
    reason: string | null;
    decided_at: string;
  }>('SELECT * FROM decisions WHERE application_id = ?', [applicationId]);
  if (!row) return undefined;
  return {
    outcome: row.outcome,
    ...(row.amount_minor !== null ? { amount: fromMinorUnits(BigInt(row.amount_minor)) } : {}),
    ...(row.conditions !== null ? { conditions: row.conditions } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    decidedAt: row.decided_at,
  };
}

function callHeader(db: Db, callId: string): { reference: string; title: LocalizedText } {
  const stored = readStoredCall(db, callId);
  return { reference: stored?.reference ?? 'MA-UNKNOWN', title: stored?.title ?? { fr: callId } };
}

/**
 * An application assembled from its tables: answers, attachments, history, receipt, decision and, with
 * `withReviews` (reviewers and admins only), its reviews. `undefined` when unknown. The caller decides who
 * may see it.
 *
 * @example
 * ```ts
 * const application = readApplication(db, params.applicationId, { withReviews: isReviewer(auth) });
 * ```
 */
export function readApplication(
  db: Db,
  id: string,
  options: { withReviews?: boolean } = {},
): Application | undefined {
  const row = db.get<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [id]);
  if (!row) return undefined;
  const data = JSON.parse(row.data) as ApplicationData;
  const call = callHeader(db, row.call_id);
  const history = db
    .query<{ status: ApplicationStatus; at: string; reason: string | null }>(
      'SELECT status, at, reason FROM application_history WHERE application_id = ? ORDER BY seq',
      [id],
    )
    .map((h) => ({ status: h.status, at: h.at, ...(h.reason !== null ? { reason: h.reason } : {}) }));
  const decision = readDecision(db, id);
  return {
    id: row.id,
    callId: row.call_id,
    callReference: call.reference,
    callTitle: call.title,
    associationId: row.association_id,
    associationName: data.associationName,
    formVersion: data.formVersion,
    status: row.status,
    history,
    ...(row.project_title !== null ? { projectTitle: row.project_title } : {}),
    ...(row.requested_minor !== null ? { requestedAmount: fromMinorUnits(BigInt(row.requested_minor)) } : {}),
    answers: data.answers,
    attachments: readAttachments(db, id),
    revision: row.revision,
    createdAt: row.created_at,
    ...(data.autosavedAt ? { autosavedAt: data.autosavedAt } : {}),
    ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
    ...(data.submittedBy ? { submittedBy: data.submittedBy } : {}),
    ...(data.receipt ? { receipt: data.receipt } : {}),
    ...(options.withReviews ? { reviews: readReviews(db, id) } : {}),
    ...(decision ? { decision } : {}),
  };
}

/**
 * An application as a listing shows it; `withScores` adds the reviewers' average weighted total and the
 * review count (reviewer listings only).
 *
 * @example
 * ```ts
 * const items = ids.map((id) => readApplicationSummary(db, id, { withScores: true })!);
 * ```
 */
export function readApplicationSummary(
  db: Db,
  id: string,
  options: { withScores?: boolean } = {},
): ApplicationSummary | undefined {
  const row = db.get<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [id]);
  if (!row) return undefined;
  const data = JSON.parse(row.data) as ApplicationData;
  const call = callHeader(db, row.call_id);
  let scores: { averageScore?: number; reviewCount?: number } = {};
  if (options.withScores) {
    const agg = db.get<{ n: number; avg: number | null }>(
      'SELECT COUNT(*) AS n, AVG(weighted_total) AS avg FROM reviews WHERE application_id = ? AND conflict_declared = 0',
      [id],
    );
    scores = {
      reviewCount: Number(agg?.n ?? 0),
      ...(agg?.avg !== null && agg?.avg !== undefined
        ? { averageScore: Math.round(agg.avg * 100) / 100 }
        : {}),
    };
  }
  return {
    id: row.id,
    callId: row.call_id,
    callReference: call.reference,
    callTitle: call.title,
    associationId: row.association_id,
    associationName: data.associationName,
    region: row.region,
    status: row.status,
    ...(row.project_title !== null ? { projectTitle: row.project_title } : {}),
    ...(row.requested_minor !== null ? { requestedAmount: fromMinorUnits(BigInt(row.requested_minor)) } : {}),
    ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
    ...scores,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Awards

interface AwardData {
  callReference: string;
  callTitle: LocalizedText;
  funder: Funder;
  associationName: LocalizedText;
  projectTitle: string;
  domains: string[];
}

interface AwardRow {
  id: string;
  call_id: string;
  application_id: string;
  association_id: string;
  amount_minor: number | bigint;
  region: RegionCode;
  fiscal_year: number;
  funder_level: string;
  decided_at: string;
  data: string;
}

/** Input of {@link insertAward}. */
export interface NewAward {
  applicationId: string;
  amount: Money;
  decidedAt: string;
  /** Defaults to `awd_` + the application id's suffix. */
  id?: string;
}

/** Turns an `awards` row into the contract's {@link Award}. */
function awardOf(row: AwardRow): Award {
  const data = JSON.parse(row.data) as AwardData;
  return {
    id: row.id,
    callId: row.call_id,
    callReference: data.callReference,
    callTitle: data.callTitle,
    funder: data.funder,
    fiscalYear: Number(row.fiscal_year),
    applicationId: row.application_id,
    associationId: row.association_id,
    associationName: data.associationName,
    projectTitle: data.projectTitle,
    amount: fromMinorUnits(BigInt(row.amount_minor)),
    region: row.region,
    domains: data.domains,
    decidedAt: row.decided_at,
  };
}

/**
 * Publishes the award of an awarded application: call, funder, fiscal year and domains come from the call,
 * the association's name, region and project title from the application. Returns the award. Throws when
 * the application does not exist (a bug in the caller). The caller checks the amount against the call's
 * min/max award and writes the decision and status in the same transaction.
 *
 * @example
 * ```ts
 * db.transaction(() => {
 *   writeDecision(db, id, { outcome: 'awarded', amount, decidedAt }, auth.id);
 *   setApplicationStatus(db, id, 'awarded', decidedAt, { actor: auth.id });
 *   insertAward(db, { applicationId: id, amount, decidedAt });
 * });
 * ```
 */
export function insertAward(db: Db, input: NewAward): Award {
  const app = db.get<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [input.applicationId]);
  if (!app) throw new Error(`No application ${input.applicationId}`);
  const call = readStoredCall(db, app.call_id);
  if (!call) throw new Error(`No call ${app.call_id}`);
  const appData = JSON.parse(app.data) as ApplicationData;
  const id = input.id ?? `awd_${input.applicationId.replace(/^app_/, '')}`;
  const data: AwardData = {
    callReference: call.reference,
    callTitle: call.title,
    funder: call.funder,
    associationName: appData.associationName,
    projectTitle: app.project_title ?? '',
    domains: call.domains,
  };
  db.transaction(() => {
    db.run(
      `INSERT INTO awards (id, call_id, application_id, association_id, amount_minor, region, fiscal_year,
         funder_level, decided_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        call.id,
        app.id,
        app.association_id,
        toMinorUnits(input.amount),
        app.region,
        call.fiscalYear,
        call.funder.level,
        input.decidedAt,
        JSON.stringify(data),
      ],
    );
    for (const domain of new Set(call.domains))
      db.run('INSERT INTO award_domains (award_id, domain) VALUES (?, ?)', [id, domain]);
  });
  const row = db.get<AwardRow>('SELECT * FROM awards WHERE id = ?', [id]);
  if (!row) throw new Error(`Award ${id} was not stored`);
  return awardOf(row);
}

/**
 * One award, or `undefined`.
 *
 * @example
 * ```ts
 * readAward(db, 'awd_0001')?.amount.amount; // '150000.00'
 * ```
 */
export function readAward(db: Db, id: string): Award | undefined {
  const row = db.get<AwardRow>('SELECT * FROM awards WHERE id = ?', [id]);
  return row ? awardOf(row) : undefined;
}

/**
 * Awards from raw rows selected with `SELECT * FROM awards …` (for list routes that build their own SQL).
 *
 * @example
 * ```ts
 * const items = awardsFromRows(db.query('SELECT * FROM awards WHERE call_id = ?', [callId]));
 * ```
 */
export function awardsFromRows(rows: readonly unknown[]): Award[] {
  return (rows as AwardRow[]).map(awardOf);
}
