// The routes after an award: reports (list, submit, download the file, review), disbursements (list, record)
// and the lists of a call's and an association's reports. Who may do what: the awarded association's members
// read (reports and their files), its representative submits every report and its treasurer the financial
// ones; the funding organisation's call managers and admins (`runsCallsOf`) read, review and record
// payments; staff of another organisation get 403 whatever their role. A report's file is scanned like an
// application attachment and served only once found clean.

import { randomUUID } from 'node:crypto';
import {
  type Account,
  type Award,
  type AwardReport,
  fromMinorUnits,
  getAwardReportFile,
  listAssociationReports,
  listAwardReports,
  listCallReports,
  listDisbursements,
  REPORT_FILE_MAX_BYTES,
  REPORT_FILE_MEDIA_TYPES,
  type ReportAttachment,
  type ReportRequirement,
  type ReportStatus,
  type ReportSubmission,
  recordDisbursement,
  reviewAwardReport,
  submitAwardReport,
  toMinorUnits,
} from '@nassij/contract';
import { isAdmin, isMemberOf, submitsReportsOf } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { ApiApp, Handler, HandlerInput } from '../../http/app.js';
import type { Logger } from '../../http/log.js';
import { problem } from '../../http/problem.js';
import { readAward } from '../applications/awards.js';
import { acceptedMediaType, fileDownload, storedFileOr404, storeHeldFile } from '../applications/files.js';
import { cleanFileName } from '../applications/routes.js';
import { getScanner } from '../applications/scanner.js';
import { associationName } from '../associations/store.js';
import { readStoredCall, readStoredCalls, type StoredCall } from '../calls/store.js';
import { runsCallsOf } from '../organisations/organisation.js';
import {
  callIdsOfAssociation,
  disbursedMinor,
  insertDisbursement,
  readDisbursements,
  readReportFile,
  recordReportScanState,
  reportIdOf,
  reportPage,
  reportStatus,
  reportsOfAwards,
  saveReview,
  saveSubmission,
} from './store.js';

/** Margin over the file for the multipart framing and the summary field. */
const MAX_SUBMIT_BODY_BYTES = REPORT_FILE_MAX_BYTES + 64 * 1024;

/** The signed-in account's id; every write route here requires a token, so there always is one. */
function actorId(auth: Account | null): string {
  if (!auth) throw problem('unauthenticated');
  return auth.id;
}

/** An award and its call, or 404. */
async function awardAndCall(db: Db, awardId: string): Promise<{ award: Award; call: StoredCall }> {
  const award = await readAward(db, awardId);
  if (!award) throw problem('not_found', `No award ${awardId}`);
  const call = await readStoredCall(db, award.callId);
  if (!call) throw problem('not_found', `No call ${award.callId}`);
  return { award, call };
}

/** Whether `auth` is on the staff that runs the award's call (or a platform admin). */
const fundsCall = (auth: Account | null, call: StoredCall): boolean =>
  runsCallsOf(auth, call.funder.organisationId);

function requireReader(auth: Account | null, award: Award, call: StoredCall): void {
  if (!isMemberOf(auth, award.associationId) && !fundsCall(auth, call))
    throw problem(
      'forbidden',
      'Only members of the awarded association and the staff of the funding organisation see this',
    );
}

function requireFunder(auth: Account | null, call: StoredCall): void {
  if (!fundsCall(auth, call))
    throw problem('forbidden', 'Only the staff of the organisation that runs this call may do this');
}

function requirementOf(call: StoredCall, requirementId: string): ReportRequirement {
  const requirement = call.reports?.find((r) => r.id === requirementId);
  if (!requirement) throw problem('not_found', `The call asks for no report "${requirementId}"`);
  return requirement;
}

/** The one report of an award for a requirement, as the API shows it now. */
async function reportOf(db: Db, award: Award, requirementId: string, now: Date): Promise<AwardReport> {
  const report = (await reportsOfAwards(db, [award], now)).find((r) => r.requirementId === requirementId);
  if (!report) throw new Error(`Report ${requirementId} of ${award.id} is missing`);
  return report;
}

function requireSubmittable(status: ReportStatus): void {
  if (status === 'submitted' || status === 'accepted')
    throw problem(
      'invalid_state',
      `The report is ${status}; it can be submitted again only once the funder returns it`,
    );
}

/** The fields of an audit line about an award's follow-up: whose call, which award and association. */
function auditScope(award: Award, call: StoredCall) {
  return {
    organisationId: call.funder.organisationId ?? null,
    callId: call.id,
    awardId: award.id,
    associationId: award.associationId,
  };
}

/** `GET /v1/awards/{awardId}/reports` */
export async function listAwardReportsHandler({
  params,
  auth,
  db,
  now,
}: HandlerInput<typeof listAwardReports>) {
  const { award, call } = await awardAndCall(db, params.awardId);
  requireReader(auth, award, call);
  return { body: { items: await reportsOfAwards(db, [award], now) } };
}

// The scans of report files under way, per database: a download of a `pending` file that no scan of this
// process is handling (a file stored before scanning existed, or whose scan a restart lost) scans it itself.
const scansUnderWay = new WeakMap<Db, Set<string>>();
const scanKey = (awardId: string, requirementId: string, fileId: string) =>
  `${awardId}\u0000${requirementId}\u0000${fileId}`;

function scansOf(db: Db): Set<string> {
  let scans = scansUnderWay.get(db);
  if (!scans) {
    scans = new Set();
    scansUnderWay.set(db, scans);
  }
  return scans;
}

/**
 * Scans a report's file and records the result on the report (if it still holds that file), as
 * `scanAttachmentSoon` does for attachments: a scanner that throws gives `error`. Returns the state found.
 */
async function scanReportFile(
  db: Db,
  awardId: string,
  requirementId: string,
  file: ReportAttachment,
  bytes: Uint8Array,
  log: Logger,
): Promise<Exclude<ReportAttachment['scanState'], 'pending'>> {
  const key = scanKey(awardId, requirementId, file.fileId);
  scansOf(db).add(key);
  try {
    const state = await getScanner()
      .scan(bytes, file.mediaType)
      .catch(() => 'error' as const);
    try {
      await recordReportScanState(db, awardId, requirementId, file.fileId, state);
    } catch (error) {
      // The server closed meanwhile: the file stays pending, and its first download scans it again.
      log.warn('report scan result not saved', { awardId, requirementId, error: String(error) });
    }
    return state;
  } finally {
    scansOf(db).delete(key);
  }
}

/** A report's file once checked: its bytes, cleaned name and the media type read from the bytes. */
async function checkedReportFile(file: File) {
  if (file.size > REPORT_FILE_MAX_BYTES)
    throw problem('file_too_large', `A report's file is at most ${REPORT_FILE_MAX_BYTES} bytes`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0)
    throw problem('validation_failed', 'The file is empty', {
      errors: [{ path: '/file', in: 'body', code: 'required', message: 'The file is empty' }],
    });
  const mediaType = acceptedMediaType(bytes, REPORT_FILE_MEDIA_TYPES);
  if (!mediaType) throw problem('file_type_not_allowed', `Accepted: ${REPORT_FILE_MEDIA_TYPES.join(', ')}`);
  return { bytes, fileName: cleanFileName(file.name), mediaType };
}

/**
 * `POST /v1/awards/{awardId}/reports/{requirementId}`: stores the file first (outside any transaction, as
 * application attachments do), then records the submission and its audit line together, re-checking the
 * report's status inside the transaction.
 */
export function submitAwardReportHandler(app: ApiApp): Handler<typeof submitAwardReport> {
  return async ({ params, body, files, auth, db, now, requestId, log }) => {
    const { award, call } = await awardAndCall(db, params.awardId);
    const requirement = requirementOf(call, params.requirementId);
    // The representative submits every report; the treasurer the financial ones.
    if (!submitsReportsOf(auth, award.associationId, requirement.kind))
      throw problem(
        'forbidden',
        'Only the representative (or, for financial reports, the treasurer) of the awarded association submits its reports',
      );
    requireSubmittable(await reportStatus(db, award.id, requirement.id));
    const file = files.file ? await checkedReportFile(files.file) : undefined;
    const stored = file ? await storeHeldFile(app.dataDir, file.bytes) : undefined;
    const submission: ReportSubmission = {
      at: now.toISOString(),
      by: actorId(auth),
      summary: body.summary,
      ...(file && stored
        ? {
            attachment: {
              fileId: `sha256:${stored.hex}`,
              fileName: file.fileName,
              size: file.bytes.byteLength,
              mediaType: file.mediaType,
              scanState: 'pending',
            },
          }
        : {}),
    };
    try {
      await db.atomic(async () => {
        const before = await reportStatus(db, award.id, requirement.id);
        requireSubmittable(before);
        await saveSubmission(db, award, requirement.id, submission);
        await audit(db, {
          at: now,
          accountId: actorId(auth),
          action: 'awardReport.submit',
          targetType: 'award_report',
          targetId: reportIdOf(award.id, requirement.id),
          requestId,
          details: {
            ...auditScope(award, call),
            requirementId: requirement.id,
            before: { status: before },
            after: {
              status: 'submitted',
              ...(submission.attachment ? { file: submission.attachment.fileId } : {}),
            },
          },
        });
      });
    } finally {
      stored?.release();
    }
    // Read before the scan starts, so the answer says `pending` whatever the scanner's speed.
    const report = await reportOf(db, award, requirement.id, now);
    // Scanned once the answer is on its way, as application attachments are.
    const attachment = submission.attachment;
    if (file && attachment) {
      scansOf(db).add(scanKey(award.id, requirement.id, attachment.fileId));
      setImmediate(() => void scanReportFile(db, award.id, requirement.id, attachment, file.bytes, log));
    }
    return { body: report };
  };
}

/**
 * `GET /v1/awards/{awardId}/reports/{requirementId}/file`: the file of the report's last submission, for
 * its readers, only once scanned clean. A `pending` file that no scan of this process is handling is
 * scanned here, before answering.
 *
 * @example
 * ```ts
 * app.bind(getAwardReportFile, reportFileHandler(app), { awaitsIo: true });
 * ```
 */
export function reportFileHandler(app: ApiApp): Handler<typeof getAwardReportFile> {
  return async ({ params, auth, db, log }) => {
    const { award, call } = await awardAndCall(db, params.awardId);
    requireReader(auth, award, call);
    requirementOf(call, params.requirementId);
    const file = await readReportFile(db, award.id, params.requirementId);
    if (!file) throw problem('not_found', 'The last submission of this report has no file');
    const refuse = (state: ReportAttachment['scanState']) =>
      problem(
        'invalid_state',
        `The file is ${state === 'pending' ? 'still being scanned' : 'not safe to open'}`,
      );
    const scanning = scansOf(db).has(scanKey(award.id, params.requirementId, file.fileId));
    // Infected or unscannable bytes are not even read back.
    if (file.scanState !== 'clean' && (file.scanState !== 'pending' || scanning))
      throw refuse(file.scanState);
    const bytes = await storedFileOr404(app.dataDir, file.fileId, 'report');
    if (file.scanState === 'pending') {
      const state = await scanReportFile(db, award.id, params.requirementId, file, bytes, log);
      if (state !== 'clean') throw refuse(state);
    }
    return fileDownload(bytes, file);
  };
}

/** `POST /v1/awards/{awardId}/reports/{requirementId}/review` */
export async function reviewAwardReportHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof reviewAwardReport>) {
  const { award, call } = await awardAndCall(db, params.awardId);
  requireFunder(auth, call);
  const requirement = requirementOf(call, params.requirementId);
  const reason = body.reason || undefined;
  if (body.outcome === 'returned' && !reason)
    throw problem('validation_failed', 'Say why the report is returned', {
      errors: [
        { path: '/reason', in: 'body', code: 'required', message: 'A returned report needs a reason' },
      ],
    });
  const before = await reportStatus(db, award.id, requirement.id);
  if (before !== 'submitted')
    throw problem(
      'invalid_state',
      before === 'due' || before === 'returned'
        ? 'Nothing is submitted to review: the association has not sent this report (again) yet'
        : `The report is already ${before}`,
    );
  await saveReview(db, award.id, requirement.id, {
    at: now.toISOString(),
    by: actorId(auth),
    outcome: body.outcome,
    ...(reason ? { reason } : {}),
  });
  await audit(db, {
    at: now,
    accountId: actorId(auth),
    action: 'awardReport.review',
    targetType: 'award_report',
    targetId: reportIdOf(award.id, requirement.id),
    requestId,
    ...(reason ? { reason } : {}),
    details: {
      ...auditScope(award, call),
      requirementId: requirement.id,
      outcome: body.outcome,
      before: { status: before },
      after: { status: body.outcome === 'received' ? 'submitted' : body.outcome },
    },
  });
  return { body: await reportOf(db, award, requirement.id, now) };
}

/** `GET /v1/awards/{awardId}/disbursements` */
export async function listDisbursementsHandler({ params, auth, db }: HandlerInput<typeof listDisbursements>) {
  const { award, call } = await awardAndCall(db, params.awardId);
  requireReader(auth, award, call);
  const items = await readDisbursements(db, award.id);
  const disbursed = items.reduce((sum, d) => sum + toMinorUnits(d.amount), 0n);
  return { body: { items, awarded: award.amount, disbursed: fromMinorUnits(disbursed) } };
}

/** `POST /v1/awards/{awardId}/disbursements`: refused (422 on `/amount`) beyond what remains of the award. */
export async function recordDisbursementHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof recordDisbursement>) {
  const { award, call } = await awardAndCall(db, params.awardId);
  requireFunder(auth, call);
  const amount = toMinorUnits(body.amount);
  if (amount <= 0n)
    throw problem('validation_failed', 'A tranche pays something', {
      errors: [{ path: '/amount', in: 'body', code: 'too_small', message: 'The amount must be above zero' }],
    });
  const before = await disbursedMinor(db, award.id);
  const remaining = toMinorUnits(award.amount) - before;
  if (amount > remaining)
    throw problem('validation_failed', 'The tranches would exceed the amount awarded', {
      errors: [
        {
          path: '/amount',
          in: 'body',
          code: 'too_big',
          message: `At most ${fromMinorUnits(remaining).amount} MAD remain to be paid of this award`,
          params: { maximum: fromMinorUnits(remaining).amount },
        },
      ],
    });
  const disbursement = await insertDisbursement(db, {
    id: `dsb_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    awardId: award.id,
    amountMinor: amount,
    paidOn: body.paidOn,
    reference: body.reference,
    recordedAt: now.toISOString(),
    recordedBy: actorId(auth),
  });
  await audit(db, {
    at: now,
    accountId: actorId(auth),
    action: 'award.disburse',
    targetType: 'award',
    targetId: award.id,
    requestId,
    details: {
      ...auditScope(award, call),
      tranche: disbursement.tranche,
      amount: disbursement.amount.amount,
      paidOn: disbursement.paidOn,
      reference: disbursement.reference,
      before: { disbursed: fromMinorUnits(before).amount },
      after: { disbursed: fromMinorUnits(before + amount).amount },
    },
  });
  return { status: 201, body: disbursement };
}

/** `GET /v1/calls/{callId}/reports`: a page of the reports of the call's awards. */
export async function listCallReportsHandler({
  params,
  query,
  auth,
  db,
  now,
}: HandlerInput<typeof listCallReports>) {
  const call = await readStoredCall(db, params.callId);
  if (!call) throw problem('not_found', `No call ${params.callId}`);
  requireFunder(auth, call);
  return { body: await reportPage(db, { callId: call.id }, [call], query, now) };
}

/** `GET /v1/associations/{associationId}/reports`: a page of the reports of the association's awards. */
export async function listAssociationReportsHandler({
  params,
  query,
  auth,
  db,
  now,
}: HandlerInput<typeof listAssociationReports>) {
  if (!(await associationName(db, params.associationId)))
    throw problem('not_found', `No association ${params.associationId}`);
  if (!isMemberOf(auth, params.associationId) && !isAdmin(auth))
    throw problem('forbidden', 'Only members of the association see what it owes');
  // The requirements of every call it was awarded under, read together.
  const calls = await readStoredCalls(db, await callIdsOfAssociation(db, params.associationId));
  return { body: await reportPage(db, { associationId: params.associationId }, calls, query, now) };
}

/**
 * Binds the routes after an award.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'award-reports', migrations: [awardReportsMigration], register: registerAwardReportRoutes };
 * ```
 */
export function registerAwardReportRoutes(app: ApiApp): void {
  app.bind(listAwardReports, listAwardReportsHandler);
  app.bind(submitAwardReport, submitAwardReportHandler(app), {
    maxBodyBytes: MAX_SUBMIT_BODY_BYTES,
    awaitsIo: true,
  });
  // Reading the file awaits the disk: no transaction waits for it.
  app.bind(getAwardReportFile, reportFileHandler(app), { awaitsIo: true });
  app.bind(reviewAwardReport, reviewAwardReportHandler);
  app.bind(listDisbursements, listDisbursementsHandler);
  app.bind(recordDisbursement, recordDisbursementHandler);
  app.bind(listCallReports, listCallReportsHandler);
  app.bind(listAssociationReports, listAssociationReportsHandler);
}
