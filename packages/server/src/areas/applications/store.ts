// SQL ↔ contract objects for applications with their history, attachments and decisions, and the bounded
// (keyset) application lists. Reviews live in reviews.ts, awards in awards.ts; the calls themselves in
// ../calls/store.ts. Other areas (privacy, indicators, open data) build on these functions rather than on
// the tables.
import {
  type Amendment,
  type Answers,
  type Application,
  type ApplicationStatus,
  type ApplicationSummary,
  type Attachment,
  type Decision,
  type FacetValue,
  fromMinorUnits,
  type LocalizedText,
  type Money,
  type Receipt,
  type RegionCode,
  toMinorUnits,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { type FacetCountRow, type FacetPart, facetedCounts, inList, marks } from '../../db/faceted-search.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import { readStoredCall } from '../calls/store.js';
import { readEligibilityCheck } from './governance.js';
import { readReviews } from './reviews.js';

function minorOrNull(money: Money | undefined): bigint | null {
  return money ? toMinorUnits(money) : null;
}

/** What `applications.data` holds besides the indexed columns. */
export interface ApplicationData {
  associationName: LocalizedText;
  formVersion: number;
  answers: Answers;
  autosavedAt?: string;
  submittedBy?: { id: string; displayName: string };
  receipt?: Receipt;
}

/** A row of `applications` as the drivers return it. */
export interface ApplicationRow {
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
export async function insertApplication(db: Db, input: NewApplication): Promise<void> {
  const status = input.status ?? 'draft';
  const data: ApplicationData = {
    associationName: input.associationName,
    formVersion: input.formVersion,
    answers: {},
  };
  await db.atomic(async () => {
    await db.write(
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
    await appendHistory(db, input.id, status, input.createdAt, { actor: input.actor });
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
export async function saveApplication(
  db: Db,
  id: string,
  patch: ApplicationPatch,
  at: string,
): Promise<number | undefined> {
  return await db.atomic(async () => {
    const row = await db.one<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [id]);
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
    // The receipt number is a column too, so that the next number is one indexed lookup
    // (nextReceiptNumber) instead of a scan of every submitted application's JSON.
    await db.write(
      `UPDATE applications SET project_title = ?, requested_minor = ?, submitted_at = ?, revision = ?,
         updated_at = ?, receipt_number = ?, data = ? WHERE id = ?`,
      [
        title,
        requested,
        patch.submittedAt ?? row.submitted_at,
        revision,
        at,
        data.receipt?.number ?? null,
        JSON.stringify(data),
        id,
      ],
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
export async function appendHistory(
  db: Db,
  applicationId: string,
  status: ApplicationStatus,
  at: string,
  options: { reason?: string | undefined; actor?: string | undefined } = {},
): Promise<void> {
  const last = await db.one<{ seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM application_history WHERE application_id = ?',
    [applicationId],
  );
  await db.write(
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
export async function setApplicationStatus(
  db: Db,
  id: string,
  status: ApplicationStatus,
  at: string,
  options: { reason?: string | undefined; actor?: string | undefined } = {},
): Promise<number | undefined> {
  return await db.atomic(async () => {
    const row = await db.one<{ revision: number }>('SELECT revision FROM applications WHERE id = ?', [id]);
    if (!row) return undefined;
    await db.write('UPDATE applications SET status = ?, revision = ?, updated_at = ? WHERE id = ?', [
      status,
      row.revision + 1,
      at,
      id,
    ]);
    await appendHistory(db, id, status, at, options);
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
export async function findActiveApplicationId(
  db: Db,
  callId: string,
  associationId: string,
): Promise<string | undefined> {
  return (
    await db.one<{ id: string }>(
      "SELECT id FROM applications WHERE call_id = ? AND association_id = ? AND status <> 'withdrawn' ORDER BY created_at DESC LIMIT 1",
      [callId, associationId],
    )
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
export async function readApplicationHead(
  db: Db,
  id: string,
): Promise<
  | { id: string; callId: string; associationId: string; status: ApplicationStatus; revision: number }
  | undefined
> {
  const row = await db.one<ApplicationRow>(
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
export async function insertAttachment(
  db: Db,
  applicationId: string,
  attachment: Attachment,
  uploadedBy?: string,
): Promise<void> {
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
  // Taken from the vault (`027_attachments_from_vault`): which document, and until when it is valid.
  if (attachment.vaultDocumentId !== undefined) {
    columns.push('vault_document_id');
    values.push(attachment.vaultDocumentId);
  }
  if (attachment.validUntil !== undefined) {
    columns.push('valid_until');
    values.push(attachment.validUntil);
  }
  await db.write(
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
export async function deleteAttachment(
  db: Db,
  applicationId: string,
  attachmentId: string,
): Promise<boolean> {
  return (
    (
      await db.write('DELETE FROM attachments WHERE application_id = ? AND id = ?', [
        applicationId,
        attachmentId,
      ])
    ).changes > 0
  );
}

/**
 * Records the result of an attachment's safety scan, unless the attachment left `pending` meanwhile (it was
 * replaced, or an earlier result landed); `true` when recorded.
 *
 * @example
 * ```ts
 * await recordScanState(db, attachment.id, await getScanner().scan(bytes, attachment.mediaType));
 * ```
 */
export async function recordScanState(
  db: Db,
  attachmentId: string,
  state: Exclude<Attachment['scanState'], 'pending'>,
): Promise<boolean> {
  return (
    (
      await db.write("UPDATE attachments SET scan_state = ? WHERE id = ? AND scan_state = 'pending'", [
        state,
        attachmentId,
      ])
    ).changes > 0
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
  /** Absent when the applications area is not mounted, as `purged_at`. */
  vault_document_id?: string | null;
  valid_until?: string | null;
}

/**
 * The attachments of an application, oldest first.
 *
 * @example
 * ```ts
 * const attached = readAttachments(db, id).map((a) => a.documentId);
 * ```
 */
export async function readAttachments(db: Db, applicationId: string): Promise<Attachment[]> {
  return (
    await db.all<AttachmentRow>(
      'SELECT * FROM attachments WHERE application_id = ? ORDER BY uploaded_at, id',
      [applicationId],
    )
  ).map((row) => ({
    id: row.id,
    documentId: row.document_id,
    fileName: row.file_name,
    size: Number(row.size),
    mediaType: row.media_type,
    sha256: row.sha256,
    scanState: row.scan_state,
    uploadedAt: row.uploaded_at,
    ...(row.purged_at ? { purgedAt: row.purged_at } : {}),
    ...(row.vault_document_id ? { vaultDocumentId: row.vault_document_id } : {}),
    ...(row.valid_until ? { validUntil: row.valid_until } : {}),
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
export async function writeDecision(
  db: Db,
  applicationId: string,
  decision: Decision,
  decidedBy?: string,
): Promise<void> {
  await db.write(
    `INSERT INTO decisions (application_id, outcome, amount_minor, conditions, reason, decided_at, decided_by,
       appeal_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id) DO UPDATE SET outcome = excluded.outcome, amount_minor = excluded.amount_minor,
       conditions = excluded.conditions, reason = excluded.reason, decided_at = excluded.decided_at,
       decided_by = excluded.decided_by, appeal_until = excluded.appeal_until`,
    [
      applicationId,
      decision.outcome,
      minorOrNull(decision.amount),
      decision.conditions ?? null,
      decision.reason ?? null,
      decision.decidedAt,
      decidedBy ?? null,
      decision.appealUntil ?? null,
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
export async function readDecision(db: Db, applicationId: string): Promise<Decision | undefined> {
  const row = await db.one<{
    outcome: Decision['outcome'];
    amount_minor: number | bigint | null;
    conditions: string | null;
    reason: string | null;
    decided_at: string;
    appeal_until: string | null;
  }>('SELECT * FROM decisions WHERE application_id = ?', [applicationId]);
  if (!row) return undefined;
  return {
    outcome: row.outcome,
    ...(row.amount_minor !== null ? { amount: fromMinorUnits(BigInt(row.amount_minor)) } : {}),
    ...(row.conditions !== null ? { conditions: row.conditions } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    decidedAt: row.decided_at,
    ...(row.appeal_until ? { appealUntil: row.appeal_until } : {}),
  };
}

interface CallHeader {
  reference: string;
  title: LocalizedText;
}

async function callHeader(db: Db, callId: string): Promise<CallHeader & { amendments: Amendment[] }> {
  const stored = await readStoredCall(db, callId);
  return {
    reference: stored?.reference ?? 'MA-UNKNOWN',
    title: stored?.title ?? { fr: callId },
    amendments: stored?.amendments ?? [],
  };
}

/** The reference and title of several calls in one query (a page of applications names a few calls). */
async function callHeaders(db: Db, callIds: readonly string[]): Promise<Map<string, CallHeader>> {
  const ids = [...new Set(callIds)];
  const headers = new Map<string, CallHeader>();
  if (ids.length === 0) return headers;
  const rows = await db.all<{ id: string; reference: string; data: string }>(
    `SELECT id, reference, data FROM calls WHERE id IN (${marks(ids)})`,
    ids,
  );
  for (const row of rows)
    headers.set(row.id, { reference: row.reference, title: (JSON.parse(row.data) as CallHeader).title });
  return headers;
}

/**
 * An application assembled from its tables: answers, attachments, history, receipt, eligibility check,
 * decision and, with
 * `withReviews` (reviewers and admins only), its reviews. `undefined` when unknown. The caller decides who
 * may see it.
 *
 * @example
 * ```ts
 * const application = readApplication(db, params.applicationId, { withReviews: isReviewer(auth) });
 * ```
 */
export async function readApplication(
  db: Db,
  id: string,
  options: { withReviews?: boolean } = {},
): Promise<Application | undefined> {
  const row = await db.one<ApplicationRow>('SELECT * FROM applications WHERE id = ?', [id]);
  if (!row) return undefined;
  const data = JSON.parse(row.data) as ApplicationData;
  const call = await callHeader(db, row.call_id);
  const history = (
    await db.all<{ status: ApplicationStatus; at: string; reason: string | null }>(
      'SELECT status, at, reason FROM application_history WHERE application_id = ? ORDER BY seq',
      [id],
    )
  ).map((h) => ({ status: h.status, at: h.at, ...(h.reason !== null ? { reason: h.reason } : {}) }));
  const decision = await readDecision(db, id);
  const eligibilityCheck = await readEligibilityCheck(db, id);
  // What the call's staff changed after the association started: its applicants hear of it here.
  const callAmendments = call.amendments.filter((amendment) => amendment.at > row.created_at);
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
    attachments: await readAttachments(db, id),
    revision: row.revision,
    createdAt: row.created_at,
    ...(data.autosavedAt ? { autosavedAt: data.autosavedAt } : {}),
    ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
    ...(data.submittedBy ? { submittedBy: data.submittedBy } : {}),
    ...(data.receipt ? { receipt: data.receipt } : {}),
    ...(eligibilityCheck ? { eligibilityCheck } : {}),
    ...(callAmendments.length > 0 ? { callAmendments } : {}),
    ...(options.withReviews ? { reviews: await readReviews(db, id) } : {}),
    ...(decision ? { decision } : {}),
  };
}

/** The columns a listing reads: everything but the answers' JSON is a column; `data` holds the name. */
const SUMMARY_COLUMNS = `a.id, a.call_id, a.association_id, a.region, a.status, a.revision, a.created_at,
  a.updated_at, a.submitted_at, a.project_title, a.requested_minor, a.data`;

/**
 * Listings of applications as the contract's summaries, in the rows' order, with three queries whatever
 * the page size (rows, call headers, scores) rather than three per application. `withScores` adds the
 * reviewers' average weighted total and the review count, conflicts of interest left out (reviewer
 * listings only).
 */
async function summariesOf(
  db: Db,
  rows: readonly ApplicationRow[],
  options: { withScores?: boolean } = {},
): Promise<ApplicationSummary[]> {
  if (rows.length === 0) return [];
  const calls = await callHeaders(
    db,
    rows.map((row) => row.call_id),
  );
  const scores = new Map<string, { n: number; avg: number | null }>();
  if (options.withScores) {
    const ids = rows.map((row) => row.id);
    for (const agg of await db.all<{ application_id: string; n: number; avg: number | null }>(
      `SELECT application_id, COUNT(*) AS n, AVG(weighted_total) AS avg FROM reviews
       WHERE application_id IN (${marks(ids)}) AND conflict_declared = 0 GROUP BY application_id`,
      ids,
    ))
      scores.set(agg.application_id, { n: Number(agg.n), avg: agg.avg === null ? null : Number(agg.avg) });
  }
  return rows.map((row) => {
    const data = JSON.parse(row.data) as ApplicationData;
    const call = calls.get(row.call_id) ?? { reference: 'MA-UNKNOWN', title: { fr: row.call_id } };
    const agg = scores.get(row.id);
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
      ...(row.requested_minor !== null
        ? { requestedAmount: fromMinorUnits(BigInt(row.requested_minor)) }
        : {}),
      ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
      ...(options.withScores
        ? {
            reviewCount: agg?.n ?? 0,
            ...(agg?.avg !== null && agg?.avg !== undefined
              ? { averageScore: Math.round(agg.avg * 100) / 100 }
              : {}),
          }
        : {}),
    };
  });
}

/**
 * An application as a listing shows it; `withScores` adds the reviewers' average weighted total and the
 * review count (reviewer listings only).
 *
 * @example
 * ```ts
 * const summary = await readApplicationSummary(db, 'app_0001', { withScores: true });
 * summary?.reviewCount; // 2
 * ```
 */
export async function readApplicationSummary(
  db: Db,
  id: string,
  options: { withScores?: boolean } = {},
): Promise<ApplicationSummary | undefined> {
  const row = await db.one<ApplicationRow>(`SELECT ${SUMMARY_COLUMNS} FROM applications a WHERE a.id = ?`, [
    id,
  ]);
  return row ? (await summariesOf(db, [row], options))[0] : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Bounded lists (keyset pages)

/** One page of a list, as the contract's `Page` has it. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  facets?: Record<string, FacetValue[]>;
}

/**
 * An association's own applications, most recently changed first: the order of a "my applications" page.
 * Served by `applications_by_association_updated (association_id, updated_at DESC, id)`.
 */
const MINE: Keyset = {
  name: 'updated',
  keys: [{ expr: 'a.updated_at', desc: true }, { expr: 'a.id' }],
};

/**
 * One keyset page of the applications of some associations (the caller's own, checked by the caller),
 * optionally of one call and some statuses, most recently changed first, with the exact total. An
 * association has a handful of applications (one per call at most), so the count stays small at any
 * scale; it is answered from `applications_by_association (association_id, status)`.
 *
 * @example
 * ```ts
 * const page = await listAssociationApplications(db, {
 *   associationIds: ['asso_0001'], status: ['draft'], limit: 20, cursor: query.cursor,
 * });
 * page.items[0]?.status; // 'draft'
 * ```
 */
export async function listAssociationApplications(
  db: Db,
  query: {
    associationIds: readonly string[];
    callId?: string | undefined;
    status?: readonly ApplicationStatus[] | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<ListPage<ApplicationSummary>> {
  if (query.associationIds.length === 0) return { items: [], nextCursor: null, total: 0 };
  const after = readKeysetCursor(query.cursor, MINE.name, MINE.keys.length);
  const where = [`a.association_id IN (${marks(query.associationIds)})`];
  const params: SqlValue[] = [...query.associationIds];
  if (query.callId) {
    where.push('a.call_id = ?');
    params.push(query.callId);
  }
  if (query.status && query.status.length > 0) {
    where.push(`a.status IN (${marks(query.status)})`);
    params.push(...query.status);
  }
  const clause = where.join(' AND ');
  const position = keysetClause(MINE, after);
  const [count, rows] = await Promise.all([
    db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM applications a WHERE ${clause}`, params),
    db.all<ApplicationRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM applications a WHERE ${clause} AND (${position.sql})
       ${orderByClause(MINE)} LIMIT ?`,
      [...params, ...position.params, query.limit + 1],
    ),
  ]);
  const page = keysetPage(rows, query.limit, MINE.name, (row) => [row.updated_at, row.id]);
  return {
    items: await summariesOf(db, page.items),
    nextCursor: page.nextCursor,
    total: Number(count?.n ?? 0),
  };
}

/**
 * The reviewers' order: first submitted first. Served by
 * `applications_by_call_submitted (call_id, submitted_at, id)`; `submitted_at` is never `NULL` here (the
 * list keeps submitted applications only), as a keyset key must be.
 */
const SUBMITTED: Keyset = {
  name: 'submitted',
  keys: [{ expr: 'a.submitted_at' }, { expr: 'a.id' }],
};

type ReviewerFacet = 'status' | 'region' | 'domain';

/** What each reviewer facet counts: the value selected and the tables it comes from. */
const REVIEWER_FACETS: readonly FacetPart<ReviewerFacet>[] = [
  { facet: 'status', value: 'a.status', from: 'applications a' },
  { facet: 'region', value: 'a.region', from: 'applications a' },
  {
    facet: 'domain',
    value: 'd.domain',
    from: 'applications a JOIN association_domains d ON d.association_id = a.association_id',
  },
];

/**
 * One keyset page of a call's submitted applications for reviewers (drafts, even withdrawn ones, never
 * reach the review process), with scores, the exact total and status, region and domain facets: each
 * facet applies every filter but its own, so that picking a value never hides the others. Without a
 * status filter, withdrawn applications are left out.
 *
 * Counts are exact (`COUNT(*)` and `GROUP BY` in SQL, one query for the total and every facet): a call
 * receives at most a few thousand applications, which `applications_by_call (call_id, status)` and
 * `applications_by_call_submitted` answer without reading the `data` column.
 *
 * @example
 * ```ts
 * const page = await listSubmittedApplications(db, 'call_0001', { region: ['MA-06'], limit: 20 });
 * page.facets?.status; // [{ value: 'received', count: 3 }, …]
 * ```
 */
export async function listSubmittedApplications(
  db: Db,
  callId: string,
  query: {
    status?: readonly ApplicationStatus[] | undefined;
    region?: readonly string[] | undefined;
    domain?: readonly string[] | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<ListPage<ApplicationSummary>> {
  const after = readKeysetCursor(query.cursor, SUBMITTED.name, SUBMITTED.keys.length);
  // The total and the three facets in one statement: one round trip instead of four.
  const search = facetedCounts<ReviewerFacet>({
    from: 'applications a',
    base: [{ sql: 'a.call_id = ? AND a.submitted_at IS NOT NULL', params: [callId] }],
    filters: {
      status: inList('a.status', query.status) ?? {
        sql: "a.status NOT IN ('draft', 'withdrawn')",
        params: [],
      },
      region: inList('a.region', query.region),
      domain: query.domain?.length
        ? {
            sql: `EXISTS (SELECT 1 FROM association_domains f WHERE f.association_id = a.association_id
                  AND f.domain IN (${marks(query.domain)}))`,
            params: [...query.domain],
          }
        : undefined,
    },
    facets: REVIEWER_FACETS,
  });
  const position = keysetClause(SUBMITTED, after);
  const [counts, rows] = await Promise.all([
    db.all<FacetCountRow>(search.counts.sql, search.counts.params),
    db.all<ApplicationRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM applications a WHERE ${search.where.sql} AND (${position.sql})
       ${orderByClause(SUBMITTED)} LIMIT ?`,
      [...search.where.params, ...position.params, query.limit + 1],
    ),
  ]);
  const page = keysetPage(rows, query.limit, SUBMITTED.name, (row) => [row.submitted_at ?? '', row.id]);
  const { total, facets } = search.read(counts);
  // By value, as before: the order of the UNION's rows is not defined.
  for (const list of Object.values(facets))
    list.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return {
    items: await summariesOf(db, page.items, { withScores: true }),
    nextCursor: page.nextCursor,
    total,
    facets,
  };
}

/**
 * The next receipt number of a (Casablanca) year, `RC-2026-000042`: one more than the year's highest,
 * found as an indexed `MAX` over `receipt_number` (numbers are zero-padded to six digits, so text order is
 * number order up to 999 999 a year). Run it inside the submit transaction, with the write that uses it.
 *
 * @example
 * ```ts
 * const number = await nextReceiptNumber(db, casablancaDate(now).slice(0, 4)); // 'RC-2026-000043'
 * ```
 */
export async function nextReceiptNumber(db: Db, year: string): Promise<string> {
  const prefix = `RC-${year}-`;
  // `RC-2026.` is the first text after every `RC-2026-…` in byte order ('.' follows '-').
  const row = await db.one<{ last: string | null }>(
    'SELECT MAX(receipt_number) AS last FROM applications WHERE receipt_number >= ? AND receipt_number < ?',
    [prefix, `RC-${year}.`],
  );
  const highest = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String((Number.isFinite(highest) ? highest : 0) + 1).padStart(6, '0')}`;
}
