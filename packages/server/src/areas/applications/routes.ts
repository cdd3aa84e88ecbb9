import { createHash, randomUUID } from 'node:crypto';
import {
  type Account,
  type Answers,
  type Application,
  type ApplicationStatus,
  type Attachment,
  attachFromVault,
  type Call,
  type CriterionScore,
  casablancaDate,
  casablancaEndOfDay,
  checkAnswers,
  checkApplicationEligibility,
  DISPLAY_TIME_ZONE,
  decideApplication,
  declareConflict,
  evaluateEligibility,
  expiredAttachmentErrors,
  type FieldError,
  fromMinorUnits,
  getApplication,
  getAttachmentContent,
  listApplications,
  listCallApplications,
  type Receipt,
  type Review,
  removeAttachment,
  startApplication,
  submitApplication,
  submitReview,
  toMinorUnits,
  updateApplication,
  uploadAttachment,
  withdrawApplication,
} from '@nassij/contract';
import { isAdmin, isMemberOf, isRepresentativeOf } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { recordEvent } from '../../events/log.js';
import { callOrganisationId } from '../../events/subjects.js';
import type { ApiApp, Handler, HandlerInput } from '../../http/app.js';
import { etagOf, requireIfMatch } from '../../http/etag.js';
import { problem } from '../../http/problem.js';
import { readVaultDocument } from '../association-documents/store.js';
import { associationName, associationProfile, associationRegion } from '../associations/store.js';
import { reviewsCall } from '../calls/authoring.js';
import { readCall, readStoredCall } from '../calls/store.js';
import { noticeDecision, noticeEligibility, noticeReceipt } from '../notices/index.js';
import { runsCallsOf } from '../organisations/organisation.js';
import {
  acceptedMediaType,
  deleteUnreferencedFiles,
  deleteUnreferencedFilesSoon,
  fileDownload,
  scanAttachmentSoon,
  storedFileOr404,
  storeHeldFile,
} from './files.js';
import {
  declarationsOf,
  readConflictDeclaration,
  writeConflictDeclaration,
  writeEligibilityCheck,
} from './governance.js';
import { readReviews, writeReview } from './reviews.js';
import {
  deleteAttachment,
  findActiveApplicationId,
  insertApplication,
  insertAttachment,
  listAssociationApplications,
  listSubmittedApplications,
  nextReceiptNumber,
  readApplication,
  readAttachments,
  saveApplication,
  setApplicationStatus,
  writeDecision,
} from './store.js';

/** Largest upload body: the contract caps a document at 50 MB; the margin covers multipart framing. */
const MAX_UPLOAD_BODY_BYTES = 50 * 1024 * 1024 + 64 * 1024;

/** Statuses after which nothing changes any more. */
const FINAL: readonly ApplicationStatus[] = ['awarded', 'rejected', 'withdrawn'];
/** Statuses in which an application waits for its eligibility check. */
const CHECKABLE: readonly ApplicationStatus[] = ['submitted', 'received', 'eligibility_check'];
const DAY_MS = 86_400_000;

function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

function invalid(errors: FieldError[], detail?: string) {
  return problem('validation_failed', detail, { errors });
}

/**
 * Whether a reviewer may see the application: once it was submitted. Until then it is the association's
 * own draft, which does not exist for the review process: a reviewer gets `404`, as a reader gets for a
 * contribution not yet published (a withdrawn draft that was never submitted stays unseen too).
 */
const submitted = (application: Application): boolean => application.submittedAt !== undefined;

/**
 * How `auth` stands toward an application: a member of the applicant association, a platform admin, staff of
 * the organisation that runs its call, a reviewer assigned to the call, or nobody.
 */
type Standing = 'member' | 'admin' | 'staff' | 'reviewer' | 'none';

async function standingOf(db: Db, auth: Account | null, application: Application): Promise<Standing> {
  if (!auth) return 'none';
  if (isMemberOf(auth, application.associationId)) return 'member';
  if (isAdmin(auth)) return 'admin';
  const call = await readStoredCall(db, application.callId);
  if (runsCallsOf(auth, call?.funder.organisationId)) return 'staff';
  if (await reviewsCall(db, auth, application.callId)) return 'reviewer';
  return 'none';
}

/**
 * A reviewer sees an application only after declaring on it, and not at all with a conflict: `403
 * declaration_required` before the declaration, `403 conflict_of_interest` after declaring one.
 */
async function requireNoConflictDeclared(db: Db, auth: Account, application: Application): Promise<void> {
  const declaration = await readConflictDeclaration(db, application.id, auth.id);
  if (!declaration)
    throw problem(
      'declaration_required',
      'Declare whether you have a conflict of interest with this application before opening it',
    );
  if (declaration.declared)
    throw problem('conflict_of_interest', 'You declared a conflict of interest with this application');
}

/**
 * The application as `auth` may see it: members of the applicant association and admins in any state; the
 * staff who run its call and its assigned reviewers (once they declared no conflict) once it was submitted
 * (`404` before), with its reviews; others get `403`.
 */
async function visibleApplication(db: Db, auth: Account | null, id: string): Promise<Application> {
  const application = await readApplication(db, id);
  if (!application) throw problem('not_found', `No application ${id}`);
  const standing = await standingOf(db, auth, application);
  if (standing === 'member') return application;
  if (standing === 'none')
    throw problem(
      'forbidden',
      'Only members of the applicant association, the staff who run the call and its reviewers see this',
    );
  if (standing !== 'admin' && !submitted(application)) throw problem('not_found', `No application ${id}`);
  if (standing === 'reviewer' && auth) await requireNoConflictDeclared(db, auth, application);
  return { ...application, reviews: await readReviews(db, id) };
}

/** Reviewers see the applications of the calls they are assigned to only; the call's staff see them all. */
async function requireCallReader(db: Db, auth: Account | null, callId: string): Promise<void> {
  const call = await readStoredCall(db, callId);
  if (runsCallsOf(auth, call?.funder.organisationId)) return;
  if (!(await reviewsCall(db, auth, callId)))
    throw problem('forbidden', 'Only the reviewers assigned to this call and its staff see its applications');
}

/** A submitted application that `auth` (not a member of the applicant association) works on. */
async function submittedApplication(
  db: Db,
  auth: Account,
  id: string,
  act: 'review' | 'decide' | 'check',
): Promise<{ application: Application; standing: Standing }> {
  const application = await readApplication(db, id);
  if (!application) throw problem('not_found', `No application ${id}`);
  const standing = await standingOf(db, auth, application);
  if (standing === 'member')
    throw problem(
      'conflict_of_interest',
      act === 'review'
        ? 'A member of the applicant association may not review it'
        : 'A member of the applicant association may not judge it',
    );
  const allowed =
    act === 'review'
      ? standing === 'reviewer' || standing === 'admin'
      : standing === 'staff' || standing === 'admin';
  if (!allowed)
    throw problem(
      'forbidden',
      act === 'review'
        ? 'Only the reviewers assigned to this call review its applications'
        : 'Only the staff who run this call judge its applications',
    );
  if (!submitted(application)) throw problem('not_found', `No application ${id}`);
  return { application, standing };
}

/** An application the signed-in member of its association may change, with its call. */
async function ownDraft(
  db: Db,
  auth: Account | null,
  id: string,
): Promise<{ application: Application; call: Call }> {
  const application = await readApplication(db, id);
  if (!application) throw problem('not_found', `No application ${id}`);
  if (!isMemberOf(auth, application.associationId))
    throw problem('forbidden', 'Only members of the applicant association may change it');
  const call = await readCall(db, application.callId);
  if (!call) throw problem('not_found', `No call ${application.callId}`);
  return { application, call };
}

function requireDraft(application: Application): void {
  if (application.status !== 'draft')
    throw problem('invalid_state', `The application is ${application.status}, no longer a draft`);
}

function deadlinePassed(call: Call, now: Date): boolean {
  const closes = call.dates.closes?.at;
  return closes !== undefined && Date.parse(closes) <= now.getTime();
}

async function eligibilityErrors(
  db: Db,
  call: Call,
  associationId: string,
  now: Date,
): Promise<FieldError[]> {
  const profile = await associationProfile(db, associationId);
  if (!profile) throw problem('not_found', `No association ${associationId}`);
  const result = evaluateEligibility(call.eligibility.rules, profile, now.toISOString());
  return result.reasons.map((reason) => ({
    path: '/associationId',
    in: 'body',
    code: 'invalid',
    message: `Eligibility rule "${reason.rule}" is not met (${reason.code})`,
    params: { rule: reason.rule, reason: reason.code },
  }));
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The receipt hash of an application: sha256 of the canonical JSON of its answers, project title,
 * requested amount and the sha256 of each attachment (by document).
 *
 * @example
 * ```ts
 * contentHash(application); // 'sha256:9f86d0…'
 * ```
 */
export function contentHash(application: Application): string {
  const content = {
    answers: application.answers,
    projectTitle: application.projectTitle ?? null,
    requestedAmount: application.requestedAmount ?? null,
    attachments: application.attachments
      .map((a) => ({ documentId: a.documentId, sha256: a.sha256 }))
      .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0)),
  };
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

/**
 * A file name safe to show back: no directories, no control characters, no bidirectional controls (U+202E
 * would show `‮fdp.exe` as `exe.pdf`), no lone surrogates, at most 255 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .trim();
  return (cleaned || 'file').slice(0, 255);
}

/** The call an association may start an application to now: open, and not past its deadline. */
async function openCall(db: Db, callId: string, now: Date): Promise<Call> {
  // The call's status at this instant: a forecast call opens, an open one closes, on its dates.
  const call = await readCall(db, callId, now);
  if (!call) throw problem('not_found', `No call ${callId}`);
  if (deadlinePassed(call, now)) throw problem('deadline_passed', 'The call is closed');
  if (call.status !== 'open' || Date.parse(call.dates.opensAt) > now.getTime())
    throw problem('invalid_state', `The call is ${call.status}`);
  return call;
}

/** Inserts the draft, unless the association already has an application to the call (a `409` naming it). */
async function createDraft(
  db: Db,
  draft: { id: string; call: Call; associationId: string; now: Date; actor: string },
): Promise<void> {
  const { id, call, associationId, now, actor } = draft;
  await db.atomic(async () => {
    const existing = await findActiveApplicationId(db, call.id, associationId);
    if (existing)
      throw problem('already_exists', 'The association already has an application to this call', {
        current: existing,
      });
    await insertApplication(db, {
      id,
      callId: call.id,
      associationId,
      associationName: (await associationName(db, associationId)) ?? { fr: associationId },
      region: (await associationRegion(db, associationId)) ?? 'MA-01',
      formVersion: call.form.version,
      createdAt: now.toISOString(),
      actor,
    });
  });
}

async function startApplicationHandler({ body, auth, db, now }: HandlerInput<typeof startApplication>) {
  if (!auth || !isMemberOf(auth, body.associationId))
    throw problem('forbidden', 'Only members of the association may apply for it');
  const call = await openCall(db, body.callId, now);
  const errors = await eligibilityErrors(db, call, body.associationId, now);
  if (errors.length > 0)
    throw problem('not_eligible', 'The association does not meet the call’s rules', { errors });
  const id = newId('app');
  await createDraft(db, { id, call, associationId: body.associationId, now, actor: auth.id });
  const created = await visibleApplication(db, auth, id);
  return {
    status: 201,
    body: created,
    etag: etagOf(JSON.stringify(created)),
    headers: { location: `/v1/applications/${id}` },
  };
}

async function listApplicationsHandler({ query, auth, db }: HandlerInput<typeof listApplications>) {
  // Only the caller's own associations: another association's id filters down to nothing.
  const mine = [...new Set((auth?.memberships ?? []).map((m) => m.associationId))];
  const associationIds = query.associationId ? mine.filter((id) => id === query.associationId) : mine;
  return { body: await listAssociationApplications(db, { ...query, associationIds }) };
}

async function getApplicationHandler({ params, auth, db }: HandlerInput<typeof getApplication>) {
  return { body: await visibleApplication(db, auth, params.applicationId) };
}

/** The saved answers with the autosave's applied: a `null` value clears its field. */
function mergeAnswers(saved: Answers, given: Answers): Answers {
  const answers = { ...saved };
  for (const [field, value] of Object.entries(given)) {
    if (value === null) delete answers[field];
    else answers[field] = value;
  }
  return answers;
}

async function updateApplicationHandler({
  params,
  body,
  auth,
  db,
  now,
  c,
}: HandlerInput<typeof updateApplication>) {
  const { application, call } = await ownDraft(db, auth, params.applicationId);
  const current = await visibleApplication(db, auth, application.id);
  requireIfMatch(c, etagOf(JSON.stringify(current)), current);
  requireDraft(application);
  const given = body.answers ?? {};
  const errors = checkAnswers(call.form, given, { complete: false });
  if (errors.length > 0) throw invalid(errors);
  const at = now.toISOString();
  await saveApplication(
    db,
    application.id,
    {
      answers: mergeAnswers(application.answers, given),
      autosavedAt: at,
      ...(body.projectTitle !== undefined ? { projectTitle: body.projectTitle.trim() || null } : {}),
      ...(body.requestedAmount !== undefined ? { requestedAmount: body.requestedAmount } : {}),
    },
    at,
  );
  const saved = await visibleApplication(db, auth, application.id);
  return { body: saved, etag: etagOf(JSON.stringify(saved)) };
}

/** An upload the call's document accepts: its bytes, cleaned file name and the media type they pass as. */
interface CheckedUpload {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
}

/** Checks the upload against the document the call asks for: known document, a file, its size and type. */
async function checkedUpload(call: Call, documentId: string, file: File | undefined): Promise<CheckedUpload> {
  const document = call.requiredDocuments.find((d) => d.id === documentId);
  if (!document)
    throw invalid([
      {
        path: '/documentId',
        in: 'body',
        code: 'invalid_value',
        message: 'Not a document this call asks for',
        params: { allowed: call.requiredDocuments.map((d) => d.id) },
      },
    ]);
  if (!file)
    throw invalid([
      { path: '/file', in: 'body', code: 'required', message: 'Attach the file in the "file" part' },
    ]);
  if (file.size > document.maxBytes)
    throw problem('file_too_large', `At most ${document.maxBytes} bytes for this document`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0)
    throw invalid([{ path: '/file', in: 'body', code: 'required', message: 'The file is empty' }]);
  const mediaType = acceptedMediaType(bytes, document.mediaTypes);
  if (!mediaType) throw problem('file_type_not_allowed', `Accepted: ${document.mediaTypes.join(', ')}`);
  return { bytes, fileName: cleanFileName(file.name), mediaType };
}

/**
 * Attaches stored bytes to a draft, replacing its attachment for the same document, then releases the hold
 * and deletes the replaced file, or this upload's own when it was refused, unless another attachment uses it.
 */
async function attachStoredFile(
  db: Db,
  dataDir: string,
  applicationId: string,
  attachment: Attachment,
  uploadedBy: string | undefined,
  release: () => void,
): Promise<void> {
  const replaced: string[] = [];
  try {
    await db.atomic(async () => {
      // Re-check inside the transaction: the bytes were stored with an await in between.
      if ((await readApplication(db, applicationId))?.status !== 'draft')
        throw problem('invalid_state', 'The application is no longer a draft');
      for (const previous of await readAttachments(db, applicationId))
        if (previous.documentId === attachment.documentId) {
          await deleteAttachment(db, applicationId, previous.id);
          replaced.push(previous.sha256);
        }
      await insertAttachment(db, applicationId, attachment, uploadedBy);
      await saveApplication(db, applicationId, {}, attachment.uploadedAt);
    });
  } finally {
    release();
    await deleteUnreferencedFiles(db, dataDir, [...replaced, attachment.sha256]);
  }
}

function uploadAttachmentHandler(app: ApiApp): Handler<typeof uploadAttachment> {
  return async ({ params, body, files, auth, db, now, log }) => {
    const { application, call } = await ownDraft(db, auth, params.applicationId);
    requireDraft(application);
    const { bytes, fileName, mediaType } = await checkedUpload(call, body.documentId, files.file);
    const { hex, release } = await storeHeldFile(app.dataDir, bytes);
    const attachment: Attachment = {
      id: newId('att'),
      documentId: body.documentId,
      fileName,
      size: bytes.byteLength,
      mediaType,
      sha256: `sha256:${hex}`,
      scanState: 'pending',
      uploadedAt: now.toISOString(),
    };
    await attachStoredFile(db, app.dataDir, application.id, attachment, auth?.id, release);
    scanAttachmentSoon(db, attachment.id, bytes, mediaType, log);
    return { status: 201, body: attachment };
  };
}

/**
 * `applications.attachFromVault`: answers one of the call's documents with a document of the applicant
 * association's vault. The attachment references the same stored file (same digest, no upload) and carries
 * its scan state, the vault document's id and its end of validity; it replaces the attachment of the same
 * document, whose file goes once nothing uses it. The call's size and type rules apply as to an upload. An
 * expired document is attached all the same: the form shows it flagged and a submission refuses it
 * (`document_expired`), so the association sees what to renew.
 */
function attachFromVaultHandler(app: ApiApp): Handler<typeof attachFromVault> {
  return async ({ params, body, auth, db, now, requestId, log }) => {
    const { application, call } = await ownDraft(db, auth, params.applicationId);
    requireDraft(application);
    const document = call.requiredDocuments.find((d) => d.id === body.documentId);
    if (!document)
      throw invalid([
        {
          path: '/documentId',
          in: 'body',
          code: 'invalid_value',
          message: 'Not a document this call asks for',
          params: { allowed: call.requiredDocuments.map((d) => d.id) },
        },
      ]);
    // Another association's document answers as an unknown one: its existence is not the caller's to learn.
    const source = await readVaultDocument(db, application.associationId, body.vaultDocumentId);
    if (!source)
      throw invalid([
        {
          path: '/vaultDocumentId',
          in: 'body',
          code: 'invalid_value',
          message: "Not a document of the applicant association's vault",
        },
      ]);
    if (source.size > document.maxBytes)
      throw problem('file_too_large', `At most ${document.maxBytes} bytes for this document`);
    if (!document.mediaTypes.includes(source.mediaType))
      throw problem('file_type_not_allowed', `Accepted: ${document.mediaTypes.join(', ')}`);
    const attachment: Attachment = {
      id: newId('att'),
      documentId: document.id,
      fileName: source.fileName,
      size: source.size,
      mediaType: source.mediaType,
      sha256: source.sha256,
      scanState: source.scanState,
      uploadedAt: now.toISOString(),
      vaultDocumentId: source.id,
      ...(source.validUntil ? { validUntil: source.validUntil } : {}),
    };
    const replaced: string[] = [];
    await db.atomic(async () => {
      if ((await readApplication(db, application.id))?.status !== 'draft')
        throw problem('invalid_state', 'The application is no longer a draft');
      for (const previous of await readAttachments(db, application.id))
        if (previous.documentId === attachment.documentId) {
          await deleteAttachment(db, application.id, previous.id);
          replaced.push(previous.sha256);
        }
      await insertAttachment(db, application.id, attachment, auth?.id);
      await saveApplication(db, application.id, {}, attachment.uploadedAt);
      await audit(db, {
        at: now,
        accountId: auth?.id ?? null,
        action: 'application.attachFromVault',
        targetType: 'application',
        targetId: application.id,
        requestId,
        details: { documentId: document.id, vaultDocumentId: source.id },
      });
      // Replaced files go once this commits, unless something else (the vault itself) still uses them.
      deleteUnreferencedFilesSoon(db, app.dataDir, replaced, log);
    });
    return { status: 201, body: attachment };
  };
}

function removeAttachmentHandler(app: ApiApp): Handler<typeof removeAttachment> {
  return async ({ params, auth, db, now, log }) => {
    const { application } = await ownDraft(db, auth, params.applicationId);
    requireDraft(application);
    const removed = application.attachments.find((a) => a.id === params.attachmentId);
    await db.atomic(async () => {
      if (!removed || !(await deleteAttachment(db, application.id, params.attachmentId)))
        throw problem('not_found', `No attachment ${params.attachmentId}`);
      await saveApplication(db, application.id, {}, now.toISOString());
    });
    // This handler runs inside its idempotency transaction: the file goes once that commits, if no other
    // attachment uses the same bytes.
    if (removed) deleteUnreferencedFilesSoon(db, app.dataDir, [removed.sha256], log);
    return { status: 204 };
  };
}

/**
 * What keeps a draft from being submitted: answers the form refuses, mandatory documents missing (a document
 * whose bytes were purged by retention or erasure is no longer attached), attachments that failed the scan.
 */
function completenessErrors(call: Call, application: Application): FieldError[] {
  const kept = application.attachments.filter((a) => a.purgedAt === undefined);
  const errors = checkAnswers(call.form, application.answers, {
    complete: true,
    attachedDocumentIds: kept.map((a) => a.documentId),
  });
  const inForm = new Set(
    call.form.sections
      .flatMap((s) => s.fields)
      .flatMap((f) => (f.type === 'attachment' ? [f.documentId] : [])),
  );
  for (const document of call.requiredDocuments) {
    const attached = kept.some((a) => a.documentId === document.id);
    if (document.requirement === 'mandatory' && !attached && !inForm.has(document.id))
      errors.push({
        path: `/attachments/${document.id}`,
        in: 'body',
        code: 'required',
        message: `The document "${document.id}" is required`,
      });
  }
  application.attachments.forEach((attachment, index) => {
    if (attachment.scanState === 'infected')
      errors.push({
        path: `/attachments/${index}`,
        in: 'body',
        code: 'invalid',
        message: `"${attachment.fileName}" failed the safety scan; replace it`,
        params: { documentId: attachment.documentId },
      });
  });
  return errors;
}

/** Submits the draft with its receipt, `submitted` then `received`, in one transaction; a second submit loses. */
async function issueReceipt(
  db: Db,
  application: Application,
  auth: Account | null,
  now: Date,
): Promise<Receipt> {
  const at = now.toISOString();
  return db.atomic(async () => {
    if ((await readApplication(db, application.id))?.status !== 'draft')
      throw problem('invalid_state', 'The application was already submitted');
    const made: Receipt = {
      number: await nextReceiptNumber(db, casablancaDate(now).slice(0, 4)),
      submittedAt: at,
      timeZone: DISPLAY_TIME_ZONE,
      contentHash: contentHash(application),
    };
    await saveApplication(
      db,
      application.id,
      {
        submittedAt: at,
        submittedBy: { id: auth?.id ?? '', displayName: auth?.displayName ?? '' },
        receipt: made,
      },
      at,
    );
    await setApplicationStatus(db, application.id, 'submitted', at, { actor: auth?.id });
    await setApplicationStatus(db, application.id, 'received', at, { actor: 'system' });
    const submittedTo = await readStoredCall(db, application.callId);
    if (submittedTo)
      await recordEvent(db, 'application.submitted', {
        applicationId: application.id,
        callId: submittedTo.id,
        callReference: submittedTo.reference,
        organisationId: callOrganisationId(submittedTo.funder),
        associationId: application.associationId,
        receiptNumber: made.number,
        submittedAt: at,
      });
    // The association's members get the receipt by e-mail, in the same transaction as the submission.
    await noticeReceipt(db, {
      associationId: application.associationId,
      callId: application.callId,
      receiptNumber: made.number,
      submittedAt: at,
    });
    return made;
  });
}

/** Submitting and withdrawing commit the association: its representative signs, members only draft. */
function requireRepresentative(auth: Account | null, application: Application): void {
  if (!isRepresentativeOf(auth, application.associationId))
    throw problem(
      'forbidden',
      'Only the representative of the association submits or withdraws its applications',
    );
}

async function submitApplicationHandler({ params, auth, db, now }: HandlerInput<typeof submitApplication>) {
  const { application, call } = await ownDraft(db, auth, params.applicationId);
  requireRepresentative(auth, application);
  requireDraft(application);
  if (deadlinePassed(call, now))
    throw problem('deadline_passed', `The call closed at ${call.dates.closes?.at}; the draft is kept`);
  const errors = completenessErrors(call, application);
  if (errors.length > 0) throw invalid(errors, 'The application is not complete');
  // Vault documents past their validity, today or when the call closes: the association renews them first.
  const expired = expiredAttachmentErrors(
    application.attachments.filter((a) => a.purgedAt === undefined),
    call.dates.closes?.at,
    now,
  );
  if (expired.length > 0)
    throw problem('document_expired', 'A document taken from the vault is no longer valid', {
      errors: expired,
    });
  const notEligible = await eligibilityErrors(db, call, application.associationId, now);
  if (notEligible.length > 0)
    throw problem('not_eligible', 'The association no longer meets the call’s rules', {
      errors: notEligible,
    });
  const receipt = await issueReceipt(db, application, auth, now);
  return { body: { application: await visibleApplication(db, auth, application.id), receipt } };
}

async function withdrawApplicationHandler({
  params,
  body,
  auth,
  db,
  now,
}: HandlerInput<typeof withdrawApplication>) {
  const { application, call } = await ownDraft(db, auth, params.applicationId);
  requireRepresentative(auth, application);
  if (FINAL.includes(application.status))
    throw problem('invalid_state', `The application is already ${application.status}`);
  if (deadlinePassed(call, now)) throw problem('deadline_passed', 'Withdrawal closes with the call');
  await setApplicationStatus(db, application.id, 'withdrawn', now.toISOString(), {
    reason: body?.reason,
    actor: auth?.id,
  });
  return { body: await visibleApplication(db, auth, application.id) };
}

async function listCallApplicationsHandler({
  params,
  query,
  auth,
  db,
}: HandlerInput<typeof listCallApplications>) {
  if (!(await readStoredCall(db, params.callId))) throw problem('not_found', `No call ${params.callId}`);
  await requireCallReader(db, auth, params.callId);
  const page = await listSubmittedApplications(db, params.callId, query);
  if (!auth?.roles.includes('reviewer')) return { body: page };
  // A reviewer sees where they stand on each: what to declare, what they may open.
  const mine = await declarationsOf(
    db,
    auth.id,
    page.items.map((item) => item.id),
  );
  const items = page.items.map((item) => {
    const declaration = mine.get(item.id);
    const myDeclaration = !declaration ? 'none' : declaration.declared ? 'conflict' : 'no_conflict';
    return { ...item, myDeclaration } as const;
  });
  return { body: { ...page, items } };
}

/**
 * `reviews.checkEligibility`: the staff who run the call find a submitted application admissible (it goes
 * to review) or not (it is rejected with the reason, which the applicant reads). Once only.
 */
async function checkApplicationEligibilityHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof checkApplicationEligibility>) {
  if (!auth) throw problem('unauthenticated');
  const { application } = await submittedApplication(db, auth, params.applicationId, 'check');
  if (!CHECKABLE.includes(application.status))
    throw problem(
      'invalid_state',
      `An application that is ${application.status} is past its eligibility check`,
    );
  const at = now.toISOString();
  const reason = body.reason?.trim();
  await db.atomic(async () => {
    await writeEligibilityCheck(
      db,
      application.id,
      { admissible: body.admissible, ...(reason ? { reason } : {}), checkedAt: at },
      auth.id,
    );
    if (application.status !== 'eligibility_check')
      await setApplicationStatus(db, application.id, 'eligibility_check', at, { actor: auth.id });
    await setApplicationStatus(db, application.id, body.admissible ? 'under_review' : 'rejected', at, {
      actor: auth.id,
      ...(body.admissible ? {} : { reason }),
    });
    await audit(db, {
      at: now,
      accountId: auth.id,
      action: 'application.checkEligibility',
      targetType: 'application',
      targetId: application.id,
      requestId,
      ...(reason ? { reason } : {}),
      details: { callId: application.callId, from: application.status, admissible: body.admissible },
    });
    await noticeEligibility(db, {
      associationId: application.associationId,
      callId: application.callId,
      admissible: body.admissible,
      reason,
    });
  });
  return { body: await visibleApplication(db, auth, application.id) };
}

/**
 * `reviews.declareConflict`: an assigned reviewer declares, before opening the application, whether they
 * have a conflict of interest with it. It can change until their review is written.
 */
async function declareConflictHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof declareConflict>) {
  if (!auth) throw problem('unauthenticated');
  const { application } = await submittedApplication(db, auth, params.applicationId, 'review');
  if ((await readReviews(db, application.id)).some((review) => review.reviewer.id === auth.id))
    throw problem('invalid_state', 'Your review of this application is written: the declaration stays');
  const declaration = {
    applicationId: application.id,
    reviewerId: auth.id,
    declared: body.declared,
    ...(body.statement !== undefined ? { statement: body.statement } : {}),
    declaredAt: now.toISOString(),
  };
  await writeConflictDeclaration(db, declaration);
  await audit(db, {
    at: now,
    accountId: auth.id,
    action: 'application.declareConflict',
    targetType: 'application',
    targetId: application.id,
    requestId,
    ...(body.statement !== undefined ? { reason: body.statement } : {}),
    details: { callId: application.callId, declared: body.declared },
  });
  return { body: declaration };
}

/**
 * `applications.attachmentContent`: the stored file of an attachment, for whoever may read the application
 * (reviewers once they declared no conflict); only files the scanner found clean.
 */
function attachmentContentHandler(app: ApiApp): Handler<typeof getAttachmentContent> {
  return async ({ params, auth, db }) => {
    const application = await visibleApplication(db, auth, params.applicationId);
    const attachment = application.attachments.find((item) => item.id === params.attachmentId);
    if (!attachment) throw problem('not_found', `No attachment ${params.attachmentId}`);
    if (attachment.scanState !== 'clean')
      throw problem(
        'invalid_state',
        `The file is ${attachment.scanState === 'pending' ? 'still being scanned' : 'not safe to open'}`,
      );
    return fileDownload(await storedFileOr404(app.dataDir, attachment.sha256, 'attachment'), attachment);
  };
}

/** The scores of a review and their weighted total out of 100 (none when the reviewer declares a conflict). */
interface Scoring {
  scores: CriterionScore[];
  weightedTotal?: number;
}

/**
 * Scores a review against the call's criteria: each criterion once, within its maximum, none missing; a
 * `422` names every score that is not. A reviewer who declares a conflict of interest scores nothing.
 */
function scoreReview(call: Call, body: HandlerInput<typeof submitReview>['body']): Scoring {
  if (body.conflictOfInterest.declared) return { scores: [] };
  const scores = body.scores;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let total = 0;
  scores.forEach((score, i) => {
    const criterion = call.criteria.find((c) => c.id === score.criterionId);
    if (!criterion || seen.has(score.criterionId)) {
      errors.push({
        path: `/scores/${i}/criterionId`,
        in: 'body',
        code: criterion ? 'not_allowed' : 'invalid_value',
        message: criterion ? 'This criterion is scored twice' : 'Not a criterion of this call',
        params: { allowed: call.criteria.map((c) => c.id) },
      });
      return;
    }
    seen.add(score.criterionId);
    if (score.score > criterion.maxScore)
      errors.push({
        path: `/scores/${i}/score`,
        in: 'body',
        code: 'too_big',
        message: `At most ${criterion.maxScore}`,
        params: { maximum: criterion.maxScore },
      });
    else total += (score.score / criterion.maxScore) * criterion.weight;
  });
  for (const criterion of call.criteria)
    if (!seen.has(criterion.id) && !errors.some((e) => e.path.endsWith('/criterionId')))
      errors.push({
        path: '/scores',
        in: 'body',
        code: 'required',
        message: `Score the criterion "${criterion.id}"`,
        params: { criterionId: criterion.id },
      });
  if (errors.length > 0) throw invalid(errors, 'Every criterion needs a score within its maximum');
  return { scores, weightedTotal: Math.min(100, Math.round(total * 100) / 100) };
}

/** Stores the review, puts the application under review unless the reviewer declared a conflict, audits. */
async function recordReview(
  db: Db,
  application: Application,
  review: Review,
  audited: { now: Date; requestId: string },
): Promise<void> {
  const { now, requestId } = audited;
  const declared = review.conflictOfInterest.declared;
  await db.atomic(async () => {
    await writeReview(db, review);
    if (!declared && application.status !== 'under_review')
      await setApplicationStatus(db, application.id, 'under_review', review.submittedAt, {
        actor: review.reviewer.id,
      });
    await audit(db, {
      at: now,
      accountId: review.reviewer.id,
      action: 'application.review',
      targetType: 'application',
      targetId: application.id,
      requestId,
      ...(review.comment !== undefined ? { reason: review.comment } : {}),
      details: {
        reviewId: review.id,
        callId: application.callId,
        conflictOfInterest: declared,
        ...(review.weightedTotal !== undefined ? { weightedTotal: review.weightedTotal } : {}),
      },
    });
  });
}

async function submitReviewHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof submitReview>) {
  if (!auth) throw problem('unauthenticated');
  const { application } = await submittedApplication(db, auth, params.applicationId, 'review');
  if (application.status !== 'under_review')
    throw problem(
      'invalid_state',
      application.eligibilityCheck
        ? `An application that is ${application.status} is not under review`
        : 'The application has not passed its eligibility check yet',
    );
  // The declaration comes first; a review that declares a conflict is the declaration itself.
  if (!body.conflictOfInterest.declared) await requireNoConflictDeclared(db, auth, application);
  const existing = (await readReviews(db, application.id)).find((r) => r.reviewer.id === auth.id);
  if (existing)
    throw problem('already_exists', 'You already reviewed this application', { current: existing.id });
  const call = await readCall(db, application.callId);
  if (!call) throw problem('not_found', `No call ${application.callId}`);
  const { scores, weightedTotal } = scoreReview(call, body);
  const review = {
    id: newId('rev'),
    applicationId: application.id,
    reviewer: { id: auth.id, displayName: auth.displayName },
    conflictOfInterest: body.conflictOfInterest,
    scores,
    ...(weightedTotal !== undefined ? { weightedTotal } : {}),
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
    submittedAt: now.toISOString(),
  };
  await recordReview(db, application, review, { now, requestId });
  return { status: 201, body: review };
}

/** An awarded amount must lie within the call's minimum and maximum award, when it sets them. */
function checkAwardAmount(call: Call, body: HandlerInput<typeof decideApplication>['body']): void {
  if (body.outcome !== 'awarded' || !body.amount) return;
  const amount = toMinorUnits(body.amount);
  const { minAward, maxAward } = call.budget;
  if (minAward && amount < toMinorUnits(minAward))
    throw invalid([
      {
        path: '/amount',
        in: 'body',
        code: 'too_small',
        message: `At least ${minAward.amount} MAD`,
        params: { minimum: minAward.amount },
      },
    ]);
  if (maxAward && amount > toMinorUnits(maxAward))
    throw invalid([
      {
        path: '/amount',
        in: 'body',
        code: 'too_big',
        message: `At most ${maxAward.amount} MAD`,
        params: { maximum: maxAward.amount },
      },
    ]);
}

/**
 * Stores the decision (with the end of its appeal window) and the status it leads to; audits. The award
 * becomes public when the call's results are published (`calls.publishResults`).
 */
async function recordDecision(
  db: Db,
  application: Application,
  body: HandlerInput<typeof decideApplication>['body'],
  audited: { actor: string; now: Date; requestId: string; appealDays?: number | undefined },
): Promise<void> {
  const { actor, now, requestId } = audited;
  const decidedAt = now.toISOString();
  const appealUntil =
    audited.appealDays === undefined
      ? undefined
      : casablancaEndOfDay(
          casablancaDate(
            new Date(Date.parse(`${casablancaDate(now)}T12:00:00Z`) + audited.appealDays * DAY_MS),
          ),
        );
  await db.atomic(async () => {
    const amount =
      body.outcome === 'awarded' && body.amount ? fromMinorUnits(toMinorUnits(body.amount)) : undefined;
    await writeDecision(
      db,
      application.id,
      {
        outcome: body.outcome,
        ...(amount ? { amount } : {}),
        ...(body.conditions !== undefined ? { conditions: body.conditions } : {}),
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
        decidedAt,
        ...(appealUntil ? { appealUntil } : {}),
      },
      actor,
    );
    await setApplicationStatus(db, application.id, body.outcome, decidedAt, {
      reason: body.reason,
      actor,
    });
    await audit(db, {
      at: now,
      accountId: actor,
      action: 'application.decide',
      targetType: 'application',
      targetId: application.id,
      requestId,
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      details: {
        callId: application.callId,
        from: application.status,
        outcome: body.outcome,
        ...(amount ? { amount } : {}),
      },
    });
    const decidedOn = await readStoredCall(db, application.callId);
    if (decidedOn)
      await recordEvent(db, 'decision.made', {
        applicationId: application.id,
        callId: decidedOn.id,
        organisationId: callOrganisationId(decidedOn.funder),
        associationId: application.associationId,
        outcome: body.outcome,
        decidedAt,
      });
    await noticeDecision(db, {
      associationId: application.associationId,
      callId: application.callId,
      outcome: body.outcome,
      amount,
      conditions: body.conditions,
      reason: body.reason,
      appealUntil,
    });
  });
}

async function decideApplicationHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof decideApplication>) {
  if (!auth) throw problem('unauthenticated');
  const { application } = await submittedApplication(db, auth, params.applicationId, 'decide');
  const call = await readCall(db, application.callId, now);
  if (!call) throw problem('not_found', `No call ${application.callId}`);
  if (call.status === 'forecast' || call.status === 'open')
    throw problem('call_still_open', 'Decisions are made once the call is closed');
  if (application.status !== 'under_review')
    throw problem('invalid_state', `An application that is ${application.status} cannot be decided`);
  const reviews = (await readReviews(db, application.id)).filter(
    (review) => !review.conflictOfInterest.declared,
  );
  const needed = call.review?.reviewsPerApplication ?? 1;
  if (reviews.length < needed)
    throw problem(
      'reviews_incomplete',
      `${reviews.length} of the ${needed} reviews this call asks for are written`,
    );
  if (reviews.every((review) => review.reviewer.id === auth.id))
    throw problem('conflict_of_interest', 'The only reviewer of an application may not also decide on it');
  checkAwardAmount(call, body);
  await recordDecision(db, application, body, {
    actor: auth.id,
    now,
    requestId,
    appealDays: call.review?.appealDays,
  });
  return { body: await visibleApplication(db, auth, application.id) };
}

/**
 * Binds the application workflow and review routes: start, list, read, autosave, attachments (upload,
 * download, removal), submit, withdraw, the listing for reviewers and staff, eligibility check, conflict
 * declaration, review and decision.
 *
 * @example
 * ```ts
 * registerApplicationRoutes(app);
 * ```
 */
export function registerApplicationRoutes(app: ApiApp): void {
  app.bind(startApplication, startApplicationHandler);
  app.bind(listApplications, listApplicationsHandler);
  app.bind(getApplication, getApplicationHandler);
  app.bind(updateApplication, updateApplicationHandler);
  // Storing the file awaits the disk: no transaction waits for it.
  app.bind(uploadAttachment, uploadAttachmentHandler(app), {
    maxBodyBytes: MAX_UPLOAD_BODY_BYTES,
    awaitsIo: true,
  });
  app.bind(removeAttachment, removeAttachmentHandler(app));
  app.bind(attachFromVault, attachFromVaultHandler(app));
  app.bind(submitApplication, submitApplicationHandler);
  app.bind(withdrawApplication, withdrawApplicationHandler);
  app.bind(getAttachmentContent, attachmentContentHandler(app), { awaitsIo: true });
  app.bind(listCallApplications, listCallApplicationsHandler);
  app.bind(checkApplicationEligibility, checkApplicationEligibilityHandler);
  app.bind(declareConflict, declareConflictHandler);
  app.bind(submitReview, submitReviewHandler);
  app.bind(decideApplication, decideApplicationHandler);
}
