// How an organisation's staff prepare, publish and run a call: drafts, publication, amendments, an early
// close or a cancellation, the public version history and the reviewers. A draft lives in `call_drafts`
// only; publishing writes the call to `calls` (what every public route reads) in the same transaction as
// its first version, so a call is public whole or not at all.
// Who may act is `runsCallsOf` (the organisations area): staff of the call's organisation, or a platform admin.
// The SQL lives in `authoring-store.ts` (what calls share with consultations about drafts, in
// `db/drafts.ts`); this module keeps the handlers and their rules.

import type {
  amendCall,
  cancelCall,
  closeCall,
  createCall,
  getCallDraft,
  listCallReviewers,
  listCallVersions,
  listManagedCalls,
  publishCall,
  publishCallResults,
  setCallReviewers,
  updateCall,
} from '@nassij/contract';
import {
  type Account,
  type AmendCall,
  type Amendment,
  type AuditAction,
  CALL_DRAFT_FIELDS,
  type Call,
  type CallDraft,
  type CallDraftFields,
  type CallReviewers,
  type CallVersion,
  type CreateCallDraft,
  callPublicationProblems,
  type FieldError,
  fromMinorUnits,
  type LocalizedText,
  type ManagedCall,
  type Organisation,
  type UpdateCallDraft,
} from '@nassij/contract';
import { readAccount } from '../../auth/tokens.js';
import { audit, auditReason } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import {
  checkDraftIfMatch,
  type DraftRow,
  draftAnswer,
  draftOfRow,
  insertDraft,
  markDraftPublished,
  mergeDraftFields,
  newDraftId,
  nextPublishedReference,
  readSavedDraftRow,
  readStaffDraft,
  requirePublishable,
  writeDraftFields,
} from '../../db/drafts.js';
import { recordEvent } from '../../events/log.js';
import { callOrganisationId } from '../../events/subjects.js';
import type { HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { insertAward } from '../applications/awards.js';
import { organisationIdOf, runsCallsOf } from '../organisations/organisation.js';

import { readOrganisation } from '../organisations/store.js';
import {
  addCallReviewer,
  countUndecidedApplications,
  hasApplications,
  hasDecisions,
  hasReviewedCall,
  insertPublishedDraft,
  isCallReviewer,
  readCallReviewers,
  readCallVersionPage,
  readManagedCallPage,
  recordCallVersion,
  removeCallReviewer,
  touchPublishedDraft,
  unpublishedAwards,
} from './authoring-store.js';
import { noticeDraftApplicants } from './change-notices.js';
import {
  callExists,
  callReferencePrefix,
  callStatusAt,
  readCall,
  readStoredCall,
  type StoredCall,
  writeCall,
} from './store.js';

function forbidden(): never {
  throw problem('forbidden', 'Only the staff of the organisation that runs this call may do this');
}

function draftOf(row: DraftRow, now: Date, published?: StoredCall): CallDraft {
  // A published call's fields are the call's own (amendments change the call, not the draft).
  const fields = published ? fieldsOfCall(published) : (JSON.parse(row.fields) as CallDraftFields);
  return draftOfRow(row, fields, (checked) => callPublicationProblems(checked, now.toISOString()));
}

/** The draft of `id` for staff who run its organisation's calls: `404` unknown, `403` another organisation. */
async function staffDraft(db: Db, auth: Account | null, id: string): Promise<DraftRow> {
  return await readStaffDraft(db, 'call_drafts', id, {
    notFound: `No call ${id}`,
    allowed: (organisationId) => runsCallsOf(auth, organisationId),
    forbidden,
  });
}

/** A published call for the staff who run it: `404` unknown (or still a draft), `403` another organisation. */
async function staffCall(db: Db, auth: Account | null, id: string, now: Date): Promise<StoredCall> {
  const call = await readStoredCall(db, id, now);
  if (!call) throw problem('not_found', `No published call ${id}`);
  if (!runsCallsOf(auth, call.funder.organisationId)) forbidden();
  return call;
}

/** The editable fields of a published call: what an amendment starts from. */
function fieldsOfCall(call: StoredCall): CallDraftFields {
  const fields: Record<string, unknown> = {};
  for (const name of CALL_DRAFT_FIELDS) {
    const value = name === 'dates' ? datesOf(call) : call[name as keyof StoredCall];
    if (value !== undefined) fields[name] = value;
  }
  return fields as CallDraftFields;
}

function datesOf(call: StoredCall): CallDraftFields['dates'] {
  const { publishedAt: _published, ...dates } = call.dates;
  return dates;
}

/** The call that publishing `fields` makes (every field checked by `callPublicationProblems` first). */
function callFromFields(
  fields: CallDraftFields,
  base: { id: string; reference: string; organisation: Organisation; publishedAt: string },
): StoredCall {
  const required = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`A checked draft lacks ${name}`);
    return value;
  };
  const dates = required(fields.dates, 'dates');
  const { organisation } = base;
  return {
    id: base.id,
    reference: base.reference,
    title: required(fields.title, 'title'),
    summary: required(fields.summary, 'summary'),
    funder: {
      organisationId: organisation.id,
      sectorCode: organisation.sectorCode,
      name: organisation.name,
      level: organisation.level,
    },
    ...(fields.programme ? { programme: fields.programme } : {}),
    fiscalYear: required(fields.fiscalYear, 'fiscalYear'),
    instrument: required(fields.instrument, 'instrument'),
    domains: required(fields.domains, 'domains'),
    coverage: required(fields.coverage, 'coverage'),
    eligibleRegions: fields.coverage === 'regions' ? (fields.eligibleRegions ?? []) : [],
    budget: required(fields.budget, 'budget'),
    dates: { ...dates, publishedAt: base.publishedAt, opensAt: required(dates.opensAt, 'dates.opensAt') },
    deadlineModel: required(fields.deadlineModel, 'deadlineModel'),
    status: 'forecast',
    version: 1,
    description: required(fields.description, 'description'),
    eligibleApplicantTypes: required(fields.eligibleApplicantTypes, 'eligibleApplicantTypes'),
    eligibility: required(fields.eligibility, 'eligibility'),
    criteria: required(fields.criteria, 'criteria'),
    requiredDocuments: required(fields.requiredDocuments, 'requiredDocuments'),
    form: required(fields.form, 'form'),
    amendments: [],
    contact: required(fields.contact, 'contact'),
    documents: fields.documents ?? [],
    review: required(fields.review, 'review'),
    reports: required(fields.reports, 'reports'),
  };
}

/**
 * Registers a call published outside the staff's routes (the demo seed, an import): its first history line
 * and its row among its organisation's calls.
 *
 * @example
 * ```ts
 * await writeCall(db, call);
 * await registerPublishedCall(db, call);
 * ```
 */
export async function registerPublishedCall(db: Db, call: StoredCall): Promise<void> {
  const at = call.amendments.at(-1)?.at ?? call.dates.publishedAt;
  await recordCallVersion(db, call, at);
  await insertPublishedDraft(db, {
    id: call.id,
    organisationId: call.funder.organisationId ?? organisationIdOf(call.funder.sectorCode),
    publishedAt: call.dates.publishedAt,
    updatedAt: at,
  });
}

/** Writes a new version of a published call: the call, its history line, its draft's fields, audited. */
async function saveNewVersion(
  db: Db,
  call: StoredCall,
  input: {
    at: string;
    auth: Account | null;
    requestId: string;
    action: 'call.amend' | 'call.close' | 'call.cancel' | 'call.publishResults';
    reason?: string;
    before: StoredCall;
  },
): Promise<void> {
  await writeCall(db, call);
  await recordCallVersion(db, call, input.at);
  await touchPublishedDraft(db, call.id, input.at);
  await auditCall(
    db,
    { auth: input.auth, now: new Date(input.at), requestId: input.requestId },
    input.action,
    call.id,
    {
      organisationId: call.funder.organisationId,
      version: call.version,
      before: changedValues(input.before, call, 'before'),
      after: changedValues(input.before, call, 'after'),
    },
    input.reason,
  );
}

/** Who acted, when, and in which request: what every audit line of a call's staff action carries. */
interface Actor {
  auth: Account | null;
  now: Date;
  requestId: string;
}

/** Appends the audit line of a staff action on a call (in the transaction of the change). */
async function auditCall(
  db: Db,
  actor: Actor,
  action: AuditAction,
  callId: string,
  details: Record<string, unknown> & { organisationId: string | undefined },
  reason?: string,
): Promise<void> {
  await audit(db, {
    at: actor.now,
    accountId: actor.auth?.id ?? null,
    action,
    targetType: 'call',
    targetId: callId,
    requestId: actor.requestId,
    ...(reason ? { reason } : {}),
    details,
  });
}

/** The top-level fields that differ between two versions of a call. */
function changedFields(before: StoredCall, after: StoredCall): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  names.delete('version');
  names.delete('amendments');
  return [...names].filter(
    (name) =>
      JSON.stringify(before[name as keyof StoredCall]) !== JSON.stringify(after[name as keyof StoredCall]),
  );
}

function changedValues(
  before: StoredCall,
  after: StoredCall,
  side: 'before' | 'after',
): Record<string, unknown> {
  const source = side === 'before' ? before : after;
  return Object.fromEntries(
    changedFields(before, after).map((name) => [name, source[name as keyof StoredCall]]),
  );
}

/**
 * `calls.create`: a new draft for the caller's organisation (a platform admin names one). The draft is
 * never public; its `problems` say what publishing would refuse.
 *
 * @example
 * ```ts
 * app.bind(createCall, createCallHandler);
 * ```
 */
export async function createCallHandler({ body, auth, db, now, requestId }: HandlerInput<typeof createCall>) {
  const { organisationId: named, ...fields } = body as CreateCallDraft;
  const organisationId = named ?? auth?.organisationId;
  if (!organisationId)
    throw problem('validation_failed', 'Name the organisation the call belongs to', {
      errors: [
        { path: '/organisationId', in: 'body', code: 'required', message: 'The organisation is required' },
      ],
    });
  if (!runsCallsOf(auth, organisationId)) forbidden();
  if (!(await readOrganisation(db, organisationId)))
    throw problem('not_found', `No organisation ${organisationId}`);
  const id = newDraftId('call_drafts');
  const at = now.toISOString();
  await insertDraft(db, 'call_drafts', { id, organisationId, at, createdBy: auth?.id ?? null, fields });
  await auditCall(db, { auth, now, requestId }, 'call.create', id, { organisationId });
  const row = await readSavedDraftRow(db, 'call_drafts', id);
  return draftAnswer(draftOf(row, now), `/v1/calls/${id}/draft`);
}

/**
 * `calls.getDraft`: the draft (or, once published, the fields it was published with) for its staff.
 *
 * @example
 * ```ts
 * app.bind(getCallDraft, getCallDraftHandler);
 * ```
 */
export async function getCallDraftHandler({ params, auth, db, now }: HandlerInput<typeof getCallDraft>) {
  const row = await staffDraft(db, auth, params.callId);
  const published = row.state === 'published' ? await readStoredCall(db, row.id) : undefined;
  return draftAnswer(draftOf(row, now, published));
}

/**
 * `calls.update`: replaces the fields given (a `null` clears one) of a draft whose ETag `If-Match` names;
 * `409 invalid_state` once published (amend it instead).
 *
 * @example
 * ```ts
 * app.bind(updateCall, updateCallHandler);
 * ```
 */
export async function updateCallHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
  c,
}: HandlerInput<typeof updateCall>) {
  const row = await staffDraft(db, auth, params.callId);
  const published = row.state === 'published' ? await readStoredCall(db, row.id) : undefined;
  const current = draftOf(row, now, published);
  checkDraftIfMatch(c, current, 'required');
  if (row.state !== 'draft')
    throw problem('invalid_state', 'The call is published: change it with an amendment');
  const fields = mergeDraftFields(current.fields, body as UpdateCallDraft);
  const at = now.toISOString();
  await writeDraftFields(db, 'call_drafts', row.id, fields, at);
  await auditCall(db, { auth, now, requestId }, 'call.update', row.id, {
    organisationId: row.organisation_id,
    fields: Object.keys(body as object),
  });
  const saved = await readSavedDraftRow(db, 'call_drafts', row.id);
  return draftAnswer(draftOf(saved, now));
}

/**
 * `calls.publish`: publishes a complete draft as version 1 (`forecast` until it opens); `422` names every
 * missing or wrong field and publishes nothing.
 *
 * @example
 * ```ts
 * app.bind(publishCall, publishCallHandler);
 * ```
 */
export async function publishCallHandler({
  params,
  auth,
  db,
  now,
  requestId,
  c,
}: HandlerInput<typeof publishCall>) {
  const row = await staffDraft(db, auth, params.callId);
  const draft = draftOf(row, now);
  checkDraftIfMatch(c, draft, 'when-sent');
  if (row.state !== 'draft') throw problem('invalid_state', 'The call is already published');
  requirePublishable(draft, 'The call is not complete enough to publish');
  const organisation = await readOrganisation(db, row.organisation_id);
  if (!organisation) throw problem('not_found', `No organisation ${row.organisation_id}`);
  const at = now.toISOString();
  const fiscalYear = draft.fields.fiscalYear ?? Number(at.slice(0, 4));
  const call = callFromFields(draft.fields, {
    id: row.id,
    // The next free number of the organisation's calls of the fiscal year (`MA-CRSM-2027-0003`).
    reference: await nextPublishedReference(
      db,
      'call_drafts',
      `${callReferencePrefix(organisation.sectorCode)}-${fiscalYear}-`,
    ),
    organisation,
    publishedAt: at,
  });
  await writeCall(db, call);
  await recordCallVersion(db, call, at);
  await markDraftPublished(db, 'call_drafts', row.id, at);
  await auditCall(db, { auth, now, requestId }, 'call.publish', row.id, {
    organisationId: organisation.id,
    reference: call.reference,
    version: 1,
  });
  await recordEvent(db, 'call.published', {
    callId: call.id,
    reference: call.reference,
    organisationId: organisation.id,
    title: call.title,
    version: 1,
    status: callStatusAt(call, now),
    opensAt: call.dates.opensAt,
    ...(call.dates.closes?.at ? { closesAt: call.dates.closes.at } : {}),
  });
  return { body: await publicCall(db, row.id, now) };
}

async function publicCall(db: Db, id: string, now: Date): Promise<Call> {
  const call = await readCall(db, id, now);
  if (!call) throw new Error(`The call ${id} just written is missing`);
  return call;
}

/** Statuses in which a call may still be amended: before its applications are closed. */
const AMENDABLE = ['forecast', 'open'] as const;

/**
 * `calls.amend`: a new public version with its summary. The amended call must still be complete; an
 * opening date cannot move once the call is open, and a closing date cannot move earlier once
 * applications exist.
 *
 * @example
 * ```ts
 * app.bind(amendCall, amendCallHandler);
 * ```
 */
export async function amendCallHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof amendCall>) {
  const { changes, summary } = body as AmendCall;
  const before = await staffCall(db, auth, params.callId, now);
  if (!(AMENDABLE as readonly string[]).includes(before.status))
    throw problem('invalid_state', `A ${before.status} call cannot be amended`);
  const opened = before.status === 'open';
  const fields = { ...fieldsOfCall(before), ...changes };
  const errors: FieldError[] = callPublicationProblems(fields, now.toISOString(), { opened }).map(
    (error) => ({
      ...error,
      path: `/changes${error.path}`,
      in: 'body' as const,
    }),
  );
  if (opened && changes.dates?.opensAt !== undefined && changes.dates.opensAt !== before.dates.opensAt)
    errors.push({
      path: '/changes/dates/opensAt',
      in: 'body',
      code: 'not_allowed',
      message: 'The call is open: its opening date cannot change',
    });
  const closesBefore = before.dates.closes?.at;
  const closesAfter = fields.dates?.closes?.at;
  if (closesBefore && closesAfter && closesAfter < closesBefore && (await hasApplications(db, before.id)))
    errors.push({
      path: '/changes/dates/closes/at',
      in: 'body',
      code: 'not_allowed',
      message: 'Associations have started applying: the closing date cannot move earlier',
      params: { current: closesBefore },
    });
  if (errors.length > 0) throw problem('validation_failed', 'The amendment cannot be published', { errors });
  const at = now.toISOString();
  const organisation = (await readOrganisation(db, before.funder.organisationId ?? '')) ?? undefined;
  const rebuilt = callFromFields(fields, {
    id: before.id,
    reference: before.reference,
    organisation: organisation ?? organisationOfFunder(before),
    publishedAt: before.dates.publishedAt,
  });
  const version = before.version + 1;
  const draftAfter: StoredCall = { ...rebuilt, status: before.status, version, funder: before.funder };
  const amendment: Amendment = { version, at, summary, fields: changedFields(before, draftAfter) };
  const after: StoredCall = { ...draftAfter, amendments: [...before.amendments, amendment] };
  await saveNewVersion(db, after, {
    at,
    auth,
    requestId,
    action: 'call.amend',
    reason: auditReason(summary),
    before,
  });
  await noticeDraftApplicants(
    db,
    { callId: before.id, title: after.title, reference: after.reference },
    { kind: 'amended', summary, version },
  );
  await recordEvent(db, 'call.amended', {
    callId: after.id,
    reference: after.reference,
    organisationId: callOrganisationId(after.funder),
    title: after.title,
    version,
    summary,
    fields: amendment.fields ?? [],
  });
  return { body: await publicCall(db, before.id, now) };
}

/** The funder of a call as an organisation, for calls whose organisation row is missing. */
function organisationOfFunder(call: StoredCall): Organisation {
  return {
    id: call.funder.organisationId ?? organisationIdOf(call.funder.sectorCode),
    sectorCode: call.funder.sectorCode,
    name: call.funder.name,
    kind: 'ministry',
    level: call.funder.level,
  };
}

/** Ends a call before its time (`closed_early` or `cancelled`) as a new public version with the reason. */
async function endCall(
  input: {
    callId: string;
    reason: LocalizedText;
    auth: Account | null;
    db: Db;
    now: Date;
    requestId: string;
  },
  kind: 'closed_early' | 'cancelled',
): Promise<{ body: Call }> {
  const { db, now, reason } = input;
  const before = await staffCall(db, input.auth, input.callId, now);
  if (kind === 'closed_early' && before.status !== 'open')
    throw problem('invalid_state', `Only an open call can be closed early; this one is ${before.status}`);
  if (kind === 'cancelled') {
    if (!['forecast', 'open', 'closed'].includes(before.status))
      throw problem('invalid_state', `A ${before.status} call cannot be cancelled`);
    if (await hasDecisions(db, before.id))
      throw problem('invalid_state', 'Decisions were made on this call: it cannot be cancelled');
  }
  const at = now.toISOString();
  const version = before.version + 1;
  const status = kind === 'cancelled' ? 'cancelled' : 'closed';
  const amendment: Amendment = { version, at, summary: reason, fields: ['status'] };
  const after: StoredCall = {
    ...before,
    status,
    version,
    closure: { kind, at, reason },
    amendments: [...before.amendments, amendment],
  };
  await saveNewVersion(db, after, {
    at,
    auth: input.auth,
    requestId: input.requestId,
    action: kind === 'cancelled' ? 'call.cancel' : 'call.close',
    reason: auditReason(reason),
    before,
  });
  await noticeDraftApplicants(
    db,
    { callId: before.id, title: before.title, reference: before.reference },
    { kind, summary: reason, version },
  );
  await recordEvent(db, kind === 'cancelled' ? 'call.cancelled' : 'call.closed', {
    callId: before.id,
    reference: before.reference,
    organisationId: callOrganisationId(before.funder),
    title: before.title,
    version,
    reason,
    at,
  });
  return { body: await publicCall(db, before.id, now) };
}

/**
 * `calls.close`: closes an open call before its deadline, with the public reason.
 *
 * @example
 * ```ts
 * app.bind(closeCall, closeCallHandler);
 * ```
 */
export async function closeCallHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof closeCall>) {
  return await endCall(
    { callId: params.callId, reason: body.reason, auth, db, now, requestId },
    'closed_early',
  );
}

/**
 * `calls.cancel`: cancels a call before any decision, with the public reason.
 *
 * @example
 * ```ts
 * app.bind(cancelCall, cancelCallHandler);
 * ```
 */
export async function cancelCallHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof cancelCall>) {
  return await endCall({ callId: params.callId, reason: body.reason, auth, db, now, requestId }, 'cancelled');
}

/**
 * `calls.versions`: one keyset page of the public history of a published call, oldest version first;
 * `404` for an unknown call or a draft.
 *
 * @example
 * ```ts
 * app.bind(listCallVersions, listCallVersionsHandler);
 * ```
 */
export async function listCallVersionsHandler({ params, query, db }: HandlerInput<typeof listCallVersions>) {
  if (!(await callExists(db, params.callId))) throw problem('not_found', `No call ${params.callId}`);
  const page = await readCallVersionPage(db, params.callId, query);
  const items: CallVersion[] = page.items.map(({ version, at, call }) => {
    const amendment = call.amendments.find((entry) => entry.version === version);
    return { version, at, ...(amendment ? { amendment } : {}), call };
  });
  return { body: { items, nextCursor: page.nextCursor } };
}

async function reviewersOf(db: Db, callId: string): Promise<CallReviewers> {
  const rows = await readCallReviewers(db, callId);
  return {
    items: rows.map((row) => ({
      accountId: row.account_id,
      displayName: row.display_name,
      ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
      assignedAt: row.assigned_at,
    })),
  };
}

/**
 * `calls.reviewers`: who reviews a call, for the staff who run it.
 *
 * @example
 * ```ts
 * app.bind(listCallReviewers, listCallReviewersHandler);
 * ```
 */
export async function listCallReviewersHandler({
  params,
  auth,
  db,
  now,
}: HandlerInput<typeof listCallReviewers>) {
  const call = await staffCall(db, auth, params.callId, now);
  return { body: await reviewersOf(db, call.id) };
}

/**
 * `calls.setReviewers`: replaces the reviewers of a call. Each must be an account with the reviewer role,
 * of the call's organisation or of none (an independent expert); one who has already reviewed an
 * application of the call cannot be removed.
 *
 * @example
 * ```ts
 * app.bind(setCallReviewers, setCallReviewersHandler);
 * ```
 */
export async function setCallReviewersHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof setCallReviewers>) {
  const call = await staffCall(db, auth, params.callId, now);
  const wanted = [...new Set(body.accountIds)];
  const errors: FieldError[] = [];
  for (const [index, accountId] of body.accountIds.entries()) {
    const account = (await readAccount(db, accountId))?.account;
    if (!account?.roles.includes('reviewer'))
      errors.push({
        path: `/accountIds/${index}`,
        in: 'body',
        code: 'not_allowed',
        message: `${accountId} is not a reviewer`,
      });
    else if (account.organisationId !== undefined && account.organisationId !== call.funder.organisationId)
      errors.push({
        path: `/accountIds/${index}`,
        in: 'body',
        code: 'not_allowed',
        message: `${accountId} reviews for another organisation`,
      });
  }
  const current = await reviewersOf(db, call.id);
  const removed = current.items.map((item) => item.accountId).filter((id) => !wanted.includes(id));
  for (const accountId of removed) {
    if (await hasReviewedCall(db, call.id, accountId))
      errors.push({
        path: '/accountIds',
        in: 'body',
        code: 'not_allowed',
        message: `${accountId} has reviewed applications of this call and stays assigned`,
        params: { accountId },
      });
  }
  if (errors.length > 0) throw problem('validation_failed', 'These reviewers cannot be assigned', { errors });
  const at = now.toISOString();
  for (const accountId of removed) await removeCallReviewer(db, call.id, accountId);
  for (const accountId of wanted)
    await addCallReviewer(db, { callId: call.id, accountId, at, by: auth?.id ?? null });
  const after = await reviewersOf(db, call.id);
  await auditCall(db, { auth, now, requestId }, 'call.assignReviewers', call.id, {
    organisationId: call.funder.organisationId,
    before: current.items.map((item) => item.accountId),
    after: after.items.map((item) => item.accountId),
  });
  return { body: after };
}

/**
 * `calls.managed`: an organisation's calls, drafts included, most recently changed first, each with its
 * applications by stage and its number of reviewers, for the organisation's staff.
 *
 * @example
 * ```ts
 * app.bind(listManagedCalls, listManagedCallsHandler);
 * ```
 */
export async function listManagedCallsHandler({
  params,
  query,
  auth,
  db,
  now,
}: HandlerInput<typeof listManagedCalls>) {
  if (!(await readOrganisation(db, params.organisationId)))
    throw problem('not_found', `No organisation ${params.organisationId}`);
  if (!runsCallsOf(auth, params.organisationId)) forbidden();
  const page = await readManagedCallPage(db, params.organisationId, query);
  const items: ManagedCall[] = page.items.map((row) => {
    const call = row.data ? (JSON.parse(row.data) as StoredCall) : undefined;
    const fields = call ? undefined : (JSON.parse(row.fields) as CallDraftFields);
    const title = call?.title ?? fields?.title;
    const closesAt = call?.dates.closes?.at ?? fields?.dates?.closes?.at;
    return {
      id: row.id,
      organisationId: row.organisation_id,
      state: row.state,
      ...(call ? { status: callStatusAt(call, now), reference: call.reference } : {}),
      ...(title ? { title } : {}),
      ...(closesAt ? { closesAt } : {}),
      updatedAt: row.updated_at,
      problemCount: fields ? callPublicationProblems(fields, now.toISOString()).length : 0,
      applications: page.applications.get(row.id) ?? { awaitingCheck: 0, underReview: 0, decided: 0 },
      reviewers: page.reviewers.get(row.id) ?? 0,
    };
  });
  return { body: { items, nextCursor: page.nextCursor } };
}

/** The public note of a results publication when the staff give none. */
const RESULTS_PUBLISHED: LocalizedText = {
  ar: 'نشر نتائج طلب المشاريع: لائحة الجمعيات المستفيدة والمبالغ الممنوحة.',
  fr: 'Publication des résultats : la liste des associations retenues et des montants accordés.',
  en: 'Results published: the associations selected and the amounts awarded.',
  zgh: 'ⴰⵙⵙⵓⴼⵖ ⵏ ⵢⵉⵢⴰⴼⵓⵜⵏ: ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵎⵓⵜⵜⵉⵡⵉⵏ ⵉⵜⵜⵓⵙⵜⴰⵏ ⴷ ⵉⵎⵉⴹⴰⵏ.',
};

/**
 * `calls.publishResults`: once a closed call's admissible applications are all decided, its awards become
 * public (the call's awards, the award search, open data) and the call `awarded`, as a new public version.
 *
 * @example
 * ```ts
 * app.bind(publishCallResults, publishCallResultsHandler);
 * ```
 */
export async function publishCallResultsHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof publishCallResults>) {
  const before = await staffCall(db, auth, params.callId, now);
  if (before.status === 'forecast' || before.status === 'open')
    throw problem('call_still_open', 'Results are published once the call is closed');
  if (before.status === 'awarded' || before.status === 'cancelled')
    throw problem('invalid_state', `The call is ${before.status}`);
  const pending = await countUndecidedApplications(db, before.id);
  if (pending > 0) throw problem('reviews_incomplete', `${pending} applications are not decided yet`);
  for (const award of await unpublishedAwards(db, before.id))
    await insertAward(db, {
      applicationId: award.applicationId,
      amount: fromMinorUnits(award.amountMinor),
      decidedAt: award.decidedAt,
    });
  const at = now.toISOString();
  const version = before.version + 1;
  const summary = body?.summary ?? RESULTS_PUBLISHED;
  const after: StoredCall = {
    ...before,
    status: 'awarded',
    version,
    amendments: [...before.amendments, { version, at, summary, fields: ['status', 'stats'] }],
  };
  await saveNewVersion(db, after, {
    at,
    auth,
    requestId,
    action: 'call.publishResults',
    reason: auditReason(summary),
    before,
  });
  return { body: await publicCall(db, before.id, now) };
}

/**
 * Whether `auth` is assigned to review the applications of `callId` (admins review every call).
 *
 * @example
 * ```ts
 * if (!(await reviewsCall(db, auth, application.callId))) throw problem('forbidden');
 * ```
 */
export async function reviewsCall(db: Db, auth: Account | null, callId: string): Promise<boolean> {
  if (!auth) return false;
  if (auth.roles.includes('admin')) return true;
  if (!auth.roles.includes('reviewer')) return false;
  return await isCallReviewer(db, callId, auth.id);
}
