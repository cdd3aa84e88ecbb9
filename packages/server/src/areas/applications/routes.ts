import { createHash, randomUUID } from 'node:crypto';
import {
  type Account,
  type Application,
  type ApplicationStatus,
  type Attachment,
  type Call,
  type CriterionScore,
  casablancaDate,
  checkAnswers,
  DISPLAY_TIME_ZONE,
  decideApplication,
  evaluateEligibility,
  type FieldError,
  fromMinorUnits,
  getApplication,
  listApplications,
  listCallApplications,
  type Receipt,
  removeAttachment,
  startApplication,
  submitApplication,
  submitReview,
  toMinorUnits,
  updateApplication,
  uploadAttachment,
  withdrawApplication,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import { etagOf, requireIfMatch } from '../../http/etag.js';
import { problem } from '../../http/problem.js';
import { associationName, associationProfile, associationRegion } from '../associations/store.js';
import { readCall } from '../calls/store.js';
import { insertAward } from './awards.js';
import {
  acceptedMediaType,
  deleteUnreferencedFiles,
  deleteUnreferencedFilesSoon,
  holdFile,
  sha256Hex,
  storeFile,
} from './files.js';
import { readReviews, writeReview } from './reviews.js';
import { getScanner } from './scanner.js';
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
/** Statuses a reviewer works on: submitted and not yet decided. */
const REVIEWABLE: readonly ApplicationStatus[] = [
  'submitted',
  'received',
  'eligibility_check',
  'under_review',
];

const isStaff = (auth: Account | null): boolean =>
  auth !== null && (auth.roles.includes('reviewer') || auth.roles.includes('admin'));
const isAdmin = (auth: Account | null): boolean => auth?.roles.includes('admin') ?? false;
const isMemberOf = (auth: Account | null, associationId: string): boolean =>
  auth?.memberships.some((m) => m.associationId === associationId) ?? false;

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
 * The application as `auth` may see it (reviews for staff only): members of the applicant association and
 * admins see it in any state, reviewers once submitted (`404` before), others get `403`.
 */
async function visibleApplication(db: Db, auth: Account | null, id: string): Promise<Application> {
  const application = await readApplication(db, id, { withReviews: isStaff(auth) });
  if (!application) throw problem('not_found', `No application ${id}`);
  if (isMemberOf(auth, application.associationId) || isAdmin(auth)) return application;
  if (!isStaff(auth))
    throw problem('forbidden', 'Only members of the applicant association, reviewers and admins see this');
  if (!submitted(application)) throw problem('not_found', `No application ${id}`);
  return application;
}

/** An application a reviewer or admin works on: a reviewer who is not a member sees submitted ones only. */
async function reviewedApplication(db: Db, auth: Account, id: string): Promise<Application> {
  const application = await readApplication(db, id);
  if (!application) throw problem('not_found', `No application ${id}`);
  if (!isAdmin(auth) && !isMemberOf(auth, application.associationId) && !submitted(application))
    throw problem('not_found', `No application ${id}`);
  return application;
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

function scanLater(
  db: Db,
  attachmentId: string,
  bytes: Uint8Array,
  mediaType: string,
  log: ApiApp['logger'],
) {
  // The upload answers at once with `pending`; the scan result lands in the row when ready.
  setImmediate(() => {
    void getScanner()
      .scan(bytes, mediaType)
      .catch(() => 'error' as const)
      .then(async (state) => {
        try {
          await db.write("UPDATE attachments SET scan_state = ? WHERE id = ? AND scan_state = 'pending'", [
            state,
            attachmentId,
          ]);
        } catch (error) {
          // The server may have closed meanwhile; the row then stays pending.
          log.warn('scan result not saved', { attachmentId, error: String(error) });
        }
      });
  });
}

/**
 * Binds the application workflow and review routes: start, list, read, autosave, attachments, submit,
 * withdraw, reviewer listing, review and decision.
 *
 * @example
 * ```ts
 * registerApplicationRoutes(app);
 * ```
 */
export function registerApplicationRoutes(app: ApiApp): void {
  app.bind(startApplication, async ({ body, auth, db, now }) => {
    if (!auth || !isMemberOf(auth, body.associationId))
      throw problem('forbidden', 'Only members of the association may apply for it');
    // The call's status at this instant: a forecast call opens, an open one closes, on its dates.
    const call = await readCall(db, body.callId, now);
    if (!call) throw problem('not_found', `No call ${body.callId}`);
    if (deadlinePassed(call, now)) throw problem('deadline_passed', 'The call is closed');
    if (call.status !== 'open' || Date.parse(call.dates.opensAt) > now.getTime())
      throw problem('invalid_state', `The call is ${call.status}`);
    const errors = await eligibilityErrors(db, call, body.associationId, now);
    if (errors.length > 0)
      throw problem('not_eligible', 'The association does not meet the call’s rules', { errors });
    const id = newId('app');
    await db.atomic(async () => {
      const existing = await findActiveApplicationId(db, call.id, body.associationId);
      if (existing)
        throw problem('already_exists', 'The association already has an application to this call', {
          current: existing,
        });
      await insertApplication(db, {
        id,
        callId: call.id,
        associationId: body.associationId,
        associationName: (await associationName(db, body.associationId)) ?? { fr: body.associationId },
        region: (await associationRegion(db, body.associationId)) ?? 'MA-01',
        formVersion: call.form.version,
        createdAt: now.toISOString(),
        actor: auth.id,
      });
    });
    const created = await visibleApplication(db, auth, id);
    return {
      status: 201,
      body: created,
      etag: etagOf(JSON.stringify(created)),
      headers: { location: `/v1/applications/${id}` },
    };
  });

  app.bind(listApplications, async ({ query, auth, db }) => {
    // Only the caller's own associations: another association's id filters down to nothing.
    const mine = [...new Set((auth?.memberships ?? []).map((m) => m.associationId))];
    const associationIds = query.associationId ? mine.filter((id) => id === query.associationId) : mine;
    return { body: await listAssociationApplications(db, { ...query, associationIds }) };
  });

  app.bind(getApplication, async ({ params, auth, db }) => ({
    body: await visibleApplication(db, auth, params.applicationId),
  }));

  app.bind(updateApplication, async ({ params, body, auth, db, now, c }) => {
    const { application, call } = await ownDraft(db, auth, params.applicationId);
    const current = await visibleApplication(db, auth, application.id);
    requireIfMatch(c, etagOf(JSON.stringify(current)), current);
    requireDraft(application);
    const given = body.answers ?? {};
    const errors = checkAnswers(call.form, given, { complete: false });
    if (errors.length > 0) throw invalid(errors);
    const answers = { ...application.answers };
    for (const [field, value] of Object.entries(given)) {
      if (value === null) delete answers[field];
      else answers[field] = value;
    }
    const at = now.toISOString();
    await saveApplication(
      db,
      application.id,
      {
        answers,
        autosavedAt: at,
        ...(body.projectTitle !== undefined ? { projectTitle: body.projectTitle.trim() || null } : {}),
        ...(body.requestedAmount !== undefined ? { requestedAmount: body.requestedAmount } : {}),
      },
      at,
    );
    const saved = await visibleApplication(db, auth, application.id);
    return { body: saved, etag: etagOf(JSON.stringify(saved)) };
  });

  app.bind(
    uploadAttachment,
    async ({ params, body, files, auth, db, now, log }) => {
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
      const file = files.file;
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
      // Held from before the bytes are on disk until the attachment that references them is committed: a
      // delete of another attachment with the same bytes, or the sweep, must not take them meanwhile.
      const digest = sha256Hex(bytes);
      const release = holdFile(app.dataDir, digest);
      const replaced: string[] = [];
      let hex: string;
      try {
        hex = await storeFile(app.dataDir, bytes, digest);
      } catch (error) {
        release();
        throw error;
      }
      const attachment: Attachment = {
        id: newId('att'),
        documentId: document.id,
        fileName: cleanFileName(file.name),
        size: bytes.byteLength,
        mediaType,
        sha256: `sha256:${hex}`,
        scanState: 'pending',
        uploadedAt: now.toISOString(),
      };
      try {
        await db.atomic(async () => {
          // Re-check inside the transaction: the bytes were stored with an await in between.
          if ((await readApplication(db, application.id))?.status !== 'draft')
            throw problem('invalid_state', 'The application is no longer a draft');
          for (const previous of await readAttachments(db, application.id))
            if (previous.documentId === document.id) {
              await deleteAttachment(db, application.id, previous.id);
              replaced.push(previous.sha256);
            }
          await insertAttachment(db, application.id, attachment, auth?.id);
          await saveApplication(db, application.id, {}, attachment.uploadedAt);
        });
      } finally {
        release();
        // The replaced file, or this upload's own when it was refused, unless another attachment uses it.
        await deleteUnreferencedFiles(db, app.dataDir, [...replaced, attachment.sha256]);
      }
      scanLater(db, attachment.id, bytes, mediaType, log);
      return { status: 201, body: attachment };
    },
    // Storing the file awaits the disk: no transaction waits for it.
    { maxBodyBytes: MAX_UPLOAD_BODY_BYTES, awaitsIo: true },
  );

  app.bind(removeAttachment, async ({ params, auth, db, now, log }) => {
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
  });

  app.bind(submitApplication, async ({ params, auth, db, now }) => {
    const { application, call } = await ownDraft(db, auth, params.applicationId);
    requireDraft(application);
    if (deadlinePassed(call, now))
      throw problem('deadline_passed', `The call closed at ${call.dates.closes?.at}; the draft is kept`);
    // A document whose bytes were purged (retention, erasure) is no longer attached.
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
    if (errors.length > 0) throw invalid(errors, 'The application is not complete');
    const notEligible = await eligibilityErrors(db, call, application.associationId, now);
    if (notEligible.length > 0)
      throw problem('not_eligible', 'The association no longer meets the call’s rules', {
        errors: notEligible,
      });
    const at = now.toISOString();
    const receipt = await db.atomic(async () => {
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
      return made;
    });
    return { body: { application: await visibleApplication(db, auth, application.id), receipt } };
  });

  app.bind(withdrawApplication, async ({ params, body, auth, db, now }) => {
    const { application, call } = await ownDraft(db, auth, params.applicationId);
    if (FINAL.includes(application.status))
      throw problem('invalid_state', `The application is already ${application.status}`);
    if (deadlinePassed(call, now)) throw problem('deadline_passed', 'Withdrawal closes with the call');
    await setApplicationStatus(db, application.id, 'withdrawn', now.toISOString(), {
      reason: body?.reason,
      actor: auth?.id,
    });
    return { body: await visibleApplication(db, auth, application.id) };
  });

  app.bind(listCallApplications, async ({ params, query, db }) => {
    if (!(await db.one('SELECT 1 AS found FROM calls WHERE id = ?', [params.callId])))
      throw problem('not_found', `No call ${params.callId}`);
    return { body: await listSubmittedApplications(db, params.callId, query) };
  });

  app.bind(submitReview, async ({ params, body, auth, db, now, requestId }) => {
    if (!auth) throw problem('unauthenticated');
    const application = await reviewedApplication(db, auth, params.applicationId);
    if (isMemberOf(auth, application.associationId))
      throw problem('conflict_of_interest', 'A member of the applicant association may not review it');
    if (!REVIEWABLE.includes(application.status))
      throw problem('invalid_state', `An application that is ${application.status} is not under review`);
    const existing = (await readReviews(db, application.id)).find((r) => r.reviewer.id === auth.id);
    if (existing)
      throw problem('already_exists', 'You already reviewed this application', { current: existing.id });
    const call = await readCall(db, application.callId);
    if (!call) throw problem('not_found', `No call ${application.callId}`);
    let weightedTotal: number | undefined;
    const scores: CriterionScore[] = body.conflictOfInterest.declared ? [] : body.scores;
    if (!body.conflictOfInterest.declared) {
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
      weightedTotal = Math.min(100, Math.round(total * 100) / 100);
    }
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
    await db.atomic(async () => {
      await writeReview(db, review);
      if (!body.conflictOfInterest.declared && application.status !== 'under_review')
        await setApplicationStatus(db, application.id, 'under_review', review.submittedAt, {
          actor: auth.id,
        });
      await audit(db, {
        at: now,
        accountId: auth.id,
        action: 'application.review',
        targetType: 'application',
        targetId: application.id,
        requestId,
        ...(body.comment !== undefined ? { reason: body.comment } : {}),
        details: {
          reviewId: review.id,
          callId: application.callId,
          conflictOfInterest: body.conflictOfInterest.declared,
          ...(weightedTotal !== undefined ? { weightedTotal } : {}),
        },
      });
    });
    return { status: 201, body: review };
  });

  app.bind(decideApplication, async ({ params, body, auth, db, now, requestId }) => {
    if (!auth) throw problem('unauthenticated');
    const application = await reviewedApplication(db, auth, params.applicationId);
    if (isMemberOf(auth, application.associationId))
      throw problem('conflict_of_interest', 'A member of the applicant association may not decide on it');
    if (!REVIEWABLE.includes(application.status))
      throw problem('invalid_state', `An application that is ${application.status} cannot be decided`);
    const call = await readCall(db, application.callId);
    if (!call) throw problem('not_found', `No call ${application.callId}`);
    if (body.outcome === 'awarded' && body.amount) {
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
    const decidedAt = now.toISOString();
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
        },
        auth.id,
      );
      await setApplicationStatus(db, application.id, body.outcome, decidedAt, {
        reason: body.reason,
        actor: auth.id,
      });
      if (amount) await insertAward(db, { applicationId: application.id, amount, decidedAt });
      await audit(db, {
        at: now,
        accountId: auth.id,
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
    });
    return { body: await visibleApplication(db, auth, application.id) };
  });
}
