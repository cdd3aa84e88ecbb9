// The SQL of the staff's work on calls (`authoring.ts` keeps the handlers and their rules): what only calls
// do to their drafts in `call_drafts` (the rest is shared with consultations in `db/drafts.ts`), the public
// version history in `call_versions`, the reviewers in `call_reviewers`, and the few reads of applications
// and decisions that an amendment, a cancellation or the results depend on.

import type { Db } from '../../db/db.js';
import type { DraftRow } from '../../db/drafts.js';
import { inList, marks } from '../../db/faceted-search.js';
import { type Keyset, keysetClause, keysetPage, orderByClause, readKeysetCursor } from '../../http/cursor.js';
import type { StoredCall } from './store.js';

/**
 * Counts a new version of a published call as its draft's next revision, changed at `at` (so that it
 * comes first among the organisation's calls).
 *
 * @example
 * ```ts
 * await touchPublishedDraft(db, call.id, at);
 * ```
 */
export async function touchPublishedDraft(db: Db, id: string, at: string): Promise<void> {
  await db.write('UPDATE call_drafts SET updated_at = ?, revision = revision + 1 WHERE id = ?', [at, id]);
}

/**
 * The draft row of a call published outside the staff's routes (the seed, an import), unless it has one.
 *
 * @example
 * ```ts
 * await insertPublishedDraft(db, { id: call.id, organisationId, publishedAt: call.dates.publishedAt, updatedAt: at });
 * ```
 */
export async function insertPublishedDraft(
  db: Db,
  draft: { id: string; organisationId: string; publishedAt: string; updatedAt: string },
): Promise<void> {
  await db.write(
    `INSERT INTO call_drafts (id, organisation_id, state, revision, created_at, updated_at, fields)
     VALUES (?, ?, 'published', 1, ?, ?, '{}') ON CONFLICT (id) DO NOTHING`,
    [draft.id, draft.organisationId, draft.publishedAt, draft.updatedAt],
  );
}

/**
 * Keeps a version of a published call in its public history (in the transaction that wrote it); writing
 * the same version again replaces it.
 *
 * @example
 * ```ts
 * await writeCall(db, call);
 * await recordCallVersion(db, call, at);
 * ```
 */
export async function recordCallVersion(db: Db, call: StoredCall, at: string): Promise<void> {
  await db.write(
    `INSERT INTO call_versions (call_id, version, at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id, version) DO UPDATE SET at = excluded.at, data = excluded.data`,
    [call.id, call.version, at, JSON.stringify(call)],
  );
}

/**
 * Whether any association has applied to the call (a draft application counts).
 *
 * @example
 * ```ts
 * if (await hasApplications(db, call.id)) refuseEarlierDeadline();
 * ```
 */
export async function hasApplications(db: Db, callId: string): Promise<boolean> {
  return (
    (await db.one('SELECT 1 AS found FROM applications WHERE call_id = ? LIMIT 1', [callId])) !== undefined
  );
}

/**
 * Whether a decision was made on any application of the call.
 *
 * @example
 * ```ts
 * if (await hasDecisions(db, call.id)) throw problem('invalid_state', 'Decisions were made on this call');
 * ```
 */
export async function hasDecisions(db: Db, callId: string): Promise<boolean> {
  return (
    (await db.one(
      'SELECT 1 AS found FROM decisions d JOIN applications a ON a.id = d.application_id WHERE a.call_id = ? LIMIT 1',
      [callId],
    )) !== undefined
  );
}

/**
 * How many applications of the call still wait for a decision (submitted, received, in the eligibility
 * check or under review).
 *
 * @example
 * ```ts
 * if ((await countUndecidedApplications(db, call.id)) > 0) throw problem('reviews_incomplete');
 * ```
 */
export async function countUndecidedApplications(db: Db, callId: string): Promise<number> {
  const row = await db.one<{ n: number | bigint }>(
    `SELECT COUNT(*) AS n FROM applications
     WHERE call_id = ? AND status IN ('submitted', 'received', 'eligibility_check', 'under_review')`,
    [callId],
  );
  return Number(row?.n ?? 0);
}

/** An award decision of a call without its public award yet. */
export interface UnpublishedAward {
  applicationId: string;
  amountMinor: bigint;
  decidedAt: string;
}

/**
 * The call's `awarded` decisions with an amount and no public award yet, oldest decision first: what
 * publishing the results turns into awards.
 *
 * @example
 * ```ts
 * for (const award of await unpublishedAwards(db, call.id)) await insertAward(db, { … });
 * ```
 */
export async function unpublishedAwards(db: Db, callId: string): Promise<UnpublishedAward[]> {
  const rows = await db.all<{ application_id: string; amount_minor: number | bigint; decided_at: string }>(
    `SELECT d.application_id, d.amount_minor, d.decided_at FROM decisions d
     JOIN applications a ON a.id = d.application_id
     WHERE a.call_id = ? AND d.outcome = 'awarded' AND d.amount_minor IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM awards w WHERE w.application_id = d.application_id)
     ORDER BY d.decided_at, d.application_id`,
    [callId],
  );
  return rows.map((row) => ({
    applicationId: row.application_id,
    amountMinor: BigInt(row.amount_minor),
    decidedAt: row.decided_at,
  }));
}

// ---- Version history ------------------------------------------------------------------------------------

/** The keyset of a call's version history: oldest first. The primary key `(call_id, version)` serves it. */
const VERSION_ORDER: Keyset = { name: 'version', keys: [{ expr: 'version' }] };

/** One stored version of a call: its number, when it was made and the call as it read then. */
export interface StoredCallVersion {
  version: number;
  at: string;
  call: StoredCall;
}

/**
 * One page of a call's public history, oldest version first, after the version `cursor` names (a cursor
 * of another list is a `422`).
 *
 * @example
 * ```ts
 * const { items, nextCursor } = await readCallVersionPage(db, callId, { limit: 20 });
 * items.map((entry) => entry.version); // [1, 2, 3]
 * ```
 */
export async function readCallVersionPage(
  db: Db,
  callId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: StoredCallVersion[]; nextCursor: string | null }> {
  const after = readKeysetCursor(query.cursor, VERSION_ORDER.name, VERSION_ORDER.keys.length);
  const position = keysetClause(VERSION_ORDER, after);
  const rows = await db.all<{ version: number | bigint | string; at: string; data: string }>(
    `SELECT version, at, data FROM call_versions WHERE call_id = ? AND (${position.sql})
     ${orderByClause(VERSION_ORDER)} LIMIT ?`,
    [callId, ...position.params, query.limit + 1],
  );
  // PostgreSQL's 64-bit INTEGER comes back as text: the cursor carries the number.
  const page = keysetPage(rows, query.limit, VERSION_ORDER.name, (row) => [Number(row.version)]);
  return {
    items: page.items.map((row) => ({
      version: Number(row.version),
      at: row.at,
      call: JSON.parse(row.data) as StoredCall,
    })),
    nextCursor: page.nextCursor,
  };
}

// ---- Reviewers ------------------------------------------------------------------------------------------

/** A reviewer assigned to a call, with what their account shows. */
export interface CallReviewerRow {
  account_id: string;
  display_name: string;
  organisation_id: string | null;
  assigned_at: string;
}

/**
 * The reviewers assigned to a call, by display name (at most the 50 that `calls.setReviewers` takes).
 *
 * @example
 * ```ts
 * const rows = await readCallReviewers(db, call.id);
 * rows.map((row) => row.account_id);
 * ```
 */
export async function readCallReviewers(db: Db, callId: string): Promise<CallReviewerRow[]> {
  return await db.all<CallReviewerRow>(
    `SELECT r.account_id, a.display_name, a.organisation_id, r.assigned_at
     FROM call_reviewers r JOIN accounts a ON a.id = r.account_id
     WHERE r.call_id = ? ORDER BY a.display_name, r.account_id`,
    [callId],
  );
}

/**
 * Whether an account has reviewed an application of the call (such a reviewer stays assigned).
 *
 * @example
 * ```ts
 * if (await hasReviewedCall(db, call.id, accountId)) keep(accountId);
 * ```
 */
export async function hasReviewedCall(db: Db, callId: string, accountId: string): Promise<boolean> {
  const reviewed = await db.one(
    `SELECT 1 AS found FROM reviews r JOIN applications a ON a.id = r.application_id
     WHERE a.call_id = ? AND r.reviewer_id = ? LIMIT 1`,
    [callId, accountId],
  );
  return reviewed !== undefined;
}

/**
 * Removes a reviewer from a call.
 *
 * @example
 * ```ts
 * await removeCallReviewer(db, call.id, accountId);
 * ```
 */
export async function removeCallReviewer(db: Db, callId: string, accountId: string): Promise<void> {
  await db.write('DELETE FROM call_reviewers WHERE call_id = ? AND account_id = ?', [callId, accountId]);
}

/**
 * Assigns a reviewer to a call; one already assigned keeps the date of the first assignment.
 *
 * @example
 * ```ts
 * await addCallReviewer(db, { callId: call.id, accountId, at: now.toISOString(), by: auth?.id ?? null });
 * ```
 */
export async function addCallReviewer(
  db: Db,
  assignment: { callId: string; accountId: string; at: string; by: string | null },
): Promise<void> {
  await db.write(
    `INSERT INTO call_reviewers (call_id, account_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id, account_id) DO NOTHING`,
    [assignment.callId, assignment.accountId, assignment.at, assignment.by],
  );
}

/**
 * Whether an account is assigned to review the call.
 *
 * @example
 * ```ts
 * if (await isCallReviewer(db, callId, auth.id)) allow();
 * ```
 */
export async function isCallReviewer(db: Db, callId: string, accountId: string): Promise<boolean> {
  return (
    (await db.one('SELECT 1 AS found FROM call_reviewers WHERE call_id = ? AND account_id = ?', [
      callId,
      accountId,
    ])) !== undefined
  );
}

// ---- An organisation's calls ----------------------------------------------------------------------------

/**
 * The keyset of an organisation's calls: most recently changed first. The index
 * `call_drafts_by_organisation_changed (organisation_id, updated_at DESC, id DESC)` serves it.
 */
const MANAGED_ORDER: Keyset = {
  name: 'managed',
  keys: [
    { expr: 'd.updated_at', desc: true },
    { expr: 'd.id', desc: true },
  ],
};

/** A row of an organisation's calls: the draft row and, once published, the call's JSON. */
export type ManagedCallRow = DraftRow & { data: string | null };

/** Applications of a call by stage, as `calls.managed` shows them. */
export interface ApplicationsByStage {
  awaitingCheck: number;
  underReview: number;
  decided: number;
}

/**
 * One page of an organisation's calls, drafts included, most recently changed first (optionally only
 * drafts or only published calls), with the applications of each by stage and its number of reviewers.
 * A cursor of another list is a `422`.
 *
 * @example
 * ```ts
 * const page = await readManagedCallPage(db, organisationId, { limit: 20, state: ['draft'] });
 * page.items.map((row) => page.applications.get(row.id));
 * ```
 */
export async function readManagedCallPage(
  db: Db,
  organisationId: string,
  query: { limit: number; cursor?: string | undefined; state?: readonly string[] | undefined },
): Promise<{
  items: ManagedCallRow[];
  nextCursor: string | null;
  applications: Map<string, ApplicationsByStage>;
  reviewers: Map<string, number>;
}> {
  const after = readKeysetCursor(query.cursor, MANAGED_ORDER.name, MANAGED_ORDER.keys.length);
  const state = inList('d.state', query.state);
  const position = keysetClause(MANAGED_ORDER, after);
  const rows = await db.all<ManagedCallRow>(
    `SELECT d.id, d.organisation_id, d.state, d.revision, d.created_at, d.updated_at, d.fields, c.data
     FROM call_drafts d LEFT JOIN calls c ON c.id = d.id
     WHERE d.organisation_id = ? ${state ? `AND ${state.sql}` : ''} AND (${position.sql})
     ${orderByClause(MANAGED_ORDER)} LIMIT ?`,
    [organisationId, ...(state?.params ?? []), ...position.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, MANAGED_ORDER.name, (row) => [row.updated_at, row.id]);
  const ids = page.items.map((row) => row.id);
  const applications = new Map<string, ApplicationsByStage>();
  const reviewers = new Map<string, number>();
  if (ids.length > 0) {
    const byStatus = await db.all<{ call_id: string; status: string; n: number | bigint }>(
      `SELECT call_id, status, COUNT(*) AS n FROM applications WHERE call_id IN (${marks(ids)})
       GROUP BY call_id, status`,
      ids,
    );
    for (const row of byStatus) {
      const entry = applications.get(row.call_id) ?? { awaitingCheck: 0, underReview: 0, decided: 0 };
      const n = Number(row.n);
      if (['submitted', 'received', 'eligibility_check'].includes(row.status)) entry.awaitingCheck += n;
      else if (row.status === 'under_review') entry.underReview += n;
      else if (row.status === 'awarded' || row.status === 'rejected') entry.decided += n;
      applications.set(row.call_id, entry);
    }
    for (const row of await db.all<{ call_id: string; n: number | bigint }>(
      `SELECT call_id, COUNT(*) AS n FROM call_reviewers WHERE call_id IN (${marks(ids)}) GROUP BY call_id`,
      ids,
    ))
      reviewers.set(row.call_id, Number(row.n));
  }
  return { items: page.items, nextCursor: page.nextCursor, applications, reviewers };
}
