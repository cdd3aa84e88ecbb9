import {
  getAwardReportFile,
  listAssociationReports,
  listAwardReports,
  listCallReports,
  listDisbursements,
  REPORT_FILE_MAX_BYTES,
  REPORT_FILE_MEDIA_TYPES,
  recordDisbursement,
  reviewAwardReport,
  submitAwardReport,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, QueryOf, RequestOptions, RouteResult } from '../types.js';
import { type UploadFile, type UploadProgress, uploadFile } from '../upload.js';

/** The routes `client.awardReports` wraps. */
export const awardReportsRoutes = [
  listAwardReports,
  submitAwardReport,
  getAwardReportFile,
  reviewAwardReport,
  listDisbursements,
  recordDisbursement,
  listCallReports,
  listAssociationReports,
] as const;

/**
 * What {@link AwardReportsArea.submit} takes besides the award and the requirement: the summary, and
 * optionally one file (checked here against the size and formats the server accepts before a byte is sent).
 *
 * @example
 * ```ts
 * const input: ReportSubmissionInput = { summary: 'Activités du semestre', file: input.files[0] };
 * ```
 */
export type ReportSubmissionInput = RequestOptions & {
  summary: string;
  file?: UploadFile | undefined;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
};

type ReportQuery = QueryOf<typeof listCallReports>;

/**
 * `client.awardReports`: what follows an award. The awarded association's members read its reports, their
 * files and its tranches; its representative submits every report and its treasurer the financial ones; the
 * funding organisation's call managers and admins
 * receive, accept or return them and record the tranches paid. Staff of another organisation get
 * `NassijApiError` 403 `forbidden`; a review of a report not submitted, or a second submission, 409
 * `invalid_state`; a tranche beyond the award, `NassijValidationError` on `/amount`.
 *
 * @example
 * ```ts
 * const { items } = await client.awardReports.ofAssociation(associationId, { overdue: true });
 * await client.awardReports.submit(items[0].awardId, items[0].requirementId, { summary: 'Bilan', file: pdf });
 * await staff.awardReports.review(awardId, 'progress', { outcome: 'accepted' });
 * ```
 */
export interface AwardReportsArea {
  /**
   * The reports an award owes, one per requirement of its call, in due date order.
   *
   * @example
   * ```ts
   * const late = (await client.awardReports.list(awardId)).items.filter((report) => report.overdue);
   * ```
   */
  list(awardId: string, options?: RequestOptions): Promise<RouteResult<typeof listAwardReports>>;
  /**
   * Submits a report (the representative of the awarded association, or its treasurer for a financial
   * report), with an optional file; a returned report may be submitted again. The file's
   * `submission.attachment.scanState` is `pending` until the server has scanned it.
   *
   * @example
   * ```ts
   * const report = await client.awardReports.submit(awardId, 'final', { summary: 'Bilan final', file });
   * report.status; // 'submitted'
   * ```
   */
  submit(
    awardId: string,
    requirementId: string,
    input: ReportSubmissionInput,
  ): Promise<RouteResult<typeof submitAwardReport>>;
  /**
   * The file of a report's last submission, as a `Blob`, for the awarded association's members and the
   * funding organisation's staff. Served only once its scan found it clean: `NassijApiError` 409
   * `invalid_state` while `pending`, or when `infected` or `error`; 404 when the submission has no file.
   *
   * @example
   * ```ts
   * const file = await staff.awardReports.downloadFile(awardId, 'progress');
   * await writeFile('rapport.pdf', new Uint8Array(await file.arrayBuffer()));
   * ```
   */
  downloadFile(
    awardId: string,
    requirementId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getAwardReportFile>>;
  /**
   * The funder marks a submitted report `received`, `accepted` or `returned` (with the `reason` the
   * association reads).
   *
   * @example
   * ```ts
   * await staff.awardReports.review(awardId, 'final', { outcome: 'returned', reason: 'Factures manquantes' });
   * ```
   */
  review(
    awardId: string,
    requirementId: string,
    body: BodyOf<typeof reviewAwardReport>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof reviewAwardReport>>;
  /**
   * The tranches paid of an award, with the amount awarded and the sum paid.
   *
   * @example
   * ```ts
   * const { disbursed, awarded } = await client.awardReports.disbursements(awardId);
   * ```
   */
  disbursements(awardId: string, options?: RequestOptions): Promise<RouteResult<typeof listDisbursements>>;
  /**
   * Records the next tranche paid (the funder's staff); refused beyond what remains of the award.
   *
   * @example
   * ```ts
   * await staff.awardReports.recordDisbursement(awardId, {
   *   amount: { amount: '60000.00', currency: 'MAD' }, paidOn: '2026-07-15', reference: 'OP-2026-0412',
   * });
   * ```
   */
  recordDisbursement(
    awardId: string,
    body: BodyOf<typeof recordDisbursement>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof recordDisbursement>>;
  /**
   * A page of every award's reports of a call (the funder's staff), by `status` and `overdue`: award by
   * award, the most recently decided first, each award's reports in due date order. `limit` counts reports;
   * pass `nextCursor` back as `cursor` for the next page, or use {@link AwardReportsArea.iterateOfCall}.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await staff.awardReports.ofCall(callId, { status: ['submitted'], limit: 50 });
   * ```
   */
  ofCall(
    callId: string,
    query?: ReportQuery,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listCallReports>>;
  /**
   * Every award's reports of a call, lazily, page after page.
   *
   * @example
   * ```ts
   * for await (const report of staff.awardReports.iterateOfCall(callId, { overdue: true })) remind(report);
   * const waiting = await staff.awardReports.iterateOfCall(callId, { status: ['submitted'] }).collect({ limit: 200 });
   * ```
   */
  iterateOfCall(
    callId: string,
    query?: PageQueryInput<typeof listCallReports>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listCallReports>>;
  /**
   * A page of what an association owes over all its awards (its members), by `status` and `overdue`, in
   * the order of {@link AwardReportsArea.ofCall}.
   *
   * @example
   * ```ts
   * const { items } = await client.awardReports.ofAssociation(associationId, { overdue: true });
   * ```
   */
  ofAssociation(
    associationId: string,
    query?: ReportQuery,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listAssociationReports>>;
  /**
   * Every report an association owes over all its awards, lazily, page after page.
   *
   * @example
   * ```ts
   * const late = await client.awardReports.iterateOfAssociation(associationId, { overdue: true }).collect({ limit: 100 });
   * ```
   */
  iterateOfAssociation(
    associationId: string,
    query?: PageQueryInput<typeof listAssociationReports>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listAssociationReports>>;
}

/**
 * Builds `client.awardReports` over a transport.
 *
 * @example
 * ```ts
 * const awardReports = awardReportsArea(client.transport);
 * ```
 */
export function awardReportsArea(t: Transport): AwardReportsArea {
  return {
    list: (awardId, options) => t.op(listAwardReports, { params: { awardId } }, options),
    submit: (awardId, requirementId, { summary, file, onProgress, ...options }) => {
      const params = { awardId, requirementId };
      if (file)
        return uploadFile(t, submitAwardReport, {
          ...options,
          params,
          file,
          fields: { summary },
          onProgress,
          rules: { maxBytes: REPORT_FILE_MAX_BYTES, mediaTypes: REPORT_FILE_MEDIA_TYPES },
        });
      // Multipart even without a file: the route takes one body kind.
      const form = new FormData();
      form.append('summary', summary);
      return t.send(submitAwardReport, { ...options, params, body: undefined } as never, {
        make: () => form,
      });
    },
    downloadFile: (awardId, requirementId, options) =>
      t.op(getAwardReportFile, { params: { awardId, requirementId } }, options),
    review: (awardId, requirementId, body, options) =>
      t.op(reviewAwardReport, { params: { awardId, requirementId }, body }, options),
    disbursements: (awardId, options) => t.op(listDisbursements, { params: { awardId } }, options),
    recordDisbursement: (awardId, body, options) =>
      t.op(recordDisbursement, { params: { awardId }, body }, options),
    ofCall: (callId, query, options) =>
      t.op(listCallReports, { params: { callId }, query: query ?? {} }, options),
    iterateOfCall: (callId, query, options) =>
      iterate(t, listCallReports, query, { ...options, params: { callId } }),
    ofAssociation: (associationId, query, options) =>
      t.op(listAssociationReports, { params: { associationId }, query: query ?? {} }, options),
    iterateOfAssociation: (associationId, query, options) =>
      iterate(t, listAssociationReports, query, { ...options, params: { associationId } }),
  };
}
