// The drafts that an organisation's staff write before publishing, shared by the calls and the
// consultations areas: the SQL of their draft tables (`call_drafts`, `consultation_drafts`), the next
// public reference of what they publish, and the pieces of the handlers that are the same for both (the
// staff's read of a draft, the API draft with its `problems`, its ETag and `If-Match`, the merge of an
// update). What differs stays in the areas: who may act (`runsCallsOf`, `runsConsultationsOf`), the
// words of their problems, the publication check and what publishing writes.
// Table names are only ever the closed union `DraftTable` (never request text), checked again at run time
// before they go into SQL.

import { randomUUID } from 'node:crypto';
import type { FieldError } from '@nassij/contract';
import type { Context } from 'hono';
import { etagOf, requireIfMatch } from '../http/etag.js';
import { problem } from '../http/problem.js';
import type { Db } from './db.js';

/** Each draft table, the table its drafts are published to, and the prefix of its ids. */
const DRAFT_TABLES = {
  call_drafts: { published: 'calls', idPrefix: 'call' },
  consultation_drafts: { published: 'consultations', idPrefix: 'cons' },
} as const;

/**
 * A table of drafts: one of a closed list of trusted names, never text from a request.
 *
 * @example
 * ```ts
 * const table: DraftTable = 'call_drafts';
 * ```
 */
export type DraftTable = keyof typeof DRAFT_TABLES;

/** The names that go with `table`; a name outside the list (a cast, a bug) throws before any SQL is made. */
function tableOf(table: DraftTable): (typeof DRAFT_TABLES)[DraftTable] {
  if (!Object.hasOwn(DRAFT_TABLES, table)) throw new Error(`Not a draft table: ${String(table)}`);
  return DRAFT_TABLES[table];
}

/**
 * A row of a draft table: `fields` is the draft's JSON (a published call's row holds `'{}'`: the call
 * holds its fields).
 *
 * @example
 * ```ts
 * const row: DraftRow | undefined = await readDraftRow(db, 'call_drafts', callId);
 * row?.state; // 'draft' | 'published'
 * ```
 */
export interface DraftRow {
  id: string;
  organisation_id: string;
  state: 'draft' | 'published';
  revision: number;
  created_at: string;
  updated_at: string;
  fields: string;
}

/**
 * The draft row `id` of `table` (a draft, or one already published), or `undefined`.
 *
 * @example
 * ```ts
 * const row = await readDraftRow(db, 'consultation_drafts', 'cons_test_a');
 * ```
 */
export async function readDraftRow(db: Db, table: DraftTable, id: string): Promise<DraftRow | undefined> {
  tableOf(table);
  return await db.one<DraftRow>(
    `SELECT id, organisation_id, state, revision, created_at, updated_at, fields FROM ${table} WHERE id = ?`,
    [id],
  );
}

/**
 * The draft row a handler has just written: an `Error` (a `500`, not a problem) if it is missing.
 *
 * @example
 * ```ts
 * await writeDraftFields(db, 'call_drafts', row.id, fields, at);
 * const saved = await readSavedDraftRow(db, 'call_drafts', row.id);
 * ```
 */
export async function readSavedDraftRow(db: Db, table: DraftTable, id: string): Promise<DraftRow> {
  const row = await readDraftRow(db, table, id);
  if (!row) throw new Error('The draft just written is missing');
  return row;
}

/**
 * The draft row `id` for the staff who may edit it: `404 not_found` with `notFound` when there is none,
 * then `forbidden()` when `allowed` refuses its organisation.
 *
 * @example
 * ```ts
 * const row = await readStaffDraft(db, 'call_drafts', id, {
 *   notFound: `No call ${id}`,
 *   allowed: (organisationId) => runsCallsOf(auth, organisationId),
 *   forbidden,
 * });
 * ```
 */
export async function readStaffDraft(
  db: Db,
  table: DraftTable,
  id: string,
  access: { notFound: string; allowed: (organisationId: string) => boolean; forbidden: () => never },
): Promise<DraftRow> {
  const row = await readDraftRow(db, table, id);
  if (!row) throw problem('not_found', access.notFound);
  if (!access.allowed(row.organisation_id)) access.forbidden();
  return row;
}

/**
 * A new draft id of `table`'s kind: `call_` or `cons_` and 20 hexadecimal digits.
 *
 * @example
 * ```ts
 * newDraftId('call_drafts'); // 'call_3f2a9c…'
 * ```
 */
export function newDraftId(table: DraftTable): string {
  return `${tableOf(table).idPrefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/**
 * Writes a new draft in `table`, revision 1, created and changed at `at`, its `fields` as JSON.
 *
 * @example
 * ```ts
 * await insertDraft(db, 'call_drafts', { id, organisationId, at, createdBy: auth?.id ?? null, fields });
 * ```
 */
export async function insertDraft(
  db: Db,
  table: DraftTable,
  draft: { id: string; organisationId: string; at: string; createdBy: string | null; fields: object },
): Promise<void> {
  tableOf(table);
  await db.write(
    `INSERT INTO ${table} (id, organisation_id, state, revision, created_at, updated_at, created_by, fields)
     VALUES (?, ?, 'draft', 1, ?, ?, ?, ?)`,
    [draft.id, draft.organisationId, draft.at, draft.at, draft.createdBy, JSON.stringify(draft.fields)],
  );
}

/**
 * Replaces a draft's fields (written as JSON) as its next revision, changed at `at`.
 *
 * @example
 * ```ts
 * await writeDraftFields(db, 'consultation_drafts', row.id, fields, now.toISOString());
 * ```
 */
export async function writeDraftFields(
  db: Db,
  table: DraftTable,
  id: string,
  fields: object,
  at: string,
): Promise<void> {
  tableOf(table);
  await db.write(`UPDATE ${table} SET fields = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`, [
    JSON.stringify(fields),
    at,
    id,
  ]);
}

/**
 * Marks a draft published, as its next revision (in the transaction that writes what it publishes).
 *
 * @example
 * ```ts
 * await markDraftPublished(db, 'call_drafts', row.id, at);
 * ```
 */
export async function markDraftPublished(db: Db, table: DraftTable, id: string, at: string): Promise<void> {
  tableOf(table);
  await db.write(
    `UPDATE ${table} SET state = 'published', updated_at = ?, revision = revision + 1 WHERE id = ?`,
    [at, id],
  );
}

/**
 * The next free public reference after those that start with `prefix` among what `table`'s drafts are
 * published to (`calls`, `consultations`): the highest number taken plus one, on four digits.
 *
 * @example
 * ```ts
 * await nextPublishedReference(db, 'consultation_drafts', 'MA-CONS-2027-'); // 'MA-CONS-2027-0008'
 * ```
 */
export async function nextPublishedReference(db: Db, table: DraftTable, prefix: string): Promise<string> {
  const rows = await db.all<{ reference: string }>(
    `SELECT reference FROM ${tableOf(table).published} WHERE reference >= ? AND reference < ?`,
    [prefix, `${prefix}~`],
  );
  const taken = rows.map((row) => Number(row.reference.slice(prefix.length))).filter(Number.isFinite);
  return `${prefix}${String(Math.max(0, ...taken) + 1).padStart(4, '0')}`;
}

/**
 * A draft as the API shows it (the contract's `CallDraft`, `ConsultationDraft`): the row's metadata, its
 * fields, and what publishing would refuse now.
 *
 * @example
 * ```ts
 * const draft: ApiDraft<CallDraftFields> = draftOfRow(row, fields, check);
 * draft.problems.length; // 0 when it can be published
 * ```
 */
export interface ApiDraft<F> {
  id: string;
  organisationId: string;
  state: 'draft' | 'published';
  revision: number;
  createdAt: string;
  updatedAt: string;
  fields: F;
  problems: FieldError[];
}

/**
 * The API draft of a row, with `fields` as the area reads them; `check` (the area's publication check)
 * runs on a draft only (a published one has no problems).
 *
 * @example
 * ```ts
 * const draft = draftOfRow(row, JSON.parse(row.fields) as ConsultationDraftFields, (fields) =>
 *   consultationPublicationProblems(fields, now.toISOString()),
 * );
 * ```
 */
export function draftOfRow<F>(row: DraftRow, fields: F, check: (fields: F) => FieldError[]): ApiDraft<F> {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    state: row.state,
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    fields,
    problems: row.state === 'draft' ? check(fields) : [],
  };
}

/**
 * The ETag of an API draft: what its answers carry and what `If-Match` must name.
 *
 * @example
 * ```ts
 * draftEtag(draft); // '"3q2-7w…"'
 * ```
 */
export function draftEtag(draft: object): string {
  return etagOf(JSON.stringify(draft));
}

/**
 * Checks the request's `If-Match` against the draft as stored: `'required'` answers `428` without one;
 * `'when-sent'` checks only one that is sent. One that names another ETag is `412 precondition_failed`
 * with the draft in `current`.
 *
 * @example
 * ```ts
 * checkDraftIfMatch(c, current, 'required'); // an update
 * checkDraftIfMatch(c, draft, 'when-sent'); // a publication
 * ```
 */
export function checkDraftIfMatch(c: Context, draft: object, mode: 'required' | 'when-sent'): void {
  if (mode === 'when-sent' && !c.req.header('if-match')) return;
  requireIfMatch(c, draftEtag(draft), draft);
}

/**
 * A handler's answer with a draft and its ETag; with `createdLocation` (the new draft's address), a `201`
 * with that `Location`.
 *
 * @example
 * ```ts
 * return draftAnswer(draft, `/v1/calls/${draft.id}/draft`); // created
 * return draftAnswer(draft); // read or changed
 * ```
 */
export function draftAnswer<D extends object>(
  draft: D,
  createdLocation?: string,
): { status?: number; body: D; etag: string; headers?: Record<string, string> } {
  return {
    ...(createdLocation ? { status: 201 } : {}),
    body: draft,
    etag: draftEtag(draft),
    ...(createdLocation ? { headers: { location: createdLocation } } : {}),
  };
}

/**
 * The fields after an update: each field of `patch` replaces the field (`prepare` may rework it first), a
 * `null` clears it, a field not given (or `undefined`) is kept.
 *
 * @example
 * ```ts
 * mergeDraftFields({ title, budget }, { budget: null, fiscalYear: 2027 }); // { title, fiscalYear: 2027 }
 * ```
 */
export function mergeDraftFields(
  current: object,
  patch: object,
  prepare: (name: string, value: unknown) => unknown = (_name, value) => value,
): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete fields[name];
    else if (value !== undefined) fields[name] = prepare(name, value);
  }
  return fields;
}

/**
 * Refuses to publish a draft with problems: `422 validation_failed` with `message`, each problem an error
 * of the body.
 *
 * @example
 * ```ts
 * requirePublishable(draft, 'The call is not complete enough to publish');
 * ```
 */
export function requirePublishable(draft: { problems: FieldError[] }, message: string): void {
  if (draft.problems.length > 0)
    throw problem('validation_failed', message, {
      errors: draft.problems.map((error) => ({ ...error, in: 'body' as const })),
    });
}
