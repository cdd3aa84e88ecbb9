// What follows an award: the reports the awarded association owes under its call's `reports` requirements,
// their review by the funder, and the tranches the funder pays. Reports exist from the award on, one per
// requirement of the call, `due` until the association submits one.
import * as z from 'zod/mini';
import { Id } from '../shared/ids.js';
import { CalendarDate, Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { Money } from '../shared/money.js';
import { Page, PageQuery } from '../shared/page.js';
import { queryFlag } from '../shared/query-flag.js';
import { ScanState } from './application.js';
import { ReportKind } from './call.js';

/**
 * Where a report stands: `due` (nothing submitted yet), `submitted` (waiting for the funder, or marked received),
 * `accepted`, or `returned` (the funder asks for a new submission, with the reason).
 */
export const REPORT_STATUSES = ['due', 'submitted', 'accepted', 'returned'] as const;
export const ReportStatus = /* @__PURE__ */ (() => z.enum(REPORT_STATUSES))();
export type ReportStatus = z.infer<typeof ReportStatus>;

/** What the funder says of a submitted report. `received` acknowledges it without judging it yet. */
export const REPORT_REVIEW_OUTCOMES = ['received', 'accepted', 'returned'] as const;
export const ReportReviewOutcome = /* @__PURE__ */ (() => z.enum(REPORT_REVIEW_OUTCOMES))();
export type ReportReviewOutcome = z.infer<typeof ReportReviewOutcome>;

/** Largest file sent with a report, in bytes (20 MB). */
export const REPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** The formats a report's file may have (judged by the server from its bytes): documents, spreadsheets, images, text. */
export const REPORT_FILE_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/png',
  'image/jpeg',
  'text/csv',
  'text/plain',
] as const;

/**
 * The file sent with a report: its stored id, name, size, the media type read from its bytes, and where its
 * safety scan stands (`pending` right after the upload, then `clean`, `infected` or `error`, as application
 * attachments). Only a `clean` file is served (`client.awardReports.downloadFile`).
 */
export const ReportAttachment = /* @__PURE__ */ (() =>
  z.strictObject({
    fileId: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
    fileName: z.string().check(z.minLength(1), z.maxLength(255)),
    size: z.number().check(z.int(), z.nonnegative()),
    mediaType: z.string(),
    scanState: ScanState,
  }))();
export type ReportAttachment = z.infer<typeof ReportAttachment>;

/**
 * A report as the association sent it: when, by which account, what it says, and its file if any. `by` is
 * absent for a report recorded from the funder's earlier (paper) records rather than sent on the platform.
 */
export const ReportSubmission = /* @__PURE__ */ (() =>
  z.strictObject({
    at: Instant,
    by: z.optional(Id),
    summary: z.string().check(z.minLength(1), z.maxLength(20_000)),
    attachment: z.optional(ReportAttachment),
  }))();
export type ReportSubmission = z.infer<typeof ReportSubmission>;

/** The funder's last word on a report: when, by which staff account, the outcome and its reason. */
export const ReportReview = /* @__PURE__ */ (() =>
  z.strictObject({
    at: Instant,
    by: Id,
    outcome: ReportReviewOutcome,
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }))();
export type ReportReview = z.infer<typeof ReportReview>;

/**
 * One report an awarded association owes: the requirement of the call it answers (kind, label, due date in
 * Casablanca), where it stands, the last submission and the funder's last review. `overdue` is computed at
 * each read: the due date has passed in Casablanca and the report is neither submitted nor accepted (a
 * returned report is overdue again once past its date).
 *
 * @example
 * ```ts
 * const { items } = await client.awardReports.list(awardId);
 * items.filter((report) => report.overdue).map((report) => report.label.fr); // ['Rapport d’étape']
 * ```
 */
export const AwardReport = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    awardId: Id,
    callId: Id,
    associationId: Id,
    requirementId: Id,
    kind: ReportKind,
    label: LocalizedText,
    dueOn: CalendarDate,
    status: ReportStatus,
    overdue: z.boolean(),
    submission: z.optional(ReportSubmission),
    review: z.optional(ReportReview),
  }))();
export type AwardReport = z.infer<typeof AwardReport>;

/** The reports of one award, in due date order (then requirement). */
export const AwardReportList = /* @__PURE__ */ (() => z.strictObject({ items: z.array(AwardReport) }))();
export type AwardReportList = z.infer<typeof AwardReportList>;

/**
 * A page of the reports of many awards (a call's, an association's): award by award, the most recently
 * decided award first (then by award id), and each award's reports in due date order (then requirement).
 * An award's reports may run over two pages; `nextCursor` is `null` on the last page.
 *
 * @example
 * ```ts
 * const page: AwardReportPage = await staff.awardReports.ofCall(callId, { overdue: true, limit: 50 });
 * const next = page.nextCursor ? await staff.awardReports.ofCall(callId, { overdue: true, cursor: page.nextCursor }) : undefined;
 * ```
 */
export const AwardReportPage = /* @__PURE__ */ (() => Page(AwardReport))();
export type AwardReportPage = z.infer<typeof AwardReportPage>;

/**
 * Body of `POST /v1/awards/{awardId}/reports/{requirementId}` (multipart): the report's summary, with an
 * optional `file` part (PDF, spreadsheet, image or text, at most 20 MB).
 *
 * @example
 * ```ts
 * await client.awardReports.submit(awardId, 'progress', { summary: 'Activités du premier semestre…' }, pdf);
 * ```
 */
export const SubmitAwardReport = /* @__PURE__ */ (() =>
  z.strictObject({ summary: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)) }))();
export type SubmitAwardReport = z.infer<typeof SubmitAwardReport>;

/**
 * Body of `POST /v1/awards/{awardId}/reports/{requirementId}/review`: the outcome, and the reason the
 * association reads (required when the report is returned).
 *
 * @example
 * ```ts
 * await client.awardReports.review(awardId, 'final', { outcome: 'returned', reason: 'Pièces justificatives manquantes' });
 * ```
 */
export const ReviewAwardReport = /* @__PURE__ */ (() =>
  z.strictObject({
    outcome: ReportReviewOutcome,
    reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  }))();
export type ReviewAwardReport = z.infer<typeof ReviewAwardReport>;

/** Path parameters of the routes of one award. */
export const AwardParams = /* @__PURE__ */ (() => z.strictObject({ awardId: Id }))();
export type AwardParams = z.infer<typeof AwardParams>;

/** Path parameters of the routes of one report of an award. */
export const AwardReportParams = /* @__PURE__ */ (() => z.strictObject({ awardId: Id, requirementId: Id }))();
export type AwardReportParams = z.infer<typeof AwardReportParams>;

/**
 * Filters of `GET /v1/calls/{callId}/reports` and `GET /v1/associations/{associationId}/reports`: by status
 * (repeatable) and by `overdue`, with the page's `limit` (reports, 1–100, default 20) and `cursor`.
 *
 * @example
 * ```ts
 * const late = await client.awardReports.ofCall(callId, { overdue: true, limit: 50 });
 * ```
 */
export const AwardReportQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.optional(z.array(ReportStatus)),
    overdue: z.optional(queryFlag()),
    ...PageQuery,
  }))();
export type AwardReportQuery = z.input<typeof AwardReportQuery>;

/**
 * One tranche paid of an award: its number (1, 2, …), amount, the day it was paid (Casablanca), the payment's
 * reference (a treasury order number), and when and by whom it was recorded.
 *
 * @example
 * ```ts
 * const tranche: Disbursement = { id: 'dsb_1', awardId: 'awd_1', tranche: 1, amount: { amount: '60000.00', currency: 'MAD' },
 *   paidOn: '2026-07-15', reference: 'OP-2026-0412', recordedAt: '2026-07-16T09:00:00.000Z', recordedBy: 'acc_8' };
 * ```
 */
export const Disbursement = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    awardId: Id,
    tranche: z.number().check(z.int(), z.minimum(1)),
    amount: Money,
    paidOn: CalendarDate,
    reference: z.string().check(z.minLength(1), z.maxLength(120)),
    recordedAt: Instant,
    recordedBy: Id,
  }))();
export type Disbursement = z.infer<typeof Disbursement>;

/**
 * The tranches of an award, in order, with the amount awarded and the sum paid so far.
 *
 * @example
 * ```ts
 * const { disbursed, awarded } = await client.awardReports.disbursements(awardId);
 * ```
 */
export const DisbursementList = /* @__PURE__ */ (() =>
  z.strictObject({ items: z.array(Disbursement), awarded: Money, disbursed: Money }))();
export type DisbursementList = z.infer<typeof DisbursementList>;

/**
 * Body of `POST /v1/awards/{awardId}/disbursements`: a tranche paid. The tranches together may not exceed
 * the amount awarded (422 naming `/amount`).
 *
 * @example
 * ```ts
 * await client.awardReports.recordDisbursement(awardId, {
 *   amount: { amount: '60000.00', currency: 'MAD' }, paidOn: '2026-07-15', reference: 'OP-2026-0412',
 * });
 * ```
 */
export const RecordDisbursement = /* @__PURE__ */ (() =>
  z.strictObject({
    amount: Money,
    paidOn: CalendarDate,
    reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  }))();
export type RecordDisbursement = z.infer<typeof RecordDisbursement>;
